# GAI-SEC-007 on Terraform: the role, a managed policy ARN or a policy
# document is only known at apply time or not in the scan: Unknown.

variable "agent_role_arn" {
  type        = string
  description = "Role of the platform team (no default)."
}

variable "extra_policy_arn" {
  type        = string
  description = "Managed policy chosen per environment (no default)."
}

variable "inline_policy" {
  type        = string
  description = "Policy JSON supplied at apply time (no default)."
}

data "aws_partition" "current" {}

data "aws_iam_policy_document" "bedrock_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["bedrock.amazonaws.com"]
    }
  }
}

# A role of another configuration, by literal ARN.
# expect-unknown: GAI-SEC-007
resource "aws_bedrockagent_agent" "external" {
  agent_name              = "external-agent"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/platform-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
}

# The role ARN is a variable without a value.
# expect-unknown: GAI-SEC-007
resource "aws_bedrockagent_agent" "from_variable" {
  agent_name              = "variable-agent"
  agent_resource_role_arn = var.agent_role_arn
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
}

# The role is here; an attached managed policy ARN is a variable without a
# value.
resource "aws_iam_role" "search" {
  name                 = "search-agent"
  assume_role_policy   = data.aws_iam_policy_document.bedrock_trust.json
  permissions_boundary = "arn:aws:iam::111122223333:policy/genai-agent-boundary"
}

resource "aws_iam_role_policy_attachment" "search_extra" {
  role       = aws_iam_role.search.name
  policy_arn = var.extra_policy_arn
}

# expect-unknown: GAI-SEC-007
resource "aws_bedrockagent_agent" "search" {
  agent_name              = "search-agent"
  agent_resource_role_arn = aws_iam_role.search.arn
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
}

# The role is here, but its AWS managed policy ARN is built with the
# partition: which policy it is, is only known at apply time.
resource "aws_iam_role" "triage" {
  name                 = "triage-agent"
  assume_role_policy   = data.aws_iam_policy_document.bedrock_trust.json
  permissions_boundary = "arn:aws:iam::111122223333:policy/genai-agent-boundary"
}

resource "aws_iam_role_policy_attachment" "triage" {
  role       = aws_iam_role.triage.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonBedrockFullAccess"
}

# expect-unknown: GAI-SEC-007
resource "aws_bedrockagent_agent" "triage" {
  agent_name              = "triage-agent"
  agent_resource_role_arn = aws_iam_role.triage.arn
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
}

# The role is here; its inline policy is a variable without a value.
resource "aws_iam_role" "notes" {
  name                 = "notes-agent"
  assume_role_policy   = data.aws_iam_policy_document.bedrock_trust.json
  permissions_boundary = "arn:aws:iam::111122223333:policy/genai-agent-boundary"
}

resource "aws_iam_role_policy" "notes" {
  name   = "notes"
  role   = aws_iam_role.notes.id
  policy = var.inline_policy
}

# expect-unknown: GAI-SEC-007
resource "aws_bedrockagent_agent" "notes" {
  agent_name              = "notes-agent"
  agent_resource_role_arn = aws_iam_role.notes.arn
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
}
