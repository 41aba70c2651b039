# GAI-SEC-006 on Terraform: invocation actions on every resource, in every
# policy carrier and every way a policy is written.

# `+N` after an expectation: the finding is N lines below the line the
# comment stack sits on (used for keys inside a heredoc).

# jsonencode(...): the finding is on the "*" inside it.
resource "aws_iam_policy" "chat_app" {
  name = "chat-app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
      # expect: GAI-SEC-006
      Resource = "*"
    }]
  })
}

# A JSON heredoc.
resource "aws_iam_role_policy" "retriever" {
  name = "retriever"
  role = "retriever"
  # expect: GAI-SEC-006 +7
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["bedrock:Retrieve", "bedrock:RetrieveAndGenerate"],
      "Resource": ["*"]
    }
  ]
}
EOT
}

# data.aws_iam_policy_document.<name>.json: the finding is on the "*" of
# the statement block's resources.
data "aws_iam_policy_document" "agent_client" {
  statement {
    actions = ["bedrock:InvokeAgent"]
    # expect: GAI-SEC-006
    resources = ["*"]
  }
}

resource "aws_iam_user_policy" "agent_client" {
  name   = "agent-client"
  user   = "support-portal"
  policy = data.aws_iam_policy_document.agent_client.json
}

# Allow + NotResource applies to everything not listed.
resource "aws_iam_group_policy" "ml_team" {
  name  = "ml-team"
  group = "ml-team"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = "sagemaker:InvokeEndpoint"
      # expect: GAI-SEC-006
      NotResource = ["arn:aws:sagemaker:us-east-1:111122223333:endpoint/admin-*"]
    }]
  })
}

# The same through the data source: not_resources.
data "aws_iam_policy_document" "flows" {
  statement {
    actions = ["bedrock:InvokeFlow"]
    # expect: GAI-SEC-006
    not_resources = ["arn:aws:bedrock:us-east-1:111122223333:flow/internal-*"]
  }
}

resource "aws_iam_policy" "flows" {
  name   = "flows"
  policy = data.aws_iam_policy_document.flows.json
}

# Inline policies of a role: bedrock:* includes InvokeModel.
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
    name = "logs"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "*"
      }]
    })
  }
  inline_policy {
    name = "models"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect = "Allow"
        Action = "bedrock:*"
        # expect: GAI-SEC-006
        Resource = "*"
      }]
    })
  }
}
