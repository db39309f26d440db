variable "bad_db_password" {
  description = "Master password for the orders database"
  type        = string
}

variable "bad_api_token" {
  type      = string
  sensitive = false
}

variable "good_smtp_password" {
  type      = string
  sensitive = true
}

variable "region" {
  type    = string
  default = "eu-west-1"
}
