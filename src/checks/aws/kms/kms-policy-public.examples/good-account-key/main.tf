resource "aws_kms_key" "good_volumes" {
  description         = "Volume encryption"
  enable_key_rotation = true
}

resource "aws_kms_key_policy" "good_volumes" {
  key_id = aws_kms_key.good_volumes.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "EnableRootAccess"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "AllowViaEbsForThisAccount"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:CreateGrant", "kms:DescribeKey"]
        Resource  = "*"
        Condition = {
          StringEquals = {
            "kms:CallerAccount" = "111122223333"
            "kms:ViaService"    = "ec2.eu-west-1.amazonaws.com"
          }
        }
      },
    ]
  })
}
