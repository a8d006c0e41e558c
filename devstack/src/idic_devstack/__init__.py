"""Local infrastructure for development and tests: Kafka, PostgreSQL, the service supervisor,
and the test support every suite shares (a bounded wait, synthetic data). Imports no service."""
