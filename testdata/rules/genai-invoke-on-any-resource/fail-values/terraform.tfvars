# This environment lets the portal call any agent alias.
# expect-related: GAI-SEC-006
agent_alias_arn = "*"
