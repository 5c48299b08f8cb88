environment         = "prod"
region              = "eu-west-1"
vpc_cidr            = "10.0.0.0/16"
azs                 = ["eu-west-1a", "eu-west-1b"]
app_port            = 8080
flow_log_bucket_arn = "arn:aws:s3:::payments-security-flow-logs"
