variable "name" {
  type = string
}

variable "kms_key" {
  type = string
}

resource "aws_sagemaker_endpoint_configuration" "this" {
  name = var.name
  kms_key_arn = var.kms_key
  production_variants {
    variant_name  = "main"
    model_name    = "chat-model"
    instance_type = "ml.m5.xlarge"
  }
}
