# GAI-SEC-015 on Terraform: aoss:* on a collection, but whether a knowledge
# base uses it is not known from the scan: no warning.

variable "collection_arn" {
  type        = string
  description = "Collection chosen at apply time (no default)."
}

# aoss:* on a collection that is not in the scan.
resource "aws_opensearchserverless_access_policy" "shared" {
  name = "shared-admin"
  type = "data"
  policy = jsonencode([{
    Rules     = [{ ResourceType = "index", Resource = ["index/shared-rag/*"], Permission = ["aoss:*"] }]
    Principal = ["arn:aws:iam::111122223333:role/rag-admins"]
  }])
}

# A collection of the configuration and an aoss:* policy on it; the
# knowledge base names its collection through a variable without a value,
# so the rule cannot see that it is this one.
resource "aws_opensearchserverless_collection" "kb_docs" {
  name = "kb-docs"
  type = "VECTORSEARCH"
}

resource "aws_opensearchserverless_access_policy" "kb_docs" {
  name = "kb-docs-admin"
  type = "data"
  policy = jsonencode([{
    Rules     = [{ ResourceType = "index", Resource = ["index/kb-docs/*"], Permission = ["aoss:*"] }]
    Principal = ["arn:aws:iam::111122223333:role/kb-admins"]
  }])
}

resource "aws_bedrockagent_knowledge_base" "docs" {
  name     = "docs-kb"
  role_arn = "arn:aws:iam::111122223333:role/kb-docs-bedrock-role"
  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"
    }
  }
  storage_configuration {
    type = "OPENSEARCH_SERVERLESS"
    opensearch_serverless_configuration {
      collection_arn    = var.collection_arn
      vector_index_name = "docs-index"
      field_mapping {
        vector_field   = "vector"
        text_field     = "text"
        metadata_field = "metadata"
      }
    }
  }
}
