# GAI-SEC-002 on Terraform: references whose target is only known at apply
# time or lives outside the scan: Unknown, not reported.

variable "guardrail_id" {
  type        = string
  description = "Guardrail of the platform team (no default)."
}

variable "guardrail_version" {
  type        = string
  description = "Chosen per environment (no default)."
}

data "aws_ssm_parameter" "guardrail_id" {
  name = "/platform/guardrail-id"
}

module "guardrail" {
  source  = "acme-corp/bedrock-guardrail/aws"
  version = "~> 1.0"
}

resource "aws_bedrock_guardrail" "support" {
  name                      = "support-guardrail"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't provide that answer."
}

# An identifier from a variable without a value.
# expect-unknown: GAI-SEC-002
resource "aws_bedrockagent_agent" "from_variable" {
  agent_name              = "variable-agent"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/variable-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  guardrail_configuration {
    guardrail_identifier = var.guardrail_id
    guardrail_version    = "1"
  }
}

# A literal ID of a guardrail outside the scan (require_approved_guardrails
# is off and approved_guardrails is empty).
# expect-unknown: GAI-SEC-002
resource "aws_bedrockagent_agent" "central" {
  agent_name              = "central-agent"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/central-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  guardrail_configuration {
    guardrail_identifier = "abcd1234efgh"
    guardrail_version    = "4"
  }
}

# An SSM parameter may hold a guardrail ID.
# expect-unknown: GAI-SEC-002
resource "aws_bedrockagent_agent" "from_ssm" {
  agent_name              = "ssm-agent"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/ssm-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  guardrail_configuration {
    guardrail_identifier = data.aws_ssm_parameter.guardrail_id.value
    guardrail_version    = "1"
  }
}

# The output of a registry module that is not installed: not in the scan.
# expect-unknown: GAI-SEC-002
resource "aws_bedrockagent_agent" "from_module" {
  agent_name              = "module-agent"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/module-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  guardrail_configuration {
    guardrail_identifier = module.guardrail.guardrail_id
    guardrail_version    = module.guardrail.version
  }
}

# The version is a variable without a value.
# expect-unknown: GAI-SEC-002
resource "aws_bedrockagent_agent" "version_from_variable" {
  agent_name              = "version-agent"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/version-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  guardrail_configuration {
    guardrail_identifier = aws_bedrock_guardrail.support.guardrail_id
    guardrail_version    = var.guardrail_version
  }
}
