variable "good_db_password" {
  type      = string
  sensitive = true
}

variable "good_db_password_length" {
  type    = number
  default = 32
}
