# infra/network: the shared VPC of the "payments" team in eu-west-1.
# `npm run demo` runs `vpc-lens check examples/`; see README.md for the mistakes planted on purpose.

terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Team      = "payments"
      ManagedBy = "terraform"
      Stack     = "infra/network"
    }
  }
}
