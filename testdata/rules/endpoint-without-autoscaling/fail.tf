# GAI-REL-002 on Terraform: endpoints whose capacity cannot follow the
# traffic.

# One instance-based variant, nothing scales it.
resource "aws_sagemaker_endpoint_configuration" "chat" {
  name = "chat-config"
  # expect-related: GAI-REL-002
  production_variants {
    variant_name           = "AllTraffic"
    model_name             = "chat-model"
    instance_type          = "ml.g5.2xlarge"
    initial_instance_count = 2
  }
}

resource "aws_sagemaker_endpoint" "chat" {
  name = "chat"
  # expect: GAI-REL-002
  endpoint_config_name = aws_sagemaker_endpoint_configuration.chat.name
}

# A scalable target whose range is a single value: the capacity is pinned.
resource "aws_sagemaker_endpoint_configuration" "summarize" {
  name = "summarize-config"
  # expect-related: GAI-REL-002
  production_variants {
    variant_name           = "AllTraffic"
    model_name             = "summarize-model"
    instance_type          = "ml.g5.xlarge"
    initial_instance_count = 2
  }
}

resource "aws_sagemaker_endpoint" "summarize" {
  name = "summarize"
  # expect: GAI-REL-002
  endpoint_config_name = aws_sagemaker_endpoint_configuration.summarize.name
}

resource "aws_appautoscaling_target" "summarize" {
  service_namespace  = "sagemaker"
  resource_id        = "endpoint/${aws_sagemaker_endpoint.summarize.name}/variant/AllTraffic"
  scalable_dimension = "sagemaker:variant:DesiredInstanceCount"
  min_capacity       = 2
  # expect-related: GAI-REL-002
  max_capacity = 2
}

# Managed instance scaling switched off.
resource "aws_sagemaker_endpoint_configuration" "embed" {
  name = "embed-config"
  production_variants {
    variant_name           = "AllTraffic"
    model_name             = "embed-model"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1
    managed_instance_scaling {
      # expect-related: GAI-REL-002
      status             = "DISABLED"
      min_instance_count = 1
      max_instance_count = 4
    }
  }
}

resource "aws_sagemaker_endpoint" "embed" {
  name = "embed"
  # expect: GAI-REL-002
  endpoint_config_name = aws_sagemaker_endpoint_configuration.embed.name
}

# Two variants: the serverless one scales itself, the instance-based one
# does not.
resource "aws_sagemaker_endpoint_configuration" "rerank" {
  name = "rerank-config"
  production_variants {
    variant_name = "Serverless"
    model_name   = "rerank-model"
    serverless_config {
      max_concurrency   = 20
      memory_size_in_mb = 4096
    }
  }
  # expect-related: GAI-REL-002
  production_variants {
    variant_name           = "Instances"
    model_name             = "rerank-model"
    instance_type          = "ml.c5.xlarge"
    initial_instance_count = 1
  }
}

resource "aws_sagemaker_endpoint" "rerank" {
  name = "rerank"
  # expect: GAI-REL-002
  endpoint_config_name = aws_sagemaker_endpoint_configuration.rerank.name
}

# Managed instance scaling enabled, but with a single-value range; the
# endpoint configuration is named by a literal.
resource "aws_sagemaker_endpoint_configuration" "classify" {
  name = "classify-config"
  production_variants {
    variant_name           = "AllTraffic"
    model_name             = "classify-model"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
    managed_instance_scaling {
      status             = "ENABLED"
      min_instance_count = 3
      # expect-related: GAI-REL-002
      max_instance_count = 3
    }
  }
}

resource "aws_sagemaker_endpoint" "classify" {
  name = "classify"
  # expect: GAI-REL-002
  endpoint_config_name = "classify-config"
}

# A dynamic serverless_config block whose for_each is empty: no block, so
# the variant is instance-based.
resource "aws_sagemaker_endpoint_configuration" "moderate" {
  name = "moderate-config"
  # expect-related: GAI-REL-002
  production_variants {
    variant_name           = "AllTraffic"
    model_name             = "moderate-model"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
    dynamic "serverless_config" {
      for_each = []
      content {
        max_concurrency   = 5
        memory_size_in_mb = 2048
      }
    }
  }
}

resource "aws_sagemaker_endpoint" "moderate" {
  name = "moderate"
  # expect: GAI-REL-002
  endpoint_config_name = aws_sagemaker_endpoint_configuration.moderate.name
}
