# GAI-SEC-001 on Terraform: every way an aws_bedrockagent_agent ends up
# without a guardrail.

# No guardrail_configuration block at all: the finding is on the resource.
# expect: GAI-SEC-001
resource "aws_bedrockagent_agent" "no_block" {
  agent_name              = "support"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/support-agent"
  foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
}

# Both arguments of the block are optional in the provider: a block with
# only a version attaches nothing.
resource "aws_bedrockagent_agent" "version_only" {
  agent_name              = "billing"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/billing-agent"
  foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
  # expect: GAI-SEC-001
  guardrail_configuration {
    guardrail_version = "1"
  }
}

# An empty identifier.
resource "aws_bedrockagent_agent" "empty_identifier" {
  agent_name              = "search"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/search-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  guardrail_configuration {
    # expect: GAI-SEC-001
    guardrail_identifier = ""
    guardrail_version    = "DRAFT"
  }
}

# The block written as an argument, switched off with null (a common module
# pattern: `guardrail_configuration = var.x == null ? null : [...]`).
resource "aws_bedrockagent_agent" "null_argument" {
  agent_name              = "triage"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/triage-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  # expect: GAI-SEC-001
  guardrail_configuration = null
}

# A dynamic block whose for_each is known and empty: no block is generated.
# expect: GAI-SEC-001
resource "aws_bedrockagent_agent" "dynamic_off" {
  agent_name              = "drafts"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/drafts-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  dynamic "guardrail_configuration" {
    for_each = []
    content {
      guardrail_identifier = "gr-unused"
      guardrail_version    = "1"
    }
  }
}
