# GAI-SEC-001 on Terraform: what is only known at apply time.

variable "guardrail_id" {
  type = string
}

variable "attach_guardrail" {
  type = bool
}

# An identifier from a variable without a value: it is set, only its value
# is unknown, so the agent passes.
resource "aws_bedrockagent_agent" "from_variable" {
  agent_name              = "support"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/support-agent"
  foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
  guardrail_configuration {
    guardrail_identifier = var.guardrail_id
    guardrail_version    = "1"
  }
}

# Whether the block exists at all depends on a variable without a value:
# Unknown.
# expect-unknown: GAI-SEC-001
resource "aws_bedrockagent_agent" "maybe" {
  agent_name              = "billing"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/billing-agent"
  foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
  dynamic "guardrail_configuration" {
    for_each = var.attach_guardrail ? [1] : []
    content {
      guardrail_identifier = "abcd1234efgh"
      guardrail_version    = "1"
    }
  }
}
