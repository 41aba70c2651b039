# GAI-SEC-016 on Terraform: the source bucket is not in the scanned files, or
# the bucket ARN, a bucket setting or the bucket policy is only known at
# apply time, so nothing is reported (a --report-unknown run shows notes).

variable "source_bucket_arn" {
  type        = string
  description = "Bucket ARN supplied by the data platform team (no default)."
}

variable "block_public_policy" {
  type        = bool
  description = "Chosen per environment (no default)."
}

variable "extra_bucket_policy" {
  type        = string
  description = "Bucket policy JSON supplied at apply time (no default)."
}

# A literal ARN of a bucket that lives in another configuration or account.
# expect-unknown: GAI-SEC-016
resource "aws_bedrockagent_data_source" "shared" {
  name              = "shared-docs"
  knowledge_base_id = "KB12345678"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn = "arn:aws:s3:::corp-shared-knowledge-docs"
    }
  }
}

# A variable without a value.
# expect-unknown: GAI-SEC-016
resource "aws_bedrockagent_data_source" "platform" {
  name              = "platform-docs"
  knowledge_base_id = "KB12345678"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn = var.source_bucket_arn
    }
  }
}

# The bucket is in the file, but one flag is chosen at apply time.
resource "aws_s3_bucket" "runbooks" {
  bucket_prefix = "kb-runbooks-"
}

resource "aws_s3_bucket_public_access_block" "runbooks" {
  bucket                  = aws_s3_bucket.runbooks.id
  block_public_acls       = true
  block_public_policy     = var.block_public_policy
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "runbooks" {
  bucket = aws_s3_bucket.runbooks.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

# expect-unknown: GAI-SEC-016
resource "aws_bedrockagent_data_source" "runbooks" {
  name              = "runbooks"
  knowledge_base_id = "KB12345678"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn = aws_s3_bucket.runbooks.arn
    }
  }
}

# Private and encrypted, but the attached bucket policy is only known at
# apply time.
resource "aws_s3_bucket" "faq" {
  bucket_prefix = "kb-faq-"
}

resource "aws_s3_bucket_public_access_block" "faq" {
  bucket                  = aws_s3_bucket.faq.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "faq" {
  bucket = aws_s3_bucket.faq.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_policy" "faq" {
  bucket = aws_s3_bucket.faq.id
  policy = var.extra_bucket_policy
}

# expect-unknown: GAI-SEC-016
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

# A bucket policy that grants a role of the configuration: its ARN is only
# known after apply, so the policy cannot be cleared.
resource "aws_s3_bucket" "manuals" {
  bucket_prefix = "kb-manuals-"
}

resource "aws_s3_bucket_public_access_block" "manuals" {
  bucket                  = aws_s3_bucket.manuals.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "manuals" {
  bucket = aws_s3_bucket.manuals.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_iam_role" "manuals_reader" {
  name = "kb-manuals-reader"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "bedrock.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_s3_bucket_policy" "manuals" {
  bucket = aws_s3_bucket.manuals.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = aws_iam_role.manuals_reader.arn }
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.manuals.arn}/*"
    }]
  })
}

# expect-unknown: GAI-SEC-016
resource "aws_bedrockagent_data_source" "manuals" {
  name              = "manuals"
  knowledge_base_id = "KB12345678"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn = aws_s3_bucket.manuals.arn
    }
  }
}
