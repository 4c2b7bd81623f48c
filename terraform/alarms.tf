################################################################################
# Alarms
#
# Two things need a person: a message in `error` (recoverability gave up on it: look at it in ServicePulse, or the
# queue, and retry it), and an endpoint falling behind (its oldest waiting message older than
# oldest_message_alarm_seconds: the service is down, stuck or short of tasks). Each alarm notifies alarm_actions when
# it fires and when it clears.
################################################################################

resource "aws_cloudwatch_metric_alarm" "error_queue" {
  alarm_name        = "${local.resource_prefix}-error-queue-not-empty"
  alarm_description = "Messages are waiting in ${aws_sqs_queue.error.name}: an endpoint gave up on them after its retries."
  namespace         = "AWS/SQS"
  metric_name       = "ApproximateNumberOfMessagesVisible"
  dimensions        = { QueueName = aws_sqs_queue.error.name }
  statistic         = "Maximum"
  period            = 300
  # SQS metrics arrive every 5 minutes; one period over 0 is one failed message.
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "oldest_message" {
  for_each = local.endpoint_queues

  alarm_name          = "${local.resource_prefix}-${each.key}-falling-behind"
  alarm_description   = "The oldest message in ${aws_sqs_queue.endpoint[each.key].name} has waited more than ${var.oldest_message_alarm_seconds} s."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  dimensions          = { QueueName = aws_sqs_queue.endpoint[each.key].name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.oldest_message_alarm_seconds
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
}
