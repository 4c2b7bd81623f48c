using Unbundled.AcceptanceTests.Scenarios;

// The acceptance suite bound to the Lambda shell through the local harness: one line per scenario, nothing else.
namespace Unbundled.AcceptanceTests.Lambda;

public sealed class When_a_customer_is_invited(LambdaSystem system) : When_a_customer_is_invited<LambdaSystem>(system);

public sealed class When_an_email_is_invited_twice(LambdaSystem system) : When_an_email_is_invited_twice<LambdaSystem>(system);

public sealed class When_the_email_is_not_acceptable(LambdaSystem system) : When_the_email_is_not_acceptable<LambdaSystem>(system);

public sealed class When_invites_race(LambdaSystem system) : When_invites_race<LambdaSystem>(system);

public sealed class When_the_system_restarts(LambdaSystem system) : When_the_system_restarts<LambdaSystem>(system);

public sealed class When_a_handler_fails_once(LambdaSystem system) : When_a_handler_fails_once<LambdaSystem>(system);

public sealed class When_a_message_cannot_be_processed(LambdaSystem system) : When_a_message_cannot_be_processed<LambdaSystem>(system);

public sealed class When_an_operator_asks_for_health(LambdaSystem system) : When_an_operator_asks_for_health<LambdaSystem>(system);
