# The default key is overridden with nothing.
# expect-related: GAI-SEC-012
capture_key = ""
