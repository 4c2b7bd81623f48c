terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # Exactly the version whose schema tests/Unbundled.Terraform.Tests checks every argument against (the one
      # @cdktf/provider-aws 21.22.1 in tools/package.json was generated from); move both together.
      version = "6.25.0"
    }
  }
}
