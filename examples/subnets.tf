# Layout of 10.0.0.0/16:
#   10.0.0.0/24,   10.0.1.0/24    public  (ALB, NAT gateways)      cidrsubnet(vpc, 8, i)
#   10.0.16.0/20,  10.0.32.0/20   private (application)            cidrsubnet(vpc, 4, i + 1)
#   10.0.100.0/24, 10.0.101.0/24  database                         cidrsubnet(vpc, 8, i + 100)

resource "aws_subnet" "public" {
  count = length(var.azs)

  vpc_id                  = aws_vpc.main.id
  availability_zone       = var.azs[count.index]
  cidr_block              = cidrsubnet(var.vpc_cidr, 8, count.index)
  map_public_ip_on_launch = true

  tags = {
    Name = "${var.environment}-public-${var.azs[count.index]}"
    Tier = "public"
  }
}

resource "aws_subnet" "private" {
  count = length(var.azs)

  vpc_id            = aws_vpc.main.id
  availability_zone = var.azs[count.index]
  cidr_block        = cidrsubnet(var.vpc_cidr, 4, count.index + 1)

  tags = {
    Name = "${var.environment}-private-${var.azs[count.index]}"
    Tier = "private"
  }
}

resource "aws_subnet" "database" {
  count = length(var.azs)

  vpc_id            = aws_vpc.main.id
  availability_zone = var.azs[count.index]
  cidr_block        = cidrsubnet(var.vpc_cidr, 8, count.index + 100)

  tags = {
    Name = "${var.environment}-database-${var.azs[count.index]}"
    Tier = "database"
  }
}

# Subnets added by hand over time, outside the cidrsubnet() layout above.

resource "aws_subnet" "legacy_reporting" {
  vpc_id            = aws_vpc.main.id
  availability_zone = var.azs[0]
  # Deliberate mistake for the demo: 10.1.5.0/24 is not inside the VPC block 10.0.0.0/16.
  cidr_block = "10.1.5.0/24"

  tags = {
    Name = "${var.environment}-legacy-reporting"
  }
}

resource "aws_subnet" "analytics" {
  vpc_id            = aws_vpc.main.id
  availability_zone = var.azs[1]
  # Deliberate mistake for the demo: overlaps aws_subnet.private[1] (cidrsubnet gives 10.0.32.0/20).
  cidr_block = "10.0.40.0/24"

  tags = {
    Name = "${var.environment}-analytics"
  }
}

resource "aws_subnet" "tools" {
  vpc_id            = aws_vpc.main.id
  availability_zone = var.azs[0]
  # Deliberate mistake for the demo: host bits set, the network address is 10.0.7.0/24.
  cidr_block = "10.0.7.1/24"

  tags = {
    Name = "${var.environment}-tools"
  }
}

resource "aws_subnet" "vpn_appliance" {
  vpc_id            = aws_vpc.main.id
  availability_zone = var.azs[0]
  # Deliberate mistake for the demo: a /29 is smaller than the smallest subnet AWS allows (/28).
  cidr_block = "10.0.8.0/29"

  tags = {
    Name = "${var.environment}-vpn-appliance"
  }
}
