# One entry per corpus: whether its bucket restricts public bucket policies.
variable "corpora" {
  type = map(bool)
  default = {
    # expect-related: GAI-SEC-016
    raw     = false
    curated = true
  }
}

variable "block_public_acls" {
  type = bool
  # expect-related: GAI-SEC-016
  default = false
}

variable "block_public_policy" {
  type    = bool
  default = true
}

variable "sse_algorithm" {
  type    = string
  default = "aws:kms"
}
