# GAI-SEC-021 on Terraform: literal tokens in environments.

variable "hub_token" {
  type    = string
  default = "hf_variable_default"
}

locals {
  keys = {
    openai = "sk-proj-local"
  }
}

resource "aws_lambda_function" "chat" {
  function_name = "chat"
  role          = "arn:aws:iam::111122223333:role/chat"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "chat.zip"
  environment {
    variables = {
      MODEL_ID       = "anthropic.claude-3-haiku"
      # expect: GAI-SEC-021
      OPENAI_API_KEY = local.keys.openai
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
      # expect: GAI-SEC-021
      HF_TOKEN = var.hub_token
    }
  }
}

resource "aws_sagemaker_model" "pipeline" {
  name               = "pipeline"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker"
  container {
    image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/pre:1"
  }
  container {
    image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/llm:1"
    environment = {
      # expect: GAI-SEC-021
      VLLM_API_KEY = "vllm-literal"
    }
  }
}
