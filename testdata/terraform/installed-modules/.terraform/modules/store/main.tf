variable "name" {
  type = string
}

variable "versioned" {
  type    = bool
  default = true
}

module "tags" {
  source  = "example.test/acme/tags/null"
  version = "0.1.0"
  name    = var.name
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
  tags   = module.tags.tags
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = var.versioned ? "Enabled" : "Suspended"
  }
}

module "logs" {
  source = "./modules/logs"
  bucket = aws_s3_bucket.this.id
}

output "bucket_name" {
  value = aws_s3_bucket.this.bucket
}
