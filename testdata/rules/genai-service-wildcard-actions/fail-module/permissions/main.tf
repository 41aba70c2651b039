variable "name" {
  type = string
}

variable "extra_action" {
  type = string
}

resource "aws_iam_policy" "this" {
  name = var.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # expect: GAI-SEC-005
      Action   = ["s3:GetObject", var.extra_action]
      Resource = "*"
    }]
  })
}
