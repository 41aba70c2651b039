# GAI-SEC-007 on Terraform: bounded execution roles whose own and attached
# statements name specific actions.

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

resource "aws_iam_policy" "boundary" {
  name = "genai-agent-boundary"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["bedrock:InvokeModel", "bedrock:Retrieve", "s3:GetObject"]
      Resource = "*"
    }]
  })
}

# An inline policy for one model, a narrow AWS managed policy attached.
resource "aws_iam_role" "support" {
  name                 = "support-agent"
  assume_role_policy   = data.aws_iam_policy_document.bedrock_trust.json
  permissions_boundary = aws_iam_policy.boundary.arn
  inline_policy {
    name = "invoke-one-model"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = "bedrock:InvokeModel"
        Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
      }]
    })
  }
}

resource "aws_iam_role_policy_attachment" "support_read" {
  role       = aws_iam_role.support.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonBedrockReadOnly"
}

resource "aws_bedrockagent_agent" "support" {
  agent_name              = "support-agent"
  agent_resource_role_arn = aws_iam_role.support.arn
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
}

# A customer managed policy in managed_policy_arns and another attached by
# aws_iam_role_policy_attachment, both scoped to the corpus and the
# collection; an aws_iam_role_policy with a service-scoped action list.
resource "aws_iam_policy" "kb_corpus" {
  name = "kb-corpus"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:ListBucket"]
      Resource = ["arn:aws:s3:::kb-docs", "arn:aws:s3:::kb-docs/*"]
    }]
  })
}

resource "aws_iam_policy" "kb_collection" {
  name = "kb-collection"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "aoss:APIAccessAll"
      Resource = "arn:aws:aoss:us-east-1:111122223333:collection/abcdef0123456789abcd"
    }]
  })
}

resource "aws_iam_role" "kb" {
  name                 = "docs-kb"
  assume_role_policy   = data.aws_iam_policy_document.bedrock_trust.json
  permissions_boundary = aws_iam_policy.boundary.arn
  managed_policy_arns  = [aws_iam_policy.kb_corpus.arn]
}

resource "aws_iam_role_policy_attachment" "kb_collection" {
  role       = aws_iam_role.kb.name
  policy_arn = aws_iam_policy.kb_collection.arn
}

# Resource "*" alone is not flagged by default.
resource "aws_iam_role_policy" "kb_models" {
  name = "embedding-model"
  role = aws_iam_role.kb.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["bedrock:InvokeModel", "bedrock:GetFoundationModel"]
      Resource = "*"
    }]
  })
}

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
