using System.Net;
using Unbundled.Messaging.AmazonSqs.Sns;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Sns;

public sealed class SnsXmlTests
{
    [Fact]
    public void Reads_code_and_message_of_an_error_response()
    {
        const string body = """
            <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <Error><Type>Sender</Type><Code>AuthorizationError</Code><Message>User is not authorized</Message></Error>
              <RequestId>42</RequestId>
            </ErrorResponse>
            """;

        var error = SnsXml.Error(body, HttpStatusCode.Forbidden);

        Assert.Equal(("AuthorizationError", "User is not authorized", HttpStatusCode.Forbidden), (error.Code, error.ErrorMessage, error.StatusCode));
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void An_error_that_is_not_xml_keeps_the_http_status_as_code()
    {
        var error = SnsXml.Error("<html>Bad gateway</html", HttpStatusCode.BadGateway);

        Assert.Equal("BadGateway", error.Code);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public void Refuses_a_document_type_definition()
    {
        const string body = """<!DOCTYPE r [<!ENTITY x "boom">]><CreateTopicResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><CreateTopicResult><TopicArn>&x;</TopicArn></CreateTopicResult></CreateTopicResponse>""";

        Assert.Equal("MalformedResponse", Assert.Throws<SnsException>(() => SnsXml.Result(body, "CreateTopic")).Code);
    }
}
