"""Anonymous visitor statistics: what is used, for how long, in which language (no Qt here)."""
