using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>HTTPS on the load balancer when a certificate is given, HTTP otherwise, and only allowed_cidrs let in.</summary>
public sealed class When_serving_the_api_over_https
{
    [Fact]
    public async Task Should_serve_plain_http_unless_a_certificate_is_given()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.Null(Hcl.Text(configuration.Variable("certificate_arn")["default"]));
        Assert.Equal("${var.certificate_arn != null}", Hcl.Text(configuration.Locals["https"]));
        Assert.Equal("${local.ecs ? (local.https ? [80, 443] : [80]) : []}", Hcl.Text(configuration.Locals["listener_ports"]));
    }

    [Fact]
    public async Task Should_terminate_tls_on_443_with_the_certificate_and_a_tls_1_2_or_later_policy()
    {
        var configuration = await TerraformConfiguration.Load();

        var https = configuration.Resource("aws_lb_listener", "https");

        Assert.Equal("${local.ecs && local.https ? 1 : 0}", https.Text("count"));
        Assert.Equal(443, Hcl.Number(https["port"]));
        Assert.Equal("HTTPS", https.Text("protocol"));
        Assert.Equal("${var.certificate_arn}", https.Text("certificate_arn"));
        Assert.Equal("${local.tls_policy}", https.Text("ssl_policy"));
        Assert.StartsWith("ELBSecurityPolicy-TLS13-1-2-", Hcl.Text(configuration.Locals["tls_policy"]));
        var action = Assert.Single(https.Blocks("default_action"));
        Assert.Equal("forward", Hcl.Text(action["type"]));
        Assert.Equal("${aws_lb_target_group.api[0].arn}", Hcl.Text(action["target_group_arn"]));
    }

    [Fact]
    public async Task Should_redirect_http_to_https_permanently_when_there_is_a_certificate()
    {
        var configuration = await TerraformConfiguration.Load();

        var action = Assert.Single(configuration.Resource("aws_lb_listener", "http").Blocks("default_action"));

        Assert.Equal("${local.https ? \"redirect\" : \"forward\"}", Hcl.Text(action["type"]));
        Assert.Equal("${local.https ? null : aws_lb_target_group.api[0].arn}", Hcl.Text(action["target_group_arn"]));
        var redirect = Assert.Single(Hcl.Blocks(action["dynamic"]!.AsObject(), "redirect"));
        Assert.Equal("${local.https ? [\"https\"] : []}", Hcl.Text(redirect["for_each"]));
        var content = Assert.Single(Hcl.Blocks(redirect, "content"));
        Assert.Equal(("HTTPS", "443", "HTTP_301"), (Hcl.Text(content["protocol"]), Hcl.Text(content["port"]), Hcl.Text(content["status_code"])));
    }

    [Fact]
    public async Task Should_let_only_the_allowed_cidrs_reach_the_listener_ports()
    {
        var configuration = await TerraformConfiguration.Load();

        var fromOutside = configuration.Resources("aws_vpc_security_group_ingress_rule")
            .Where(rule => rule.Text("security_group_id") == "${aws_security_group.alb.id}")
            .ToList();

        Assert.All(fromOutside, rule => Assert.Contains("var.allowed_cidrs", rule.Text("for_each")));
        var rule = configuration.Resource("aws_vpc_security_group_ingress_rule", "alb_listeners");
        Assert.Contains("setproduct(local.listener_ports, var.allowed_cidrs)", rule.Text("for_each"));
        Assert.Equal("${each.value[0]}", rule.Text("from_port"));
        Assert.Equal("${each.value[0]}", rule.Text("to_port"));
        Assert.Equal("${each.value[1]}", rule.Text("cidr_ipv4"));
    }
}
