resource "aws_secretsmanager_secret" "bad_partner_api_key" {
  name        = "prod/partner/api-key"
  description = "Partner API key, set by hand after deployment"
}
