# GAI-SEC-007 on Terraform: agents, a knowledge base and a flow whose
# execution roles have no permissions boundary, broad AWS managed policies
# or wildcard actions. Findings are on the role reference; the offending
# places in the roles, policies and attachments are related locations.

variable "agent_boundary_arn" {
  type    = string
  default = "arn:aws:iam::111122223333:policy/genai-agent-boundary"
}

data "aws_iam_policy_document" "bedrock_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["bedrock.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["111122223333"]
    }
  }
}

# 1. No boundary, and AmazonBedrockFullAccess attached by an
# aws_iam_role_policy_attachment.
# expect-related: GAI-SEC-007
resource "aws_iam_role" "support" {
  name               = "support-agent"
  assume_role_policy = data.aws_iam_policy_document.bedrock_trust.json
}

resource "aws_iam_role_policy_attachment" "support_bedrock" {
  role = aws_iam_role.support.name
  # expect-related: GAI-SEC-007
  policy_arn = "arn:aws:iam::aws:policy/AmazonBedrockFullAccess"
}

resource "aws_iam_role_policy_attachment" "support_read" {
  role       = aws_iam_role.support.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonBedrockReadOnly"
}

resource "aws_bedrockagent_agent" "support" {
  agent_name = "support-agent"
  # expect: GAI-SEC-007
  agent_resource_role_arn = aws_iam_role.support.arn
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
}

# 2. Bounded, but an (inline) aws_iam_role_policy grants s3:* (the corpus
# bucket and every other bucket of the account).
resource "aws_iam_role" "kb" {
  name                 = "docs-kb"
  assume_role_policy   = data.aws_iam_policy_document.bedrock_trust.json
  permissions_boundary = var.agent_boundary_arn
}

resource "aws_iam_role_policy" "kb_corpus" {
  name = "corpus-access"
  role = aws_iam_role.kb.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = [
        "bedrock:InvokeModel",
        # expect-related: GAI-SEC-007
        "s3:*",
      ]
      Resource = ["arn:aws:s3:::kb-docs", "arn:aws:s3:::kb-docs/*"]
    }]
  })
}

resource "aws_bedrockagent_knowledge_base" "docs" {
  name = "docs-kb"
  # expect: GAI-SEC-007
  role_arn = aws_iam_role.kb.arn
  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"
    }
  }
}

# 3. Referenced by a literal ARN (the role has a name); the deprecated
# inline_policy block allows every action.
resource "aws_iam_role" "billing" {
  name                 = "billing-agent"
  assume_role_policy   = data.aws_iam_policy_document.bedrock_trust.json
  permissions_boundary = var.agent_boundary_arn
  inline_policy {
    name = "everything"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect = "Allow"
        # expect-related: GAI-SEC-007
        Action   = "*"
        Resource = "*"
      }]
    })
  }
}

resource "aws_bedrockagent_agent" "billing" {
  agent_name = "billing-agent"
  # expect: GAI-SEC-007
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/billing-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
}

# 4. A customer managed policy (aws_iam_policy, a policy document data
# source) grants bedrock:* through aws_iam_policy_attachment, and
# managed_policy_arns lists AdministratorAccess.
resource "aws_iam_role" "flow" {
  name                 = "triage-flow"
  assume_role_policy   = data.aws_iam_policy_document.bedrock_trust.json
  permissions_boundary = var.agent_boundary_arn
  managed_policy_arns = [
    # expect-related: GAI-SEC-007
    "arn:aws:iam::aws:policy/AdministratorAccess",
  ]
}

data "aws_iam_policy_document" "flow_models" {
  statement {
    # expect-related: GAI-SEC-007
    actions   = ["bedrock:*"]
    resources = ["arn:aws:bedrock:us-east-1::foundation-model/*"]
  }
}

resource "aws_iam_policy" "flow_models" {
  name   = "triage-flow-models"
  policy = data.aws_iam_policy_document.flow_models.json
}

# expect-related: GAI-SEC-007
resource "aws_iam_policy_attachment" "flow_models" {
  name       = "triage-flow-models"
  roles      = [aws_iam_role.flow.name]
  policy_arn = aws_iam_policy.flow_models.arn
}

resource "aws_bedrockagent_flow" "triage" {
  name = "triage"
  # expect: GAI-SEC-007
  execution_role_arn = aws_iam_role.flow.arn
}
