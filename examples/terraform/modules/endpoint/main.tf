# One SageMaker real-time endpoint: model, endpoint configuration, endpoint.
resource "aws_sagemaker_model" "this" {
  name                     = var.name
  execution_role_arn       = var.execution_role_arn
  enable_network_isolation = var.network_isolation

  primary_container {
    image          = var.image
    model_data_url = var.model_data_url
  }
}

resource "aws_sagemaker_endpoint_configuration" "this" {
  name        = var.name
  kms_key_arn = var.kms_key_arn

  production_variants {
    variant_name           = "AllTraffic"
    model_name             = aws_sagemaker_model.this.name
    instance_type          = var.instance_type
    initial_instance_count = var.instance_count
  }
}

resource "aws_sagemaker_endpoint" "this" {
  name                 = var.name
  endpoint_config_name = aws_sagemaker_endpoint_configuration.this.name
}
