# GAI-SEC-016: the source bucket comes from a registry module that is not
# installed (no .terraform/modules), so it is not in the scan: Unknown.
module "docs_bucket" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "~> 4.0"
  bucket  = "kb-docs-111122223333"
}

# expect-unknown: GAI-SEC-016
resource "aws_bedrockagent_data_source" "docs" {
  name              = "docs"
  knowledge_base_id = "KB12345678"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn = module.docs_bucket.s3_bucket_arn
    }
  }
}
