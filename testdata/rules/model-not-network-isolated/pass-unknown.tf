# GAI-SEC-011 on Terraform: settings only known at apply time.

variable "isolate" {
  type = bool
}

variable "network_mode" {
  type = string
}

# expect-unknown: GAI-SEC-011
resource "aws_sagemaker_model" "maybe_isolated" {
  name                     = "chat"
  execution_role_arn       = "arn:aws:iam::111122223333:role/sagemaker-execution"
  enable_network_isolation = var.isolate
  primary_container {
    image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/chat-model:1"
  }
}

# expect-unknown: GAI-SEC-011
resource "aws_bedrockagentcore_agent_runtime" "maybe_public" {
  agent_runtime_name = "support_agent"
  role_arn           = "arn:aws:iam::111122223333:role/agentcore-runtime"
  agent_runtime_artifact {
    container_configuration {
      container_uri = "111122223333.dkr.ecr.us-east-1.amazonaws.com/support-agent:latest"
    }
  }
  network_configuration {
    network_mode = var.network_mode
  }
}
