# GAI-SEC-002: the root module hands its guardrail's own version attribute
# (the working draft) to an agent module; the finding is inside the module,
# the guardrail and the module argument are related locations.
# expect-related: GAI-SEC-002
resource "aws_bedrock_guardrail" "support" {
  name                      = "support-guardrail"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't provide that answer."
}

module "support_agent" {
  source       = "./agent"
  name         = "support"
  guardrail_id = aws_bedrock_guardrail.support.guardrail_id
  # expect-related: GAI-SEC-002
  guardrail_version = aws_bedrock_guardrail.support.version
}
