# GAI-SEC-012 on Terraform: the instance type is a variable without default,
# so whether the volume takes a key is only known at apply time.
variable "instance_type" {
  type = string
}

# expect-unknown: GAI-SEC-012
resource "aws_sagemaker_endpoint_configuration" "unknown_type" {
  name = "chat"
  production_variants {
    variant_name  = "main"
    model_name    = "chat-model"
    instance_type = var.instance_type
  }
}
