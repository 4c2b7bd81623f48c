output "api_url" {
  description = "Base URL of the GraphQL API: POST /graphql, GraphiQL at /, health at /health (the load balancer on ecs, the function URL on lambda)."
  value       = local.ecs ? "${local.https ? "https" : "http"}://${aws_lb.api[0].dns_name}" : trimsuffix(aws_lambda_function_url.api[0].function_url, "/")
}

output "load_balancer_dns_name" {
  description = "DNS name of the load balancer, to point the certificate's domain name at (a CNAME, or a Route 53 alias with load_balancer_zone_id)."
  value       = local.ecs ? aws_lb.api[0].dns_name : null
}

output "load_balancer_zone_id" {
  description = "Route 53 hosted zone of the load balancer, for an alias record."
  value       = local.ecs ? aws_lb.api[0].zone_id : null
}

output "endpoint_queue_urls" {
  description = "Input queue URL of each endpoint (api, customers, projector)."
  value       = { for key, queue in aws_sqs_queue.endpoint : key => queue.url }
}

output "delay_queue_urls" {
  description = "URL of each endpoint's -delay.fifo queue, for delays beyond 900 s."
  value       = { for key, queue in aws_sqs_queue.delay : key => queue.url }
}

output "error_queue_url" {
  description = "URL of the error queue, where recoverability moves messages that keep failing."
  value       = aws_sqs_queue.error.url
}

output "audit_queue_url" {
  description = "URL of the audit queue."
  value       = aws_sqs_queue.audit.url
}

output "servicecontrol_queue_urls" {
  description = "URLs of the ServiceControl queues; empty when create_servicecontrol_queues is false."
  value       = { for key, queue in aws_sqs_queue.servicecontrol : key => queue.url }
}

output "customer_invited_topic_arn" {
  description = "ARN of the SNS topic Unbundled.Customers publishes CustomerInvited to."
  value       = aws_sns_topic.customer_invited.arn
}

output "table_name" {
  description = "Name of the DynamoDB table (read model, email claims, outbox)."
  value       = aws_dynamodb_table.unbundled.name
}

output "cluster_name" {
  description = "Name of the ECS cluster running the three services; null on lambda."
  value       = local.ecs ? aws_ecs_cluster.this[0].name : null
}

output "log_group_names" {
  description = "CloudWatch log group of each service (ecs) or function (lambda)."
  value       = { for key, group in merge(aws_cloudwatch_log_group.service, aws_cloudwatch_log_group.function) : key => group.name }
}

output "servicepulse_url" {
  description = "ServicePulse, when enable_service_platform is true (on the load balancer's servicepulse_port, open to allowed_cidrs); null otherwise."
  value       = local.platform ? "${local.https ? "https" : "http"}://${aws_lb.api[0].dns_name}:${var.servicepulse_port}" : null
}
