environment = "prod"
admin_cidrs = ["203.0.113.0/24"]
azs         = ["us-east-1a", "us-east-1b", "us-east-1c"]
