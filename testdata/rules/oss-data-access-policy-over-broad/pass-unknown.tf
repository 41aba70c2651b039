# GAI-SEC-015 on Terraform: a policy or principal only known at apply time:
# Unknown, not reported.

variable "access_policy" {
  type        = string
  description = "Policy JSON supplied by the platform team (no default)."
}

variable "reader_principal" {
  type        = string
  description = "Principal chosen per environment (no default)."
}

data "aws_caller_identity" "current" {}

resource "aws_iam_role" "kb" {
  name = "kb-docs"
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

# The whole policy is a variable without a value.
# expect-unknown: GAI-SEC-015
resource "aws_opensearchserverless_access_policy" "platform" {
  name   = "platform"
  type   = "data"
  policy = var.access_policy
}

# The usual way to name the knowledge base role: its ARN is known after
# apply, so it can be neither cleared nor blamed. The resources and
# permissions are checked (and pass).
# expect-unknown: GAI-SEC-015
resource "aws_opensearchserverless_access_policy" "kb" {
  name = "kb-docs-access"
  type = "data"
  policy = jsonencode([{
    Rules = [{
      ResourceType = "index"
      Resource     = ["index/kb-docs/*"]
      Permission   = ["aoss:ReadDocument", "aoss:WriteDocument"]
    }]
    Principal = [aws_iam_role.kb.arn]
  }])
}

# The account root of the deploying account: the account ID is known after
# apply, and a partly known string is not compared.
# expect-unknown: GAI-SEC-015
resource "aws_opensearchserverless_access_policy" "account" {
  name = "account-read"
  type = "data"
  policy = jsonencode([{
    Rules = [{
      ResourceType = "index"
      Resource     = ["index/product-search/*"]
      Permission   = ["aoss:ReadDocument"]
    }]
    Principal = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
  }])
}

# A principal from a variable without a value.
# expect-unknown: GAI-SEC-015
resource "aws_opensearchserverless_access_policy" "reader" {
  name = "reader"
  type = "data"
  policy = jsonencode([{
    Rules = [{
      ResourceType = "index"
      Resource     = ["index/product-search/*"]
      Permission   = ["aoss:ReadDocument"]
    }]
    Principal = [var.reader_principal]
  }])
}
