"""Use cases that combine several services (the 360 view, export)."""
