################################################################################
# Where and under which names
################################################################################

variable "region" {
  description = "AWS region to deploy to; the endpoints get it as AWS_REGION."
  type        = string
  default     = "us-east-1"
}

variable "name_prefix" {
  description = "Prefix for every queue, topic and AWS resource name, e.g. \"dev-\". It is the endpoints' QueueNamePrefix and TopicNamePrefix; empty gives the plain NServiceBus names (\"error\", \"Unbundled-Customers\")."
  type        = string
  default     = ""

  validation {
    # Letters, digits and '-' only: load balancer and target group names allow nothing else, and at most 32 characters
    # ("<prefix>unbundled-api" must fit). 18 characters also leave room in the 80-character SQS limit for every queue,
    # the API's instance queues included.
    condition     = can(regex("^([A-Za-z0-9][A-Za-z0-9-]{0,17})?$", var.name_prefix))
    error_message = "name_prefix must be empty or 1-18 letters, digits and '-', not starting with '-'."
  }
}

variable "table_name" {
  description = "Name of the DynamoDB table for the read model, email claims and outbox; null means \"<name_prefix>unbundled\"."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags added to every resource (through the provider's default_tags)."
  type        = map(string)
  default     = {}
}

################################################################################
# The three deployables
################################################################################

variable "container_images" {
  description = "On ecs: the container image (repository:tag or digest) of each deployable: the GraphQL API, the Customers endpoint and the Projector endpoint. Unused on lambda."
  type = object({
    api       = string
    customers = string
    projector = string
  })
  default = null
}

variable "desired_counts" {
  description = "Number of running tasks per deployable, and the least autoscaling leaves running. Every task long-polls its queues even when idle; see the README for what that costs."
  type = object({
    api       = number
    customers = number
    projector = number
  })
  default = {
    api       = 1
    customers = 1
    projector = 1
  }

  validation {
    condition     = alltrue([for count in values(var.desired_counts) : count >= 0 && floor(count) == count])
    error_message = "desired_counts must be whole numbers, 0 or more."
  }
}

variable "task_cpu" {
  description = "Fargate CPU units per task (256 = 0.25 vCPU)."
  type        = number
  default     = 256
}

variable "task_memory" {
  description = "Fargate memory per task, in MiB; must be a valid pairing with task_cpu."
  type        = number
  default     = 512
}

variable "cpu_architecture" {
  description = "CPU architecture the images are built for: X86_64 or ARM64 (Graviton, about 20% cheaper on Fargate)."
  type        = string
  default     = "X86_64"

  validation {
    condition     = contains(["X86_64", "ARM64"], var.cpu_architecture)
    error_message = "cpu_architecture must be X86_64 or ARM64."
  }
}

variable "log_retention_days" {
  description = "Days the CloudWatch log groups keep the services' logs."
  type        = number
  default     = 14
}

################################################################################
# Network
################################################################################

variable "vpc_cidr" {
  description = "CIDR block of the small VPC created for the system (two public subnets, no NAT gateway)."
  type        = string
  default     = "10.42.0.0/16"
}

variable "allowed_cidrs" {
  description = "IPv4 CIDR blocks allowed to reach the load balancer: the API's ports (80, and 443 with a certificate) and, when the service platform is on, ServicePulse's."
  type        = list(string)
  default     = ["0.0.0.0/0"]

  validation {
    condition     = alltrue([for cidr in var.allowed_cidrs : can(cidrhost(cidr, 0)) && !strcontains(cidr, ":")])
    error_message = "allowed_cidrs must be IPv4 CIDR blocks such as 203.0.113.0/24."
  }
}

variable "certificate_arn" {
  description = "ARN of an ACM certificate for the API's domain name. Given, the load balancer serves HTTPS on 443 and port 80 redirects to it; null serves plain HTTP on 80."
  type        = string
  default     = null
}

################################################################################
# ServiceControl
################################################################################

variable "enable_auditing" {
  description = "Every endpoint sends a copy of each message it processed to the audit queue (ServiceControl's audit instance reads it); false turns auditing off and takes the endpoints' right to send there away."
  type        = bool
  default     = true
}

variable "report_to_servicecontrol" {
  description = "Every endpoint sends heartbeats and custom check results to Particular-ServiceControl (create it with create_servicecontrol_queues or enable_service_platform); false turns that off and takes the endpoints' right to send there away."
  type        = bool
  default     = true
}

variable "send_metrics" {
  description = "Every endpoint sends metrics (processing time, critical time, retries) to Particular-Monitoring every 10 s (create it with create_servicecontrol_queues or enable_service_platform); false turns that off and takes the endpoints' right to send there away."
  type        = bool
  default     = true
}

variable "enable_service_platform" {
  description = "Run the Particular Service Platform next to the endpoints: ServiceControl's error, audit and monitoring instances and ServicePulse (see the README for what it costs)."
  type        = bool
  default     = false
}

variable "service_platform_version" {
  description = "Tag of the particular/servicecontrol, -audit, -monitoring and -ravendb images, one version for all four."
  type        = string
  default     = "6.14.2"
}

variable "servicepulse_version" {
  description = "Tag of the particular/servicepulse image."
  type        = string
  default     = "2.5.0"
}

variable "servicepulse_port" {
  description = "Load balancer port ServicePulse is served on (HTTPS with certificate_arn, HTTP otherwise), open to allowed_cidrs."
  type        = number
  default     = 9090

  validation {
    condition     = !contains([80, 443], var.servicepulse_port)
    error_message = "servicepulse_port must not be one of the API's ports, 80 and 443."
  }
}

variable "particular_license_secret_arn" {
  description = "ARN of a Secrets Manager secret holding the Particular license file's text, given to the ServiceControl instances as PARTICULARSOFTWARE_LICENSE; null runs them unlicensed (trial)."
  type        = string
  default     = null
}

variable "create_servicecontrol_queues" {
  description = "Create the queues ServiceControl and its Monitoring instance read (Particular-ServiceControl, Particular-ServiceControl-staging, Particular-Monitoring). The error and audit queues are created either way."
  type        = bool
  default     = true
}

################################################################################
# Autoscaling, graceful stop, alarms
################################################################################

variable "max_counts" {
  description = "The most tasks autoscaling runs per deployable: the API scales on CPU, Customers and Projector on the depth of their input queues. Equal to desired_counts turns scaling off for that deployable."
  type = object({
    api       = number
    customers = number
    projector = number
  })
  default = {
    api       = 4
    customers = 4
    projector = 2
  }

  validation {
    condition     = alltrue([for count in values(var.max_counts) : count >= 1 && floor(count) == count])
    error_message = "max_counts must be whole numbers, 1 or more."
  }
}

variable "queue_depth_target" {
  description = "Messages waiting in the Customers or Projector input queue (ApproximateNumberOfMessagesVisible) that target tracking keeps the queue at: above it tasks are added, well below it removed."
  type        = number
  default     = 100
}

variable "api_cpu_target" {
  description = "Average CPU utilisation (percent) of the API's tasks that target tracking keeps them at."
  type        = number
  default     = 60
}

variable "shutdown_timeout_seconds" {
  description = "How long an endpoint may take to stop gracefully (finish in-flight messages and requests, delete the API's instance queue): passed to each container as Unbundled__ShutdownTimeout; ECS waits that plus a margin before SIGKILL."
  type        = number
  default     = 5

  validation {
    # Fargate waits at most 120 s (stopTimeout) after SIGTERM, and the margin takes 10 of them.
    condition     = var.shutdown_timeout_seconds >= 1 && var.shutdown_timeout_seconds <= 110 && floor(var.shutdown_timeout_seconds) == var.shutdown_timeout_seconds
    error_message = "shutdown_timeout_seconds must be a whole number of seconds from 1 to 110."
  }
}

variable "alarm_actions" {
  description = "ARNs to notify when an alarm fires or clears, e.g. an SNS topic with an email subscription; empty records the alarms in CloudWatch only. CloudWatch cannot publish to a topic encrypted with the AWS-managed key alias/aws/sns."
  type        = list(string)
  default     = []
}

variable "oldest_message_alarm_seconds" {
  description = "Age (ApproximateAgeOfOldestMessage) at which a message waiting in an endpoint's input queue raises that queue's alarm."
  type        = number
  default     = 300
}

################################################################################
# The API's callers (README "Limits, authentication and rate limiting"); all off by default
################################################################################

variable "api_auth_jwt_authority" {
  description = "OpenID Connect authority (issuer URL) whose bearer tokens the API accepts for mutations, e.g. \"https://login.example.com/\"; null accepts none."
  type        = string
  default     = null
}

variable "api_auth_jwt_audience" {
  description = "Audience a bearer token must name; null checks none."
  type        = string
  default     = null
}

variable "api_auth_api_keys" {
  description = "API keys a client may send in the X-Api-Key header instead of a token; more than one lets a key be rotated. Empty accepts none."
  type        = list(string)
  default     = []
  sensitive   = true
}

variable "api_public_queries" {
  description = "Whether Customer(id) answers callers without credentials once a JWT authority or an API key is set."
  type        = bool
  default     = true
}

variable "api_rate_limit_permits" {
  description = "Requests to /graphql per client (token subject, API key, else address) and window; 0 turns the limit off."
  type        = number
  default     = 0

  validation {
    condition     = var.api_rate_limit_permits >= 0 && floor(var.api_rate_limit_permits) == var.api_rate_limit_permits
    error_message = "api_rate_limit_permits must be a whole number, 0 or more."
  }
}

variable "api_rate_limit_window_seconds" {
  description = "Length of the rate limit's window, in seconds."
  type        = number
  default     = 60

  validation {
    condition     = var.api_rate_limit_window_seconds > 0
    error_message = "api_rate_limit_window_seconds must be more than 0."
  }
}
