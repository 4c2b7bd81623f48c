################################################################################
# A small VPC: two public subnets in two availability zones (the load balancer needs two), an internet gateway, and no
# NAT gateway. Tasks get a public IP for their outbound calls (image pulls, SQS, SNS, DynamoDB, CloudWatch Logs); their
# security groups let nothing in except the load balancer to the API. A NAT gateway would cost more than the tasks
# themselves; moving the tasks to private subnets means adding one, or VPC endpoints for each of those services.
################################################################################

data "aws_availability_zones" "available" {
  state = "available"
}

resource "aws_vpc" "this" {
  count = local.ecs ? 1 : 0

  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = { Name = local.resource_prefix }
}

resource "aws_internet_gateway" "this" {
  count = local.ecs ? 1 : 0

  vpc_id = aws_vpc.this[0].id

  tags = { Name = local.resource_prefix }
}

resource "aws_subnet" "public" {
  count = local.ecs ? 2 : 0

  vpc_id            = aws_vpc.this[0].id
  availability_zone = data.aws_availability_zones.available.names[count.index]
  cidr_block        = cidrsubnet(var.vpc_cidr, 8, count.index)

  tags = { Name = "${local.resource_prefix}-public-${count.index}" }
}

resource "aws_route_table" "public" {
  count = local.ecs ? 1 : 0

  vpc_id = aws_vpc.this[0].id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this[0].id
  }

  tags = { Name = "${local.resource_prefix}-public" }
}

resource "aws_route_table_association" "public" {
  count = local.ecs ? 2 : 0

  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public[0].id
}

################################################################################
# Security groups
################################################################################

resource "aws_security_group" "alb" {
  count = local.ecs ? 1 : 0

  name        = "${local.resource_prefix}-alb"
  description = "The API's load balancer: its listener ports in from the allowed CIDR blocks, out to the tasks."
  vpc_id      = aws_vpc.this[0].id
}

# One rule per listener port and allowed CIDR block, keyed "443 203.0.113.0/24".
resource "aws_vpc_security_group_ingress_rule" "alb_listeners" {
  for_each = { for pair in setproduct(local.listener_ports, var.allowed_cidrs) : "${pair[0]} ${pair[1]}" => pair }

  security_group_id = aws_security_group.alb[0].id
  description       = "Port ${each.value[0]} from ${each.value[1]}"
  ip_protocol       = "tcp"
  from_port         = each.value[0]
  to_port           = each.value[0]
  cidr_ipv4         = each.value[1]
}

resource "aws_vpc_security_group_egress_rule" "alb_to_api" {
  count = local.ecs ? 1 : 0

  security_group_id            = aws_security_group.alb[0].id
  description                  = "To the API tasks"
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
  referenced_security_group_id = aws_security_group.tasks[0].id
}

# All three services share one group: nothing comes in except the load balancer (which only forwards to the API's target
# group), and everything they call is HTTPS.
resource "aws_security_group" "tasks" {
  count = local.ecs ? 1 : 0

  name        = "${local.resource_prefix}-tasks"
  description = "The Unbundled tasks: in from the load balancer on 8080, out to AWS APIs and registries over HTTPS."
  vpc_id      = aws_vpc.this[0].id
}

resource "aws_vpc_security_group_ingress_rule" "tasks_from_alb" {
  count = local.ecs ? 1 : 0

  security_group_id            = aws_security_group.tasks[0].id
  description                  = "From the load balancer"
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
  referenced_security_group_id = aws_security_group.alb[0].id
}

resource "aws_vpc_security_group_egress_rule" "tasks_https" {
  count = local.ecs ? 1 : 0

  security_group_id = aws_security_group.tasks[0].id
  description       = "HTTPS to AWS APIs and container registries"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}
