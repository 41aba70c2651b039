# GAI-SEC-005 on Terraform: actions only known at apply time.

variable "service" {
  type = string
}

variable "actions" {
  type = list(string)
}

# A variable without a value inside jsonencode(...).
# expect-unknown: GAI-SEC-005
resource "aws_iam_policy" "from_variable" {
  name = "from-variable"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "${var.service}:*"
      Resource = "*"
    }]
  })
}

# The same through the data source.
data "aws_iam_policy_document" "generated" {
  statement {
    actions   = var.actions
    resources = ["*"]
  }
}

# expect-unknown: GAI-SEC-005
resource "aws_iam_role_policy" "generated" {
  name   = "generated"
  role   = "generated"
  policy = data.aws_iam_policy_document.generated.json
}

# A heredoc with an interpolation: a partly known JSON string.
# expect-unknown: GAI-SEC-005
resource "aws_iam_user_policy" "interpolated" {
  name   = "interpolated"
  user   = "dev"
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "${var.service}:*",
      "Resource": "*"
    }
  ]
}
EOT
}
