# GAI-COST-001: the limits above the ceiling come from a variable default,
# a tfvars file, a local and a for_each map, inside jsonencode(...) too.
locals {
  # expect-related: GAI-COST-001
  pretrain_runtime = 259200
}

resource "aws_sagemaker_training_job" "pretrain" {
  training_job_name = "pretrain"
  role_arn          = "arn:aws:iam::111122223333:role/sagemaker-execution"
  output_data_config {
    s3_output_path = "s3://training-output/pretrain/"
  }
  stopping_condition {
    # expect: GAI-COST-001
    max_runtime_in_seconds = local.pretrain_runtime
  }
}

# Only the "large" instance is above the ceiling: one finding, not two.
resource "aws_sagemaker_training_job" "per_job" {
  for_each          = var.jobs
  training_job_name = each.key
  role_arn          = "arn:aws:iam::111122223333:role/sagemaker-execution"
  output_data_config {
    s3_output_path = "s3://training-output/${each.key}/"
  }
  stopping_condition {
    # expect: GAI-COST-001
    max_runtime_in_seconds = each.value
  }
}

resource "aws_sagemaker_pipeline" "refresh" {
  pipeline_name         = "refresh"
  pipeline_display_name = "refresh"
  role_arn              = "arn:aws:iam::111122223333:role/sagemaker-execution"
  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Steps = [
      {
        Name = "Embed"
        Type = "Processing"
        Arguments = {
          # expect: GAI-COST-001
          StoppingCondition = { MaxRuntimeInSeconds = var.embed_runtime }
        }
      },
      {
        Name = "Tune"
        Type = "Tuning"
        Arguments = {
          TrainingJobDefinition = {
            # expect: GAI-COST-001
            StoppingCondition = { MaxRuntimeInSeconds = var.tune_runtime }
          }
        }
      }
    ]
  })
}
