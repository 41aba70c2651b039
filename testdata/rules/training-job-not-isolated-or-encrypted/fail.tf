# GAI-SEC-013 on Terraform: training jobs and pipeline training steps
# without isolation or encryption.

# Nothing set: network on the resource, inter-container on the instance
# count, volume key on resource_config, output key on output_data_config.
# expect: GAI-SEC-013
resource "aws_sagemaker_training_job" "open" {
  training_job_name = "fine-tune-chat"
  role_arn          = "arn:aws:iam::111122223333:role/sagemaker-execution"
  algorithm_specification {
    training_input_mode = "File"
    training_image      = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-training:2.1-gpu-py310"
  }
  # expect: GAI-SEC-013
  output_data_config {
    s3_output_path = "s3://training-output/chat/"
  }
  # expect: GAI-SEC-013
  resource_config {
    instance_type = "ml.m5.24xlarge"
    # expect: GAI-SEC-013
    instance_count    = 4
    volume_size_in_gb = 500
  }
  stopping_condition {
    max_runtime_in_seconds = 21600
  }
}

# Flags written as false; local-storage instances (no volume key needed).
resource "aws_sagemaker_training_job" "explicit_false" {
  training_job_name                         = "pretrain"
  role_arn                                  = "arn:aws:iam::111122223333:role/sagemaker-execution"
  # expect: GAI-SEC-013
  enable_network_isolation                  = false
  enable_inter_container_traffic_encryption = false
  output_data_config {
    s3_output_path = "s3://training-output/pretrain/"
    kms_key_id     = "alias/training"
  }
  resource_config {
    instance_type  = "ml.p5.48xlarge"
    # expect: GAI-SEC-013
    instance_count = 2
  }
}

variable "instances" {
  type    = number
  default = 8
}

# The instance count from a variable default: compared.
resource "aws_sagemaker_training_job" "from_default" {
  training_job_name        = "distill"
  role_arn                 = "arn:aws:iam::111122223333:role/sagemaker-execution"
  enable_network_isolation = true
  output_data_config {
    s3_output_path = "s3://training-output/distill/"
    kms_key_id     = "alias/training"
  }
  resource_config {
    instance_type     = "ml.m5.4xlarge"
    volume_kms_key_id = "alias/training"
    # expect: GAI-SEC-013
    instance_count = var.instances
  }
}

resource "aws_sagemaker_pipeline" "fine_tune" {
  pipeline_name         = "fine-tune"
  pipeline_display_name = "fine-tune"
  role_arn              = "arn:aws:iam::111122223333:role/sagemaker-execution"
  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Steps = [
      # expect: GAI-SEC-013
      {
        Name = "SupervisedFineTune"
        Type = "Training"
        # expect: GAI-SEC-013
        Arguments = {
          # expect: GAI-SEC-013
          OutputDataConfig = { S3OutputPath = "s3://training-output/sft/" }
          # expect: GAI-SEC-013
          ResourceConfig = { InstanceCount = 2, InstanceType = "ml.m5.24xlarge" }
        }
      },
      # An open processing step: network on the step, inter-container on
      # Arguments, keys on ClusterConfig and ProcessingOutputConfig.
      # expect: GAI-SEC-013
      {
        Name = "Evaluate"
        Type = "Processing"
        # expect: GAI-SEC-013
        Arguments = {
          ProcessingResources = {
            # expect: GAI-SEC-013
            ClusterConfig = { InstanceCount = 2, InstanceType = "ml.m5.xlarge", VolumeSizeInGB = 30 }
          }
          # expect: GAI-SEC-013
          ProcessingOutputConfig = {
            Outputs = [{ OutputName = "report", S3Output = { S3Uri = "s3://training-output/eval/", LocalPath = "/opt/ml/processing/output", S3UploadMode = "EndOfJob" } }]
          }
        }
      },
      {
        Name = "Hardened"
        Type = "Training"
        Arguments = {
          EnableNetworkIsolation                = true
          EnableInterContainerTrafficEncryption = true
          OutputDataConfig                      = { S3OutputPath = "s3://training-output/h/", KmsKeyId = "alias/training" }
          ResourceConfig                        = { InstanceCount = 2, InstanceType = "ml.m5.24xlarge", VolumeKmsKeyId = "alias/training" }
        }
      }
    ]
  })
}
