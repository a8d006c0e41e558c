"""Public routes, one module per I-D-I-C area, plus operations."""
