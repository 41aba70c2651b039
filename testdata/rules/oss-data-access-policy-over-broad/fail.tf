# GAI-SEC-015 on Terraform: OpenSearch Serverless data access policies that
# grant everyone or a whole account, select every collection, or grant
# aoss:* on a knowledge base's vector collection.

variable "trusted_account" {
  type = string
  # expect-related: GAI-SEC-015
  default = "444455556666"
}

# The knowledge base's vector collection, and the knowledge base.
# expect-related: GAI-SEC-015
resource "aws_opensearchserverless_collection" "kb_docs" {
  name = "kb-docs"
  type = "VECTORSEARCH"
}

# expect-related: GAI-SEC-015
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

# Console quick-start copied into the configuration: the knowledge base
# role (a literal ARN) gets aoss:* on the collection and its indexes. One
# warning, on the first aoss:*; the collection and the knowledge base are
# its related locations.
resource "aws_opensearchserverless_access_policy" "kb_docs" {
  name = "kb-docs-access"
  type = "data"
  policy = jsonencode([{
    Rules = [
      {
        ResourceType = "collection"
        Resource     = ["collection/${aws_opensearchserverless_collection.kb_docs.name}"]
        # expect: GAI-SEC-015
        Permission = ["aoss:*"]
      },
      {
        ResourceType = "index"
        Resource     = ["index/kb-docs/*"]
        Permission   = ["aoss:*"]
      },
    ]
    Principal = ["arn:aws:iam::111122223333:role/kb-docs-bedrock-role"]
  }])
}

# Everyone, as a JSON string.
resource "aws_opensearchserverless_access_policy" "public_read" {
  name = "search-public-read"
  type = "data"
  # expect: GAI-SEC-015
  policy = "[{\"Rules\":[{\"ResourceType\":\"index\",\"Resource\":[\"index/product-search/*\"],\"Permission\":[\"aoss:ReadDocument\"]}],\"Principal\":[\"*\"]}]"
}

# A whole account (root ARN) from a variable default, next to a named role
# that passes.
resource "aws_opensearchserverless_access_policy" "analytics" {
  name = "analytics-read"
  type = "data"
  policy = jsonencode([{
    Rules = [{
      ResourceType = "index"
      Resource     = ["index/product-search/*"]
      Permission   = ["aoss:ReadDocument", "aoss:DescribeIndex"]
    }]
    Principal = [
      # expect: GAI-SEC-015
      "arn:aws:iam::${var.trusted_account}:root",
      "arn:aws:iam::111122223333:role/search-reader",
    ]
  }])
}

# Every collection of the account, present and future: collection/* and
# index/*/*, and an index name in every collection (index/*/kb-index), in a
# heredoc. Two entries, three findings.
resource "aws_opensearchserverless_access_policy" "platform" {
  name = "platform-team"
  type = "data"
  # expect: GAI-SEC-015 +6
  # expect: GAI-SEC-015 +11
  # expect: GAI-SEC-015 +21
  policy = <<-EOT
    [
      {
        "Rules": [
          {
            "ResourceType": "collection",
            "Resource": ["collection/*"],
            "Permission": ["aoss:DescribeCollectionItems"]
          },
          {
            "ResourceType": "index",
            "Resource": ["index/*/*"],
            "Permission": ["aoss:ReadDocument"]
          }
        ],
        "Principal": ["arn:aws:iam::111122223333:role/platform-reader"]
      },
      {
        "Rules": [
          {
            "ResourceType": "index",
            "Resource": ["index/*/kb-index"],
            "Permission": ["aoss:WriteDocument"]
          }
        ],
        "Principal": ["arn:aws:iam::111122223333:role/ingest"]
      }
    ]
  EOT
}
