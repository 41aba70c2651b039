# GAI-SEC-016 on Terraform: knowledge-base source buckets with all four
# public access block flags, declared default encryption and bucket policies
# that grant named principals or only under conditions.

variable "block_public_policy" {
  type    = bool
  default = true
}

variable "kb_vpce_id" {
  type    = string
  default = "vpce-0a1b2c3d4e5f60718"
}

resource "aws_kms_key" "kb" {
  description         = "knowledge base documents"
  enable_key_rotation = true
}

# SSE-KMS with a customer managed key, all four flags (one from a variable
# default), referenced with .arn; a policy that denies insecure transport and
# grants the knowledge base role by a literal ARN.
resource "aws_s3_bucket" "docs" {
  bucket_prefix = "kb-docs-"
}

resource "aws_s3_bucket_public_access_block" "docs" {
  bucket                  = aws_s3_bucket.docs.id
  block_public_acls       = true
  block_public_policy     = var.block_public_policy
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "docs" {
  bucket = aws_s3_bucket.docs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.kb.arn
    }
    bucket_key_enabled = true
  }
}

data "aws_iam_policy_document" "docs" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.docs.arn, "${aws_s3_bucket.docs.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
  statement {
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = [aws_s3_bucket.docs.arn, "${aws_s3_bucket.docs.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/kb-docs-bedrock-role"]
    }
  }
}

resource "aws_s3_bucket_policy" "docs" {
  bucket = aws_s3_bucket.docs.id
  policy = data.aws_iam_policy_document.docs.json
}

resource "aws_bedrockagent_data_source" "docs" {
  name              = "product-docs"
  knowledge_base_id = "KB12345678"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn = aws_s3_bucket.docs.arn
    }
  }
}

# SSE-S3 (AES256) passes by default; the ARN is built by interpolation.
resource "aws_s3_bucket" "hr" {
  bucket = "kb-hr-handbook-111122223333"
}

resource "aws_s3_bucket_public_access_block" "hr" {
  bucket                  = aws_s3_bucket.hr.bucket
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "hr" {
  bucket = aws_s3_bucket.hr.bucket
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_bedrockagent_data_source" "hr" {
  name              = "hr-handbook"
  knowledge_base_id = "KB12345678"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn = "arn:aws:s3:::${aws_s3_bucket.hr.id}"
    }
  }
}

# A literal ARN of a named bucket whose settings name it too; its policy's
# Principal "*" is limited to one VPC endpoint by a condition.
resource "aws_s3_bucket" "legal" {
  bucket = "kb-legal-docs-111122223333"
}

resource "aws_s3_bucket_public_access_block" "legal" {
  bucket                  = "kb-legal-docs-111122223333"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "legal" {
  bucket = "kb-legal-docs-111122223333"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms:dsse"
    }
  }
}

resource "aws_s3_bucket_policy" "legal" {
  bucket = "kb-legal-docs-111122223333"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::kb-legal-docs-111122223333/*"
      Condition = { StringEquals = { "aws:SourceVpce" = var.kb_vpce_id } }
    }]
  })
}

resource "aws_bedrockagent_data_source" "legal" {
  name              = "legal-contracts"
  knowledge_base_id = "KB12345678"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn              = "arn:aws:s3:::kb-legal-docs-111122223333"
      bucket_owner_account_id = "111122223333"
    }
  }
}

# The deprecated inline default encryption of aws_s3_bucket counts too.
resource "aws_s3_bucket" "faq" {
  bucket = "kb-faq-111122223333"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}

resource "aws_s3_bucket_public_access_block" "faq" {
  bucket                  = aws_s3_bucket.faq.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_bedrockagent_data_source" "faq" {
  name              = "faq"
  knowledge_base_id = "KB12345678"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn = aws_s3_bucket.faq.arn
    }
  }
}

# Not an S3 data source: nothing to follow.
resource "aws_bedrockagent_data_source" "web" {
  name              = "public-site"
  knowledge_base_id = "KB12345678"
  data_source_configuration {
    type = "WEB"
    web_configuration {
      source_configuration {
        url_configuration {
          seed_urls {
            url = "https://www.example.com/docs/"
          }
        }
      }
    }
  }
}
