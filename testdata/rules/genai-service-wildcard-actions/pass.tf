# GAI-SEC-005 on Terraform: named actions (narrow wildcards included) in
# every policy carrier, and wildcards that grant nothing.

resource "aws_iam_policy" "chat_invoke" {
  name = "chat-invoke"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
    }]
  })
}

# Narrow wildcards are not service-wide (GAI-SEC-006 looks at resources).
resource "aws_iam_role_policy" "readers" {
  name   = "readers"
  role   = "readers"
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["bedrock:Get*", "bedrock:List*", "sagemaker:Describe*"],
      "Resource": "*"
    }
  ]
}
EOT
}

# A Deny with bedrock:* never fails; other services' wildcards are not in
# scope.
data "aws_iam_policy_document" "guard" {
  statement {
    effect    = "Deny"
    actions   = ["bedrock:*"]
    resources = ["*"]
  }
  statement {
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::kb-docs/*"]
  }
  # NotAction that excludes every Bedrock action.
  statement {
    not_actions = ["bedrock:*", "bedrock-agentcore:*", "bedrock-mantle:*", "bedrock-websearch:*", "sagemaker:*", "aoss:*", "kendra:*", "kendra-ranking:*", "iam:*"]
    resources   = ["arn:aws:s3:::kb-docs/*"]
  }
}

resource "aws_iam_user_policy" "guard" {
  name   = "guard"
  user   = "analyst"
  policy = data.aws_iam_policy_document.guard.json
}

resource "aws_iam_group_policy" "search" {
  name  = "search"
  group = "search"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["kendra:Query", "kendra:Retrieve"]
      Resource = "arn:aws:kendra:us-east-1:111122223333:index/0a1b2c3d"
    }]
  })
}

# A role whose only service wildcard is in the trust policy's principal
# (not an action), with an empty inline_policy block (removes policies added
# out of band) and a narrow one.
resource "aws_iam_role" "agent" {
  name = "agent"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "bedrock.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  inline_policy {}
}

data "aws_iam_policy_document" "retriever_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "retriever" {
  name               = "retriever"
  assume_role_policy = data.aws_iam_policy_document.retriever_trust.json
  inline_policy {
    name = "retrieve"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = "bedrock:Retrieve"
        Resource = "arn:aws:bedrock:us-east-1:111122223333:knowledge-base/KB12345678"
      }]
    })
  }
}
