################################################################################
# The service platform's network: ServicePulse behind the API's load balancer on servicepulse_port (HTTPS with the
# API's certificate when there is one), open to allowed_cidrs only; the instances reach each other, their EFS storage
# and the AWS APIs / Docker Hub over HTTPS, and nothing else reaches them.
################################################################################

resource "aws_security_group" "service_platform" {
  count = local.platform ? 1 : 0

  name        = "${local.resource_prefix}-service-platform"
  description = "ServiceControl instances and ServicePulse: each other's APIs, ServicePulse from the load balancer."
  vpc_id      = aws_vpc.this[0].id
}

resource "aws_security_group" "service_platform_storage" {
  count = local.platform ? 1 : 0

  name        = "${local.resource_prefix}-service-platform-storage"
  description = "The EFS mount targets of the ServiceControl databases: NFS from the platform's tasks only."
  vpc_id      = aws_vpc.this[0].id
}

# Error to audit (remote instance queries), ServicePulse to error and monitoring: every instance port within the group.
resource "aws_vpc_security_group_ingress_rule" "service_platform_apis" {
  for_each = var.enable_service_platform ? local.service_platform_images : {}

  security_group_id            = aws_security_group.service_platform[0].id
  description                  = "${each.key} API from the platform's tasks"
  ip_protocol                  = "tcp"
  from_port                    = local.service_platform_ports[each.key]
  to_port                      = local.service_platform_ports[each.key]
  referenced_security_group_id = aws_security_group.service_platform[0].id
}

resource "aws_vpc_security_group_egress_rule" "service_platform_apis" {
  for_each = var.enable_service_platform ? local.service_platform_images : {}

  security_group_id            = aws_security_group.service_platform[0].id
  description                  = "To the ${each.key} API"
  ip_protocol                  = "tcp"
  from_port                    = local.service_platform_ports[each.key]
  to_port                      = local.service_platform_ports[each.key]
  referenced_security_group_id = aws_security_group.service_platform[0].id
}

resource "aws_vpc_security_group_ingress_rule" "servicepulse_from_alb" {
  count = local.platform ? 1 : 0

  security_group_id            = aws_security_group.service_platform[0].id
  description                  = "ServicePulse from the load balancer"
  ip_protocol                  = "tcp"
  from_port                    = local.service_platform_ports.servicepulse
  to_port                      = local.service_platform_ports.servicepulse
  referenced_security_group_id = aws_security_group.alb[0].id
}

resource "aws_vpc_security_group_egress_rule" "alb_to_servicepulse" {
  count = local.platform ? 1 : 0

  security_group_id            = aws_security_group.alb[0].id
  description                  = "To ServicePulse"
  ip_protocol                  = "tcp"
  from_port                    = local.service_platform_ports.servicepulse
  to_port                      = local.service_platform_ports.servicepulse
  referenced_security_group_id = aws_security_group.service_platform[0].id
}

resource "aws_vpc_security_group_ingress_rule" "servicepulse_listener" {
  for_each = var.enable_service_platform ? toset(var.allowed_cidrs) : toset([])

  security_group_id = aws_security_group.alb[0].id
  description       = "ServicePulse from ${each.value}"
  ip_protocol       = "tcp"
  from_port         = var.servicepulse_port
  to_port           = var.servicepulse_port
  cidr_ipv4         = each.value
}

resource "aws_vpc_security_group_egress_rule" "service_platform_https" {
  count = local.platform ? 1 : 0

  security_group_id = aws_security_group.service_platform[0].id
  description       = "HTTPS to AWS APIs and Docker Hub"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "service_platform_nfs" {
  count = local.platform ? 1 : 0

  security_group_id            = aws_security_group.service_platform[0].id
  description                  = "NFS to the databases' EFS"
  ip_protocol                  = "tcp"
  from_port                    = 2049
  to_port                      = 2049
  referenced_security_group_id = aws_security_group.service_platform_storage[0].id
}

resource "aws_vpc_security_group_ingress_rule" "service_platform_storage_nfs" {
  count = local.platform ? 1 : 0

  security_group_id            = aws_security_group.service_platform_storage[0].id
  description                  = "NFS from the platform's tasks"
  ip_protocol                  = "tcp"
  from_port                    = 2049
  to_port                      = 2049
  referenced_security_group_id = aws_security_group.service_platform[0].id
}

################################################################################
# ServicePulse on the load balancer
################################################################################

resource "aws_lb_target_group" "servicepulse" {
  count = local.platform ? 1 : 0

  name        = "${local.resource_prefix}-pulse"
  port        = local.service_platform_ports.servicepulse
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = aws_vpc.this[0].id

  health_check {
    path                = "/"
    port                = "traffic-port"
    matcher             = "200"
    interval            = 30
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_listener" "servicepulse" {
  count = local.platform ? 1 : 0

  load_balancer_arn = aws_lb.api[0].arn
  port              = var.servicepulse_port
  protocol          = local.https ? "HTTPS" : "HTTP"
  certificate_arn   = var.certificate_arn
  ssl_policy        = local.https ? local.tls_policy : null

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.servicepulse[0].arn
  }
}

# ServicePulse has no sign-in of its own: whoever reaches it can retry and delete failed messages.
check "servicepulse_is_not_open_to_everyone" {
  assert {
    condition     = !(local.platform && contains(var.allowed_cidrs, "0.0.0.0/0"))
    error_message = "ServicePulse (port ${var.servicepulse_port}) is open to 0.0.0.0/0: narrow allowed_cidrs to the addresses of the people who operate the system."
  }
}
