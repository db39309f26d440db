resource "aws_instance" "good_worker" {
  ami                  = "ami-0abcdef1234567890"
  instance_type        = "t3.small"
  iam_instance_profile = "worker-profile"
  user_data            = <<-EOT
    #!/bin/bash
    set -euo pipefail
    API_TOKEN=$(aws ssm get-parameter --name /worker/api-token --with-decryption --query Parameter.Value --output text)
    DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id prod/worker/db --query SecretString --output text)"
    systemctl enable --now worker
  EOT
  metadata_options {
    http_tokens = "required"
  }
}
