"""scoring-service: the Differentiate step of I-D-I-C."""
