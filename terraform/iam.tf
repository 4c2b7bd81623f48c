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
  name               = "${local.resource_prefix}-task-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

################################################################################
# Task roles: one per deployable, each allowed what its endpoint does and no more
#
# Terraform creates every queue, topic, subscription and the table, so no endpoint may create or reconfigure them; the
# endpoints run with installers off on this shell. The one exception is the API's per-instance reply queue, which only
# exists while that instance runs. Batch calls need no actions of their own: SendMessageBatch is authorised as
# sqs:SendMessage, DeleteMessageBatch as sqs:DeleteMessage, TransactWriteItems as the item actions it contains.
################################################################################

# What every endpoint does: receive from its input queue and its delay queue (and send to them, for delayed retries and
# for delays longer than 900 s), check their attributes at start-up, and move failures to error and copies to audit.
data "aws_iam_policy_document" "endpoint" {
  for_each = local.endpoint_queues

  statement {
    sid = "OwnQueues"
    actions = [
      "sqs:ChangeMessageVisibility",
      "sqs:DeleteMessage",
      "sqs:GetQueueAttributes",
      "sqs:GetQueueUrl",
      "sqs:ReceiveMessage",
      "sqs:SendMessage",
    ]
    resources = [aws_sqs_queue.endpoint[each.key].arn, aws_sqs_queue.delay[each.key].arn]
  }

  statement {
    sid       = "ErrorAndAudit"
    actions   = ["sqs:GetQueueUrl", "sqs:SendMessage"]
    resources = [aws_sqs_queue.error.arn, aws_sqs_queue.audit.arn]
  }
}

# Unbundled.Api: sends InviteCustomer, awaits the reply on its instance queue, reads the customers read model.
data "aws_iam_policy_document" "api_task" {
  source_policy_documents = [data.aws_iam_policy_document.endpoint["api"].json]

  statement {
    sid       = "SendCommandsToCustomers"
    actions   = ["sqs:GetQueueUrl", "sqs:SendMessage"]
    resources = [aws_sqs_queue.endpoint["customers"].arn]
  }

  # Unbundled-Api-{instance} and its -delay.fifo companion: created at start-up, deleted at shutdown.
  statement {
    sid = "InstanceQueues"
    actions = [
      "sqs:ChangeMessageVisibility",
      "sqs:CreateQueue",
      "sqs:DeleteMessage",
      "sqs:DeleteQueue",
      "sqs:GetQueueAttributes",
      "sqs:GetQueueUrl",
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

  statement {
    sid       = "ReadCustomersView"
    actions   = ["dynamodb:BatchGetItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:Query"]
    resources = [aws_dynamodb_table.unbundled.arn]
  }
}

# Unbundled.Customers: handles InviteCustomer, claims the email, publishes CustomerInvited, replies to the API instance.
data "aws_iam_policy_document" "customers_task" {
  source_policy_documents = [data.aws_iam_policy_document.endpoint["customers"].json]

  statement {
    sid       = "ReplyToApiInstances"
    actions   = ["sqs:GetQueueUrl", "sqs:SendMessage"]
    resources = [local.api_instance_queue_arns]
  }

  # The endpoint finds a topic's ARN with CreateTopic, which returns the existing topic; on this one ARN it can create
  # nothing new.
  statement {
    sid       = "PublishCustomerInvited"
    actions   = ["sns:CreateTopic", "sns:Publish"]
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

# Unbundled.Projector: subscribes to CustomerInvited at start-up (finding the subscription and queue policy above already
# in place) and folds the events into the customers read model.
data "aws_iam_policy_document" "projector_task" {
  source_policy_documents = [data.aws_iam_policy_document.endpoint["projector"].json]

  statement {
    sid       = "SubscribeToCustomerInvited"
    actions   = ["sns:CreateTopic", "sns:Subscribe"]
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
  for_each = local.endpoint_queues

  name               = "${local.resource_prefix}-${each.key}-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy" "task" {
  for_each = local.endpoint_queues

  name   = "${each.key}-endpoint"
  role   = aws_iam_role.task[each.key].id
  policy = local.task_policies[each.key]
}
