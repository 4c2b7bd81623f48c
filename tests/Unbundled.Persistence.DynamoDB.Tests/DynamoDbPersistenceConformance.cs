using Unbundled.PersistenceTests.Scenarios;

// The persistence conformance suite bound to DynamoDB (dynalite): one line per scenario, nothing else.
namespace Unbundled.Persistence.DynamoDB.Tests;

public sealed class When_an_outbox_record_is_stored : When_an_outbox_record_is_stored<DynamoDbWorld>;

public sealed class When_an_email_is_claimed : When_an_email_is_claimed<DynamoDbWorld>;

public sealed class When_a_customer_view_is_saved : When_a_customer_view_is_saved<DynamoDbWorld>;

public sealed class When_two_events_for_one_customer_are_projected_at_once : When_two_events_for_one_customer_are_projected_at_once<DynamoDbWorld>;

public sealed class When_a_decided_message_is_redelivered : When_a_decided_message_is_redelivered<DynamoDbWorld>;

public sealed class When_an_endpoint_records_its_status : When_an_endpoint_records_its_status<DynamoDbWorld>;
