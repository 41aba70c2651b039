# GAI-SEC-006 on Terraform: resources only known at apply time cannot be
# told apart from "*".

variable "model_arn" {
  type = string
}

resource "aws_bedrockagent_knowledge_base" "docs" {
  name     = "docs"
  role_arn = "arn:aws:iam::111122223333:role/kb"
  knowledge_base_configuration {
    type = "VECTOR"
  }
}

# A variable without a value.
# expect-unknown: GAI-SEC-006
resource "aws_iam_policy" "from_variable" {
  name = "from-variable"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = var.model_arn
    }]
  })
}

# An attribute known after apply.
data "aws_iam_policy_document" "retrieve" {
  statement {
    actions   = ["bedrock:Retrieve"]
    resources = [aws_bedrockagent_knowledge_base.docs.arn]
  }
}

# expect-unknown: GAI-SEC-006
resource "aws_iam_role_policy" "retrieve" {
  name   = "retrieve"
  role   = "retriever"
  policy = data.aws_iam_policy_document.retrieve.json
}
