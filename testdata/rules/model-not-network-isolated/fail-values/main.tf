# GAI-SEC-011: the failing values come from a variable default, a tfvars
# file, a local and a for_each map.
locals {
  # expect-related: GAI-SEC-011
  rerank_isolated = false
}

resource "aws_sagemaker_model" "from_tfvars" {
  name               = "summarize"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-execution"
  # expect: GAI-SEC-011
  enable_network_isolation = var.isolate_models
  primary_container {
    image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/summarize:1"
  }
}

resource "aws_sagemaker_model" "from_local" {
  name               = "rerank"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-execution"
  # expect: GAI-SEC-011
  enable_network_isolation = local.rerank_isolated
  primary_container {
    image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/rerank:1"
  }
}

# Only the "embed" instance fails: one finding, not two.
resource "aws_sagemaker_model" "per_model" {
  for_each           = var.models
  name               = each.key
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-execution"
  # expect: GAI-SEC-011
  enable_network_isolation = each.value
  primary_container {
    image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/${each.key}:1"
  }
}

resource "aws_bedrockagentcore_agent_runtime" "from_default" {
  agent_runtime_name = "support_agent"
  role_arn           = "arn:aws:iam::111122223333:role/agentcore-runtime"
  agent_runtime_artifact {
    container_configuration {
      container_uri = "111122223333.dkr.ecr.us-east-1.amazonaws.com/support-agent:latest"
    }
  }
  network_configuration {
    # expect: GAI-SEC-011
    network_mode = var.network_mode
  }
}
