# The configuration plan.json was made from (terraform plan -out=tfplan;
# terraform show -json tfplan > plan.json).

resource "aws_kms_key" "models" {
  description         = "Model artifacts"
  enable_key_rotation = true
}

resource "aws_sagemaker_endpoint_configuration" "batch" {
  name = "batch"

  production_variants {
    variant_name           = "primary"
    model_name             = "batch-model"
    initial_instance_count = 1
    instance_type          = "ml.m5.xlarge"
  }
}

resource "aws_sagemaker_endpoint_configuration" "chat" {
  name        = "chat"
  kms_key_arn = aws_kms_key.models.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "chat-model"
    initial_instance_count = 1
    instance_type          = "ml.g5.2xlarge"
  }

  production_variants {
    variant_name           = "canary"
    model_name             = "chat-model-next"
    initial_instance_count = 1
    instance_type          = "ml.g5.xlarge"
  }

  tags = {
    team = "genai"
  }
}

resource "aws_sagemaker_endpoint_configuration" "legacy" {
  name        = "legacy"
  kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

  production_variants {
    variant_name           = "primary"
    model_name             = "legacy-model"
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
  }

  depends_on = [aws_kms_key.models]
}

module "kb" {
  source      = "./modules/kb"
  bucket_name = "genai-kb-docs"
  key_arn     = aws_kms_key.models.arn
}
