variable "name" {
  type = string
}

variable "versioning" {
  type    = bool
  default = true
}

variable "public_read" {
  type    = bool
  default = false
}

variable "kms_key_arn" {
  type    = string
  default = null
}

variable "reader_arns" {
  type    = list(string)
  default = []
}
