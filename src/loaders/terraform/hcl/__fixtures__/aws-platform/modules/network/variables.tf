variable "name" {
  type = string
}

variable "cidr_block" {
  type = string
}

variable "azs" {
  type = list(string)
}

variable "enable_nat" {
  type    = bool
  default = false
}

variable "admin_cidrs" {
  type    = list(string)
  default = []
}

variable "web_ports" {
  type    = list(number)
  default = [443]
}

variable "tags" {
  type    = map(string)
  default = {}
}
