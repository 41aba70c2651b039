# GAI-COST-001 on Terraform: training jobs and pipeline steps without a
# runtime limit (error) or above the 86400 s ceiling (warning).

# `+N` after an expectation: the finding is N lines below the line the
# comment stack sits on (used for keys inside a heredoc).

# No stopping_condition block.
# expect: GAI-COST-001
resource "aws_sagemaker_training_job" "no_block" {
  training_job_name = "fine-tune-chat"
  role_arn          = "arn:aws:iam::111122223333:role/sagemaker-execution"
  algorithm_specification {
    training_input_mode = "File"
    training_image      = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-training:2.1-gpu-py310"
  }
  output_data_config {
    s3_output_path = "s3://training-output/chat/"
  }
  resource_config {
    instance_type     = "ml.p4d.24xlarge"
    instance_count    = 2
    volume_size_in_gb = 500
  }
}

# A block with only the spot wait time.
resource "aws_sagemaker_training_job" "wait_only" {
  training_job_name            = "fine-tune-spot"
  role_arn                     = "arn:aws:iam::111122223333:role/sagemaker-execution"
  enable_managed_spot_training = true
  output_data_config {
    s3_output_path = "s3://training-output/spot/"
  }
  resource_config {
    instance_type  = "ml.g5.12xlarge"
    instance_count = 1
  }
  # expect: GAI-COST-001
  stopping_condition {
    max_wait_time_in_seconds = 7200
  }
}

# Three days: above the ceiling.
resource "aws_sagemaker_training_job" "three_days" {
  training_job_name = "pretrain"
  role_arn          = "arn:aws:iam::111122223333:role/sagemaker-execution"
  output_data_config {
    s3_output_path = "s3://training-output/pretrain/"
  }
  resource_config {
    instance_type  = "ml.trn1.32xlarge"
    instance_count = 4
  }
  stopping_condition {
    # expect: GAI-COST-001
    max_runtime_in_seconds = 259200
  }
}

# jsonencode(...): each step is its own finding, on the lines inside it.
resource "aws_sagemaker_pipeline" "encoded" {
  pipeline_name         = "fine-tune"
  pipeline_display_name = "fine-tune"
  role_arn              = "arn:aws:iam::111122223333:role/sagemaker-execution"
  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Steps = [
      {
        Name = "Prepare"
        Type = "Processing"
        # expect: GAI-COST-001
        Arguments = {
          ProcessingResources = {
            ClusterConfig = { InstanceCount = 1, InstanceType = "ml.m5.2xlarge", VolumeSizeInGB = 50 }
          }
        }
      },
      {
        Name = "FineTune"
        Type = "Training"
        Arguments = {
          StoppingCondition = {
            # expect: GAI-COST-001
            MaxRuntimeInSeconds = 172800
          }
        }
      },
      {
        Name = "Tune"
        Type = "Tuning"
        Arguments = {
          # expect: GAI-COST-001
          TrainingJobDefinition = {
            StaticHyperParameters = { epochs = "3" }
          }
        }
      },
      {
        Name = "Register"
        Type = "RegisterModel"
        Arguments = {}
      }
    ]
  })
}

# A JSON heredoc: positions inside the heredoc.
resource "aws_sagemaker_pipeline" "heredoc" {
  pipeline_name         = "embed-refresh"
  pipeline_display_name = "embed-refresh"
  role_arn              = "arn:aws:iam::111122223333:role/sagemaker-execution"
  # expect: GAI-COST-001 +9
  pipeline_definition   = <<EOT
{
  "Version": "2020-12-01",
  "Steps": [
    {
      "Name": "Embed",
      "Type": "Processing",
      "Arguments": {
        "StoppingCondition": {
          "MaxRuntimeInSeconds": 604800
        }
      }
    }
  ]
}
EOT
}
