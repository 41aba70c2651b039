# GAI-SEC-001: the module gets the ID of a guardrail of the root module.
resource "aws_bedrock_guardrail" "support" {
  name                      = "support-guardrail"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't provide that answer."
}

module "support_agent" {
  source       = "./agent"
  name         = "support"
  guardrail_id = aws_bedrock_guardrail.support.guardrail_id
}
