# GAI-COST-009 fixture: the Lambda ARN and the ceiling come from variables
# without a default: Unknown.

variable "action_lambda_arn" {
  type = string
}

variable "max_capacity" {
  type = number
}

# expect-unknown: GAI-COST-009
resource "aws_bedrockagent_agent_action_group" "orders" {
  action_group_name = "orders"
  agent_id          = "AGENT12345"
  agent_version     = "DRAFT"
  action_group_executor {
    lambda = var.action_lambda_arn
  }
}

# expect-unknown: GAI-COST-009
resource "aws_appautoscaling_target" "chat" {
  service_namespace  = "sagemaker"
  resource_id        = "endpoint/chat/variant/AllTraffic"
  scalable_dimension = "sagemaker:variant:DesiredInstanceCount"
  min_capacity       = 1
  max_capacity       = var.max_capacity
}
