"""Test and benchmark support shipped with the package (synthetic data with known truth)."""
