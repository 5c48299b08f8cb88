variable "region" {
  description = "AWS region of the network."
  type        = string
  default     = "eu-west-1"
}

variable "environment" {
  description = "Environment name, used in Name tags."
  type        = string
}

variable "vpc_cidr" {
  description = "IPv4 block of the VPC; subnets are carved out of it with cidrsubnet()."
  type        = string
  default     = "10.0.0.0/16"
}

variable "azs" {
  description = "Availability zones to spread subnets, NAT gateways and endpoints over."
  type        = list(string)
  default     = ["eu-west-1a", "eu-west-1b"]
}

variable "app_port" {
  description = "Port the application containers listen on behind the ALB."
  type        = number
  default     = 8080
}

variable "db_port" {
  description = "PostgreSQL port."
  type        = number
  default     = 5432
}

variable "flow_log_bucket_arn" {
  description = "S3 bucket (owned by the security account) that receives VPC flow logs."
  type        = string
}

variable "interface_endpoint_services" {
  description = "AWS services reached through interface endpoints instead of the NAT gateways."
  type        = list(string)
  default     = ["ssm", "ssmmessages", "ec2messages", "ecr.api", "ecr.dkr", "logs"]
}
