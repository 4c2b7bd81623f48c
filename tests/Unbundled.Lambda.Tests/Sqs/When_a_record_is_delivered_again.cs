using Amazon.SQS.Model;
using Unbundled.Lambda.Sqs;
using Unbundled.Messaging;
using Xunit;

namespace Unbundled.Lambda.Tests.Sqs;

/// <summary>Each delivery of a record after its first is one delayed retry done (docs/lambda.md#sqs-event).</summary>
public sealed class When_a_record_is_delivered_again
{
    [Theory]
    [InlineData("2", null, "1")]
    [InlineData("3", null, "2")]
    [InlineData("2", "1", "2")]
    public void Should_count_its_earlier_deliveries_as_delayed_retries(string receiveCount, string? carried, string counted)
    {
        var headers = WithRetries(carried);

        DelayedRetriesDone.Count(headers, Record(receiveCount));

        Assert.Equal(counted, headers[Headers.DelayedRetries]);
    }

    [Theory]
    [InlineData("1", null, null)]
    [InlineData("1", "2", "2")]
    [InlineData(null, null, null)]
    [InlineData("many", null, null)]
    public void Should_leave_the_count_as_it_came_on_a_first_delivery(string? receiveCount, string? carried, string? counted)
    {
        var headers = WithRetries(carried);

        DelayedRetriesDone.Count(headers, Record(receiveCount));

        Assert.Equal(counted, headers.GetValueOrDefault(Headers.DelayedRetries));
    }

    private static Dictionary<string, string> WithRetries(string? carried) =>
        carried is null ? [] : new() { [Headers.DelayedRetries] = carried };

    private static Message Record(string? receiveCount) => new()
    {
        MessageId = "m-1",
        Attributes = receiveCount is null ? [] : new() { ["ApproximateReceiveCount"] = receiveCount },
    };
}
