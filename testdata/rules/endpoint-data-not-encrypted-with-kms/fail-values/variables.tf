variable "volume_key" {
  type = string
  # expect-related: GAI-SEC-012
  default = ""
}

variable "capture_key" {
  type    = string
  default = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

# One instance per entry: ml.m5 is EBS-backed (needs a key), ml.g5 has
# local NVMe storage (takes none).
variable "instance_types" {
  type = map(string)
  default = {
    general = "ml.m5.large"
    gpu     = "ml.g5.xlarge"
  }
}
