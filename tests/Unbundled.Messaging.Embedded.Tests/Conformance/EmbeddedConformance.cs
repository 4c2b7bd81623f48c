using Unbundled.Messaging.TransportTests.Scenarios;

// The transport conformance suite bound to the embedded transport: one line per scenario, nothing else.
namespace Unbundled.Messaging.Embedded.Tests.Conformance;

public sealed class When_sending_a_command : When_sending_a_command<EmbeddedWorld>;

public sealed class When_publishing_an_event : When_publishing_an_event<EmbeddedWorld>;

public sealed class When_requesting_a_reply : When_requesting_a_reply<EmbeddedWorld>;

public sealed class When_delaying_delivery : When_delaying_delivery<EmbeddedWorld>;

public sealed class When_a_handler_fails_once : When_a_handler_fails_once<EmbeddedWorld>;

public sealed class When_immediate_retries_are_exhausted : When_immediate_retries_are_exhausted<EmbeddedWorld>;

public sealed class When_all_retries_fail : When_all_retries_fail<EmbeddedWorld>;

public sealed class When_a_message_cannot_be_processed : When_a_message_cannot_be_processed<EmbeddedWorld>;

public sealed class When_concurrency_is_limited : When_concurrency_is_limited<EmbeddedWorld>;

public sealed class When_two_instances_compete : When_two_instances_compete<EmbeddedWorld>;

public sealed class When_an_endpoint_restarts : When_an_endpoint_restarts<EmbeddedWorld>;

public sealed class When_an_endpoint_stops : When_an_endpoint_stops<EmbeddedWorld>;

public sealed class When_a_message_has_a_time_to_be_received : When_a_message_has_a_time_to_be_received<EmbeddedWorld>;

public sealed class When_ServiceControl_retries_a_failed_message : When_ServiceControl_retries_a_failed_message<EmbeddedWorld>;

public sealed class When_ServiceControl_monitors_an_endpoint : When_ServiceControl_monitors_an_endpoint<EmbeddedWorld>;
public sealed class When_an_operator_retries_from_error : When_an_operator_retries_from_error<EmbeddedWorld>;
