variable "good_db_password" {
  type      = string
  sensitive = true
}

variable "db_password_secret_arn" {
  description = "ARN of the secret that holds the password"
  type        = string
}
