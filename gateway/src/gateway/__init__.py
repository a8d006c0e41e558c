"""gateway: the single public entry of the I-D-I-C suite."""
