variable "region" {
  type    = string
  default = "us-east-1"
}

variable "name" {
  description = "Prefix of every resource name."
  type        = string
  default     = "support-assistant"
}

variable "chat_image" {
  description = "Hugging Face TGI container for the chat model."
  type        = string
  default     = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi2.4.0-gpu-py311-cu124-ubuntu22.04"
}

variable "embedding_image" {
  type    = string
  default = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1.0-transformers4.37.0-cpu-py310-ubuntu22.04"
}

variable "embedding_kms_key_arn" {
  description = "KMS key for the embedding endpoint's storage volume (empty: none)."
  type        = string
  default     = ""
}

variable "fine_tune_max_runtime_seconds" {
  description = "Ceiling of the LoRA fine-tuning step."
  type        = number
  default     = 86400
}
