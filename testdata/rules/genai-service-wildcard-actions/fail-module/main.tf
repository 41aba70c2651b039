# GAI-SEC-005: the wildcard is a module argument; the finding is inside the
# module, under the full module address.
module "app_permissions" {
  source = "./permissions"
  name   = "chat-app"
  # expect-related: GAI-SEC-005
  extra_action = "bedrock:*"
}
