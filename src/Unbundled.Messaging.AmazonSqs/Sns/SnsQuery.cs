namespace Unbundled.Messaging.AmazonSqs.Sns;

/// <summary>The form-urlencoded parameters of one SNS Query API call, flattened the way SNS expects maps and lists.</summary>
internal sealed class SnsQuery
{
    public const string ApiVersion = "2010-03-31";

    private readonly List<KeyValuePair<string, string>> parameters = [];

    public SnsQuery(string action)
    {
        Action = action;
        Add("Action", action).Add("Version", ApiVersion);
    }

    public string Action { get; }

    public SnsQuery Add(string name, string value)
    {
        parameters.Add(new(name, value));
        return this;
    }

    /// <summary>A string map such as subscription or topic attributes: <c>{prefix}.entry.N.key</c> / <c>.value</c>, N from 1.</summary>
    public SnsQuery AddMap(string prefix, IReadOnlyDictionary<string, string>? map)
    {
        var n = 0;
        foreach (var (key, value) in Ordered(map))
        {
            n++;
            Add($"{prefix}.entry.{n}.key", key).Add($"{prefix}.entry.{n}.value", value);
        }

        return this;
    }

    /// <summary>Message attributes: <c>{prefix}.entry.N.Name</c>, <c>.Value.DataType</c>, <c>.Value.StringValue</c>.</summary>
    public SnsQuery AddMessageAttributes(string prefix, IReadOnlyDictionary<string, SnsMessageAttribute>? attributes)
    {
        var n = 0;
        foreach (var (name, attribute) in Ordered(attributes))
        {
            n++;
            Add($"{prefix}.entry.{n}.Name", name)
                .Add($"{prefix}.entry.{n}.Value.DataType", attribute.DataType)
                .Add($"{prefix}.entry.{n}.Value.StringValue", attribute.StringValue);
        }

        return this;
    }

    public FormUrlEncodedContent ToContent() => new(parameters);

    // Ordinal order keeps the request bytes, and so a captured request, the same from run to run.
    private static IEnumerable<KeyValuePair<string, TValue>> Ordered<TValue>(IReadOnlyDictionary<string, TValue>? map) =>
        map is null ? [] : map.OrderBy(pair => pair.Key, StringComparer.Ordinal);
}
