using Unbundled.AcceptanceTests.Scenarios;

// The acceptance suite bound to the embedded shell: one line per scenario, nothing else.
namespace Unbundled.AcceptanceTests.Embedded;

public sealed class When_a_customer_is_invited(EmbeddedSystem system) : When_a_customer_is_invited<EmbeddedSystem>(system);

public sealed class When_an_email_is_invited_twice(EmbeddedSystem system) : When_an_email_is_invited_twice<EmbeddedSystem>(system);

public sealed class When_the_email_is_not_acceptable(EmbeddedSystem system) : When_the_email_is_not_acceptable<EmbeddedSystem>(system);

public sealed class When_invites_race(EmbeddedSystem system) : When_invites_race<EmbeddedSystem>(system);

public sealed class When_the_system_restarts(EmbeddedSystem system) : When_the_system_restarts<EmbeddedSystem>(system);

public sealed class When_a_handler_fails_once(EmbeddedSystem system) : When_a_handler_fails_once<EmbeddedSystem>(system);

public sealed class When_a_message_cannot_be_processed(EmbeddedSystem system) : When_a_message_cannot_be_processed<EmbeddedSystem>(system);

public sealed class When_an_operator_asks_for_health(EmbeddedSystem system) : When_an_operator_asks_for_health<EmbeddedSystem>(system);

public sealed class When_an_operator_retries_a_failed_message(OperatedEmbeddedSystem system) : When_an_operator_retries_a_failed_message<OperatedEmbeddedSystem>(system);
