# GAI-SEC-001: the guardrail identifier is a module argument, empty here;
# the finding is inside the module, under the full module address.
module "support_agent" {
  source = "./agent"
  name   = "support"
  # expect-related: GAI-SEC-001
  guardrail_id = ""
}
