using Unbundled.Messaging.AmazonSqs.Sns;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Sns;

public sealed class QueuePolicyTests
{
    private const string QueueArn = "arn:aws:sqs:us-west-2:123456789012:DEV-Sales";
    private const string OrderPlaced = "arn:aws:sns:us-west-2:123456789012:DEV-MyCompany-Sales-OrderPlaced";
    private const string OrderBilled = "arn:aws:sns:us-west-2:123456789012:DEV-MyCompany-Billing-OrderBilled";

    [Fact]
    public void Grants_one_topic_in_one_statement() =>
        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-west-2:123456789012:DEV-Sales","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:sns:us-west-2:123456789012:DEV-MyCompany-Sales-OrderPlaced"}}}]}""",
            QueuePolicy.Create(QueueArn, [OrderPlaced]));

    [Fact]
    public void Grants_several_topics_as_a_sorted_list() =>
        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-west-2:123456789012:DEV-Sales","Condition":{"ArnLike":{"aws:SourceArn":["arn:aws:sns:us-west-2:123456789012:DEV-MyCompany-Billing-OrderBilled","arn:aws:sns:us-west-2:123456789012:DEV-MyCompany-Sales-OrderPlaced"]}}}]}""",
            QueuePolicy.Create(QueueArn, [OrderPlaced, OrderBilled]));

    [Fact]
    public void Merging_a_new_topic_extends_the_one_statement()
    {
        var merged = QueuePolicy.Merge(QueuePolicy.Create(QueueArn, [OrderPlaced]), QueueArn, [OrderBilled]);

        Assert.Equal(QueuePolicy.Create(QueueArn, [OrderBilled, OrderPlaced]), merged);
    }

    [Fact]
    public void Merging_a_topic_already_granted_changes_nothing() =>
        Assert.Null(QueuePolicy.Merge(QueuePolicy.Create(QueueArn, [OrderPlaced, OrderBilled]), QueueArn, [OrderBilled]));

    [Fact]
    public void Merging_a_topic_a_wildcard_covers_changes_nothing()
    {
        var wildcard = QueuePolicy.TopicPrefixWildcard(OrderPlaced, "DEV-");

        Assert.Null(QueuePolicy.Merge(QueuePolicy.Create(QueueArn, [wildcard]), QueueArn, [OrderBilled]));
    }

    [Fact]
    public void A_wildcard_replaces_the_topics_it_covers()
    {
        var wildcard = QueuePolicy.TopicPrefixWildcard(OrderPlaced, "DEV-");

        var merged = QueuePolicy.Merge(QueuePolicy.Create(QueueArn, [OrderPlaced, OrderBilled]), QueueArn, [wildcard]);

        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-west-2:123456789012:DEV-Sales","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:sns:us-west-2:123456789012:DEV-*"}}}]}""",
            merged);
    }

    [Fact]
    public void Folds_one_statement_per_topic_into_one_and_keeps_unrelated_statements()
    {
        // The shape older NServiceBus versions left behind, formatted as the AWS console shows it, plus someone else's grant.
        const string existing = """
            {
              "Version": "2012-10-17",
              "Id": "custom",
              "Statement": [
                { "Sid": "ops", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:root" }, "Action": "sqs:*", "Resource": "arn:aws:sqs:us-west-2:123456789012:DEV-Sales" },
                { "Effect": "Allow", "Principal": "*", "Action": "SQS:SendMessage", "Resource": "arn:aws:sqs:us-west-2:123456789012:DEV-Sales",
                  "Condition": { "ArnLike": { "aws:SourceArn": "arn:aws:sns:us-west-2:123456789012:DEV-MyCompany-Sales-OrderPlaced" } } },
                { "Effect": "Allow", "Principal": { "AWS": ["*"] }, "Action": ["sqs:SendMessage"], "Resource": ["arn:aws:sqs:us-west-2:123456789012:DEV-Sales"],
                  "Condition": { "ArnLike": { "aws:SourceArn": ["arn:aws:sns:us-west-2:123456789012:DEV-Legacy"] } } }
              ]
            }
            """;

        var merged = QueuePolicy.Merge(existing, QueueArn, [OrderBilled]);

        Assert.Equal(
            """{"Version":"2012-10-17","Id":"custom","Statement":[{"Sid":"ops","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sqs:*","Resource":"arn:aws:sqs:us-west-2:123456789012:DEV-Sales"},{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-west-2:123456789012:DEV-Sales","Condition":{"ArnLike":{"aws:SourceArn":["arn:aws:sns:us-west-2:123456789012:DEV-Legacy","arn:aws:sns:us-west-2:123456789012:DEV-MyCompany-Billing-OrderBilled","arn:aws:sns:us-west-2:123456789012:DEV-MyCompany-Sales-OrderPlaced"]}}}]}""",
            merged);
    }

    [Fact]
    public void Leaves_grants_for_other_queues_alone()
    {
        var otherQueue = QueuePolicy.Create("arn:aws:sqs:us-west-2:123456789012:DEV-Billing", [OrderPlaced]);

        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-west-2:123456789012:DEV-Billing","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:sns:us-west-2:123456789012:DEV-MyCompany-Sales-OrderPlaced"}}},{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-west-2:123456789012:DEV-Sales","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:sns:us-west-2:123456789012:DEV-MyCompany-Sales-OrderPlaced"}}}]}""",
            QueuePolicy.Merge(otherQueue, QueueArn, [OrderPlaced]));
    }

    [Fact]
    public void Builds_wildcards_from_a_topic_arn()
    {
        Assert.Equal("arn:aws:sns:us-west-2:123456789012:DEV-*", QueuePolicy.TopicPrefixWildcard(OrderPlaced, "DEV-"));
        Assert.Equal("arn:aws:sns:us-west-2:123456789012:*", QueuePolicy.TopicPrefixWildcard(OrderPlaced, ""));
    }

    [Fact]
    public void Rejects_a_policy_that_is_not_a_json_object() =>
        Assert.Throws<FormatException>(() => QueuePolicy.Merge("[]", QueueArn, [OrderPlaced]));
}
