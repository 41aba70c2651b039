variable "name" {
  type = string
}

variable "allow_public" {
  type    = bool
  default = false
}

resource "aws_opensearchserverless_security_policy" "encryption" {
  name = "${var.name}-enc"
  type = "encryption"
  policy = jsonencode({
    Rules       = [{ ResourceType = "collection", Resource = ["collection/${var.name}"] }]
    AWSOwnedKey = true
  })
}

resource "aws_opensearchserverless_security_policy" "network" {
  name = "${var.name}-net"
  type = "network"
  policy = jsonencode([{
    Rules = [
      { ResourceType = "collection", Resource = ["collection/${var.name}"] },
      { ResourceType = "dashboard", Resource = ["collection/${var.name}"] },
    ]
    # expect-related: GAI-SEC-014
    AllowFromPublic = var.allow_public
  }])
}

# expect-related: GAI-SEC-014
resource "aws_opensearchserverless_collection" "this" {
  name       = var.name
  type       = "VECTORSEARCH"
  depends_on = [aws_opensearchserverless_security_policy.encryption]
}

output "collection_arn" {
  value = aws_opensearchserverless_collection.this.arn
}
