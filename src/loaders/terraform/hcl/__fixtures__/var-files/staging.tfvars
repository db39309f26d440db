# Passed with --var-file: wins over terraform.tfvars and *.auto.tfvars.
environment = "staging"
admin_cidrs = ["192.0.2.0/24", "10.8.0.0/16"]
