"""Pure logic: identifier references, access policy."""
