# Retrieval-augmented generation: documentation bucket -> Bedrock knowledge
# base -> OpenSearch Serverless vector collection, a guardrail, and two agents.

locals {
  collection_name = "${var.name}-kb"
  embedding_model = "arn:${data.aws_partition.current.partition}:bedrock:${var.region}::foundation-model/amazon.titan-embed-text-v2:0"
  agent_model     = "anthropic.claude-3-5-sonnet-20240620-v1:0"
}

resource "aws_kms_key" "kb" {
  description         = "${var.name} knowledge base documents"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "docs" {
  bucket = "${var.name}-kb-docs"
}

resource "aws_s3_bucket_public_access_block" "docs" {
  bucket                  = aws_s3_bucket.docs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "docs" {
  bucket = aws_s3_bucket.docs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.kb.arn
    }
  }
}

resource "aws_opensearchserverless_security_policy" "encryption" {
  name = "${var.name}-kb-enc"
  type = "encryption"
  policy = jsonencode({
    Rules = [{
      ResourceType = "collection"
      Resource     = ["collection/${local.collection_name}"]
    }]
    AWSOwnedKey = true
  })
}

# "Only for the pilot": the collection endpoint and Dashboards are open to
# the internet.
resource "aws_opensearchserverless_security_policy" "network" {
  name = "${var.name}-kb-net"
  type = "network"
  policy = jsonencode([{
    Rules = [
      { ResourceType = "collection", Resource = ["collection/${local.collection_name}"] },
      { ResourceType = "dashboard", Resource = ["collection/${local.collection_name}"] },
    ]
    AllowFromPublic = true
  }])
}

resource "aws_opensearchserverless_access_policy" "data" {
  name = "${var.name}-kb-data"
  type = "data"
  policy = jsonencode([{
    Rules = [
      {
        ResourceType = "index"
        Resource     = ["index/${local.collection_name}/*"]
        Permission   = ["aoss:CreateIndex", "aoss:DescribeIndex", "aoss:ReadDocument", "aoss:WriteDocument", "aoss:UpdateIndex"]
      },
      {
        ResourceType = "collection"
        Resource     = ["collection/${local.collection_name}"]
        Permission   = ["aoss:DescribeCollectionItems"]
      },
    ]
    Principal = [aws_iam_role.kb.arn]
  }])
}

resource "aws_opensearchserverless_collection" "kb" {
  name = local.collection_name
  type = "VECTORSEARCH"
  depends_on = [
    aws_opensearchserverless_security_policy.encryption,
    aws_opensearchserverless_security_policy.network,
  ]
}

data "aws_iam_policy_document" "bedrock_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["bedrock.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${data.aws_partition.current.partition}:bedrock:${var.region}:${data.aws_caller_identity.current.account_id}:*"]
    }
  }
}

resource "aws_iam_role" "kb" {
  name               = "${var.name}-kb"
  assume_role_policy = data.aws_iam_policy_document.bedrock_trust.json
}

data "aws_iam_policy_document" "kb" {
  statement {
    actions   = ["bedrock:InvokeModel"]
    resources = [local.embedding_model]
  }
  statement {
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = [aws_s3_bucket.docs.arn, "${aws_s3_bucket.docs.arn}/*"]
  }
  statement {
    actions   = ["aoss:APIAccessAll"]
    resources = [aws_opensearchserverless_collection.kb.arn]
  }
  statement {
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.kb.arn]
  }
}

resource "aws_iam_role_policy" "kb" {
  role   = aws_iam_role.kb.id
  name   = "knowledge-base"
  policy = data.aws_iam_policy_document.kb.json
}

resource "aws_bedrockagent_knowledge_base" "docs" {
  name     = "${var.name}-docs"
  role_arn = aws_iam_role.kb.arn
  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = local.embedding_model
    }
  }
  storage_configuration {
    type = "OPENSEARCH_SERVERLESS"
    opensearch_serverless_configuration {
      collection_arn    = aws_opensearchserverless_collection.kb.arn
      vector_index_name = "bedrock-kb-index"
      field_mapping {
        vector_field   = "embedding"
        text_field     = "text"
        metadata_field = "metadata"
      }
    }
  }
}

resource "aws_bedrockagent_data_source" "docs" {
  name              = "${var.name}-docs"
  knowledge_base_id = aws_bedrockagent_knowledge_base.docs.id
  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn = aws_s3_bucket.docs.arn
    }
  }
}

resource "aws_bedrock_guardrail" "support" {
  name                      = "${var.name}-support"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't answer that."
  content_policy_config {
    filters_config {
      type            = "PROMPT_ATTACK"
      input_strength  = "HIGH"
      output_strength = "NONE"
    }
    filters_config {
      type            = "HATE"
      input_strength  = "HIGH"
      output_strength = "HIGH"
    }
  }
  sensitive_information_policy_config {
    pii_entities_config {
      type   = "EMAIL"
      action = "ANONYMIZE"
    }
  }
}

resource "aws_bedrock_guardrail_version" "support" {
  guardrail_arn = aws_bedrock_guardrail.support.guardrail_arn
  description   = "reviewed 2026-11"
}

data "aws_iam_policy_document" "agent" {
  statement {
    actions   = ["bedrock:InvokeModel"]
    resources = ["arn:${data.aws_partition.current.partition}:bedrock:${var.region}::foundation-model/${local.agent_model}"]
  }
  statement {
    actions   = ["bedrock:Retrieve"]
    resources = [aws_bedrockagent_knowledge_base.docs.arn]
  }
  statement {
    actions   = ["bedrock:ApplyGuardrail"]
    resources = [aws_bedrock_guardrail.support.guardrail_arn]
  }
}

resource "aws_iam_role" "agent" {
  name               = "${var.name}-agent"
  assume_role_policy = data.aws_iam_policy_document.bedrock_trust.json
}

resource "aws_iam_role_policy" "agent" {
  role   = aws_iam_role.agent.id
  name   = "agent"
  policy = data.aws_iam_policy_document.agent.json
}

resource "aws_bedrockagent_agent" "support" {
  agent_name              = "${var.name}-support"
  agent_resource_role_arn = aws_iam_role.agent.arn
  foundation_model        = local.agent_model
  instruction             = "You answer customer questions about our product from the documentation knowledge base. Decline anything else."
  guardrail_configuration {
    guardrail_identifier = aws_bedrock_guardrail.support.guardrail_id
    guardrail_version    = aws_bedrock_guardrail_version.support.version
  }
}

# "It is internal only": no guardrail.
resource "aws_bedrockagent_agent" "internal_tools" {
  agent_name              = "${var.name}-internal-tools"
  agent_resource_role_arn = aws_iam_role.agent.arn
  foundation_model        = local.agent_model
  instruction             = "You help support engineers look up product documentation and summarise long customer threads."
}

resource "aws_bedrockagent_agent_knowledge_base_association" "support" {
  agent_id             = aws_bedrockagent_agent.support.agent_id
  knowledge_base_id    = aws_bedrockagent_knowledge_base.docs.id
  description          = "Product documentation"
  knowledge_base_state = "ENABLED"
}
