// genlens:ignore GAI-SEC-011 -- batch scoring model, egress blocked by the VPC
resource "aws_sagemaker_model" "scoring" {
  name               = "scoring"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-execution"
  primary_container {
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1-cpu-py310"
  }
}

resource "aws_sagemaker_model" "chat" {
  name               = "chat"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-execution"
  # genlens:ignore GAI-SEC-011
  enable_network_isolation = false
  primary_container {
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1-cpu-py310"
  }
}

# genlens:ignore GAI-SEC-999 -- no such rule: a warning, nothing suppressed
resource "aws_sagemaker_model" "rerank" {
  name               = "rerank"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-execution"
  primary_container {
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1-cpu-py310"
  }
}
