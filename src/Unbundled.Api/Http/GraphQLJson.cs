using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using Unbundled.Api.GraphQL;
using Unbundled.Api.Limits;

namespace Unbundled.Api.Http;

/// <summary>
/// graphql-dotnet's System.Text.Json serializer, with its converters, used straight on Kestrel's pipes: the request is
/// read whole from the body reader and parsed in one go, and the answer is written in one piece with its length, so it
/// goes out without chunked encoding and its end costs no second write to the socket.
/// </summary>
internal sealed class GraphQLJson(RequestLimits limits) : GraphQLSerializer
{
    /// <summary>Reads the whole body as one <see cref="GraphQLRequest"/>; throws <see cref="JsonException"/> when it is not.</summary>
    public async ValueTask<GraphQLRequest?> ReadRequest(PipeReader body, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken);
            if (read.IsCompleted || read.IsCanceled)
            {
                try
                {
                    return ParseRequest(read.Buffer);
                }
                finally
                {
                    body.AdvanceTo(read.Buffer.End);
                }
            }

            // Nothing consumed, everything examined: wake up when more has arrived.
            body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    /// <summary>
    /// Writes the answer with its Content-Length: at most <see cref="RequestLimits.MaxErrors"/> errors, and no more than
    /// <see cref="RequestLimits.MaxResponseBytes"/> (a larger answer is replaced by an error saying so).
    /// </summary>
    public ValueTask<FlushResult> Write(HttpResponse response, ExecutionResult result, CancellationToken cancellationToken)
    {
        if (result.Errors is { Count: var errors } && errors > limits.MaxErrors)
        {
            result.Errors = [.. result.Errors.Take(limits.MaxErrors), new ExecutionError($"{errors - limits.MaxErrors} more errors were left out.") { Code = ErrorCodes.TooManyErrors }];
        }

        // The serializer's own per-thread writer does the work; only the finished bytes are allocated.
        var json = JsonSerializer.SerializeToUtf8Bytes(result, SerializerOptions);
        if (json.Length > limits.MaxResponseBytes)
        {
            var tooLarge = new ExecutionError($"The answer would be {json.Length} bytes; at most {limits.MaxResponseBytes} are sent.") { Code = ErrorCodes.ResponseTooLarge };
            json = JsonSerializer.SerializeToUtf8Bytes(new ExecutionResult { Errors = [tooLarge] }, SerializerOptions);
        }

        response.ContentLength = json.Length;
        return response.BodyWriter.WriteAsync(json, cancellationToken);
    }

    private GraphQLRequest? ParseRequest(ReadOnlySequence<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions
        {
            AllowTrailingCommas = SerializerOptions.AllowTrailingCommas,
            CommentHandling = SerializerOptions.ReadCommentHandling,
            MaxDepth = SerializerOptions.MaxDepth,
        });
        var request = JsonSerializer.Deserialize<GraphQLRequest>(ref reader, SerializerOptions);

        // The body must be one JSON value, as it must when the serializer reads a whole stream.
        if (reader.Read())
        {
            throw new JsonException("The request body holds more than one JSON value.");
        }

        return request;
    }
}
