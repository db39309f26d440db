output "vpc_id" {
  value = module.network.vpc_id
}

output "bucket_names" {
  value = { for k, b in module.buckets : k => b.bucket_name }
}
