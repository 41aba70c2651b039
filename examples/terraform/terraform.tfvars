name = "support-assistant"

# The LoRA run "needs" three days: this is what the GAI-COST-001 finding
# points back to.
fine_tune_max_runtime_seconds = 259200
