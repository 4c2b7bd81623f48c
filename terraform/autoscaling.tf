################################################################################
# Autoscaling (Application Auto Scaling)
#
# Every service runs between desired_counts and max_counts tasks. Customers and Projector follow the depth of their input
# queue: target tracking on the SQS metric ApproximateNumberOfMessagesVisible adds tasks while more than
# queue_depth_target messages wait and removes them once the backlog is gone. The API, which holds no queue of work,
# follows its CPU.
################################################################################

locals {
  # The deployables that scale on their input queue's depth.
  queue_scaled = {
    customers = local.endpoint_queues.customers
    projector = local.endpoint_queues.projector
  }
}

resource "aws_appautoscaling_target" "service" {
  for_each = var.deployment == "ecs" ? local.endpoint_queues : {}

  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.this[0].name}/${aws_ecs_service.service[each.key].name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.desired_counts[each.key]
  max_capacity       = max(var.max_counts[each.key], var.desired_counts[each.key])
}

resource "aws_appautoscaling_policy" "queue_depth" {
  for_each = var.deployment == "ecs" ? local.queue_scaled : {}

  name               = "${local.resource_prefix}-${each.key}-queue-depth"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.service[each.key].service_namespace
  resource_id        = aws_appautoscaling_target.service[each.key].resource_id
  scalable_dimension = aws_appautoscaling_target.service[each.key].scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = var.queue_depth_target
    # Out quickly when a backlog builds, in slowly so a burst that has just drained does not flap the count.
    scale_out_cooldown = 60
    scale_in_cooldown  = 300

    customized_metric_specification {
      namespace   = "AWS/SQS"
      metric_name = "ApproximateNumberOfMessagesVisible"
      statistic   = "Average"

      dimensions {
        name  = "QueueName"
        value = aws_sqs_queue.endpoint[each.key].name
      }
    }
  }
}

resource "aws_appautoscaling_policy" "api_cpu" {
  count = local.ecs ? 1 : 0

  name               = "${local.resource_prefix}-api-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.service["api"].service_namespace
  resource_id        = aws_appautoscaling_target.service["api"].resource_id
  scalable_dimension = aws_appautoscaling_target.service["api"].scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.api_cpu_target
    scale_out_cooldown = 60
    scale_in_cooldown  = 300

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
