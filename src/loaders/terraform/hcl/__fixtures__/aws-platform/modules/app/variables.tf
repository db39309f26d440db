variable "name" {
  type = string
}
variable "subnet_id" {
  type = string
}
variable "security_group_ids" {
  type = list(string)
}
variable "instance_type" {
  type = string
}
variable "log_bucket" {
  type = string
}
variable "settings" {
  type = object({
    port     = optional(number, 8080)
    imdsv2   = optional(bool, true)
    packages = optional(list(string), ["nginx"])
  })
  default = {}
}
