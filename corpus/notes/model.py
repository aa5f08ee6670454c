"""A note: a passage of a document (a range of its display text) with tags and a comment.

The passage is remembered three ways, so it can be found again when the document
changes (the W3C/Hypothesis TextQuoteSelector idea): its range, its exact text (the
quote) with about 32 characters of context on each side, and a hash of the whole display
text it was taken from.
"""

from __future__ import annotations

import hashlib
import time
import unicodedata
import uuid
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from zhreader.corpus.errors import NoteError

SCHEMA = 1
CONTEXT = 32
MAX_TAG_CHARS = 40
MAX_COMMENT_CHARS = 10_000
_FORBIDDEN_IN_TAGS = ",，\n\r\t"


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _unusable_in_tag(ch: str) -> bool:
    # Controls, surrogates, line separators and bidi overrides (which would reorder how a
    # tag list reads); format characters such as the emoji joiner U+200D are fine.
    return (
        unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") or "\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069"
    )


def clean_tag(tag: str) -> str:
    """A tag as stored: as written, without surrounding spaces. What a tag cannot hold is
    refused with a reason, never rewritten (two tags differing only in Unicode
    normalisation or inner spacing are two tags, as typed)."""
    tag = tag.strip()
    if not tag:
        raise NoteError("a tag cannot be empty")
    bad = [ch for ch in tag if ch in _FORBIDDEN_IN_TAGS]
    if bad:
        raise NoteError(f"a tag cannot contain {'a comma' if bad[0] in ',，' else 'a line break'}: {tag!r}")
    if any(_unusable_in_tag(ch) for ch in tag):
        raise NoteError(f"a tag cannot contain control characters or line separators: {tag!r}")
    if len(tag) > MAX_TAG_CHARS:
        raise NoteError(f"a tag is at most {MAX_TAG_CHARS} characters: {tag[:MAX_TAG_CHARS]}…")
    return tag


def clean_tags(tags: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    cleaned: list[str] = []
    for tag in tags:
        value = clean_tag(tag)
        if value not in cleaned:
            cleaned.append(value)
    if not cleaned:
        raise NoteError("a note needs at least one tag")
    return tuple(cleaned)


def clean_comment(comment: str) -> str:
    """A comment as stored: exactly as written (any character a user can paste), within
    the length limit, and encodable (no lone surrogates from undecodable input)."""
    if len(comment) > MAX_COMMENT_CHARS:
        raise NoteError(f"a comment is at most {MAX_COMMENT_CHARS:,} characters")
    if any("\ud800" <= ch <= "\udfff" for ch in comment):
        raise NoteError("a comment cannot hold undecodable bytes (lone surrogates)")
    return comment


@dataclass(frozen=True)
class Note:
    id: str
    doc: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    hash: str  # of the display text the range refers to
    block: int
    tags: tuple[str, ...]
    comment: str = ""
    created: str = field(default_factory=now)
    updated: str = field(default_factory=now)
    page: int | None = None  # the source page where the passage starts (paged sources)

    @classmethod
    def create(
        cls,
        doc: str,
        text: str,
        start: int,
        end: int,
        tags: list[str] | tuple[str, ...],
        comment: str = "",
        block: int = 0,
        page: int | None = None,
    ) -> Note:
        """A new note on ``text[start:end]`` of document ``doc``."""
        if end <= start:
            raise NoteError(f"the range {start}-{end} is empty: the end must be greater than the start")
        if not (start >= 0 and end <= len(text)):
            raise NoteError(f"the range {start}-{end} is outside the document (0-{len(text)})")
        stamp = now()
        blank = cls("", doc, 0, 0, "", "", "", "", 0, clean_tags(tags), clean_comment(comment), stamp, stamp)
        return replace(blank.moved_to(text, start, end, block, page), id=uuid.uuid4().hex[:12])

    def moved_to(self, text: str, start: int, end: int, block: int, page: int | None = None) -> Note:
        """The same note re-pinned to where its passage is now."""
        return replace(
            self,
            start=start,
            end=end,
            quote=text[start:end],
            prefix=text[max(0, start - CONTEXT) : start],
            suffix=text[end : end + CONTEXT],
            hash=text_hash(text),
            block=block,
            page=page,
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["tags"] = list(self.tags)
        if self.page is None:
            del data["page"]  # notes on unpaged documents are written as before pages existed
        return {"v": SCHEMA, **data}

    @classmethod
    def from_json(cls, data: Any) -> Note:
        """Raises NoteError when the object is not a valid version-1 note."""
        if not isinstance(data, dict):
            raise NoteError("not a JSON object")
        try:
            note = cls(
                id=_str(data, "id"),
                doc=_str(data, "doc"),
                start=_int(data, "start"),
                end=_int(data, "end"),
                quote=_str(data, "quote"),
                prefix=_str(data, "prefix", ""),
                suffix=_str(data, "suffix", ""),
                hash=_str(data, "hash", ""),
                block=_int(data, "block", 0),
                tags=clean_tags(_list(data, "tags")),
                comment=_str(data, "comment", ""),
                created=_str(data, "created", ""),
                updated=_str(data, "updated", ""),
                page=_page(data),
            )
        except (KeyError, TypeError) as err:
            raise NoteError(f"missing or wrong field {err}") from None
        if not note.id or not note.doc or not 0 <= note.start < note.end:
            raise NoteError("empty id, document or range")
        return note


def _str(data: dict[str, Any], key: str, default: str | None = None) -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise TypeError(key)
    return value


def _int(data: dict[str, Any], key: str, default: int | None = None) -> int:
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(key)
    return value


def _page(data: dict[str, Any]) -> int | None:
    value = data.get("page")
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise TypeError("page")
    return value


def _list(data: dict[str, Any], key: str) -> list[str]:
    value = data[key]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TypeError(key)
    return value
