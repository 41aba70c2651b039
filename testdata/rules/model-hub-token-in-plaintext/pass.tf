# GAI-SEC-021 on Terraform: tokens known only at apply time, or not tokens.

variable "hub_token" {
  type      = string
  sensitive = true
}

data "aws_secretsmanager_secret_version" "openai" {
  secret_id = "openai"
}

resource "aws_lambda_function" "chat" {
  function_name = "chat"
  role          = "arn:aws:iam::111122223333:role/chat"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "chat.zip"
  environment {
    variables = {
      MODEL_ID              = "anthropic.claude-3-haiku"
      OPENAI_API_KEY        = data.aws_secretsmanager_secret_version.openai.secret_string
      OPENAI_API_KEY_SECRET = "arn:aws:secretsmanager:us-east-1:111122223333:secret:openai"
    }
  }
}

resource "aws_sagemaker_model" "chat" {
  name               = "chat"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker"
  primary_container {
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi2.4.0-gpu-py311-cu124-ubuntu22.04"
    environment = {
      HF_MODEL_ID = "meta-llama/Llama-3.1-8B-Instruct"
      HF_TOKEN    = var.hub_token
    }
  }
}

resource "aws_sagemaker_model" "pipeline" {
  name               = "pipeline"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker"
  container {
    image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/llm:1"
  }
}
