# GAI-SEC-006 on Terraform: invocation limited to named resources, and
# grants on "*" that invoke nothing.

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

# A foundation model and a cross-Region inference profile; the profile ARN is
# only partly known (Region and account), but it is never "*".
resource "aws_iam_policy" "chat_app" {
  name = "chat-app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
      Resource = [
        "arn:aws:bedrock:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0",
        "arn:aws:bedrock:*::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0",
      ]
    }]
  })
}

# Read-only actions on "*" are not invocations; a Deny on "*" never fails.
resource "aws_iam_role_policy" "readers" {
  name   = "readers"
  role   = "readers"
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["bedrock:Get*", "bedrock:List*"],
      "Resource": "*"
    },
    {
      "Effect": "Deny",
      "Action": "bedrock:InvokeModel",
      "Resource": "*"
    }
  ]
}
EOT
}

# An ARN pattern is not "*": the rule does not judge how wide it is.
data "aws_iam_policy_document" "agents" {
  statement {
    actions   = ["bedrock:InvokeAgent"]
    resources = ["arn:aws:bedrock:*:111122223333:agent-alias/*"]
  }
}

resource "aws_iam_user_policy" "agents" {
  name   = "agents"
  user   = "support-portal"
  policy = data.aws_iam_policy_document.agents.json
}

resource "aws_iam_group_policy" "endpoints" {
  name  = "endpoints"
  group = "ml-team"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "sagemaker:InvokeEndpoint*"
      Resource = "arn:aws:sagemaker:us-east-1:111122223333:endpoint/chat-*"
    }]
  })
}

resource "aws_iam_role" "lambda" {
  name = "chat-lambda"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  inline_policy {
    name = "guardrail"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = "bedrock:ApplyGuardrail"
        Resource = "arn:aws:bedrock:us-east-1:111122223333:guardrail/abcd1234efgh"
      }]
    })
  }
}
