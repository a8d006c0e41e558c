"""Process entrypoints."""
