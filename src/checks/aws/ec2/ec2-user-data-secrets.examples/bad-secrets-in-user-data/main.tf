variable "db_password" {
  type      = string
  sensitive = true
  default   = "Tr0ub4dor&3"
}

resource "aws_instance" "bad_app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.small"
  user_data     = <<-EOT
    #!/bin/bash
    set -euo pipefail
    export DB_HOST=orders.cluster-abc123.eu-west-1.rds.amazonaws.com
    export DB_PASSWORD='${var.db_password}'
    dnf install -y nginx
  EOT
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_instance" "bad_backup" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data_base64 = base64encode(join("\n", [
    "#!/bin/bash",
    "aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE",
    "aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  ]))
  metadata_options {
    http_tokens = "required"
  }
}
