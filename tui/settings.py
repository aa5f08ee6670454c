"""User settings that outlive a run (the theme), in the user config directory."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from zhreader.support import atomic, paths


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.config_dir() / "settings.json"
        try:
            loaded = json.loads(self.path.read_text("utf-8"))
            self._values: dict[str, Any] = loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            self._values = {}

    def get(self, key: str, default: Any = None) -> Any:
        return self._values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        if self._values.get(key) == value:
            return
        self._values[key] = value
        # A setting that cannot be saved is not worth an error.
        with contextlib.suppress(OSError):
            atomic.write_text(self.path, json.dumps(self._values, ensure_ascii=False, indent=1))
