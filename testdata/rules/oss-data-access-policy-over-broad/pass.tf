# GAI-SEC-015 on Terraform: data access policies scoped to named roles,
# collection names or prefixes, and explicit permissions.

resource "aws_opensearchserverless_collection" "kb_docs" {
  name = "kb-docs"
  type = "VECTORSEARCH"
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
      collection_arn    = aws_opensearchserverless_collection.kb_docs.arn
      vector_index_name = "docs-index"
      field_mapping {
        vector_field   = "vector"
        text_field     = "text"
        metadata_field = "metadata"
      }
    }
  }
}

# What the knowledge base role needs, on its own collection only.
resource "aws_opensearchserverless_access_policy" "kb_docs" {
  name = "kb-docs-access"
  type = "data"
  policy = jsonencode([{
    Rules = [
      {
        ResourceType = "collection"
        Resource     = ["collection/kb-docs"]
        Permission   = ["aoss:DescribeCollectionItems"]
      },
      {
        ResourceType = "index"
        Resource     = ["index/kb-docs/*"]
        Permission   = ["aoss:DescribeIndex", "aoss:CreateIndex", "aoss:UpdateIndex", "aoss:ReadDocument", "aoss:WriteDocument"]
      },
    ]
    Principal = ["arn:aws:iam::111122223333:role/kb-docs-bedrock-role"]
  }])
}

# aoss:* for the owners of a log collection that no knowledge base uses:
# only the knowledge base case is a warning.
resource "aws_opensearchserverless_collection" "logs" {
  name = "app-logs"
  type = "TIMESERIES"
}

resource "aws_opensearchserverless_access_policy" "logs_admin" {
  name = "app-logs-admin"
  type = "data"
  policy = jsonencode([{
    Rules = [
      { ResourceType = "collection", Resource = ["collection/app-logs"], Permission = ["aoss:*"] },
      { ResourceType = "index", Resource = ["index/app-logs/*"], Permission = ["aoss:*"] },
    ]
    Principal = ["arn:aws:iam::111122223333:role/log-admins"]
  }])
}

# A name prefix and a SAML group are scoped principals and resources.
resource "aws_opensearchserverless_access_policy" "search_team" {
  name = "search-team"
  type = "data"
  policy = jsonencode([{
    Rules = [{
      ResourceType = "index"
      Resource     = ["index/search-*/*"]
      Permission   = ["aoss:ReadDocument"]
    }]
    Principal = ["saml/111122223333/corp-idp/group/search-team"]
  }])
}
