"""``python -m interaction_service.entrypoints.api``: the HTTP API (and, by default, workers)."""

from idic.entrypoints import serve_api

if __name__ == "__main__":
    serve_api("interaction_service.main:create_app", default_port=8002)
