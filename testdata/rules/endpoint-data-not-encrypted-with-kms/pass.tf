# GAI-SEC-012 on Terraform: keys where they apply, and the cases where no key
# applies.

resource "aws_kms_key" "endpoint" {
  description = "endpoint data"
}

resource "aws_sagemaker_endpoint_configuration" "all_keys" {
  name        = "chat"
  kms_key_arn = aws_kms_key.endpoint.arn
  production_variants {
    variant_name  = "main"
    model_name    = "chat-model"
    instance_type = "ml.m5.2xlarge"
  }
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 10
    destination_s3_uri          = "s3://capture/chat"
    kms_key_id                  = aws_kms_key.endpoint.arn
    capture_options {
      capture_mode = "Input"
    }
  }
  async_inference_config {
    output_config {
      s3_output_path = "s3://results/async"
      kms_key_id     = aws_kms_key.endpoint.key_id
    }
  }
}

# Local NVMe storage: SageMaker rejects kms_key_arn, the volume is
# hardware-encrypted.
resource "aws_sagemaker_endpoint_configuration" "nvme" {
  name = "gpu"
  production_variants {
    variant_name  = "main"
    model_name    = "chat-model"
    instance_type = "ml.g5.12xlarge"
  }
}

# Serverless only: no volume of yours.
resource "aws_sagemaker_endpoint_configuration" "serverless" {
  name = "serverless"
  production_variants {
    variant_name = "main"
    model_name   = "chat-model"
    serverless_config {
      max_concurrency   = 5
      memory_size_in_mb = 2048
    }
  }
}

# enable_capture defaults to false in Terraform: nothing is captured.
resource "aws_sagemaker_endpoint_configuration" "capture_off" {
  name = "capture-off"
  production_variants {
    variant_name  = "main"
    model_name    = "chat-model"
    instance_type = "ml.g6.xlarge"
  }
  data_capture_config {
    initial_sampling_percentage = 10
    destination_s3_uri          = "s3://capture/off"
    capture_options {
      capture_mode = "Input"
    }
  }
}
