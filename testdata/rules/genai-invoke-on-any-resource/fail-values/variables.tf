variable "model_resource" {
  type = string
  # expect-related: GAI-SEC-006
  default = "*"
}

variable "agent_alias_arn" {
  type    = string
  default = "arn:aws:bedrock:us-east-1:111122223333:agent-alias/AGENT1234/ALIAS5678"
}

# One policy per application, each with the endpoint it may invoke.
variable "endpoints" {
  type = map(string)
  default = {
    chat = "arn:aws:sagemaker:us-east-1:111122223333:endpoint/chat-prod"
    # expect-related: GAI-SEC-006
    admin = "*"
  }
}
