# GAI-SEC-014: a local module makes the collection and its network policy;
# the caller asks for public access. The knowledge base reads the collection
# ARN from the module's output; the related locations are inside the module.
module "vector_store" {
  source = "./vector-store"
  name   = "kb-support"
  # expect-related: GAI-SEC-014
  allow_public = true
}

resource "aws_bedrockagent_knowledge_base" "support" {
  name     = "support-kb"
  role_arn = "arn:aws:iam::111122223333:role/support-kb-role"
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
      collection_arn    = module.vector_store.collection_arn
      vector_index_name = "support-index"
      field_mapping {
        vector_field   = "vector"
        text_field     = "text"
        metadata_field = "metadata"
      }
    }
  }
}
