"""identity-service: the Identify step of I-D-I-C."""
