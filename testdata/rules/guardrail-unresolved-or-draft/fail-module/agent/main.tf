variable "name" {
  type = string
}

variable "guardrail_id" {
  type = string
}

variable "guardrail_version" {
  type = string
}

resource "aws_bedrockagent_agent" "this" {
  agent_name              = var.name
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/${var.name}-agent"
  foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
  guardrail_configuration {
    guardrail_identifier = var.guardrail_id
    # expect: GAI-SEC-002
    guardrail_version = var.guardrail_version
  }
}
