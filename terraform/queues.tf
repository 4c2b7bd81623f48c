################################################################################
# Endpoint input queues
#
# As NServiceBus.AmazonSQS's installer creates them (docs/wire-format.md §3.1): standard queues, 4 days retention, the default
# 30 s visibility timeout (the endpoints renew it while a handler runs).
#
# No redrive_policy, on purpose. Recoverability runs inside the endpoint: immediate retries, delayed retries, and then a
# move to the `error` queue with the fault headers (NServiceBus.FailedQ, the exception) that ServiceControl needs to show
# and retry the message. An SQS redrive would take messages away before that: every immediate retry returns the message
# with visibility 0 and so raises ApproximateReceiveCount, and whatever the redrive moved would reach its dead-letter
# queue without fault headers, invisible to ServiceControl. The error path of these queues is the `error` queue below.
################################################################################

resource "aws_sqs_queue" "endpoint" {
  for_each = local.endpoint_queues

  name                      = "${local.queue_name_prefix}${each.value}"
  message_retention_seconds = 345600
  sqs_managed_sse_enabled   = true
  # An event source mapping keeps a batch in flight for the visibility timeout; AWS asks for 6 times the function's timeout.
  visibility_timeout_seconds = local.ecs ? 30 : 6 * var.lambda_timeout_seconds
}

################################################################################
# Delayed delivery
#
# Each receiving queue has a `-delay.fifo` companion for delays beyond SQS's 900 s maximum (docs/wire-format.md §3.4).
# NServiceBus.AmazonSQS checks these attributes at start-up: DelaySeconds >= 900, retention >= 4 days, and no redrive
# policy, since the endpoint's delay pump moves every message on to the input queue itself.
################################################################################

resource "aws_sqs_queue" "delay" {
  for_each = local.endpoint_queues

  name                      = "${local.queue_name_prefix}${each.value}-delay.fifo"
  fifo_queue                = true
  delay_seconds             = 900
  message_retention_seconds = 345600
  sqs_managed_sse_enabled   = true
}

################################################################################
# Error and audit (docs/wire-format.md §4)
#
# Where recoverability moves failed messages, and where audited messages go; ServiceControl reads both. They end the
# line, so they have no dead-letter queue of their own. The error queue keeps messages for 14 days (the SQS maximum)
# rather than 4: without ServiceControl running, it is the only record of a failed invitation.
################################################################################

resource "aws_sqs_queue" "error" {
  name                      = "${local.queue_name_prefix}error"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}

resource "aws_sqs_queue" "audit" {
  name                      = "${local.queue_name_prefix}audit"
  message_retention_seconds = 345600
  sqs_managed_sse_enabled   = true
}

################################################################################
# ServiceControl (docs/wire-format.md §6.1)
#
# Heartbeats and custom checks, retry staging, and monitoring. ServiceControl runs with unrestricted delayed delivery
# off, so these queues have no `-delay.fifo` companions; it consumes them itself, so there is no dead-letter queue.
################################################################################

resource "aws_sqs_queue" "servicecontrol" {
  # The service platform reads them, so turning it on creates them whatever create_servicecontrol_queues says.
  for_each = var.create_servicecontrol_queues || var.enable_service_platform ? local.servicecontrol_queues : {}

  name                      = "${local.queue_name_prefix}${each.value}"
  message_retention_seconds = 345600
  sqs_managed_sse_enabled   = true
}
