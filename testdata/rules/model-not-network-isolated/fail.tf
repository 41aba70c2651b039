# GAI-SEC-011 on Terraform: model containers with internet access and agent
# runtimes on the public network.

# enable_network_isolation defaults to false and there is no vpc_config.
# expect: GAI-SEC-011
resource "aws_sagemaker_model" "default_network" {
  name               = "chat"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-execution"
  primary_container {
    image          = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1-tgi1.4-gpu-py310-cu121-ubuntu22.04"
    model_data_url = "s3://models/chat/model.tar.gz"
  }
}

resource "aws_sagemaker_model" "isolation_off" {
  name               = "embeddings"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-execution"
  # expect: GAI-SEC-011
  enable_network_isolation = false
  primary_container {
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1-cpu-py310"
  }
}

# A dynamic vpc_config with a known, empty for_each is no VPC.
# expect: GAI-SEC-011
resource "aws_sagemaker_model" "dynamic_vpc_off" {
  name               = "rerank"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-execution"
  primary_container {
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1-cpu-py310"
  }
  dynamic "vpc_config" {
    for_each = []
    content {
      subnets            = ["subnet-0a1b2c3d"]
      security_group_ids = ["sg-0a1b2c3d"]
    }
  }
}

resource "aws_bedrockagentcore_agent_runtime" "public" {
  agent_runtime_name = "support_agent"
  role_arn           = "arn:aws:iam::111122223333:role/agentcore-runtime"
  agent_runtime_artifact {
    container_configuration {
      container_uri = "111122223333.dkr.ecr.us-east-1.amazonaws.com/support-agent:latest"
    }
  }
  network_configuration {
    # expect: GAI-SEC-011
    network_mode = "PUBLIC"
  }
}
