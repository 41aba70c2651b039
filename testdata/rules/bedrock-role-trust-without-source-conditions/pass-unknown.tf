# GAI-SEC-008 on Terraform: the trust policy, or its principal, is only
# known at apply time: Unknown, not reported.

variable "trust_policy" {
  type        = string
  description = "Trust policy JSON supplied by the platform team (no default)."
}

variable "trusted_service" {
  type        = string
  description = "Chosen per environment (no default)."
}

# The whole trust policy is a variable without a value.
# expect-unknown: GAI-SEC-008
resource "aws_iam_role" "platform" {
  name               = "platform-agent"
  assume_role_policy = var.trust_policy
}

# The trusted service is a variable without a value: it may be Bedrock.
# expect-unknown: GAI-SEC-008
resource "aws_iam_role" "service" {
  name = "service-role"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = var.trusted_service }
      Action    = "sts:AssumeRole"
    }]
  })
}

# The trust policy of a registry module that is not installed is not in the
# scan at all: the agent's role is not checked (nothing to report).
module "agent_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-assumable-role"
  version = "~> 5.0"
}

resource "aws_bedrockagent_agent" "platform" {
  agent_name              = "platform"
  agent_resource_role_arn = module.agent_role.iam_role_arn
  foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
}
