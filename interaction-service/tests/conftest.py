"""Real infrastructure for the integration tests: Kafka and PostgreSQL from idic_devstack."""

pytest_plugins = ["idic_devstack.pytest_plugin"]
