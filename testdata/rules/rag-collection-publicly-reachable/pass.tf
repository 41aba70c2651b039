# GAI-SEC-014 on Terraform: the knowledge base's collection is reachable
# only through a VPC endpoint and from Amazon Bedrock.

variable "vpc_id" {
  type    = string
  default = "vpc-0123456789abcdef0"
}

variable "subnet_ids" {
  type    = list(string)
  default = ["subnet-0123456789abcdef0"]
}

resource "aws_opensearchserverless_collection" "kb_docs" {
  name = "kb-docs"
  type = "VECTORSEARCH"
}

resource "aws_opensearchserverless_vpc_endpoint" "kb" {
  name       = "kb-docs-vpce"
  vpc_id     = var.vpc_id
  subnet_ids = var.subnet_ids
}

# Private: the VPC endpoint (its ID is known after apply) and the Bedrock
# service only.
resource "aws_opensearchserverless_security_policy" "kb_docs_network" {
  name = "kb-docs-network"
  type = "network"
  policy = jsonencode([{
    Rules = [
      { ResourceType = "collection", Resource = ["collection/${aws_opensearchserverless_collection.kb_docs.name}"] },
    ]
    AllowFromPublic = false
    SourceVPCEs     = [aws_opensearchserverless_vpc_endpoint.kb.id]
    SourceServices  = ["bedrock.amazonaws.com"]
  }])
}

# A private rule set for other collections; it selects no collection of this
# configuration, so it is checked alone.
resource "aws_opensearchserverless_security_policy" "analytics_network" {
  name   = "analytics-network"
  type   = "network"
  policy = "[{\"Rules\":[{\"ResourceType\":\"collection\",\"Resource\":[\"collection/analytics-*\"]}],\"AllowFromPublic\":false,\"SourceVPCEs\":[\"vpce-0123456789abcdef0\"]}]"
}

# Encryption settings are not network access.
resource "aws_opensearchserverless_security_policy" "kb_docs_encryption" {
  name = "kb-docs-encryption"
  type = "encryption"
  policy = jsonencode({
    Rules       = [{ ResourceType = "collection", Resource = ["collection/kb-*"] }]
    AWSOwnedKey = true
  })
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

# A knowledge base on Aurora: no collection, nothing to check.
resource "aws_bedrockagent_knowledge_base" "rds" {
  name     = "rds-kb"
  role_arn = "arn:aws:iam::111122223333:role/rds-kb-role"
  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"
    }
  }
  storage_configuration {
    type = "RDS"
    rds_configuration {
      resource_arn           = "arn:aws:rds:us-east-1:111122223333:cluster:kb-cluster"
      credentials_secret_arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:kb-creds"
      database_name          = "kb"
      table_name             = "chunks"
      field_mapping {
        primary_key_field = "id"
        vector_field      = "embedding"
        text_field        = "chunk"
        metadata_field    = "metadata"
      }
    }
  }
}

# A public collection without `type`: it defaults to TIMESERIES in
# Terraform, a log store, not a GenAI vector store.
resource "aws_opensearchserverless_collection" "logs" {
  name = "app-logs"
}

resource "aws_opensearchserverless_security_policy" "logs_network" {
  name = "app-logs-network"
  type = "network"
  policy = jsonencode([{
    Rules           = [{ ResourceType = "collection", Resource = ["collection/app-logs"] }]
    AllowFromPublic = true
  }])
}
