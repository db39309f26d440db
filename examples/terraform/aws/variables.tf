variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "db_password" {
  description = "Master password for the reports database"
  type        = string
  default     = "changeme"
}

variable "buckets" {
  description = "Data buckets, hardened through the module"
  type        = map(object({ versioned = bool }))
  default = {
    invoices = { versioned = true }
    exports  = { versioned = true }
  }
}

variable "admin_cidrs" {
  type    = list(string)
  default = ["0.0.0.0/0"]
}
