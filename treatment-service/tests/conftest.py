"""Real Kafka and PostgreSQL for the integration tests (idic's devstack)."""

pytest_plugins = ["idic_devstack.pytest_plugin"]
