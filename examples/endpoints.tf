# Keep AWS API traffic off the NAT gateways (cheaper, and it works when the NATs are down).
module "endpoints" {
  source = "./modules/endpoints"

  name               = "${var.environment}-payments"
  region             = var.region
  vpc_id             = aws_vpc.main.id
  vpc_cidr           = var.vpc_cidr
  subnet_ids         = aws_subnet.private[*].id
  route_table_ids    = aws_route_table.private[*].id
  interface_services = var.interface_endpoint_services
}
