################################################################################
# Which deployment, and the Lambda functions' settings (lambda.tf)
################################################################################

variable "deployment" {
  description = "\"ecs\": the three deployables on ECS Fargate behind a load balancer. \"lambda\": the same three as Lambda functions (one bootstrap package), fed by SQS event source mappings and a function URL, with nothing that costs money while idle (README: \"Run as Lambda functions\")."
  type        = string
  default     = "ecs"

  validation {
    condition     = contains(["ecs", "lambda"], var.deployment)
    error_message = "deployment must be \"ecs\" or \"lambda\"."
  }
}

variable "lambda_package" {
  description = "On lambda: the zip of `dotnet publish src/Unbundled.Functions -c Release -r linux-arm64 --self-contained -p:PublishReadyToRun=true` (bootstrap at its root; terraform/README.md). Unused on ecs."
  type        = string
  default     = null
}

variable "lambda_memory_sizes" {
  description = "Memory per function, in MB; Lambda gives CPU in proportion (1,769 MB = one vCPU), and the init (a .NET host, JIT) is CPU-bound: docs/lambda.md#publishing has the cold starts these are chosen from."
  type = object({
    api       = number
    customers = number
    projector = number
  })
  default = {
    api       = 1024
    customers = 1024
    projector = 512
  }

  validation {
    condition     = alltrue([for size in values(var.lambda_memory_sizes) : size >= 128 && size <= 10240])
    error_message = "lambda_memory_sizes must be 128-10240 MB."
  }
}

variable "lambda_timeout_seconds" {
  description = "Function timeout: the API's request and projection waits (10 s each) fit in the default. The queues' visibility timeout is 6 times this on lambda, as AWS asks of event source mappings."
  type        = number
  default     = 30

  validation {
    condition     = var.lambda_timeout_seconds >= 5 && var.lambda_timeout_seconds <= 150
    error_message = "lambda_timeout_seconds must be 5-150: six times it is the queues' visibility timeout, at most 900 s."
  }
}

variable "lambda_maximum_concurrency" {
  description = "Most concurrent invocations per event source mapping (Customers, Projector): its scaling_config.maximum_concurrency, 2-1000."
  type        = number
  default     = 10

  validation {
    condition     = var.lambda_maximum_concurrency >= 2 && var.lambda_maximum_concurrency <= 1000
    error_message = "lambda_maximum_concurrency must be 2-1000."
  }
}
