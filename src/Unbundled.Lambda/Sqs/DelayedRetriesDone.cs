using System.Globalization;
using Amazon.SQS.Model;
using Unbundled.Messaging;

namespace Unbundled.Lambda.Sqs;

/// <summary>
/// A record's delayed retries are its earlier deliveries: a delayed retry brings the record itself back, unchanged, with
/// SQS's <c>ApproximateReceiveCount</c> one higher (docs/lambda.md#sqs-event). Recoverability reads them from the
/// <c>NServiceBus.Retries</c> header, as a delayed retry's copy carries it on the SQS transport.
/// </summary>
internal static class DelayedRetriesDone
{
    public static void Count(Dictionary<string, string> headers, Message record)
    {
        var deliveries = record.Attributes?.TryGetValue("ApproximateReceiveCount", out var count) == true
            && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var received) && received > 0 ? received : 1;
        // A copy an SQS transport endpoint retried before it came here carries its own count.
        var carried = headers.TryGetValue(Headers.DelayedRetries, out var retries)
            && int.TryParse(retries, NumberStyles.None, CultureInfo.InvariantCulture, out var done) ? done : 0;
        if (deliveries > 1)
        {
            headers[Headers.DelayedRetries] = (carried + deliveries - 1).ToString(CultureInfo.InvariantCulture);
        }
    }
}
