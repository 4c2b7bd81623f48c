using System.Net;
using System.Xml;
using System.Xml.Linq;

namespace Unbundled.Messaging.AmazonSqs.Sns;

/// <summary>Reads SNS Query API responses: <c>&lt;{Action}Response&gt;&lt;{Action}Result&gt;</c> on success, <c>&lt;ErrorResponse&gt;</c> on failure.</summary>
internal static class SnsXml
{
    public static readonly XNamespace Namespace = "http://sns.amazonaws.com/doc/2010-03-31/";

    private static readonly XmlReaderSettings ReaderSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    public static XElement Result(string body, string action)
    {
        var root = Parse(body)?.Root;
        return root?.Element(Namespace + (action + "Result"))
            ?? throw new SnsException("MalformedResponse", $"No {action}Result in the response: {Snippet(body)}", HttpStatusCode.OK);
    }

    /// <summary>The error SNS sent; a body that is not an SNS error (a proxy's HTML page, nothing at all) keeps the HTTP status as its code.</summary>
    public static SnsException Error(string body, HttpStatusCode statusCode)
    {
        var error = Parse(body)?.Root?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
        var code = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
        var message = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
        return new SnsException(
            string.IsNullOrEmpty(code) ? statusCode.ToString() : code,
            message ?? Snippet(body),
            statusCode);
    }

    public static string Required(this XElement parent, string name) =>
        parent.Element(Namespace + name)?.Value
        ?? throw new SnsException("MalformedResponse", $"<{name}> missing in <{parent.Name.LocalName}>.", HttpStatusCode.OK);

    public static string? Optional(this XElement parent, string name) => parent.Element(Namespace + name)?.Value;

    /// <summary>The <c>&lt;member&gt;</c> children of a list element such as <c>&lt;Subscriptions&gt;</c>; none when the list is absent.</summary>
    public static IEnumerable<XElement> Members(this XElement parent, string listName) =>
        parent.Element(Namespace + listName)?.Elements(Namespace + "member") ?? [];

    /// <summary>An <c>&lt;Attributes&gt;&lt;entry&gt;&lt;key/&gt;&lt;value/&gt;&lt;/entry&gt;</c> map.</summary>
    public static Dictionary<string, string> Map(this XElement parent, string mapName) =>
        (parent.Element(Namespace + mapName)?.Elements(Namespace + "entry") ?? [])
            .ToDictionary(entry => entry.Required("key"), entry => entry.Optional("value") ?? "", StringComparer.Ordinal);

    private static XDocument? Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            // SNS never sends a DTD; refusing them means a hostile endpoint cannot make us expand entities.
            using var reader = XmlReader.Create(new StringReader(body), ReaderSettings);
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static string Snippet(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
