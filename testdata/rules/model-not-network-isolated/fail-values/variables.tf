variable "network_mode" {
  type = string
  # expect-related: GAI-SEC-011
  default = "PUBLIC"
}

variable "isolate_models" {
  type    = bool
  default = true
}

# Per model: whether its container is isolated.
variable "models" {
  type = map(bool)
  default = {
    chat = true
    # expect-related: GAI-SEC-011
    embed = false
  }
}
