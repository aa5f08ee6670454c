"""JSON Lines that survive every tool that reads them.

``json.dumps(…, ensure_ascii=False)`` keeps Chinese readable but writes U+2028, U+2029 and
U+0085 raw, and readers that split lines on them (Python's ``str.splitlines``, many
editors) then cut a record in two; it also writes lone surrogates, which cannot be encoded
as UTF-8, C1 controls, which some terminals obey, and bidirectional overrides, which make
a terminal draw what follows reordered (a file name reading as another). These are
escaped (``\\u2028``):
the line is still JSON and reads back as exactly the same string.
"""

from __future__ import annotations

import json
import re
from typing import Any

_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def dumps(value: Any, *, ascii_only: bool = False, indent: int | None = None) -> str:
    """JSON with readable Chinese (unless ``ascii_only``) and nothing a line reader or a
    terminal trips on; one line unless ``indent`` is given."""
    text = json.dumps(value, ensure_ascii=ascii_only, indent=indent)
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
