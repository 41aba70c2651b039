variable "endpoints" {
  type = map(object({ min = number, max = number }))
  default = {
    chat = { min = 1, max = 4 }
    # expect-related: GAI-REL-002
    embed = { min = 2, max = 2 }
  }
}
