"""Adapters to the outside: HTTP clients of the four services."""
