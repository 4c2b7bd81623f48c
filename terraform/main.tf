provider "aws" {
  region = var.region

  default_tags {
    tags = merge({ Application = "unbundled" }, var.tags)
  }
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  # ECS Fargate behind a load balancer, or Lambda functions behind a function URL and event source mappings (lambda.tf).
  ecs = var.deployment == "ecs"

  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  # The endpoints prefix queue and topic names themselves (NServiceBus QueueNamePrefix / TopicNamePrefix); one prefix
  # serves both, and names the AWS resources around them.
  queue_name_prefix = var.name_prefix
  topic_name_prefix = var.name_prefix
  resource_prefix   = "${var.name_prefix}unbundled"
  table_name        = var.table_name != null ? var.table_name : "${var.name_prefix}unbundled"

  # One deployable per endpoint, keyed by the short name used for services, roles and log groups. The values are the
  # physical queue names NServiceBus.AmazonSQS derives from the logical endpoint names (docs/wire-format.md §3.1): every character
  # outside [A-Za-z0-9_-] becomes '-', then the prefix goes in front.
  endpoint_queues = {
    api       = "Unbundled-Api"       # Unbundled.Api
    customers = "Unbundled-Customers" # Unbundled.Customers
    projector = "Unbundled-Projector" # Unbundled.Projector
  }

  # ServiceControl's queues under its default instance names (docs/wire-format.md §6.1).
  servicecontrol_queues = {
    servicecontrol         = "Particular-ServiceControl"         # Particular.ServiceControl
    servicecontrol_staging = "Particular-ServiceControl-staging" # Particular.ServiceControl.staging
    monitoring             = "Particular-Monitoring"             # Particular.Monitoring
  }

  # The API creates a queue of its own per running instance, Unbundled-Api-{instance}, and deletes it on shutdown.
  api_instance_queue_arns = "arn:${local.partition}:sqs:${var.region}:${local.account_id}:${local.queue_name_prefix}Unbundled-Api-*"

  # What every container is told: which shell to run and the names it must agree on with this configuration.
  service_environment = {
    Unbundled__Shell           = "aws"
    AWS_REGION                 = var.region
    Unbundled__QueueNamePrefix = local.queue_name_prefix
    Unbundled__TopicNamePrefix = local.topic_name_prefix
    Unbundled__TableName       = local.table_name
    # The queues, topic and table above are terraform's; the endpoints only create their own instance queues.
    Unbundled__EnableInstallers = "false"
    # The graceful stop, which the task definitions' stopTimeout leaves room for (ecs.tf).
    Unbundled__ShutdownTimeout = local.shutdown_timeout
    # Processed messages go to `audit` unless auditing is off (the empty name turns it off).
    Unbundled__AuditQueue = var.enable_auditing ? "audit" : ""
    # Heartbeats and custom checks go to ServiceControl unless reporting is off.
    Unbundled__ServiceControlQueue = var.report_to_servicecontrol ? "Particular.ServiceControl" : ""
    # Metrics go to ServiceControl Monitoring unless they are off.
    Unbundled__MonitoringQueue = var.send_metrics ? "Particular.Monitoring" : ""
  }
}
