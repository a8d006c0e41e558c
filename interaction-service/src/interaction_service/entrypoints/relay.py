"""``python -m interaction_service.entrypoints.relay``: the outbox relay alone."""

from idic.entrypoints import run_workers

from ..config import Settings
from ..main import build_runtime

if __name__ == "__main__":
    run_workers(build_runtime, Settings(), relay=True, consumers=False)
