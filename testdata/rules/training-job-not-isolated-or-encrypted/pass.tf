# GAI-SEC-013 on Terraform: hardened training jobs and pipeline steps.
resource "aws_sagemaker_training_job" "hardened" {
  training_job_name                         = "fine-tune-chat"
  role_arn                                  = "arn:aws:iam::111122223333:role/sagemaker-execution"
  enable_network_isolation                  = true
  enable_inter_container_traffic_encryption = true
  output_data_config {
    s3_output_path = "s3://training-output/chat/"
    kms_key_id     = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
  resource_config {
    instance_type     = "ml.m5.24xlarge"
    instance_count    = 4
    volume_kms_key_id = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
}

# In a VPC, one local-storage instance.
resource "aws_sagemaker_training_job" "in_vpc" {
  training_job_name = "single-gpu"
  role_arn          = "arn:aws:iam::111122223333:role/sagemaker-execution"
  vpc_config {
    subnets            = ["subnet-0a1b2c3d4e5f60718"]
    security_group_ids = ["sg-0123456789abcdef0"]
  }
  output_data_config {
    s3_output_path = "s3://training-output/single/"
    kms_key_id     = "alias/training"
  }
  resource_config {
    instance_type  = "ml.g5.12xlarge"
    instance_count = 1
  }
}

resource "aws_sagemaker_pipeline" "fine_tune" {
  pipeline_name         = "fine-tune"
  pipeline_display_name = "fine-tune"
  role_arn              = "arn:aws:iam::111122223333:role/sagemaker-execution"
  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Steps = [
      {
        Name = "Chunk"
        Type = "Processing"
        Arguments = {
          NetworkConfig          = { EnableNetworkIsolation = true, EnableInterContainerTrafficEncryption = true }
          ProcessingResources    = { ClusterConfig = { InstanceCount = 2, InstanceType = "ml.m5.xlarge", VolumeKmsKeyId = "alias/training" } }
          ProcessingOutputConfig = { KmsKeyId = "alias/training", Outputs = [] }
        }
      },
      {
        Name = "SupervisedFineTune"
        Type = "Training"
        Arguments = {
          EnableNetworkIsolation                = true
          EnableInterContainerTrafficEncryption = true
          OutputDataConfig                      = { S3OutputPath = "s3://training-output/sft/", KmsKeyId = "alias/training" }
          ResourceConfig                        = { InstanceCount = 2, InstanceType = "ml.m5.24xlarge", VolumeKmsKeyId = "alias/training" }
        }
      }
    ]
  })
}
