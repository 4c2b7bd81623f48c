################################################################################
# The API behind an application load balancer, to the container's 8080: HTTPS on 443 when certificate_arn is given
# (port 80 then only redirects to it), plain HTTP on 80 otherwise. Only allowed_cidrs reach either port.
################################################################################

locals {
  https = var.certificate_arn != null

  # The ports the load balancer listens on, each open to allowed_cidrs.
  listener_ports = local.ecs ? (local.https ? [80, 443] : [80]) : []

  # TLS 1.3 and 1.2 only, forward-secret ciphers (AWS's recommended policy for new listeners).
  tls_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

resource "aws_lb" "api" {
  count = local.ecs ? 1 : 0

  name                       = "${local.resource_prefix}-api"
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = aws_subnet.public[*].id
  security_groups            = [aws_security_group.alb[0].id]
  drop_invalid_header_fields = true
}

resource "aws_lb_target_group" "api" {
  count = local.ecs ? 1 : 0

  name        = "${local.resource_prefix}-api"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = aws_vpc.this[0].id

  # Long enough for in-flight GraphQL requests (they wait at most the request timeout, 10 s by default) to finish.
  deregistration_delay = 30

  health_check {
    path                = "/health"
    port                = "traffic-port"
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_listener" "http" {
  count = local.ecs ? 1 : 0

  load_balancer_arn = aws_lb.api[0].arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = local.https ? "redirect" : "forward"
    target_group_arn = local.https ? null : aws_lb_target_group.api[0].arn

    dynamic "redirect" {
      for_each = local.https ? ["https"] : []

      content {
        protocol    = "HTTPS"
        port        = "443"
        status_code = "HTTP_301"
      }
    }
  }
}

resource "aws_lb_listener" "https" {
  count = local.ecs && local.https ? 1 : 0

  load_balancer_arn = aws_lb.api[0].arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = var.certificate_arn
  ssl_policy        = local.tls_policy

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api[0].arn
  }
}
