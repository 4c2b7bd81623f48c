################################################################################
# deployment = "lambda": each function's own calls, on top of what every function does (lambda_iam.tf)
################################################################################

# /health runs the custom checks when asked: only this function serves HTTP, so only it makes their calls.
data "aws_iam_policy_document" "api_function" {
  source_policy_documents = [data.aws_iam_policy_document.function["api"].json, data.aws_iam_policy_document.custom_checks.json]

  statement {
    sid       = "SendCommandsToCustomers"
    actions   = ["sqs:GetQueueUrl", "sqs:SendMessage"]
    resources = [aws_sqs_queue.endpoint["customers"].arn]
  }

  # The execution environment's reply queue: created on the first request and tagged, polled, its replies deleted (or
  # their visibility renewed or reset, and sent back for a retry when one fails), deleted with the environment; the
  # ones of vanished environments found by their tags and deleted.
  statement {
    sid = "ReplyQueues"
    actions = [
      "sqs:ChangeMessageVisibility",
      "sqs:CreateQueue",
      "sqs:DeleteMessage",
      "sqs:DeleteQueue",
      "sqs:ListQueueTags",
      "sqs:ReceiveMessage",
      "sqs:SendMessage",
      "sqs:SetQueueAttributes",
      "sqs:TagQueue",
    ]
    resources = [local.api_instance_queue_arns]
  }

  statement {
    sid       = "KeepSharedDelayQueue"
    effect    = "Deny"
    actions   = ["sqs:DeleteQueue", "sqs:SetQueueAttributes", "sqs:TagQueue"]
    resources = [aws_sqs_queue.delay["api"].arn]
  }

  statement {
    sid       = "FindReplyQueues"
    actions   = ["sqs:ListQueues"]
    resources = ["*"]
  }

  statement {
    sid       = "ReadCustomersView"
    actions   = ["dynamodb:BatchGetItem", "dynamodb:GetItem"]
    resources = [aws_dynamodb_table.unbundled.arn]
  }
}

locals {
  function_policies = {
    api       = data.aws_iam_policy_document.api_function.json
    customers = data.aws_iam_policy_document.customers_function.json
    projector = data.aws_iam_policy_document.projector_function.json
  }
}

data "aws_iam_policy_document" "customers_function" {
  source_policy_documents = [data.aws_iam_policy_document.mapped_function["customers"].json, data.aws_iam_policy_document.customers_calls.json]
}

data "aws_iam_policy_document" "projector_function" {
  source_policy_documents = [data.aws_iam_policy_document.mapped_function["projector"].json, data.aws_iam_policy_document.projector_calls.json]
}
