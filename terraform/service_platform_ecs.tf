################################################################################
# The service platform's tasks and services (service_platform.tf says what they are)
################################################################################

locals {
  service_platform_urls = { for name, port in local.service_platform_ports : name => "http://${name}.${local.service_platform_namespace}:${port}" }

  # https://docs.particular.net/servicecontrol/servicecontrol-instances/deployment/containers (and the audit and
  # monitoring pages beside it): the transport, the database in the sidecar, where the audit instance is, no forwarding
  # queues (error.log, audit.log), which nothing here would read.
  service_platform_transport = {
    TRANSPORTTYPE    = "AmazonSQS"
    CONNECTIONSTRING = local.service_platform_connection_string
  }
  service_platform_environment = {
    servicecontrol = merge(local.service_platform_transport, {
      RAVENDB_CONNECTIONSTRING            = "http://localhost:8080"
      REMOTEINSTANCES                     = jsonencode([{ api_uri = "${local.service_platform_urls.audit}/api" }])
      SERVICECONTROL_FORWARDERRORMESSAGES = "false"
    })
    audit = merge(local.service_platform_transport, {
      RAVENDB_CONNECTIONSTRING                  = "http://localhost:8080"
      SERVICECONTROL_AUDIT_FORWARDAUDITMESSAGES = "false"
    })
    monitoring = local.service_platform_transport
    # https://docs.particular.net/servicepulse/containerization: its reverse proxy sends /api to these.
    servicepulse = {
      SERVICECONTROL_URL = local.service_platform_urls.servicecontrol
      MONITORING_URL     = local.service_platform_urls.monitoring
    }
  }

  # Fargate sizes: RavenDB keeps its indexes in memory, the monitoring instance and ServicePulse need little.
  service_platform_sizes = {
    servicecontrol = { cpu = 1024, memory = 4096 }
    audit          = { cpu = 1024, memory = 4096 }
    monitoring     = { cpu = 512, memory = 1024 }
    servicepulse   = { cpu = 256, memory = 512 }
  }

  # Setup creates the RavenDB database and runs upgrades at every start; the queues are terraform's, so setup must not
  # create them (and the task roles may not).
  service_platform_command = ["--setup-and-run", "--skip-queue-creation"]
}

resource "aws_cloudwatch_log_group" "service_platform" {
  for_each = var.enable_service_platform ? local.service_platform_images : {}

  name              = "/ecs/${local.resource_prefix}/${each.key}"
  retention_in_days = var.log_retention_days
}

resource "aws_ecs_task_definition" "service_platform" {
  for_each = var.enable_service_platform ? local.service_platform_images : {}

  family                   = "${local.resource_prefix}-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = local.service_platform_sizes[each.key].cpu
  memory                   = local.service_platform_sizes[each.key].memory
  execution_role_arn       = aws_iam_role.execution[0].arn
  # ServicePulse calls no AWS API, so it gets no role.
  task_role_arn = each.key == "servicepulse" ? null : aws_iam_role.service_platform_task[each.key].arn

  # Particular publishes x86-64 images only.
  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  dynamic "volume" {
    for_each = contains(keys(local.service_platform_databases), each.key) ? [each.key] : []

    content {
      name = "database"

      efs_volume_configuration {
        file_system_id     = aws_efs_file_system.service_platform[0].id
        transit_encryption = "ENABLED"

        authorization_config {
          access_point_id = aws_efs_access_point.service_platform[volume.value].id
          iam             = "ENABLED"
        }
      }
    }
  }

  container_definitions = jsonencode(concat(
    [{
      name         = each.key
      image        = "${each.value}:${each.key == "servicepulse" ? var.servicepulse_version : var.service_platform_version}"
      essential    = true
      command      = each.key == "servicepulse" ? null : local.service_platform_command
      environment  = [for name, value in local.service_platform_environment[each.key] : { name = name, value = value }]
      secrets      = each.key == "servicepulse" || var.particular_license_secret_arn == null ? [] : [{ name = "PARTICULARSOFTWARE_LICENSE", valueFrom = var.particular_license_secret_arn }]
      portMappings = [{ containerPort = local.service_platform_ports[each.key], protocol = "tcp" }]
      dependsOn    = contains(keys(local.service_platform_databases), each.key) ? [{ containerName = "database", condition = "START" }] : []
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.service_platform[each.key].name
          awslogs-region        = var.region
          awslogs-stream-prefix = each.key
        }
      }
    }],
    # https://docs.particular.net/servicecontrol/ravendb/containers: the database image of the same version, its data on
    # the volume, reached on localhost:8080 by the instance in the same task only.
    contains(keys(local.service_platform_databases), each.key) ? [{
      name        = "database"
      image       = "particular/servicecontrol-ravendb:${var.service_platform_version}"
      essential   = true
      mountPoints = [{ sourceVolume = "database", containerPath = "/var/lib/ravendb/data" }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.service_platform[each.key].name
          awslogs-region        = var.region
          awslogs-stream-prefix = "${each.key}-database"
        }
      }
    }] : []
  ))
}

resource "aws_ecs_service" "service_platform" {
  for_each = var.enable_service_platform ? local.service_platform_images : {}

  name            = each.key
  cluster         = aws_ecs_cluster.this[0].id
  task_definition = aws_ecs_task_definition.service_platform[each.key].arn
  desired_count   = 1
  launch_type     = "FARGATE"
  propagate_tags  = "SERVICE"

  # A RavenDB database takes one server at a time: stop the old task before the new one opens the same files.
  deployment_minimum_healthy_percent = contains(keys(local.service_platform_databases), each.key) ? 0 : 100
  deployment_maximum_percent         = contains(keys(local.service_platform_databases), each.key) ? 100 : 200

  network_configuration {
    subnets          = aws_subnet.public[*].id
    security_groups  = [aws_security_group.service_platform[0].id]
    assign_public_ip = true
  }

  service_registries {
    registry_arn = aws_service_discovery_service.service_platform[each.key].arn
  }

  dynamic "load_balancer" {
    for_each = each.key == "servicepulse" ? [aws_lb_target_group.servicepulse[0].arn] : []

    content {
      target_group_arn = load_balancer.value
      container_name   = each.key
      container_port   = local.service_platform_ports.servicepulse
    }
  }

  depends_on = [aws_lb_listener.servicepulse, aws_efs_mount_target.service_platform]
}
