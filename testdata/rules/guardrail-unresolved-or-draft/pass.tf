# GAI-SEC-002 on Terraform: guardrail references that lead to a guardrail
# of the configuration and pin a published version.

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
  description   = "reviewed"
}

# The guardrail's ID and the version resource's version.
resource "aws_bedrockagent_agent" "support" {
  agent_name              = "support-agent"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/support-agent"
  foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
  guardrail_configuration {
    guardrail_identifier = aws_bedrock_guardrail.support.guardrail_id
    guardrail_version    = aws_bedrock_guardrail_version.support.version
  }
}

# A literal numbered version; the identifier as an interpolated ARN.
resource "aws_bedrockagent_agent" "billing" {
  agent_name              = "billing-agent"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/billing-agent"
  foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
  guardrail_configuration {
    guardrail_identifier = "${aws_bedrock_guardrail.support.guardrail_arn}"
    guardrail_version    = "3"
  }
}

# The identifier read through the version resource (its guardrail_arn).
resource "aws_bedrockagent_agent" "search" {
  agent_name              = "search-agent"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/search-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  guardrail_configuration {
    guardrail_identifier = aws_bedrock_guardrail_version.support.guardrail_arn
    guardrail_version    = aws_bedrock_guardrail_version.support.version
  }
}

# No guardrail: GAI-SEC-001's finding, not this rule's; also when the block
# is written as an argument switched off with null.
resource "aws_bedrockagent_agent" "internal" {
  agent_name              = "internal-agent"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/internal-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
}

resource "aws_bedrockagent_agent" "switched_off" {
  agent_name              = "switched-off-agent"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/switched-off-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  guardrail_configuration = null
}

# Flow nodes with a published version; nodes without a guardrail are not
# checked.
resource "aws_bedrockagent_flow" "support" {
  name               = "support-flow"
  execution_role_arn = "arn:aws:iam::111122223333:role/support-flow"
  definition {
    node {
      name = "FlowInput"
      type = "Input"
      configuration {
        input {}
      }
      output {
        name = "document"
        type = "String"
      }
    }
    node {
      name = "Answer"
      type = "Prompt"
      configuration {
        prompt {
          source_configuration {
            resource {
              prompt_arn = "arn:aws:bedrock:us-east-1:111122223333:prompt/ABCDEFGHIJ"
            }
          }
          guardrail_configuration {
            guardrail_identifier = aws_bedrock_guardrail.support.guardrail_id
            guardrail_version    = aws_bedrock_guardrail_version.support.version
          }
        }
      }
    }
    node {
      name = "Lookup"
      type = "KnowledgeBase"
      configuration {
        knowledge_base {
          knowledge_base_id = "KB12345678"
          model_id          = "anthropic.claude-3-haiku-20240307-v1:0"
          guardrail_configuration {
            guardrail_identifier = aws_bedrock_guardrail.support.guardrail_id
            guardrail_version    = "2"
          }
        }
      }
    }
    node {
      name = "Translate"
      type = "Prompt"
      configuration {
        prompt {
          source_configuration {
            resource {
              prompt_arn = "arn:aws:bedrock:us-east-1:111122223333:prompt/KLMNOPQRST"
            }
          }
        }
      }
    }
  }
}
