# GAI-REL-002: one endpoint and scalable target per entry of a variable map;
# the "embed" entry pins its capacity (min = max), the "chat" entry scales.
# Only the "embed" instance fails.
resource "aws_sagemaker_endpoint_configuration" "this" {
  for_each = var.endpoints
  name     = "${each.key}-config"
  # expect-related: GAI-REL-002
  production_variants {
    variant_name           = "AllTraffic"
    model_name             = "${each.key}-model"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = each.value.min
  }
}

resource "aws_sagemaker_endpoint" "this" {
  for_each = var.endpoints
  name     = each.key
  # expect: GAI-REL-002
  endpoint_config_name = aws_sagemaker_endpoint_configuration.this[each.key].name
}

resource "aws_appautoscaling_target" "this" {
  for_each           = var.endpoints
  service_namespace  = "sagemaker"
  resource_id        = "endpoint/${aws_sagemaker_endpoint.this[each.key].name}/variant/AllTraffic"
  scalable_dimension = "sagemaker:variant:DesiredInstanceCount"
  min_capacity       = each.value.min
  # expect-related: GAI-REL-002
  max_capacity = each.value.max
}
