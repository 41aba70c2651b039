# Model serving: a chat LLM (TGI) on a GPU endpoint with data capture, and an
# embedding model on a CPU endpoint through the local endpoint module.

resource "aws_kms_key" "endpoint" {
  description         = "${var.name} endpoint data"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "capture" {
  bucket = "${var.name}-inference-capture"
}

resource "aws_s3_bucket_public_access_block" "capture" {
  bucket                  = aws_s3_bucket.capture.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "capture" {
  bucket = aws_s3_bucket.capture.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.endpoint.arn
    }
    bucket_key_enabled = true
  }
}

data "aws_iam_policy_document" "sagemaker_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["sagemaker.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "inference" {
  name               = "${var.name}-inference"
  assume_role_policy = data.aws_iam_policy_document.sagemaker_trust.json
}

data "aws_iam_policy_document" "inference" {
  statement {
    sid       = "CaptureWrite"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.capture.arn}/*"]
  }
  statement {
    sid       = "EndpointKey"
    actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
    resources = [aws_kms_key.endpoint.arn]
  }
}

resource "aws_iam_role_policy" "inference" {
  role   = aws_iam_role.inference.id
  name   = "inference"
  policy = data.aws_iam_policy_document.inference.json
}

resource "aws_sagemaker_model" "chat" {
  name                     = "${var.name}-chat"
  execution_role_arn       = aws_iam_role.inference.arn
  enable_network_isolation = true

  primary_container {
    image = var.chat_image
    environment = {
      HF_MODEL_ID    = "/opt/ml/model"
      SM_NUM_GPUS    = "1"
      MAX_TOTAL_TOKENS = "4096"
    }
    model_data_url = "s3://${var.name}-models/chat/model.tar.gz"
  }
}

# ml.g5 has local NVMe storage, hardware-encrypted: SageMaker rejects a
# volume key here. Captured prompts and responses use the endpoint key.
resource "aws_sagemaker_endpoint_configuration" "chat" {
  name = "${var.name}-chat"

  production_variants {
    variant_name           = "AllTraffic"
    model_name             = aws_sagemaker_model.chat.name
    instance_type          = "ml.g5.2xlarge"
    initial_instance_count = 1
  }

  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 20
    destination_s3_uri          = "s3://${aws_s3_bucket.capture.bucket}/chat"
    kms_key_id                  = aws_kms_key.endpoint.arn
    capture_options {
      capture_mode = "Input"
    }
    capture_options {
      capture_mode = "Output"
    }
  }
}

resource "aws_sagemaker_endpoint" "chat" {
  name                 = "${var.name}-chat"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.chat.name
}

module "embedding" {
  source = "./modules/endpoint"

  name               = "${var.name}-embedding"
  image              = var.embedding_image
  model_data_url     = "s3://${var.name}-models/embedding/model.tar.gz"
  instance_type      = "ml.m5.xlarge"
  instance_count     = 2
  execution_role_arn = aws_iam_role.inference.arn
  kms_key_arn        = var.embedding_kms_key_arn
}
