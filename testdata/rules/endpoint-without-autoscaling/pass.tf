# GAI-REL-002 on Terraform: endpoints whose capacity follows the traffic.

# Application Auto Scaling, resource_id built from the endpoint's name, with
# a target tracking policy.
resource "aws_sagemaker_endpoint_configuration" "chat" {
  name = "chat-config"
  production_variants {
    variant_name           = "AllTraffic"
    model_name             = "chat-model"
    instance_type          = "ml.g5.2xlarge"
    initial_instance_count = 2
  }
}

resource "aws_sagemaker_endpoint" "chat" {
  name                 = "chat"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.chat.name
}

resource "aws_appautoscaling_target" "chat" {
  service_namespace  = "sagemaker"
  resource_id        = "endpoint/${aws_sagemaker_endpoint.chat.name}/variant/AllTraffic"
  scalable_dimension = "sagemaker:variant:DesiredInstanceCount"
  min_capacity       = 2
  max_capacity       = 6
}

resource "aws_appautoscaling_policy" "chat" {
  name               = "chat-invocations-per-instance"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.chat.service_namespace
  resource_id        = aws_appautoscaling_target.chat.resource_id
  scalable_dimension = aws_appautoscaling_target.chat.scalable_dimension
  target_tracking_scaling_policy_configuration {
    target_value = 70
    predefined_metric_specification {
      predefined_metric_type = "SageMakerVariantInvocationsPerInstance"
    }
  }
}

# A literal resource_id naming the endpoint by its name; the endpoint
# configuration is not in the scan (the scalable target decides).
resource "aws_sagemaker_endpoint" "search" {
  name                 = "search"
  endpoint_config_name = "search-config-from-the-registry"
}

resource "aws_appautoscaling_target" "search" {
  service_namespace  = "sagemaker"
  resource_id        = "endpoint/search/variant/AllTraffic"
  scalable_dimension = "sagemaker:variant:DesiredInstanceCount"
  min_capacity       = 1
  max_capacity       = 4
}

# Managed instance scaling on the only variant.
resource "aws_sagemaker_endpoint_configuration" "embed" {
  name = "embed-config"
  production_variants {
    variant_name           = "AllTraffic"
    model_name             = "embed-model"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1
    managed_instance_scaling {
      status             = "ENABLED"
      min_instance_count = 1
      max_instance_count = 4
    }
  }
}

resource "aws_sagemaker_endpoint" "embed" {
  name                 = "embed"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.embed.name
}

# Serverless: scales with the request rate by itself.
resource "aws_sagemaker_endpoint_configuration" "rerank" {
  name = "rerank-config"
  production_variants {
    variant_name = "AllTraffic"
    model_name   = "rerank-model"
    serverless_config {
      max_concurrency   = 20
      memory_size_in_mb = 4096
    }
  }
}

resource "aws_sagemaker_endpoint" "rerank" {
  name                 = "rerank"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.rerank.name
}

# Serverless with provisioned concurrency under Application Auto Scaling.
resource "aws_sagemaker_endpoint_configuration" "classify" {
  name = "classify-config"
  production_variants {
    variant_name = "AllTraffic"
    model_name   = "classify-model"
    serverless_config {
      max_concurrency         = 20
      memory_size_in_mb       = 2048
      provisioned_concurrency = 2
    }
  }
}

resource "aws_sagemaker_endpoint" "classify" {
  name                 = "classify"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.classify.name
}

resource "aws_appautoscaling_target" "classify" {
  service_namespace  = "sagemaker"
  resource_id        = "endpoint/${aws_sagemaker_endpoint.classify.name}/variant/AllTraffic"
  scalable_dimension = "sagemaker:variant:DesiredProvisionedConcurrency"
  min_capacity       = 1
  max_capacity       = 10
}

# Inference components: the endpoint hosts copies of a model; Application
# Auto Scaling scales the copies.
resource "aws_sagemaker_endpoint_configuration" "shared" {
  name               = "shared-config"
  execution_role_arn = "arn:aws:iam::111122223333:role/shared-endpoint"
  production_variants {
    variant_name           = "AllTraffic"
    instance_type          = "ml.g5.12xlarge"
    initial_instance_count = 1
  }
}

resource "aws_sagemaker_endpoint" "shared" {
  name                 = "shared"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.shared.name
}

resource "aws_sagemaker_inference_component" "llama" {
  name          = "llama"
  endpoint_name = aws_sagemaker_endpoint.shared.name
  variant_name  = "AllTraffic"
  specification {
    model_name = "llama-model"
    compute_resource_requirements {
      min_memory_required_in_mb              = 16384
      number_of_accelerator_devices_required = 1
    }
  }
  runtime_config {
    copy_count = 1
  }
}

resource "aws_appautoscaling_target" "llama" {
  service_namespace  = "sagemaker"
  resource_id        = "inference-component/${aws_sagemaker_inference_component.llama.name}"
  scalable_dimension = "sagemaker:inference-component:DesiredCopyCount"
  min_capacity       = 1
  max_capacity       = 4
}
