################################################################################
# The Particular Service Platform, optional (enable_service_platform): ServiceControl's error, audit and monitoring
# instances and ServicePulse, as Fargate services from Particular's public images, on the SQS transport with this
# configuration's prefix, so they read the same `error` and `audit` queues the endpoints write to (docs/wire-format.md §6).
#
# The error and audit instances each keep a RavenDB database in a sidecar container of their own task (Particular's
# particular/servicecontrol-ravendb image, at the same version), on EFS so the data outlives the task. The instances find
# each other through Cloud Map names (<instance>.<namespace>); only ServicePulse is reachable from outside, through the
# load balancer on servicepulse_port. service_platform_ecs.tf has the tasks, service_platform_iam.tf their roles.
################################################################################

locals {
  platform = var.enable_service_platform

  # The physical names of the queues the instances read and write beyond error, audit and the servicecontrol_queues of
  # main.tf (https://docs.particular.net/servicecontrol/queues), under the default instance names.
  service_platform_queues = {
    servicecontrol_error = "Particular-ServiceControl-Error"       # Particular.ServiceControl.Error
    audit                = "Particular-ServiceControl-Audit"       # Particular.ServiceControl.Audit
    audit_error          = "Particular-ServiceControl-Audit-Error" # Particular.ServiceControl.Audit.Error
  }

  # ServiceControl's own SQS transport settings (https://docs.particular.net/servicecontrol/transports#amazon-sqs); no
  # keys: the instances take the task role's credentials from the SDK's default chain, as the endpoints do.
  service_platform_connection_string = "Region=${var.region};QueueNamePrefix=${local.queue_name_prefix};TopicNamePrefix=${local.topic_name_prefix}"

  service_platform_namespace = "${local.resource_prefix}.internal"

  # The instances, each from its image (the tag is service_platform_version, servicepulse_version for ServicePulse).
  service_platform_images = {
    servicecontrol = "particular/servicecontrol"
    audit          = "particular/servicecontrol-audit"
    monitoring     = "particular/servicecontrol-monitoring"
    servicepulse   = "particular/servicepulse"
  }

  # The port each listens on inside its container (the images' canonical ports).
  service_platform_ports = {
    servicecontrol = 33333
    audit          = 44444
    monitoring     = 33633
    servicepulse   = 9090
  }

  # The two instances with a database, and the EFS directory each keeps it in.
  service_platform_databases = {
    servicecontrol = "/servicecontrol-db"
    audit          = "/audit-db"
  }
}

resource "aws_sqs_queue" "service_platform" {
  for_each = var.enable_service_platform ? local.service_platform_queues : {}

  name                      = "${local.queue_name_prefix}${each.value}"
  message_retention_seconds = 345600
  sqs_managed_sse_enabled   = true
}

################################################################################
# Storage: one encrypted EFS file system, one access point per database (RavenDB runs as uid/gid 999 in the image)
################################################################################

resource "aws_efs_file_system" "service_platform" {
  count = local.platform ? 1 : 0

  encrypted        = true
  performance_mode = "generalPurpose"
  throughput_mode  = "elastic"

  tags = { Name = "${local.resource_prefix}-service-platform" }
}

resource "aws_efs_mount_target" "service_platform" {
  count = local.platform ? 2 : 0

  file_system_id  = aws_efs_file_system.service_platform[0].id
  subnet_id       = aws_subnet.public[count.index].id
  security_groups = [aws_security_group.service_platform_storage[0].id]
}

resource "aws_efs_access_point" "service_platform" {
  for_each = var.enable_service_platform ? local.service_platform_databases : {}

  file_system_id = aws_efs_file_system.service_platform[0].id

  posix_user {
    uid = 999
    gid = 999
  }

  root_directory {
    path = each.value

    creation_info {
      owner_uid   = 999
      owner_gid   = 999
      permissions = "0750"
    }
  }
}

################################################################################
# Names the instances reach each other by
################################################################################

resource "aws_service_discovery_private_dns_namespace" "service_platform" {
  count = local.platform ? 1 : 0

  name        = local.service_platform_namespace
  description = "ServiceControl instances of ${local.resource_prefix}"
  vpc         = aws_vpc.this[0].id
}

resource "aws_service_discovery_service" "service_platform" {
  for_each = var.enable_service_platform ? local.service_platform_images : {}

  name = each.key

  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.service_platform[0].id
    routing_policy = "MULTIVALUE"

    dns_records {
      type = "A"
      ttl  = 10
    }
  }
}
