################################################################################
# deployment = "lambda": the three endpoints as functions of one bootstrap package (docs/lambda.md)
#
# Customers and Projector are fed by SQS event source mappings with partial batch responses; the API sits behind a
# function URL. Nothing here runs or bills while idle: no VPC (the functions reach AWS APIs from Lambda's own network),
# no NAT gateway, no load balancer, no provisioned concurrency. The mappings' pollers are Lambda's, and their empty
# receives are not billed to the account (README: what it costs).
################################################################################

locals {
  # The functions fed by a mapping: each receives its own endpoint queue. The API's queue is mapped by nobody; its
  # replies arrive on the execution environment's reply queue, polled inside the invocation (docs/lambda.md#request-response).
  mapped_functions = {
    customers = "Unbundled-Customers"
    projector = "Unbundled-Projector"
  }

  # What the functions are told: the services' settings, less the shell (the bootstrap runs --shell lambda) and the
  # region (Lambda sets AWS_REGION itself and reserves the name).
  function_environment = {
    for name, value in local.service_environment : name => value
    if !contains(["Unbundled__Shell", "AWS_REGION"], name)
  }
}

resource "aws_cloudwatch_log_group" "function" {
  for_each = var.deployment == "lambda" ? local.endpoint_queues : {}

  name              = "/aws/lambda/${local.resource_prefix}-${each.key}"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "endpoint" {
  for_each = var.deployment == "lambda" ? local.endpoint_queues : {}

  function_name    = "${local.resource_prefix}-${each.key}"
  role             = aws_iam_role.function[each.key].arn
  runtime          = "provided.al2023"
  architectures    = ["arm64"]
  handler          = each.key
  filename         = var.lambda_package
  source_code_hash = filebase64sha256(var.lambda_package)
  memory_size      = var.lambda_memory_sizes[each.key]
  timeout          = var.lambda_timeout_seconds

  environment {
    variables = merge(local.function_environment, each.key == "api" ? local.api_callers_environment : {})
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.function[each.key].name
  }

  lifecycle {
    precondition {
      condition     = var.lambda_package != null
      error_message = "deployment = \"lambda\" needs lambda_package: the zip of the published bootstrap (terraform/README.md)."
    }

    # ServiceControl and ServicePulse run as ECS services behind the load balancer, which lambda has neither of.
    precondition {
      condition     = !var.enable_service_platform
      error_message = "enable_service_platform needs deployment = \"ecs\"; on lambda, point the endpoints at a ServiceControl running elsewhere."
    }
  }
}

# Batches of up to 10 with no batching window (a mutation waits on Customers, then Projector); the failed records of a
# batch come back after the visibility timeout, the rest are deleted.
resource "aws_lambda_event_source_mapping" "endpoint" {
  for_each = var.deployment == "lambda" ? local.mapped_functions : {}

  function_name           = aws_lambda_function.endpoint[each.key].arn
  event_source_arn        = aws_sqs_queue.endpoint[each.key].arn
  batch_size              = 10
  function_response_types = ["ReportBatchItemFailures"]

  scaling_config {
    maximum_concurrency = var.lambda_maximum_concurrency
  }
}

# The API's own authentication (API keys, JWT) and rate limit guard it, as behind the load balancer.
resource "aws_lambda_function_url" "api" {
  count = local.ecs ? 0 : 1

  function_name      = aws_lambda_function.endpoint["api"].function_name
  authorization_type = "NONE"
}
