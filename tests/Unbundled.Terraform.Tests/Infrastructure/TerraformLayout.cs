using Unbundled.LocalAws;

namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>Where the terraform configuration lives in the repository.</summary>
internal static class TerraformLayout
{
    public static string Terraform => Path.Combine(RepositoryLayout.Root, "terraform");
}
