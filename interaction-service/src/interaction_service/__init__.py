"""interaction-service: the Interact step of I-D-I-C."""
