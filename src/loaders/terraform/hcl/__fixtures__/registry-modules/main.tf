module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"

  name            = "registry-demo"
  cidr            = "10.1.0.0/16"
  private_subnets = ["10.1.1.0/24", "10.1.2.0/24"]
}

module "tagging" {
  source = "git::https://example.com/acme/terraform-tagging.git?ref=v1.2.0"
  team   = "platform"
}

resource "aws_flow_log" "extra" {
  vpc_id       = module.vpc.vpc_id
  traffic_type = "REJECT"
  tags         = module.tagging.tags
}
