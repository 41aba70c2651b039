# GAI-SEC-012: the empty key is a module argument; the finding is inside the
# module, under the full module address.
module "serving" {
  source = "./serving"
  name   = "chat"
  # expect-related: GAI-SEC-012
  kms_key = ""
}
