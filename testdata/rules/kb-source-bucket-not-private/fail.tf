# GAI-SEC-016 on Terraform: knowledge-base data sources that ingest from
# buckets without a full public access block, without declared default
# encryption, or with a public bucket policy. In Terraform these settings are
# separate resources attached to the bucket by their `bucket` argument.

# `+N` after an expectation: the finding is N lines below the line the
# comment stack sits above (used for keys inside heredocs).

resource "aws_kms_key" "kb" {
  description         = "knowledge base documents"
  enable_key_rotation = true
}

# 1. A bare bucket: no public access block and no default encryption
# resource, so the related location is the bucket itself.
# expect-related: GAI-SEC-016
resource "aws_s3_bucket" "docs" {
  bucket_prefix = "kb-docs-"
}

resource "aws_bedrockagent_data_source" "docs" {
  name              = "product-docs"
  knowledge_base_id = "KB12345678"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      # expect: GAI-SEC-016
      bucket_arn = aws_s3_bucket.docs.arn
    }
  }
}

# 2. A public access block with one flag false and two left out (every flag
# defaults to false in Terraform); encryption is fine. The ARN is built by
# interpolation.
resource "aws_s3_bucket" "hr" {
  bucket = "kb-hr-handbook-111122223333"
}

resource "aws_s3_bucket_public_access_block" "hr" {
  bucket            = aws_s3_bucket.hr.id
  block_public_acls = true
  # expect-related: GAI-SEC-016
  block_public_policy = false
}

resource "aws_s3_bucket_server_side_encryption_configuration" "hr" {
  bucket = aws_s3_bucket.hr.id
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
      # expect: GAI-SEC-016
      bucket_arn         = "arn:aws:s3:::${aws_s3_bucket.hr.id}"
      inclusion_prefixes = ["handbook/"]
    }
  }
}

# 3. Private and encrypted, but a bucket policy (jsonencode) lets anyone read
# the documents. The data source and the policy name the bucket by its name.
resource "aws_s3_bucket" "legal" {
  bucket = "kb-legal-docs-111122223333"
}

resource "aws_s3_bucket_public_access_block" "legal" {
  bucket                  = aws_s3_bucket.legal.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "legal" {
  bucket = aws_s3_bucket.legal.bucket
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.kb.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_policy" "legal" {
  bucket = "kb-legal-docs-111122223333"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = ["arn:aws:s3:::kb-legal-docs-111122223333", "arn:aws:s3:::kb-legal-docs-111122223333/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid    = "PublicRead"
        Effect = "Allow"
        # expect-related: GAI-SEC-016
        Principal = "*"
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::kb-legal-docs-111122223333/*"
      },
    ]
  })
}

resource "aws_bedrockagent_data_source" "legal" {
  name              = "legal-contracts"
  knowledge_base_id = "KB12345678"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      # expect: GAI-SEC-016
      bucket_arn = "arn:aws:s3:::kb-legal-docs-111122223333"
    }
  }
}

# 4. The encryption rule only sets bucket_key_enabled (no default
# algorithm), and a policy document lets any AWS principal write.
resource "aws_s3_bucket" "catalog" {
  bucket = "kb-catalog-111122223333"
}

resource "aws_s3_bucket_public_access_block" "catalog" {
  bucket                  = aws_s3_bucket.catalog.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "catalog" {
  bucket = aws_s3_bucket.catalog.id
  # expect-related: GAI-SEC-016
  rule {
    bucket_key_enabled = true
  }
}

data "aws_iam_policy_document" "catalog" {
  statement {
    actions   = ["s3:PutObject", "s3:GetObject"]
    resources = ["${aws_s3_bucket.catalog.arn}/*"]
    principals {
      type = "AWS"
      # expect-related: GAI-SEC-016
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "catalog" {
  bucket = aws_s3_bucket.catalog.id
  policy = data.aws_iam_policy_document.catalog.json
}

resource "aws_bedrockagent_data_source" "catalog" {
  name              = "product-catalog"
  knowledge_base_id = "KB12345678"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      # expect: GAI-SEC-016
      bucket_arn = aws_s3_bucket.catalog.arn
    }
  }
}

# 5. The deprecated inline forms of aws_s3_bucket: inline default encryption
# is fine, the inline policy (a heredoc) is public.
resource "aws_s3_bucket" "faq" {
  bucket = "kb-faq-111122223333"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
      }
    }
  }
  # expect-related: GAI-SEC-016 +6
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": "*",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::kb-faq-111122223333/*"
    }
  ]
}
POLICY
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
      # expect: GAI-SEC-016
      bucket_arn = aws_s3_bucket.faq.arn
    }
  }
}
