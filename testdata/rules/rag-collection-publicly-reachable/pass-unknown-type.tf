# GAI-SEC-014 on Terraform: a public policy selects the collection, but
# whether it is a network policy is decided at apply time. The collection
# has no knowledge base here, so the collection target reports the Unknown.

variable "policy_type" {
  type        = string
  description = "Chosen at apply time (no default)."
}

# expect-unknown: GAI-SEC-014
resource "aws_opensearchserverless_collection" "kb_hr" {
  name = "kb-hr"
  type = "VECTORSEARCH"
}

resource "aws_opensearchserverless_security_policy" "kb_hr" {
  name = "kb-hr-policy"
  type = var.policy_type
  policy = jsonencode([{
    Rules           = [{ ResourceType = "collection", Resource = ["collection/kb-hr"] }]
    AllowFromPublic = true
  }])
}
