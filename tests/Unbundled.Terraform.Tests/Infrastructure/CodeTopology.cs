using Unbundled.AppHost;
using Unbundled.Messaging.Topology;

namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>
/// The system's topology as <c>topology</c> prints it, composed in-process with a name prefix that terraform's
/// <c>var.name_prefix</c> stands for in the comparison, and no region, so that ARNs keep their placeholders.
/// </summary>
internal static class CodeTopology
{
    public const string Prefix = "tf-";

    public static readonly string[] Arguments = [$"--Unbundled:NamePrefix={Prefix}", "--AWS_REGION=", "--AWS_DEFAULT_REGION="];

    private static readonly Lazy<SystemTopology> Described = new(() => SystemTopologyCommand.Describe(Arguments));

    public static SystemTopology Current => Described.Value;
}
