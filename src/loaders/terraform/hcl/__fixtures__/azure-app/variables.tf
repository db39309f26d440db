variable "prefix" {
  type    = string
  default = "shop"
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "location" {
  type    = string
  default = "westeurope"
}

variable "address_space" {
  type    = string
  default = "10.20.0.0/16"
}

variable "management_rules" {
  type = list(object({
    name     = string
    priority = number
    port     = number
    source   = string
  }))
  default = [
    { name = "ssh", priority = 200, port = 22, source = "*" },
    { name = "rdp", priority = 210, port = 3389, source = "10.0.0.0/8" },
  ]
}

variable "allowed_ips" {
  type    = list(string)
  default = ["198.51.100.7"]
}

variable "reader_object_ids" {
  type    = list(string)
  default = ["00000000-0000-0000-0000-000000000001"]
}
