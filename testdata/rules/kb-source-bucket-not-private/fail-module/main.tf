# GAI-SEC-016: the source bucket is made by a local module whose caller turns
# public access blocking off; the data source reads the bucket ARN from the
# module's output. The finding is on the data source, the related locations
# inside the module and on the module argument.
module "docs_bucket" {
  source = "./bucket"
  name   = "kb-docs-111122223333"
  # expect-related: GAI-SEC-016
  block_public = false
}

resource "aws_bedrockagent_data_source" "docs" {
  name              = "docs"
  knowledge_base_id = "KB12345678"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      # expect: GAI-SEC-016
      bucket_arn = module.docs_bucket.arn
    }
  }
}
