# A root module after `terraform init`: the module "store" comes from a
# registry, and init installed it under .terraform/modules/ (a small fake
# module written for genlens, see .terraform/modules/modules.json).
module "store" {
  source  = "example.test/acme/store/aws"
  version = "1.0.0"
  name    = "kb-docs"
}

module "missing" {
  source = "example.test/acme/missing/aws"
}

resource "aws_sqs_queue" "events" {
  name              = "${module.store.bucket_name}-events"
  kms_master_key_id = module.missing.key_arn
}
