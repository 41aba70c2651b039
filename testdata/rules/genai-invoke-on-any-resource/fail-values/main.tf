# GAI-SEC-006: the "*" comes from a variable default, a tfvars file, a local
# and a for_each map, inside jsonencode(...) and the policy document data
# source.
locals {
  # expect-related: GAI-SEC-006
  knowledge_bases = "*"
}

resource "aws_iam_policy" "models" {
  name = "models"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = "bedrock:InvokeModel"
      # expect: GAI-SEC-006
      Resource = var.model_resource
    }]
  })
}

data "aws_iam_policy_document" "portal" {
  statement {
    actions = ["bedrock:InvokeAgent"]
    # expect: GAI-SEC-006
    resources = [var.agent_alias_arn]
  }
}

resource "aws_iam_user_policy" "portal" {
  name   = "portal"
  user   = "support-portal"
  policy = data.aws_iam_policy_document.portal.json
}

resource "aws_iam_role_policy" "retriever" {
  name = "retriever"
  role = "retriever"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = "bedrock:Retrieve"
      # expect: GAI-SEC-006
      Resource = local.knowledge_bases
    }]
  })
}

# Only the "admin" instance is on "*": one finding, not two.
resource "aws_iam_policy" "per_app" {
  for_each = var.endpoints
  name     = "invoke-${each.key}"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = "sagemaker:InvokeEndpoint"
      # expect: GAI-SEC-006
      Resource = each.value
    }]
  })
}
