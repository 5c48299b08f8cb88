output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.main.id
}

output "public_subnet_ids" {
  description = "Public subnets, one per AZ (ALB, NAT gateways)."
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  description = "Private application subnets, one per AZ."
  value       = aws_subnet.private[*].id
}

output "database_subnet_ids" {
  description = "Database subnets, one per AZ."
  value       = aws_subnet.database[*].id
}

output "nat_public_ips" {
  description = "Egress IPs to give to partners for allow-listing."
  value       = aws_eip.nat[*].public_ip
}

output "security_group_ids" {
  description = "Security groups of the three tiers."
  value = {
    alb = aws_security_group.alb.id
    app = aws_security_group.app.id
    db  = aws_security_group.db.id
  }
}

output "s3_endpoint_id" {
  description = "Gateway endpoint for S3."
  value       = module.endpoints.s3_endpoint_id
}
