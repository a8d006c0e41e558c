"""Column types of scoring-service (migrations refer to them by this path)."""

from idic.db import ExactDecimal

__all__ = ["ExactDecimal"]
