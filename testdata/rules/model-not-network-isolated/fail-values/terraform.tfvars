# The default (isolated) is turned off for this environment.
# expect-related: GAI-SEC-011
isolate_models = false
