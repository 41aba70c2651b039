prefix = "support"
