"""``python -m scoring_service.entrypoints.redrive [--group G] [--apply] [--limit N]``: list the events this
service's consumer groups dead-lettered, or apply them again after a fix (``idic.redrive``)."""

from idic.entrypoints import run_redrive

from ..config import Settings
from ..main import build_runtime

if __name__ == "__main__":
    run_redrive(build_runtime, Settings())
