# GAI-SEC-002 on Terraform: agents and flow nodes whose guardrail reference
# uses the working draft, no version, or a resource that is not a
# guardrail.

variable "support_guardrail_version" {
  type        = string
  description = "Guardrail version for the support agent."
  # expect-related: GAI-SEC-002
  default = "DRAFT"
}

# expect-related: GAI-SEC-002
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

# Literal DRAFT: the working draft, editable in the console.
# expect-related: GAI-SEC-002
resource "aws_bedrockagent_agent" "draft" {
  agent_name              = "draft-agent"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/draft-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  guardrail_configuration {
    guardrail_identifier = aws_bedrock_guardrail.support.guardrail_id
    # expect: GAI-SEC-002
    guardrail_version = "DRAFT"
  }
}

# DRAFT from a variable default (the default is a related location).
resource "aws_bedrockagent_agent" "var_draft" {
  agent_name              = "var-draft-agent"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/var-draft-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  guardrail_configuration {
    guardrail_identifier = aws_bedrock_guardrail.support.guardrail_arn
    # expect: GAI-SEC-002
    guardrail_version = var.support_guardrail_version
  }
}

# The version attribute of aws_bedrock_guardrail is its working draft.
resource "aws_bedrockagent_agent" "guardrail_attr" {
  agent_name              = "guardrail-attr-agent"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/guardrail-attr-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  guardrail_configuration {
    guardrail_identifier = aws_bedrock_guardrail.support.guardrail_id
    # expect: GAI-SEC-002
    guardrail_version = aws_bedrock_guardrail.support.version
  }
}

# No version at all.
resource "aws_bedrockagent_agent" "unpinned" {
  agent_name              = "unpinned-agent"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/unpinned-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  # expect: GAI-SEC-002
  guardrail_configuration {
    guardrail_identifier = aws_bedrock_guardrail.support.guardrail_id
  }
}

# The identifier refers to another agent (a copy-paste slip), not to a
# guardrail.
resource "aws_bedrockagent_agent" "wrong_ref" {
  agent_name              = "wrong-ref-agent"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/wrong-ref-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  guardrail_configuration {
    # expect: GAI-SEC-002
    guardrail_identifier = aws_bedrockagent_agent.draft.agent_id
    guardrail_version    = aws_bedrock_guardrail_version.support.version
  }
}

# Flow: the prompt node pins DRAFT, the knowledge-base node the guardrail's
# own version attribute; the second prompt node is fine.
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
            # expect: GAI-SEC-002
            guardrail_version = "DRAFT"
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
            # expect: GAI-SEC-002
            guardrail_version = aws_bedrock_guardrail.support.version
          }
        }
      }
    }
    node {
      name = "Summarize"
      type = "Prompt"
      configuration {
        prompt {
          source_configuration {
            resource {
              prompt_arn = "arn:aws:bedrock:us-east-1:111122223333:prompt/KLMNOPQRST"
            }
          }
          guardrail_configuration {
            guardrail_identifier = aws_bedrock_guardrail.support.guardrail_id
            guardrail_version    = aws_bedrock_guardrail_version.support.version
          }
        }
      }
    }
  }
}
