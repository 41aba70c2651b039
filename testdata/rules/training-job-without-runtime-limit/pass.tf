# GAI-COST-001 on Terraform: bounded training jobs and pipeline steps.

resource "aws_sagemaker_training_job" "bounded" {
  training_job_name = "fine-tune-chat"
  role_arn          = "arn:aws:iam::111122223333:role/sagemaker-execution"
  output_data_config {
    s3_output_path = "s3://training-output/chat/"
  }
  resource_config {
    instance_type  = "ml.p4d.24xlarge"
    instance_count = 2
  }
  stopping_condition {
    max_runtime_in_seconds   = 21600
    max_wait_time_in_seconds = 43200
  }
}

resource "aws_sagemaker_pipeline" "bounded" {
  pipeline_name         = "fine-tune"
  pipeline_display_name = "fine-tune"
  role_arn              = "arn:aws:iam::111122223333:role/sagemaker-execution"
  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Steps = [
      {
        Name = "Prepare"
        Type = "Processing"
        Arguments = {
          StoppingCondition = { MaxRuntimeInSeconds = 3600 }
        }
      },
      {
        Name = "FineTune"
        Type = "Training"
        Arguments = {
          StoppingCondition = { MaxRuntimeInSeconds = 21600 }
        }
      },
      {
        Name = "Tune"
        Type = "Tuning"
        Arguments = {
          TrainingJobDefinition = {
            StoppingCondition = { MaxRuntimeInSeconds = 86400 }
          }
        }
      }
    ]
  })
}

# No job steps: nothing to bound.
resource "aws_sagemaker_pipeline" "no_jobs" {
  pipeline_name         = "notify"
  pipeline_display_name = "notify"
  role_arn              = "arn:aws:iam::111122223333:role/sagemaker-execution"
  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Steps = [{
      Name      = "Stop"
      Type      = "Fail"
      Arguments = { ErrorMessage = "stopped" }
    }]
  })
}

# A definition stored in S3 cannot be read: not applicable.
resource "aws_sagemaker_pipeline" "from_s3" {
  pipeline_name         = "from-s3"
  pipeline_display_name = "from-s3"
  role_arn              = "arn:aws:iam::111122223333:role/sagemaker-execution"
  pipeline_definition_s3_location {
    bucket     = "pipeline-definitions"
    object_key = "fine-tune.json"
  }
}
