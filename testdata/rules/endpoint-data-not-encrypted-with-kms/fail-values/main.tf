# GAI-SEC-012: the failing values come from a variable default, a tfvars
# file, a local and a for_each map.
locals {
  # expect-related: GAI-SEC-012
  async_key = ""
}

resource "aws_sagemaker_endpoint_configuration" "volume" {
  name = "volume"
  # expect: GAI-SEC-012
  kms_key_arn = var.volume_key
  production_variants {
    variant_name  = "main"
    model_name    = "chat-model"
    instance_type = "ml.m5.large"
  }
}

resource "aws_sagemaker_endpoint_configuration" "capture" {
  name        = "capture"
  kms_key_arn = "alias/endpoint"
  production_variants {
    variant_name  = "main"
    model_name    = "chat-model"
    instance_type = "ml.c5.large"
  }
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 5
    destination_s3_uri          = "s3://capture/chat"
    # expect: GAI-SEC-012
    kms_key_id = var.capture_key
    capture_options {
      capture_mode = "Input"
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "async" {
  name = "async"
  production_variants {
    variant_name  = "main"
    model_name    = "chat-model"
    instance_type = "ml.g5.xlarge"
  }
  async_inference_config {
    output_config {
      s3_output_path = "s3://results/async"
      # expect: GAI-SEC-012
      kms_key_id = local.async_key
    }
  }
}

# Only the "general" instance fails: one finding, not two.
# expect: GAI-SEC-012
resource "aws_sagemaker_endpoint_configuration" "per_type" {
  for_each = var.instance_types
  name     = each.key
  production_variants {
    variant_name  = "main"
    model_name    = "chat-model"
    instance_type = each.value
  }
}
