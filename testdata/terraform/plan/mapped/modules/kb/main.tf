variable "bucket_name" {
  type = string
}

variable "key_arn" {
  type = string
}

resource "aws_s3_bucket" "docs" {
  for_each = toset(["raw", "curated"])
  bucket   = "${var.bucket_name}-${each.key}"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "docs" {
  for_each = aws_s3_bucket.docs
  bucket   = each.value.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.key_arn
    }
  }
}
