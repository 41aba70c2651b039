# GAI-REL-002 on Terraform: no scalable target in the scan, and the endpoint
# configuration is not in the scan or only known at apply time: Unknown.

variable "endpoint_config_name" {
  type        = string
  description = "Endpoint configuration of the model registry (no default)."
}

variable "max_capacity" {
  type        = number
  description = "Chosen per environment (no default)."
}

data "aws_ssm_parameter" "endpoint_config" {
  name = "/models/chat/endpoint-config"
}

# A literal name of an endpoint configuration made elsewhere.
# expect-unknown: GAI-REL-002
resource "aws_sagemaker_endpoint" "registry" {
  name                 = "registry"
  endpoint_config_name = "chat-config-from-the-registry"
}

# A variable without a value.
# expect-unknown: GAI-REL-002
resource "aws_sagemaker_endpoint" "from_variable" {
  name                 = "from-variable"
  endpoint_config_name = var.endpoint_config_name
}

# An SSM parameter read at apply time.
# expect-unknown: GAI-REL-002
resource "aws_sagemaker_endpoint" "from_ssm" {
  name                 = "from-ssm"
  endpoint_config_name = data.aws_ssm_parameter.endpoint_config.value
}

# The scalable target's max_capacity is a variable without a value: with 1
# it would pin the capacity.
resource "aws_sagemaker_endpoint_configuration" "chat" {
  name = "chat-config"
  production_variants {
    variant_name           = "AllTraffic"
    model_name             = "chat-model"
    instance_type          = "ml.g5.2xlarge"
    initial_instance_count = 1
  }
}

# expect-unknown: GAI-REL-002
resource "aws_sagemaker_endpoint" "chat" {
  name                 = "chat"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.chat.name
}

resource "aws_appautoscaling_target" "chat" {
  service_namespace  = "sagemaker"
  resource_id        = "endpoint/${aws_sagemaker_endpoint.chat.name}/variant/AllTraffic"
  scalable_dimension = "sagemaker:variant:DesiredInstanceCount"
  min_capacity       = 1
  max_capacity       = var.max_capacity
}
