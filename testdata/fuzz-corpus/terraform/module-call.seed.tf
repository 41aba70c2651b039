# terraform_fuzz seed: a root module, then (after a "#--" line) a local
# module it calls, then terraform.tfvars.
variable "env" {
  default = "dev"
}

locals {
  names = ["raw", "clean"]
  tags  = { Env = var.env, Team = "ml" }
}

module "kb" {
  source   = "./mod"
  for_each = toset(local.names)
  name     = "kb-${each.key}-${var.env}"
  tags     = merge(local.tags, { Name = each.value })
}

resource "aws_sqs_queue" "events" {
  count             = length(local.names)
  name              = "events-${count.index}"
  kms_master_key_id = module.kb["raw"].key_arn
  depends_on        = [module.kb]
}
#--
variable "name" {}
variable "tags" {
  default = {}
}

resource "aws_kms_key" "k" {
  description         = "key for ${var.name}"
  enable_key_rotation = true
  tags                = var.tags
}

resource "aws_s3_bucket" "docs" {
  bucket = var.name
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        kms_master_key_id = aws_kms_key.k.arn
        sse_algorithm     = "aws:kms"
      }
    }
  }
}

output "key_arn" {
  value = aws_kms_key.k.arn
}
#--
env = "prod"
