# Switched off "for the migration".
# expect-related: GAI-SEC-016
block_public_policy = false
