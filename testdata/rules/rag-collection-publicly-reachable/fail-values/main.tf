# GAI-SEC-014: the collection name comes from terraform.tfvars (the policy
# selects "support-*", the default prefix would not match) and
# AllowFromPublic from a variable default; one network policy per
# environment of a for_each map, only "dev" is public.
locals {
  collection_name = "${var.prefix}-docs"
}

resource "aws_opensearchserverless_collection" "kb" {
  name = local.collection_name
  type = "VECTORSEARCH"
}

resource "aws_opensearchserverless_security_policy" "network" {
  name = "support-net"
  type = "network"
  policy = jsonencode([{
    Rules = [{ ResourceType = "collection", Resource = ["collection/support-*"] }]
    # expect-related: GAI-SEC-014
    AllowFromPublic = var.public_access
  }])
}

resource "aws_bedrockagent_knowledge_base" "docs" {
  name     = "${var.prefix}-kb"
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
      collection_arn    = aws_opensearchserverless_collection.kb.arn
      vector_index_name = "docs-index"
      field_mapping {
        vector_field   = "vector"
        text_field     = "text"
        metadata_field = "metadata"
      }
    }
  }
}

# One collection and network policy per environment: the map value says
# whether the environment is public.
resource "aws_opensearchserverless_collection" "env" {
  for_each = var.environments
  name     = "vectors-${each.key}"
  type     = "VECTORSEARCH"
}

resource "aws_opensearchserverless_security_policy" "env" {
  for_each = var.environments
  name     = "vectors-${each.key}-net"
  type     = "network"
  policy = jsonencode([{
    Rules = [{ ResourceType = "collection", Resource = ["collection/vectors-${each.key}"] }]
    # expect-related: GAI-SEC-014
    AllowFromPublic = each.value
  }])
}

# Only the "dev" instance fails: one finding, not two.
resource "aws_bedrockagent_knowledge_base" "env" {
  for_each = var.environments
  name     = "vectors-${each.key}-kb"
  role_arn = "arn:aws:iam::111122223333:role/vectors-kb-role"
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
      collection_arn    = aws_opensearchserverless_collection.env[each.key].arn
      vector_index_name = "vectors-index"
      field_mapping {
        vector_field   = "vector"
        text_field     = "text"
        metadata_field = "metadata"
      }
    }
  }
}
