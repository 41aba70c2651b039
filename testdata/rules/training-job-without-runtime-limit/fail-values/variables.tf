variable "embed_runtime" {
  type = number
  # expect-related: GAI-COST-001
  default = 604800
}

variable "tune_runtime" {
  type    = number
  default = 3600
}

# One training job per entry, each with its own limit.
variable "jobs" {
  type = map(number)
  default = {
    small = 3600
    # expect-related: GAI-COST-001
    large = 345600
  }
}
