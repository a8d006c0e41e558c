"""treatment-service: Customize (next-best-actions, real-time treatments)."""
