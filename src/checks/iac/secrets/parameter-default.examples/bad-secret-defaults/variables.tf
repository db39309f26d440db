variable "bad_db_password" {
  type      = string
  sensitive = true
  default   = "changeme"
}

variable "bad_deploy_key_id" {
  type    = string
  default = "AKIAIOSFODNN7EXAMPLE"
}

variable "instance_type" {
  type    = string
  default = "t3.small"
}
