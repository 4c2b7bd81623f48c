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
  description = "Container image (repository:tag or digest) of each deployable: the GraphQL API, the Customers endpoint and the Projector endpoint."
  type = object({
    api       = string
    customers = string
    projector = string
  })
}

variable "desired_counts" {
  description = "Number of running tasks per deployable. Every task long-polls its queues even when idle; see the README for what that costs."
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

variable "allowed_ingress_cidr_blocks" {
  description = "CIDR blocks allowed to reach the API's load balancer on port 80."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

################################################################################
# ServiceControl
################################################################################

variable "create_servicecontrol_queues" {
  description = "Create the queues ServiceControl and its Monitoring instance read (Particular-ServiceControl, Particular-ServiceControl-staging, Particular-Monitoring). The error and audit queues are created either way."
  type        = bool
  default     = true
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
