"""Where the tests find things: the repository, and the shared corpora
(``$ZHREADER_CORPORA``, else ``../shared/corpora`` beside the repository)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def corpora_root() -> Path | None:
    configured = os.environ.get("ZHREADER_CORPORA")
    candidate = Path(configured) if configured else REPO.parent / "shared" / "corpora"
    return candidate if (candidate / "peoples-daily-1998-01").is_dir() else None
