# GAI-SEC-014 on Terraform: vector collections reachable from the public
# internet, found by walking knowledge base -> collection -> network policy.

# `+N` after an expectation: the finding is N lines below the line the
# comment stack sits above (used for keys inside heredocs).

# --- 1. Knowledge base -> collection -> public network policy (error). ---
# expect-related: GAI-SEC-014
resource "aws_opensearchserverless_collection" "kb_docs" {
  name        = "kb-docs"
  type        = "VECTORSEARCH"
  description = "Embeddings of the product documentation for the support agent."
}

resource "aws_opensearchserverless_security_policy" "kb_docs_network" {
  name        = "kb-docs-network"
  type        = "network"
  description = "Console quick-create default, left public."
  policy = jsonencode([{
    Rules = [
      { ResourceType = "collection", Resource = ["collection/${aws_opensearchserverless_collection.kb_docs.name}"] },
      { ResourceType = "dashboard", Resource = ["collection/kb-docs"] },
    ]
    # expect-related: GAI-SEC-014
    AllowFromPublic = true
  }])
}

resource "aws_bedrockagent_knowledge_base" "docs" {
  name     = "docs-kb"
  role_arn = "arn:aws:iam::111122223333:role/docs-kb-role"
  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"
    }
  }
  storage_configuration {
    type = "OPENSEARCH_SERVERLESS"
    opensearch_serverless_configuration {
      # expect: GAI-SEC-014
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

# --- 2. A wildcard pattern selects the collection; only the public rule
# set that matches it counts (the private one is for another prefix). The
# policy is a heredoc. ---
resource "aws_opensearchserverless_collection" "kb_faq" {
  name = "kb-faq"
  type = "VECTORSEARCH"
}

resource "aws_opensearchserverless_security_policy" "shared_network" {
  name = "kb-shared-network"
  type = "network"
  # expect-related: GAI-SEC-014 +10
  policy = <<-EOT
    [
      {
        "Description": "Every knowledge-base collection, public",
        "Rules": [
          {
            "ResourceType": "collection",
            "Resource": ["collection/kb-*"]
          }
        ],
        "AllowFromPublic": true
      },
      {
        "Description": "Analytics collections stay private",
        "Rules": [
          {"ResourceType": "collection", "Resource": ["collection/analytics-*"]}
        ],
        "AllowFromPublic": false,
        "SourceVPCEs": ["vpce-0123456789abcdef0"]
      }
    ]
  EOT
}

resource "aws_bedrockagent_knowledge_base" "faq" {
  name     = "faq-kb"
  role_arn = "arn:aws:iam::111122223333:role/faq-kb-role"
  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"
    }
  }
  storage_configuration {
    type = "OPENSEARCH_SERVERLESS"
    opensearch_serverless_configuration {
      # expect: GAI-SEC-014
      collection_arn    = aws_opensearchserverless_collection.kb_faq.arn
      vector_index_name = "faq-index"
      field_mapping {
        vector_field   = "vector"
        text_field     = "text"
        metadata_field = "metadata"
      }
    }
  }
}

# --- 3. A vector collection no knowledge base in this configuration uses,
# made public by a dashboard rule (warning, on the collection). ---
# expect: GAI-SEC-014
resource "aws_opensearchserverless_collection" "app_vectors" {
  name = "app-vectors"
  type = "VECTORSEARCH"
}

resource "aws_opensearchserverless_security_policy" "app_vectors_dashboard" {
  name = "app-vectors-dash"
  type = "network"
  policy = jsonencode([{
    Rules           = [{ ResourceType = "dashboard", Resource = ["collection/app-vectors"] }]
    AllowFromPublic = true
  }])
}

# --- 4. A public policy for collections that live in another configuration
# (warning, on the AllowFromPublic key). ---
resource "aws_opensearchserverless_security_policy" "legacy_network" {
  name = "legacy-rag-network"
  type = "network"
  policy = jsonencode([{
    Rules = [{ ResourceType = "collection", Resource = ["collection/legacy-rag-*"] }]
    # expect: GAI-SEC-014
    AllowFromPublic = true
  }])
}
