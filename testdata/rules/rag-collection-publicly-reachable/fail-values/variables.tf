variable "prefix" {
  type    = string
  default = "kb"
}

variable "public_access" {
  type = bool
  # expect-related: GAI-SEC-014
  default = true
}

variable "environments" {
  type = map(bool)
  default = {
    # expect-related: GAI-SEC-014
    dev  = true
    prod = false
  }
}
