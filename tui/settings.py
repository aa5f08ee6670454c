"""User settings that outlive a run (the theme, the keymap), in the user config directory.

A settings file that cannot be read (a syntax error made while editing it by hand) is
never overwritten: the reader says so once and runs with the defaults, and the file keeps
what the user wrote.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from zhreader.support import atomic, jsonlines, paths


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.config_dir() / "settings.json"
        self.problem: str | None = None  # why the file could not be used, if it could not
        self._values: dict[str, Any] = {}
        try:
            raw = atomic.read_bytes(self.path)
        except FileNotFoundError:
            return
        except OSError as err:
            self.problem = f"cannot read {self.path}: {err.strerror or err}"
            return
        try:
            loaded = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            self.problem = f"{self.path} is not UTF-8 text"
            return
        except json.JSONDecodeError as err:
            self.problem = f"{self.path} is not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})"
            return
        if not isinstance(loaded, dict):
            self.problem = f"{self.path} does not hold a JSON object"
            return
        self._values = loaded

    def get(self, key: str, default: Any = None) -> Any:
        return self._values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        if self._values.get(key) == value:
            return
        self._values[key] = value
        if self.problem is not None:
            return  # never overwrite what the user wrote and we could not read
        # A setting that cannot be saved is not worth an error.
        with contextlib.suppress(OSError):
            atomic.write_text(self.path, jsonlines.dumps(self._values, indent=1))
