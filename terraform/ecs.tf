################################################################################
# Cluster and logs
################################################################################

resource "aws_ecs_cluster" "this" {
  count = local.ecs ? 1 : 0

  name = local.resource_prefix
}

resource "aws_cloudwatch_log_group" "service" {
  for_each = var.deployment == "ecs" ? local.endpoint_queues : {}

  name              = "/ecs/${local.resource_prefix}/${each.key}"
  retention_in_days = var.log_retention_days
}

################################################################################
# Task definitions: one container per deployable, told which shell to run and the names this configuration created
################################################################################

locals {
  # Only the API listens; the .NET container images default to 8080 as well, this keeps the two in step.
  extra_environment = {
    api       = merge({ ASPNETCORE_HTTP_PORTS = "8080" }, local.api_callers_environment)
    customers = {}
    projector = {}
  }

  # Unbundled:ShutdownTimeout is a TimeSpan, read in its constant format hh:mm:ss (at most 110 s, see the variable).
  shutdown_timeout = format("00:%02d:%02d", floor(var.shutdown_timeout_seconds / 60), var.shutdown_timeout_seconds % 60)

  # ECS sends SIGTERM, waits stopTimeout, then SIGKILL: the graceful stop plus 10 s for the host to dispose its
  # clients, flush its logs and exit once the endpoint has stopped.
  stop_timeout_seconds = var.shutdown_timeout_seconds + 10
}

locals {
  # The API's Unbundled:Api:Auth and Unbundled:Api:RateLimit settings; an authority or key left unset is not passed.
  api_callers_environment = merge(
    { for name, value in {
      Unbundled__Api__Auth__Jwt__Authority = var.api_auth_jwt_authority
      Unbundled__Api__Auth__Jwt__Audience  = var.api_auth_jwt_audience
    } : name => value if value != null },
    { for index, key in var.api_auth_api_keys : "Unbundled__Api__Auth__ApiKeys__${index}" => key },
    {
      Unbundled__Api__Auth__PublicQueries      = tostring(var.api_public_queries)
      Unbundled__Api__RateLimit__PermitLimit   = tostring(var.api_rate_limit_permits)
      Unbundled__Api__RateLimit__WindowSeconds = tostring(var.api_rate_limit_window_seconds)
      # The load balancer puts the client's address in X-Forwarded-For; the rate limit partitions by it.
      ASPNETCORE_FORWARDEDHEADERS_ENABLED = "true"
    },
  )
}

resource "aws_ecs_task_definition" "service" {
  for_each = var.deployment == "ecs" ? local.endpoint_queues : {}

  family                   = "${local.resource_prefix}-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.task_cpu
  memory                   = var.task_memory
  execution_role_arn       = aws_iam_role.execution[0].arn
  task_role_arn            = aws_iam_role.task[each.key].arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  container_definitions = jsonencode([
    {
      name      = each.key
      image     = var.container_images[each.key]
      essential = true

      environment = [
        for name, value in merge(local.service_environment, local.extra_environment[each.key]) : { name = name, value = value }
      ]

      portMappings = each.key == "api" ? [{ containerPort = 8080, protocol = "tcp" }] : []

      # Time to finish in-flight messages and, for the API, to delete its instance queue before SIGKILL.
      stopTimeout = local.stop_timeout_seconds

      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.service[each.key].name
          awslogs-region        = var.region
          awslogs-stream-prefix = each.key
        }
      }
    }
  ])

  lifecycle {
    precondition {
      condition     = var.container_images != null
      error_message = "deployment = \"ecs\" needs container_images (terraform/README.md)."
    }
  }
}

################################################################################
# Services
################################################################################

resource "aws_ecs_service" "service" {
  for_each = var.deployment == "ecs" ? local.endpoint_queues : {}

  name            = each.key
  cluster         = aws_ecs_cluster.this[0].id
  task_definition = aws_ecs_task_definition.service[each.key].arn
  desired_count   = var.desired_counts[each.key]
  launch_type     = "FARGATE"
  propagate_tags  = "SERVICE"

  network_configuration {
    subnets          = aws_subnet.public[*].id
    security_groups  = [aws_security_group.tasks[0].id]
    assign_public_ip = true
  }

  dynamic "load_balancer" {
    for_each = each.key == "api" ? [aws_lb_target_group.api[0].arn] : []

    content {
      target_group_arn = load_balancer.value
      container_name   = each.key
      container_port   = 8080
    }
  }

  health_check_grace_period_seconds = each.key == "api" ? 60 : null

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  # Autoscaling owns the running count once the service exists (autoscaling.tf); desired_counts reaches it as the
  # scaling minimum, so an apply does not reset a service that has scaled out.
  lifecycle {
    ignore_changes = [desired_count]
  }

  # The target group must be attached to a listener before a service can register targets in it.
  depends_on = [aws_lb_listener.http, aws_lb_listener.https]
}
