# GAI-SEC-005 on Terraform: service-wide wildcards of generative AI services
# in every policy carrier and every way a policy is written.

# `+N` after an expectation: the finding is N lines below the line the
# comment stack sits on (used for keys inside a heredoc).

# jsonencode(...): the finding is on the wildcard item inside it.
resource "aws_iam_policy" "prototyping" {
  name = "prototyping"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Action = [
          "s3:GetObject",
          # expect: GAI-SEC-005
          "bedrock:*",
        ]
        Resource = "*"
      },
    ]
  })
}

# A JSON heredoc.
resource "aws_iam_role_policy" "endpoint_ops" {
  name = "endpoint-ops"
  role = "endpoint-ops"
  # expect: GAI-SEC-005 +6
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sagemaker:*",
      "Resource": "arn:aws:sagemaker:us-east-1:111122223333:endpoint/chat-prod"
    }
  ]
}
EOT
}

# data.aws_iam_policy_document.<name>.json: the finding is on the item of
# the statement block.
data "aws_iam_policy_document" "indexer" {
  statement {
    # expect: GAI-SEC-005
    actions   = ["aoss:*"]
    resources = ["arn:aws:aoss:us-east-1:111122223333:collection/kb-docs"]
  }
}

resource "aws_iam_user_policy" "indexer" {
  name   = "indexer"
  user   = "indexer"
  policy = data.aws_iam_policy_document.indexer.json
}

# Allow + NotAction grants everything except IAM: all of Bedrock included.
resource "aws_iam_group_policy" "platform" {
  name  = "platform"
  group = "platform"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # expect: GAI-SEC-005
      NotAction = ["iam:*", "organizations:*"]
      Resource  = "*"
    }]
  })
}

# The same through the data source: not_actions.
data "aws_iam_policy_document" "almost_admin" {
  statement {
    # expect: GAI-SEC-005
    not_actions = ["iam:*"]
    resources   = ["*"]
  }
}

resource "aws_iam_policy" "almost_admin" {
  name   = "almost-admin"
  policy = data.aws_iam_policy_document.almost_admin.json
}

# Inline policies of a role: the second one is an administrator grant, the
# third a prefix wildcard in mixed case (Bedrock*:* covers bedrock,
# bedrock-agentcore and bedrock-mantle).
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
  inline_policy {
    name = "invoke"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = "bedrock:InvokeModel"
        Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
      }]
    })
  }
  inline_policy {
    name = "break-glass"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect = "Allow"
        # expect: GAI-SEC-005
        Action   = "*"
        Resource = "*"
      }]
    })
  }
  inline_policy {
    name = "agents"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect = "Allow"
        # expect: GAI-SEC-005
        Action   = ["Bedrock*:*", "kendra:Query"]
        Resource = "*"
      }]
    })
  }
}
