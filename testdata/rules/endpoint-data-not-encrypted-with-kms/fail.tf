# GAI-SEC-012 on Terraform: every way an endpoint configuration stores data
# at rest without a KMS key.

# expect: GAI-SEC-012
resource "aws_sagemaker_endpoint_configuration" "no_volume_key" {
  name = "chat"
  production_variants {
    variant_name           = "main"
    model_name             = "chat-model"
    instance_type          = "ml.m5.2xlarge"
    initial_instance_count = 2
  }
}

resource "aws_sagemaker_endpoint_configuration" "empty_key" {
  name = "chat-empty"
  # expect: GAI-SEC-012
  kms_key_arn = ""
  production_variants {
    variant_name  = "main"
    model_name    = "chat-model"
    instance_type = "ml.inf2.xlarge"
  }
}

resource "aws_sagemaker_endpoint_configuration" "capture_without_key" {
  name = "capture"
  production_variants {
    variant_name  = "main"
    model_name    = "chat-model"
    instance_type = "ml.g5.2xlarge"
  }
  # expect: GAI-SEC-012
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 10
    destination_s3_uri          = "s3://capture/chat"
    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "async_without_key" {
  name = "async"
  production_variants {
    variant_name = "main"
    model_name   = "chat-model"
    serverless_config {
      max_concurrency   = 5
      memory_size_in_mb = 4096
    }
  }
  async_inference_config {
    # expect: GAI-SEC-012
    output_config {
      s3_output_path = "s3://results/async"
    }
  }
}
