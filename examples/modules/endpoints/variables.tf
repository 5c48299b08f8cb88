variable "name" {
  description = "Prefix for Name tags."
  type        = string
}

variable "region" {
  description = "Region, used to build service names."
  type        = string
}

variable "vpc_id" {
  description = "VPC the endpoints live in."
  type        = string
}

variable "vpc_cidr" {
  description = "VPC block allowed to reach the interface endpoints on 443."
  type        = string
}

variable "subnet_ids" {
  description = "Subnets for the interface endpoints, one per AZ."
  type        = list(string)
}

variable "route_table_ids" {
  description = "Route tables that get the S3 and DynamoDB gateway endpoint routes."
  type        = list(string)
}

variable "interface_services" {
  description = "Short service names (`ssm`, `logs`, ...) that get an interface endpoint."
  type        = list(string)
  default     = []
}
