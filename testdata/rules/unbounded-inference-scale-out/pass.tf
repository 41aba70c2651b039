# GAI-COST-009 fixture (passing).

resource "aws_sagemaker_endpoint_configuration" "chat" {
  name = "chat"

  production_variants {
    variant_name = "Serverless"
    model_name   = "chat-model"
    serverless_config {
      memory_size_in_mb       = 4096
      max_concurrency         = 20
      provisioned_concurrency = 2
    }
  }

  production_variants {
    variant_name           = "Instances"
    model_name             = "chat-model"
    initial_instance_count = 2
    instance_type          = "ml.g5.xlarge"
  }
}

resource "aws_appautoscaling_target" "chat" {
  service_namespace  = "sagemaker"
  resource_id        = "endpoint/chat/variant/Instances"
  scalable_dimension = "sagemaker:variant:DesiredInstanceCount"
  min_capacity       = 1
  max_capacity       = 6
}

# Not a model endpoint.
resource "aws_appautoscaling_target" "sessions" {
  service_namespace  = "dynamodb"
  resource_id        = "table/sessions"
  scalable_dimension = "dynamodb:table:ReadCapacityUnits"
  min_capacity       = 5
  max_capacity       = 4000
}

resource "aws_lambda_function" "orders" {
  function_name                  = "orders-action"
  role                           = "arn:aws:iam::123456789012:role/orders-lambda"
  runtime                        = "python3.12"
  handler                        = "index.handler"
  filename                       = "orders.zip"
  reserved_concurrent_executions = 20
}

resource "aws_bedrockagent_agent_action_group" "orders" {
  action_group_name = "orders"
  agent_id          = "AGENT12345"
  agent_version     = "DRAFT"
  action_group_executor {
    lambda = aws_lambda_function.orders.arn
  }
}

resource "aws_bedrockagent_agent_action_group" "confirm" {
  action_group_name = "confirm"
  agent_id          = "AGENT12345"
  agent_version     = "DRAFT"
  action_group_executor {
    custom_control = "RETURN_CONTROL"
  }
}
