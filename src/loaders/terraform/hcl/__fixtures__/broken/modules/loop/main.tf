# A module that calls itself: Terraform would recurse forever.
module "again" {
  source = "../loop"
}

resource "aws_sns_topic" "inside" {
  name = "inside-loop"
}
