using Unbundled.AcceptanceTests.Scenarios;

// The acceptance suite bound to the AWS shell, each endpoint its own OS process: one line per scenario, nothing else.
namespace Unbundled.AcceptanceTests.Aws;

public sealed class When_a_customer_is_invited(AwsSystem system) : When_a_customer_is_invited<AwsSystem>(system);

public sealed class When_an_email_is_invited_twice(AwsSystem system) : When_an_email_is_invited_twice<AwsSystem>(system);

public sealed class When_the_email_is_not_acceptable(AwsSystem system) : When_the_email_is_not_acceptable<AwsSystem>(system);

public sealed class When_invites_race(AwsSystem system) : When_invites_race<AwsSystem>(system);

public sealed class When_the_system_restarts(AwsSystem system) : When_the_system_restarts<AwsSystem>(system);

public sealed class When_a_handler_fails_once(AwsSystem system) : When_a_handler_fails_once<AwsSystem>(system);

public sealed class When_a_message_cannot_be_processed(AwsSystem system) : When_a_message_cannot_be_processed<AwsSystem>(system);

public sealed class When_an_operator_asks_for_health(AwsSystem system) : When_an_operator_asks_for_health<AwsSystem>(system);

public sealed class When_an_operator_retries_a_failed_message(OperatedAwsSystem system) : When_an_operator_retries_a_failed_message<OperatedAwsSystem>(system);
