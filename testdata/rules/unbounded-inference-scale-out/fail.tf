# GAI-COST-009 fixture (failing): serverless concurrency and scalable
# capacity above the ceilings, action-group Lambda functions without
# reserved concurrency (absent, or -1: unreserved).

variable "max_copies" {
  default = 50
}

resource "aws_sagemaker_endpoint_configuration" "chat" {
  name = "chat"

  production_variants {
    variant_name = "Serverless"
    model_name   = "chat-model"
    serverless_config {
      memory_size_in_mb = 4096
      # expect: GAI-COST-009
      max_concurrency = 150
    }
  }
}

resource "aws_appautoscaling_target" "chat" {
  service_namespace  = "sagemaker"
  resource_id        = "inference-component/chat-ic"
  scalable_dimension = "sagemaker:inference-component:DesiredCopyCount"
  min_capacity       = 0
  # expect: GAI-COST-009
  max_capacity = var.max_copies
}

# expect-related: GAI-COST-009
resource "aws_lambda_function" "orders" {
  function_name = "orders-action"
  role          = "arn:aws:iam::123456789012:role/orders-lambda"
  runtime       = "python3.12"
  handler       = "index.handler"
  filename      = "orders.zip"
}

resource "aws_lambda_function" "refunds" {
  function_name                  = "refunds-action"
  role                           = "arn:aws:iam::123456789012:role/orders-lambda"
  runtime                        = "python3.12"
  handler                        = "index.handler"
  filename                       = "refunds.zip"
  # expect-related: GAI-COST-009
  reserved_concurrent_executions = -1
}

resource "aws_bedrockagent_agent_action_group" "orders" {
  action_group_name = "orders"
  agent_id          = "AGENT12345"
  agent_version     = "DRAFT"
  action_group_executor {
    # expect: GAI-COST-009
    lambda = aws_lambda_function.orders.arn
  }
}

resource "aws_bedrockagent_agent_action_group" "refunds" {
  action_group_name = "refunds"
  agent_id          = "AGENT12345"
  agent_version     = "DRAFT"
  action_group_executor {
    # expect: GAI-COST-009
    lambda = aws_lambda_function.refunds.arn
  }
}
