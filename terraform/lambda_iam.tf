################################################################################
# deployment = "lambda": one role per function, allowed exactly the calls it makes (docs/lambda.md#permissions)
#
# The calls of the endpoint on the aws shell (iam.tf, the code's topology) as the Lambda shell makes them: no -delay.fifo
# queue (delays stay within SQS's native 900 s), the own queue received by the event source mapping (with this role:
# ReceiveMessage, DeleteMessage, GetQueueAttributes) rather than the endpoint, its delayed retries made by the record's
# visibility (ChangeMessageVisibility) rather than a send, the reply queues created and polled without looking up their
# URL or visibility timeout, and the function's log stream. tests/Unbundled.Terraform.Tests derives the same from the
# topology and fails when a statement here grants more or less.
################################################################################

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

# What every function does: read its own queue's URL and ARN at init, send its failures (and audits, heartbeats,
# metrics) to the ServiceControl side, and write its logs.
data "aws_iam_policy_document" "function" {
  for_each = local.endpoint_queues

  statement {
    sid       = "OwnQueueAtInit"
    actions   = ["sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
    resources = [aws_sqs_queue.endpoint[each.key].arn]
  }

  statement {
    sid       = "SendToServiceControl"
    actions   = ["sqs:GetQueueUrl", "sqs:SendMessage"]
    resources = [for queue in local.endpoint_servicecontrol_queues[each.key] : local.servicecontrol_side_queue_arns[queue] if local.servicecontrol_side_queue_enabled[queue]]
  }

  statement {
    sid       = "WriteLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["arn:${local.partition}:logs:${var.region}:${local.account_id}:log-group:/aws/lambda/${local.resource_prefix}-${each.key}:*"]
  }
}

# Customers and Projector: the event source mapping receives and deletes their queue's messages with this role, and a
# delayed retry sets the record's visibility to its delay (docs/lambda.md#sqs-event): nothing is sent back to the queue.
data "aws_iam_policy_document" "mapped_function" {
  for_each = local.mapped_functions

  source_policy_documents = [data.aws_iam_policy_document.function[each.key].json]

  statement {
    sid       = "OwnQueueThroughTheMapping"
    actions   = ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"]
    resources = [aws_sqs_queue.endpoint[each.key].arn]
  }
}

resource "aws_iam_role" "function" {
  for_each = var.deployment == "lambda" ? local.endpoint_queues : {}

  name               = "${local.resource_prefix}-${each.key}-function"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

resource "aws_iam_role_policy" "function" {
  for_each = var.deployment == "lambda" ? local.endpoint_queues : {}

  name   = "${each.key}-function"
  role   = aws_iam_role.function[each.key].id
  policy = local.function_policies[each.key]
}
