variable "name" {
  type = string
}

variable "image" {
  type = string
}

variable "model_data_url" {
  type    = string
  default = null
}

variable "instance_type" {
  type = string
}

variable "instance_count" {
  type    = number
  default = 1
}

variable "execution_role_arn" {
  type = string
}

variable "kms_key_arn" {
  description = "Key for the storage volume; must be null for instance types with local NVMe storage."
  type        = string
  default     = null
}

variable "network_isolation" {
  type    = bool
  default = false
}
