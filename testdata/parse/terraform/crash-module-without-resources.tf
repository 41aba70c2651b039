module "m" {
  source = "./mod"
}
resource "aws_s3_bucket" "b" {
  bucket = module.m.name
}
#--
output "name" {
  value = "docs"
}
