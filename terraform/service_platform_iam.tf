################################################################################
# The service platform's task roles: one per ServiceControl instance, each on its own queues
# (https://docs.particular.net/servicecontrol/queues lists who reads and writes which). Terraform creates every queue
# and the instances run setup with --skip-queue-creation, so none may create or reconfigure a queue. ServicePulse only
# talks HTTP to the instances and has no role.
################################################################################

locals {
  service_platform_roles = { servicecontrol = "error instance", audit = "audit instance", monitoring = "monitoring instance" }

  # What an instance does with the queues it consumes: receive, delete, extend visibility, check them at start-up, and
  # send (retries and control messages go through the same queues).
  service_platform_consume = [
    "sqs:ChangeMessageVisibility",
    "sqs:DeleteMessage",
    "sqs:GetQueueAttributes",
    "sqs:GetQueueUrl",
    "sqs:ReceiveMessage",
    "sqs:SendMessage",
  ]

  endpoint_queue_arns = [for queue in aws_sqs_queue.endpoint : queue.arn]
}

resource "aws_iam_role" "service_platform_task" {
  for_each = var.enable_service_platform ? local.service_platform_roles : {}

  name               = "${local.resource_prefix}-${each.key}-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

# The error and audit instances mount their database's directory, and only that: EFS checks the access point.
data "aws_iam_policy_document" "service_platform_database" {
  for_each = var.enable_service_platform ? local.service_platform_databases : {}

  statement {
    sid       = "Database"
    actions   = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"]
    resources = [aws_efs_file_system.service_platform[0].arn]

    condition {
      test     = "StringEquals"
      variable = "elasticfilesystem:AccessPointArn"
      values   = [aws_efs_access_point.service_platform[each.key].arn]
    }
  }
}

# The error instance ingests `error`, keeps its input, staging and own error queues, and sends retried messages back to
# the endpoint that failed them (the NServiceBus.FailedQ header names an endpoint input queue).
data "aws_iam_policy_document" "servicecontrol_task" {
  count = local.platform ? 1 : 0

  source_policy_documents = [data.aws_iam_policy_document.service_platform_database["servicecontrol"].json]

  statement {
    sid     = "OwnQueues"
    actions = local.service_platform_consume
    resources = [
      aws_sqs_queue.error.arn,
      aws_sqs_queue.servicecontrol["servicecontrol"].arn,
      aws_sqs_queue.servicecontrol["servicecontrol_staging"].arn,
      aws_sqs_queue.service_platform["servicecontrol_error"].arn,
    ]
  }

  statement {
    sid       = "RetryToEndpoints"
    actions   = ["sqs:GetQueueUrl", "sqs:SendMessage"]
    resources = local.endpoint_queue_arns
  }
}

# The audit instance ingests `audit`, keeps its input and error queues, and tells the error instance about new endpoints
# and successful retries.
data "aws_iam_policy_document" "audit_task" {
  count = local.platform ? 1 : 0

  source_policy_documents = [data.aws_iam_policy_document.service_platform_database["audit"].json]

  statement {
    sid     = "OwnQueues"
    actions = local.service_platform_consume
    resources = [
      aws_sqs_queue.audit.arn,
      aws_sqs_queue.service_platform["audit"].arn,
      aws_sqs_queue.service_platform["audit_error"].arn,
    ]
  }

  statement {
    sid       = "ControlMessagesToServiceControl"
    actions   = ["sqs:GetQueueUrl", "sqs:SendMessage"]
    resources = [aws_sqs_queue.servicecontrol["servicecontrol"].arn]
  }
}

# The monitoring instance ingests Particular-Monitoring, moves what it cannot process to `error`, and reads the length
# of the endpoints' input queues for ServicePulse's queue-length graphs.
data "aws_iam_policy_document" "monitoring_task" {
  count = local.platform ? 1 : 0

  statement {
    sid       = "OwnQueue"
    actions   = local.service_platform_consume
    resources = [aws_sqs_queue.servicecontrol["monitoring"].arn]
  }

  statement {
    sid       = "FailuresToError"
    actions   = ["sqs:GetQueueUrl", "sqs:SendMessage"]
    resources = [aws_sqs_queue.error.arn]
  }

  statement {
    sid       = "EndpointQueueLengths"
    actions   = ["sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
    resources = local.endpoint_queue_arns
  }
}

resource "aws_iam_role_policy" "servicecontrol_task" {
  count = local.platform ? 1 : 0

  name   = "servicecontrol-error-instance"
  role   = aws_iam_role.service_platform_task["servicecontrol"].id
  policy = data.aws_iam_policy_document.servicecontrol_task[0].json
}

resource "aws_iam_role_policy" "audit_task" {
  count = local.platform ? 1 : 0

  name   = "servicecontrol-audit-instance"
  role   = aws_iam_role.service_platform_task["audit"].id
  policy = data.aws_iam_policy_document.audit_task[0].json
}

resource "aws_iam_role_policy" "monitoring_task" {
  count = local.platform ? 1 : 0

  name   = "servicecontrol-monitoring-instance"
  role   = aws_iam_role.service_platform_task["monitoring"].id
  policy = data.aws_iam_policy_document.monitoring_task[0].json
}

# The Particular license, when one is given, reaches the instances as a secret that ECS (the execution role) reads.
data "aws_iam_policy_document" "service_platform_license" {
  count = local.platform && var.particular_license_secret_arn != null ? 1 : 0

  statement {
    sid       = "ReadParticularLicense"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.particular_license_secret_arn]
  }
}

resource "aws_iam_role_policy" "service_platform_license" {
  count = local.platform && var.particular_license_secret_arn != null ? 1 : 0

  name   = "read-particular-license"
  role   = aws_iam_role.execution[0].id
  policy = data.aws_iam_policy_document.service_platform_license[0].json
}
