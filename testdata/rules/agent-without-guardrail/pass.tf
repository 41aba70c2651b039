# GAI-SEC-001 on Terraform: agents with a guardrail attached.

resource "aws_bedrock_guardrail" "support" {
  name                      = "support-guardrail"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't provide that answer."
  content_policy_config {
    filters_config {
      type            = "PROMPT_ATTACK"
      input_strength  = "HIGH"
      output_strength = "NONE"
    }
  }
}

resource "aws_bedrock_guardrail_version" "support" {
  guardrail_arn = aws_bedrock_guardrail.support.guardrail_arn
}

# A reference to a guardrail of the configuration (known after apply, so
# counted as set).
resource "aws_bedrockagent_agent" "support" {
  agent_name              = "support"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/support-agent"
  foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
  guardrail_configuration {
    guardrail_identifier = aws_bedrock_guardrail.support.guardrail_id
    guardrail_version    = aws_bedrock_guardrail_version.support.version
  }
}

# A literal guardrail ARN.
resource "aws_bedrockagent_agent" "billing" {
  agent_name              = "billing"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/billing-agent"
  foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
  guardrail_configuration {
    guardrail_identifier = "arn:aws:bedrock:us-east-1:111122223333:guardrail/abcd1234efgh"
    guardrail_version    = "2"
  }
}

# The block written as an argument (a list of objects).
resource "aws_bedrockagent_agent" "triage" {
  agent_name              = "triage"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/triage-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  guardrail_configuration = [{
    guardrail_identifier = "abcd1234efgh"
    guardrail_version    = "2"
  }]
}

# A dynamic block with one known entry.
resource "aws_bedrockagent_agent" "search" {
  agent_name              = "search"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/search-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  dynamic "guardrail_configuration" {
    for_each = { main = "abcd1234efgh" }
    content {
      guardrail_identifier = guardrail_configuration.value
      guardrail_version    = "2"
    }
  }
}
