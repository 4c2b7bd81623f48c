################################################################################
# Who may assume the roles: ECS tasks of this account only
################################################################################

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:ecs:${var.region}:${local.account_id}:*"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

################################################################################
# Task execution role: what ECS itself needs to start a task (pull the image, write logs)
################################################################################

resource "aws_iam_role" "execution" {
  count = local.ecs ? 1 : 0

  name               = "${local.resource_prefix}-task-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "execution" {
  count = local.ecs ? 1 : 0

  role       = aws_iam_role.execution[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

################################################################################
# Task roles: one per deployable, allowed exactly the calls its endpoint makes, on exactly the resources it makes them on
#
# These statements are what `dotnet run --project src/Unbundled.AppHost -- topology` reports as each endpoint's run-time
# calls (docs/topology.md): the transport and the persistence declare every AWS action next to the code that calls it,
# and tests/Unbundled.Terraform.Tests fails when a statement here grants more or less. Terraform creates every queue, topic,
# subscription, queue policy and the table, so the endpoints run with installers off and none of the installers' calls
# (CreateTable, CreateTopic, creating shared queues, writing queue policies) is granted. The one exception is the API's
# per-instance reply queue, which only exists while that instance runs. Batch calls need no actions of their own where
# AWS authorises them as the single call: SendMessageBatch as sqs:SendMessage, DeleteMessageBatch as sqs:DeleteMessage,
# PublishBatch as sns:Publish; DynamoDB's BatchGetItem and BatchWriteItem are actions of their own.
################################################################################

locals {
  # The ServiceControl-side queues each endpoint sends to, as topology lists them: failures to `error`, processed messages
  # to `audit`, heartbeats (and custom checks) to Particular.ServiceControl, metrics to Particular.Monitoring. Each needs its ARN in servicecontrol_side_queue_arns, and is granted only while servicecontrol_side_queue_enabled
  # says the endpoints are configured to send there (main.tf passes the same switches to them).
  endpoint_servicecontrol_queues = {
    api       = ["error", "audit", "servicecontrol", "monitoring"]
    customers = ["error", "audit", "servicecontrol", "monitoring"]
    projector = ["error", "audit", "servicecontrol", "monitoring"]
  }

  servicecontrol_side_queue_enabled = {
    error          = true
    audit          = var.enable_auditing
    servicecontrol = var.report_to_servicecontrol
    monitoring     = var.send_metrics
  }

  servicecontrol_side_queue_arns = {
    error = aws_sqs_queue.error.arn
    audit = aws_sqs_queue.audit.arn
    # Named, not referenced: terraform creates ServiceControl's queues only with create_servicecontrol_queues or the platform.
    servicecontrol = "arn:${local.partition}:sqs:${var.region}:${local.account_id}:${local.queue_name_prefix}Particular-ServiceControl"
    monitoring     = "arn:${local.partition}:sqs:${var.region}:${local.account_id}:${local.queue_name_prefix}Particular-Monitoring"
  }
}

# What every endpoint does with its own queues: receive, delete, renew a running handler's visibility, hand a message back
# for an immediate retry or release it at stop (ChangeMessageVisibility), read the visibility timeout and its ARN at start-up
# (GetQueueAttributes), and send to itself (delayed retries, and the delay pump moving due messages back). The delay pump
# receives from the -delay.fifo queue, sends a message round it again while more than 900 s remain, and deletes it.
# The custom checks, which feed /health and ServicePulse (README "Operations"): failed messages waiting in error (its
# approximate counts) and the table ACTIVE. The own-queue check reads what OwnQueue already allows. Every task runs them;
# of the functions only the API's, which serves /health.
data "aws_iam_policy_document" "custom_checks" {
  statement {
    sid       = "CheckErrorQueue"
    actions   = ["sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
    resources = [aws_sqs_queue.error.arn]
  }

  statement {
    sid       = "CheckTable"
    actions   = ["dynamodb:DescribeTable"]
    resources = [aws_dynamodb_table.unbundled.arn]
  }
}

data "aws_iam_policy_document" "endpoint" {
  for_each = local.endpoint_queues

  source_policy_documents = [data.aws_iam_policy_document.custom_checks.json]

  statement {
    sid = "OwnQueue"
    actions = [
      "sqs:ChangeMessageVisibility",
      "sqs:DeleteMessage",
      "sqs:GetQueueAttributes",
      "sqs:GetQueueUrl",
      "sqs:ReceiveMessage",
      "sqs:SendMessage",
    ]
    resources = [aws_sqs_queue.endpoint[each.key].arn]
  }

  statement {
    sid       = "OwnDelayQueue"
    actions   = ["sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage", "sqs:SendMessage"]
    resources = [aws_sqs_queue.delay[each.key].arn]
  }

  # Recoverability moves messages that keep failing to error, with ServiceControl's fault headers.
  statement {
    sid       = "SendToServiceControl"
    actions   = ["sqs:GetQueueUrl", "sqs:SendMessage"]
    resources = [for queue in local.endpoint_servicecontrol_queues[each.key] : local.servicecontrol_side_queue_arns[queue] if local.servicecontrol_side_queue_enabled[queue]]
  }
}

# Unbundled.Api: sends InviteCustomer, awaits the reply on its instance queue, reads the customers read model.
data "aws_iam_policy_document" "api_task" {
  source_policy_documents = [data.aws_iam_policy_document.endpoint["api"].json]

  # A send asking for a delay beyond SQS's 900 s goes to the destination's -delay.fifo queue.
  statement {
    sid       = "SendCommandsToCustomers"
    actions   = ["sqs:GetQueueUrl", "sqs:SendMessage"]
    resources = [aws_sqs_queue.endpoint["customers"].arn, aws_sqs_queue.delay["customers"].arn]
  }

  # Unbundled-Api-{instance} and its -delay.fifo companion: created, tagged as alive and deleted by the instance itself, and
  # the ones of instances that died without deleting theirs found by their tags (ListQueueTags) and deleted.
  statement {
    sid = "InstanceQueues"
    actions = [
      "sqs:ChangeMessageVisibility",
      "sqs:CreateQueue",
      "sqs:DeleteMessage",
      "sqs:DeleteQueue",
      "sqs:GetQueueAttributes",
      "sqs:GetQueueUrl",
      "sqs:ListQueueTags",
      "sqs:ReceiveMessage",
      "sqs:SendMessage",
      "sqs:SetQueueAttributes",
      "sqs:TagQueue",
    ]
    resources = [local.api_instance_queue_arns]
  }

  # Unbundled-Api-delay.fifo matches the instance pattern above but belongs to every instance: no instance may remove it.
  statement {
    sid       = "KeepSharedDelayQueue"
    effect    = "Deny"
    actions   = ["sqs:DeleteQueue", "sqs:SetQueueAttributes", "sqs:TagQueue"]
    resources = [aws_sqs_queue.delay["api"].arn]
  }

  # To find instance queues left behind by instances that did not shut down cleanly. ListQueues is a regional action
  # with no resource-level permissions, so its resource can only be "*"; it reveals queue URLs and nothing else.
  statement {
    sid       = "FindInstanceQueues"
    actions   = ["sqs:ListQueues"]
    resources = ["*"]
  }

  # Views are read alone (GetItem) or together (BatchGetItem); the API never writes.
  statement {
    sid       = "ReadCustomersView"
    actions   = ["dynamodb:BatchGetItem", "dynamodb:GetItem"]
    resources = [aws_dynamodb_table.unbundled.arn]
  }
}

# Unbundled.Customers: handles InviteCustomer, claims the email, publishes CustomerInvited, replies to the API instance.
data "aws_iam_policy_document" "customers_task" {
  source_policy_documents = [data.aws_iam_policy_document.endpoint["customers"].json, data.aws_iam_policy_document.customers_calls.json]
}

# What Customers' handlers call, the same on ECS and on Lambda (lambda_iam_documents.tf).
data "aws_iam_policy_document" "customers_calls" {
  # The reply goes to the requesting instance's own queue (its -delay.fifo is matched by the same pattern).
  statement {
    sid       = "ReplyToApiInstances"
    actions   = ["sqs:GetQueueUrl", "sqs:SendMessage"]
    resources = [local.api_instance_queue_arns]
  }

  # The topic's ARN is built from the account and region, never looked up or created: Publish (and PublishBatch) only.
  statement {
    sid       = "PublishCustomerInvited"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.customer_invited.arn]
  }

  # Claims and outbox records are read alone or together (GetItem, BatchGetItem), a claim lands with its outbox record in
  # one conditional PutItem, and dispatched markers of concurrent messages share a BatchWriteItem. Nothing is updated
  # or deleted in place: TTL removes the markers.
  statement {
    sid       = "EmailClaimsAndOutbox"
    actions   = ["dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:GetItem", "dynamodb:PutItem"]
    resources = [aws_dynamodb_table.unbundled.arn]
  }
}

# Unbundled.Projector: subscribes to CustomerInvited at start-up (Subscribe returns the subscription terraform made, and
# the queue policy is found in place, so the endpoint writes nothing) and folds the events into the customers read model.
data "aws_iam_policy_document" "projector_task" {
  source_policy_documents = [data.aws_iam_policy_document.endpoint["projector"].json, data.aws_iam_policy_document.projector_calls.json]
}

# What the Projector's start-up and handler call, the same on ECS and on Lambda (lambda_iam_documents.tf).
data "aws_iam_policy_document" "projector_calls" {
  statement {
    sid       = "SubscribeToCustomerInvited"
    actions   = ["sns:Subscribe"]
    resources = [aws_sns_topic.customer_invited.arn]
  }

  # A view is read (alone or with others) and saved with a conditional PutItem. The projector keeps no outbox: it sends
  # nothing, and its fold ignores events it has applied.
  statement {
    sid       = "ReadModel"
    actions   = ["dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:PutItem"]
    resources = [aws_dynamodb_table.unbundled.arn]
  }
}

locals {
  task_policies = {
    api       = data.aws_iam_policy_document.api_task.json
    customers = data.aws_iam_policy_document.customers_task.json
    projector = data.aws_iam_policy_document.projector_task.json
  }
}

resource "aws_iam_role" "task" {
  for_each = var.deployment == "ecs" ? local.endpoint_queues : {}

  name               = "${local.resource_prefix}-${each.key}-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy" "task" {
  for_each = var.deployment == "ecs" ? local.endpoint_queues : {}

  name   = "${each.key}-endpoint"
  role   = aws_iam_role.task[each.key].id
  policy = local.task_policies[each.key]
}
