# GAI-SEC-016: the settings come from a variable default, a tfvars file and
# a for_each map; the related locations point at the lines that decided.

# One bucket, public access block, encryption and data source per corpus;
# the map value says whether public bucket policies are restricted. Only
# the "raw" instance fails: one finding, not two.
resource "aws_s3_bucket" "corpus" {
  for_each = var.corpora
  bucket   = "kb-${each.key}-111122223333"
}

resource "aws_s3_bucket_public_access_block" "corpus" {
  for_each                = var.corpora
  bucket                  = aws_s3_bucket.corpus[each.key].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  # expect-related: GAI-SEC-016
  restrict_public_buckets = each.value
}

# One per bucket instance, written over the bucket resource itself: each
# instance attaches to the bucket of its key.
resource "aws_s3_bucket_server_side_encryption_configuration" "corpus" {
  for_each = aws_s3_bucket.corpus
  bucket   = each.value.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_bedrockagent_data_source" "corpus" {
  for_each          = var.corpora
  name              = each.key
  knowledge_base_id = "KB12345678"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      # expect: GAI-SEC-016
      bucket_arn = aws_s3_bucket.corpus[each.key].arn
    }
  }
}

# The flags come from variables: a default of false, and a default of true
# that terraform.tfvars overrides with false.
resource "aws_s3_bucket" "docs" {
  bucket = "kb-docs-111122223333"
}

resource "aws_s3_bucket_public_access_block" "docs" {
  bucket                  = aws_s3_bucket.docs.id
  block_public_acls       = var.block_public_acls
  block_public_policy     = var.block_public_policy
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "docs" {
  bucket = aws_s3_bucket.docs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.sse_algorithm
    }
  }
}

resource "aws_bedrockagent_data_source" "docs" {
  name              = "docs"
  knowledge_base_id = "KB12345678"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      # expect: GAI-SEC-016
      bucket_arn = aws_s3_bucket.docs.arn
    }
  }
}
