# GAI-SEC-008 on Terraform: Bedrock service roles whose trust is tied to the
# caller, and roles Bedrock cannot assume.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

# Both conditions, as AWS documents for agents (a policy document data
# source).
data "aws_iam_policy_document" "agent_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["bedrock.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${data.aws_partition.current.partition}:bedrock:us-east-1:${data.aws_caller_identity.current.account_id}:agent/*"]
    }
  }
}

resource "aws_iam_role" "agent" {
  name               = "support-agent"
  assume_role_policy = data.aws_iam_policy_document.agent_trust.json
}

resource "aws_bedrockagent_agent" "support" {
  agent_name              = "support"
  agent_resource_role_arn = aws_iam_role.agent.arn
  foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
}

# aws:SourceAccount only (any resource of the account), jsonencode.
resource "aws_iam_role" "kb" {
  name = "docs-kb"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "bedrock.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:SourceAccount" = "111122223333" } }
    }]
  })
}

# aws:SourceArn only, key written in another case, ArnEquals; a heredoc.
resource "aws_iam_role" "flow" {
  name               = "triage-flow"
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {"Service": "bedrock.amazonaws.com"},
          "Action": "sts:AssumeRole",
          "Condition": {"ArnEquals": {"AWS:SourceArn": "arn:aws:bedrock:us-east-1:111122223333:flow/TRIAGE1234"}}
        }
      ]
    }
  EOT
}

# Not a Bedrock role: Lambda without conditions is another rule's concern.
resource "aws_iam_role" "lambda" {
  name = "worker"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

# Deny statements grant nothing.
resource "aws_iam_role" "deny" {
  name = "deny-bedrock"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "lambda.amazonaws.com" }
        Action    = "sts:AssumeRole"
      },
      {
        Effect    = "Deny"
        Principal = { Service = "bedrock.amazonaws.com" }
        Action    = "sts:AssumeRole"
      },
    ]
  })
}
