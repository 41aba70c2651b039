# GAI-SEC-012: the module gets the key of a KMS key of the root module.
resource "aws_kms_key" "endpoint" {
  description = "endpoint data"
}

module "serving" {
  source  = "./serving"
  name    = "chat"
  kms_key = aws_kms_key.endpoint.arn
}
