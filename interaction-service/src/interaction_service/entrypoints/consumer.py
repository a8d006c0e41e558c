"""``python -m interaction_service.entrypoints.consumer``: the event consumers alone."""

from idic.entrypoints import run_workers

from ..config import Settings
from ..main import build_runtime

if __name__ == "__main__":
    run_workers(build_runtime, Settings(), relay=False, consumers=True)
