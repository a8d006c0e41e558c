pytest_plugins = ["idic_devstack.pytest_plugin"]
