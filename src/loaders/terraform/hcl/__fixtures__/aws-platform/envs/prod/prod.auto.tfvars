enable_nat    = true
app_instances = 2
