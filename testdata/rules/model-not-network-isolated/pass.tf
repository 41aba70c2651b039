# GAI-SEC-011 on Terraform: isolated or VPC-attached model containers and a
# runtime in a VPC.

resource "aws_sagemaker_model" "isolated" {
  name                     = "chat"
  execution_role_arn       = "arn:aws:iam::111122223333:role/sagemaker-execution"
  enable_network_isolation = true
  primary_container {
    image          = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1-tgi1.4-gpu-py310-cu121-ubuntu22.04"
    model_data_url = "s3://models/chat/model.tar.gz"
  }
}

resource "aws_subnet" "private" {
  vpc_id     = "vpc-0a1b2c3d"
  cidr_block = "10.0.1.0/24"
}

resource "aws_security_group" "model" {
  vpc_id = "vpc-0a1b2c3d"
}

# The container needs egress to a private feature store: VPC instead.
resource "aws_sagemaker_model" "in_vpc" {
  name               = "features"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-execution"
  primary_container {
    image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/feature-model:1"
  }
  vpc_config {
    subnets            = [aws_subnet.private.id]
    security_group_ids = [aws_security_group.model.id]
  }
}

resource "aws_bedrockagentcore_agent_runtime" "private" {
  agent_runtime_name = "support_agent"
  role_arn           = "arn:aws:iam::111122223333:role/agentcore-runtime"
  agent_runtime_artifact {
    container_configuration {
      container_uri = "111122223333.dkr.ecr.us-east-1.amazonaws.com/support-agent:latest"
    }
  }
  network_configuration {
    network_mode = "VPC"
    network_mode_config {
      subnets         = [aws_subnet.private.id]
      security_groups = [aws_security_group.model.id]
    }
  }
}

# An inference-component endpoint configuration: the provider has no network
# isolation or VPC argument for it, so there is nothing to check.
resource "aws_sagemaker_endpoint_configuration" "components" {
  name               = "components"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-execution"
  production_variants {
    variant_name           = "main"
    instance_type          = "ml.g5.2xlarge"
    initial_instance_count = 1
  }
}
