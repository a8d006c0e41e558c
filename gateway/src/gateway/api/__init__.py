"""HTTP layer: public schemas, security, routes."""
