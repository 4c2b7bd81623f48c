using Unbundled.Testing;

namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>Where the terraform configuration lives in the repository.</summary>
internal static class TerraformLayout
{
    public static string Terraform => RepositoryRoot.Combine("terraform");
}
