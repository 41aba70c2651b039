# The tuning jobs of this environment may run for two days.
# expect-related: GAI-COST-001
tune_runtime = 172800
