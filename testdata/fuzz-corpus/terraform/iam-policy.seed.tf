# terraform_fuzz seed: a policy document, a role and what attaches to it.
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["bedrock.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "invoke" {
  statement {
    effect    = "Allow"
    actions   = ["bedrock:InvokeModel", "s3:GetObject"]
    resources = ["${aws_s3_bucket.docs.arn}/*", "*"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["123456789012"]
    }
  }
}

resource "aws_s3_bucket" "docs" {
  bucket = "docs"
}

resource "aws_iam_role" "agent" {
  name               = "agent"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "invoke" {
  role   = aws_iam_role.agent.id
  policy = data.aws_iam_policy_document.invoke.json
}

resource "aws_bedrockagent_agent" "a" {
  agent_name              = "a"
  agent_resource_role_arn = aws_iam_role.agent.arn
  foundation_model        = "anthropic.claude-v2"
}
