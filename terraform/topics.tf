################################################################################
# Events
#
# One SNS topic per published event type, named prefix + the type's full name with every character outside
# [A-Za-z0-9_-] as '-' (docs/wire-format.md §3.2): Unbundled.Domain.Events.CustomerInvited, published by Unbundled.Customers.
################################################################################

# Encrypted at rest with the AWS-managed key for SNS (README, "Encryption"): SNS decrypts each message before it delivers
# it to the SSE-SQS Projector queue, and that key's policy lets this account's principals use it through SNS.
resource "aws_sns_topic" "customer_invited" {
  name              = "${local.topic_name_prefix}Unbundled-Domain-Events-CustomerInvited"
  kms_master_key_id = "alias/aws/sns"
}

################################################################################
# Subscriptions
#
# Unbundled.Projector handles CustomerInvited. Raw delivery, as NServiceBus subscribes: the queue receives the published
# body unchanged and the SNS message attributes as SQS message attributes (at most 10 of them).
################################################################################

resource "aws_sns_topic_subscription" "projector_customer_invited" {
  topic_arn            = aws_sns_topic.customer_invited.arn
  protocol             = "sqs"
  endpoint             = aws_sqs_queue.endpoint["projector"].arn
  raw_message_delivery = true

  # Deliveries made before the queue policy exists would be refused and lost.
  depends_on = [aws_sqs_queue_policy.projector]
}

# The statement NServiceBus.AmazonSQS writes when it subscribes (docs/wire-format.md §3.2), with the topic-prefix wildcard: Allow
# everyone sqs:SendMessage on the queue, on condition that the sender is one of this system's topics. Keeping exactly
# this shape (one statement, Principal AWS "*", a single ArnLike on aws:SourceArn) lets the endpoint recognise it as its
# own when it subscribes at start-up and find nothing to add; a second condition or a service principal would make it
# write a statement of its own next to this one. The ARN pattern names this account, so no other account's topic matches.
data "aws_iam_policy_document" "projector_queue" {
  statement {
    effect    = "Allow"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.endpoint["projector"].arn]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:sns:${var.region}:${local.account_id}:${local.topic_name_prefix}*"]
    }
  }
}

resource "aws_sqs_queue_policy" "projector" {
  queue_url = aws_sqs_queue.endpoint["projector"].id
  policy    = data.aws_iam_policy_document.projector_queue.json
}
