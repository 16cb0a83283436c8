"""Questions: the bank, the planner that picks from it, and the linter that reviews them."""
