# GAI-SEC-008 on Terraform: roles Amazon Bedrock can assume without
# aws:SourceAccount or aws:SourceArn in the trust statement.

# `+N` after an expectation: the finding is N lines below the line the
# comment stack sits above (used for keys inside heredocs).

# No condition at all (jsonencode); used by an agent.
resource "aws_iam_role" "agent" {
  name = "support-agent"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # expect: GAI-SEC-008
      Principal = { Service = "bedrock.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

# expect-related: GAI-SEC-008
resource "aws_bedrockagent_agent" "support" {
  agent_name              = "support"
  agent_resource_role_arn = aws_iam_role.agent.arn
  foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
}

# A condition, but on other keys (a policy document data source); used by a
# knowledge base and a flow.
data "aws_iam_policy_document" "kb_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type = "Service"
      # expect: GAI-SEC-008
      identifiers = ["bedrock.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = ["us-east-1"]
    }
  }
}

resource "aws_iam_role" "kb" {
  name               = "docs-kb"
  assume_role_policy = data.aws_iam_policy_document.kb_trust.json
}

# expect-related: GAI-SEC-008
resource "aws_bedrockagent_knowledge_base" "docs" {
  name     = "docs-kb"
  role_arn = aws_iam_role.kb.arn
  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"
    }
  }
}

# expect-related: GAI-SEC-008
resource "aws_bedrockagent_flow" "triage" {
  name               = "triage"
  execution_role_arn = aws_iam_role.kb.arn
}

# Shared by Lambda and Bedrock in one statement; nothing in this
# configuration uses it (it is still a Bedrock service role).
resource "aws_iam_role" "shared" {
  name = "shared-worker"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Principal = {
        # expect: GAI-SEC-008
        Service = ["lambda.amazonaws.com", "bedrock.amazonaws.com"]
      }
      Action = "sts:AssumeRole"
    }]
  })
}

# AgentCore runtime role, trust policy as a heredoc.
resource "aws_iam_role" "runtime" {
  name = "agent-runtime"
  # expect: GAI-SEC-008 +7
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {
            "Service": "bedrock-agentcore.amazonaws.com"
          },
          "Action": "sts:AssumeRole"
        }
      ]
    }
  EOT
}

# A second statement for Bedrock without conditions next to a conditioned
# one: each statement must carry its own.
resource "aws_iam_role" "two_statements" {
  name = "two-statements"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "bedrock.amazonaws.com" }
        Action    = "sts:AssumeRole"
        Condition = { StringEquals = { "aws:SourceAccount" = "111122223333" } }
      },
      {
        Effect = "Allow"
        # expect: GAI-SEC-008
        Principal = { Service = "bedrock.amazonaws.com" }
        Action    = ["sts:AssumeRole", "sts:TagSession"]
      },
    ]
  })
}
