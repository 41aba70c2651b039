# GAI-COST-001 on Terraform: limits only known at apply time. The limit is
# set, so the missing-limit checks pass; whether it is above the ceiling is
# Unknown.

variable "max_runtime" {
  type = number
}

variable "steps" {
  type = list(any)
}

# expect-unknown: GAI-COST-001
resource "aws_sagemaker_training_job" "from_variable" {
  training_job_name = "fine-tune-chat"
  role_arn          = "arn:aws:iam::111122223333:role/sagemaker-execution"
  output_data_config {
    s3_output_path = "s3://training-output/chat/"
  }
  stopping_condition {
    max_runtime_in_seconds = var.max_runtime
  }
}

# expect-unknown: GAI-COST-001
resource "aws_sagemaker_pipeline" "limit_from_variable" {
  pipeline_name         = "fine-tune"
  pipeline_display_name = "fine-tune"
  role_arn              = "arn:aws:iam::111122223333:role/sagemaker-execution"
  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Steps = [{
      Name = "FineTune"
      Type = "Training"
      Arguments = {
        StoppingCondition = { MaxRuntimeInSeconds = var.max_runtime }
      }
    }]
  })
}

# The steps themselves are unknown: every check is Unknown.
# expect-unknown: GAI-COST-001
resource "aws_sagemaker_pipeline" "steps_from_variable" {
  pipeline_name         = "generated"
  pipeline_display_name = "generated"
  role_arn              = "arn:aws:iam::111122223333:role/sagemaker-execution"
  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Steps   = var.steps
  })
}

# A SageMaker pipeline parameter: the limit is present, its value is only
# known when the pipeline runs.
# expect-unknown: GAI-COST-001
resource "aws_sagemaker_pipeline" "limit_from_pipeline_parameter" {
  pipeline_name         = "fine-tune-param"
  pipeline_display_name = "fine-tune-param"
  role_arn              = "arn:aws:iam::111122223333:role/sagemaker-execution"
  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Parameters = [
      { Name = "MaxRuntime", Type = "Integer", DefaultValue = 3600 }
    ]
    Steps = [{
      Name = "FineTune"
      Type = "Training"
      Arguments = {
        StoppingCondition = { MaxRuntimeInSeconds = { Get = "Parameters.MaxRuntime" } }
      }
    }]
  })
}
