# GAI-SEC-013 on Terraform: values only known at apply time are Unknown.

variable "instances" {
  type = number
}

variable "isolate" {
  type = bool
}

# Whether the job is distributed is Unknown.
# expect-unknown: GAI-SEC-013
resource "aws_sagemaker_training_job" "count_from_variable" {
  training_job_name        = "fine-tune-chat"
  role_arn                 = "arn:aws:iam::111122223333:role/sagemaker-execution"
  enable_network_isolation = true
  output_data_config {
    s3_output_path = "s3://training-output/chat/"
    kms_key_id     = "alias/training"
  }
  resource_config {
    instance_type     = "ml.m5.24xlarge"
    instance_count    = var.instances
    volume_kms_key_id = "alias/training"
  }
}

# Whether the job is isolated is Unknown.
# expect-unknown: GAI-SEC-013
resource "aws_sagemaker_training_job" "isolation_from_variable" {
  training_job_name        = "distill"
  role_arn                 = "arn:aws:iam::111122223333:role/sagemaker-execution"
  enable_network_isolation = var.isolate
  output_data_config {
    s3_output_path = "s3://training-output/distill/"
    kms_key_id     = "alias/training"
  }
  resource_config {
    instance_type     = "ml.m5.4xlarge"
    instance_count    = 1
    volume_kms_key_id = "alias/training"
  }
}

# The instance count of a pipeline step from a variable: Unknown.
# expect-unknown: GAI-SEC-013
resource "aws_sagemaker_pipeline" "count_from_variable" {
  pipeline_name         = "fine-tune"
  pipeline_display_name = "fine-tune"
  role_arn              = "arn:aws:iam::111122223333:role/sagemaker-execution"
  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Steps = [{
      Name = "SupervisedFineTune"
      Type = "Training"
      Arguments = {
        EnableNetworkIsolation = true
        OutputDataConfig       = { S3OutputPath = "s3://training-output/sft/", KmsKeyId = "alias/training" }
        ResourceConfig         = { InstanceCount = var.instances, InstanceType = "ml.m5.24xlarge", VolumeKmsKeyId = "alias/training" }
      }
    }]
  })
}

# The instance type of a pipeline step is a pipeline parameter: whether the
# volume takes a KMS key is Unknown.
# expect-unknown: GAI-SEC-013
resource "aws_sagemaker_pipeline" "type_from_parameter" {
  pipeline_name         = "fine-tune-typed"
  pipeline_display_name = "fine-tune-typed"
  role_arn              = "arn:aws:iam::111122223333:role/sagemaker-execution"
  pipeline_definition = jsonencode({
    Version    = "2020-12-01"
    Parameters = [{ Name = "InstanceType", Type = "String", DefaultValue = "ml.p4d.24xlarge" }]
    Steps = [{
      Name = "SupervisedFineTune"
      Type = "Training"
      Arguments = {
        EnableNetworkIsolation = true
        OutputDataConfig       = { S3OutputPath = "s3://training-output/sft/", KmsKeyId = "alias/training" }
        ResourceConfig         = { InstanceCount = 1, InstanceType = { Get = "Parameters.InstanceType" } }
      }
    }]
  })
}
