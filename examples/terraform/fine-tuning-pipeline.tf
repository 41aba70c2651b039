# Fine-tuning: a SageMaker pipeline that splits the instruction dataset,
# fine-tunes the model with LoRA and registers the candidate. (Terraform has
# no resource for a one-off processing job; the CloudFormation version of
# the demo has one.)

locals {
  training_image   = "763104351884.dkr.ecr.${var.region}.amazonaws.com/huggingface-pytorch-training:2.1.0-transformers4.36.0-gpu-py310-cu121-ubuntu20.04"
  processing_image = "763104351884.dkr.ecr.${var.region}.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3"
}

resource "aws_kms_key" "artifacts" {
  description         = "${var.name} training artifacts"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "artifacts" {
  bucket = "${var.name}-training-artifacts"
}

resource "aws_s3_bucket_public_access_block" "artifacts" {
  bucket                  = aws_s3_bucket.artifacts.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_iam_role" "training" {
  name               = "${var.name}-training"
  assume_role_policy = data.aws_iam_policy_document.sagemaker_trust.json
}

data "aws_iam_policy_document" "training" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObject", "s3:ListBucket"]
    resources = [aws_s3_bucket.artifacts.arn, "${aws_s3_bucket.artifacts.arn}/*"]
  }
  statement {
    actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
    resources = [aws_kms_key.artifacts.arn]
  }
}

resource "aws_iam_role_policy" "training" {
  role   = aws_iam_role.training.id
  name   = "training"
  policy = data.aws_iam_policy_document.training.json
}

resource "aws_sagemaker_pipeline" "fine_tune" {
  pipeline_name         = "${var.name}-fine-tune"
  pipeline_display_name = "${var.name}-fine-tune"
  pipeline_description  = "Prepare data, fine-tune with LoRA, register the candidate."
  role_arn              = aws_iam_role.training.arn

  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Parameters = [
      { Name = "TrainingInstanceType", Type = "String", DefaultValue = "ml.p4d.24xlarge" },
      { Name = "Epochs", Type = "String", DefaultValue = "3" },
    ]
    Steps = [
      {
        Name = "PrepareSplits"
        Type = "Processing"
        Arguments = {
          AppSpecification = {
            ImageUri            = local.processing_image
            ContainerEntrypoint = ["python3", "/opt/ml/processing/code/split.py"]
          }
          RoleArn = aws_iam_role.training.arn
          ProcessingResources = {
            ClusterConfig = { InstanceCount = 1, InstanceType = "ml.m5.2xlarge", VolumeSizeInGB = 100 }
          }
          ProcessingInputs = [{
            InputName = "dataset"
            S3Input = {
              S3Uri       = "s3://${aws_s3_bucket.artifacts.bucket}/datasets/instructions/"
              LocalPath   = "/opt/ml/processing/input"
              S3DataType  = "S3Prefix"
              S3InputMode = "File"
            }
          }]
          StoppingCondition = { MaxRuntimeInSeconds = 3600 }
        }
      },
      {
        Name      = "FineTuneLoRA"
        Type      = "Training"
        DependsOn = ["PrepareSplits"]
        Arguments = {
          AlgorithmSpecification = {
            TrainingImage     = local.training_image
            TrainingInputMode = "FastFile"
          }
          RoleArn         = aws_iam_role.training.arn
          HyperParameters = { epochs = { Get = "Parameters.Epochs" }, lora_r = "16", learning_rate = "0.0002" }
          InputDataConfig = [{
            ChannelName = "train"
            DataSource = {
              S3DataSource = {
                S3DataType             = "S3Prefix"
                S3Uri                  = "s3://${aws_s3_bucket.artifacts.bucket}/datasets/splits/train/"
                S3DataDistributionType = "FullyReplicated"
              }
            }
          }]
          OutputDataConfig = { S3OutputPath = "s3://${aws_s3_bucket.artifacts.bucket}/models/", KmsKeyId = aws_kms_key.artifacts.arn }
          ResourceConfig = {
            InstanceCount  = 2
            InstanceType   = { Get = "Parameters.TrainingInstanceType" }
            VolumeSizeInGB = 500
          }
          CheckpointConfig  = { S3Uri = "s3://${aws_s3_bucket.artifacts.bucket}/checkpoints/" }
          StoppingCondition = { MaxRuntimeInSeconds = var.fine_tune_max_runtime_seconds }
        }
      },
      {
        Name = "RegisterCandidate"
        Type = "RegisterModel"
        Arguments = {
          ModelPackageGroupName = "support-llm"
          InferenceSpecification = {
            Containers = [{
              Image        = var.chat_image
              ModelDataUrl = { Get = "Steps.FineTuneLoRA.ModelArtifacts.S3ModelArtifacts" }
            }]
            SupportedContentTypes      = ["application/json"]
            SupportedResponseMIMETypes = ["application/json"]
          }
        }
      },
    ]
  })
}
