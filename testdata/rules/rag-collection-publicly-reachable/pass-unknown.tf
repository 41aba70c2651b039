# GAI-SEC-014 on Terraform: what the check rests on is only known at apply
# time or lives outside the scan, so nothing is reported; with
# --report-unknown each is an Unknown verdict on the resource.

variable "network_policy" {
  type        = string
  description = "Network policy JSON supplied by the platform team (no default)."
}

variable "shared_collection_arn" {
  type        = string
  description = "Collection of the shared RAG platform (no default)."
}

# 1. The collection's only network policy is a variable without a value: it
# may or may not select the collection and allow public access.
resource "aws_opensearchserverless_collection" "kb_docs" {
  name = "kb-docs"
  type = "VECTORSEARCH"
}

# (Checked alone, the policy is Unknown too: it may select no collection of
# this configuration and be public.)
# expect-unknown: GAI-SEC-014
resource "aws_opensearchserverless_security_policy" "kb_docs_network" {
  name   = "kb-docs-network"
  type   = "network"
  policy = var.network_policy
}

# expect-unknown: GAI-SEC-014
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

# 2. The collection ARN is a variable without a value.
# expect-unknown: GAI-SEC-014
resource "aws_bedrockagent_knowledge_base" "shared" {
  name     = "shared-kb"
  role_arn = "arn:aws:iam::111122223333:role/shared-kb-role"
  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"
    }
  }
  storage_configuration {
    type = "OPENSEARCH_SERVERLESS"
    opensearch_serverless_configuration {
      collection_arn    = var.shared_collection_arn
      vector_index_name = "shared-index"
      field_mapping {
        vector_field   = "vector"
        text_field     = "text"
        metadata_field = "metadata"
      }
    }
  }
}

# 3. The collection is not in the scan: a literal ARN of another
# configuration's collection, and the output of a registry module that is
# not installed.
# expect-unknown: GAI-SEC-014
resource "aws_bedrockagent_knowledge_base" "external" {
  name     = "external-kb"
  role_arn = "arn:aws:iam::111122223333:role/external-kb-role"
  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"
    }
  }
  storage_configuration {
    type = "OPENSEARCH_SERVERLESS"
    opensearch_serverless_configuration {
      collection_arn    = "arn:aws:aoss:us-east-1:111122223333:collection/abcdef0123456789abcd"
      vector_index_name = "external-index"
      field_mapping {
        vector_field   = "vector"
        text_field     = "text"
        metadata_field = "metadata"
      }
    }
  }
}

module "vector_store" {
  source  = "terraform-aws-modules/opensearch/aws//modules/collection"
  version = "~> 1.0"
  name    = "kb-platform"
  type    = "VECTORSEARCH"
}

# expect-unknown: GAI-SEC-014
resource "aws_bedrockagent_knowledge_base" "platform" {
  name     = "platform-kb"
  role_arn = "arn:aws:iam::111122223333:role/platform-kb-role"
  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"
    }
  }
  storage_configuration {
    type = "OPENSEARCH_SERVERLESS"
    opensearch_serverless_configuration {
      collection_arn    = module.vector_store.arn
      vector_index_name = "platform-index"
      field_mapping {
        vector_field   = "vector"
        text_field     = "text"
        metadata_field = "metadata"
      }
    }
  }
}
