using System.Globalization;
using System.Text.RegularExpressions;
using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>ECS's stopTimeout leaves each endpoint its graceful stop (Unbundled:ShutdownTimeout) and a margin to exit.</summary>
public sealed partial class When_stopping_the_services
{
    // Fargate waits at most this long between SIGTERM and SIGKILL.
    private const int FargateMaxStopTimeoutSeconds = 120;

    [Fact]
    public async Task Should_pass_the_shutdown_timeout_to_every_container_as_a_timespan()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.Equal("${local.shutdown_timeout}", Hcl.Text(configuration.Locals["service_environment"]?["Unbundled__ShutdownTimeout"]));
        Assert.Equal(5, Hcl.Number(configuration.Variable("shutdown_timeout_seconds")["default"]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(59)]
    [InlineData(60)]
    [InlineData(110)]
    public async Task Should_write_the_seconds_in_the_timespan_format_the_setting_is_read_in(int seconds)
    {
        var configuration = await TerraformConfiguration.Load();

        var text = TerraformFormat(Hcl.Text(configuration.Locals["shutdown_timeout"])!, seconds);

        Assert.Equal(TimeSpan.FromSeconds(seconds), TimeSpan.ParseExact(text, "c", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Should_stop_the_task_no_sooner_than_the_graceful_stop_plus_a_margin_and_within_fargates_limit()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.Contains("stopTimeout = local.stop_timeout_seconds", configuration.Resource("aws_ecs_task_definition", "service").Text("container_definitions"));
        var margin = int.Parse(Margin().Match(Hcl.Text(configuration.Locals["stop_timeout_seconds"]) ?? "").Groups["seconds"].Value, CultureInfo.InvariantCulture);
        Assert.InRange(margin, 5, 30);
        var validation = Hcl.Text(Assert.Single(configuration.Variable("shutdown_timeout_seconds").Blocks("validation"))["condition"]);
        Assert.Contains($"var.shutdown_timeout_seconds <= {FargateMaxStopTimeoutSeconds - margin}", validation);
    }

    /// <summary>
    /// What terraform's format() gives for the local's one expression shape, <c>format("00:%02d:%02d", floor(s / 60), s % 60)</c>;
    /// any other shape fails here rather than passing unchecked.
    /// </summary>
    private static string TerraformFormat(string expression, int seconds)
    {
        Assert.Equal("${format(\"00:%02d:%02d\", floor(var.shutdown_timeout_seconds / 60), var.shutdown_timeout_seconds % 60)}", expression);
        return string.Create(CultureInfo.InvariantCulture, $"00:{seconds / 60:00}:{seconds % 60:00}");
    }

    [GeneratedRegex(@"^\$\{var\.shutdown_timeout_seconds \+ (?<seconds>\d+)\}$")]
    private static partial Regex Margin();
}
