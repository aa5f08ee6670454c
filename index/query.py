"""The query language of the search box.

* ``人才 政策``: both must occur (space-separated terms are ANDed)
* ``"数据 中心"``: a phrase, spaces included (whitespace matches any run of spaces)
* ``-北京``: documents containing 北京 are left out
* ``呼和浩特 OR 包头``: either (OR binds tighter than the implicit AND)
* ``title:规划``, ``title:"发展 目标"``: the term must occur in the title
* ``tag:人才政策``: passages tagged 人才政策 (alone: the passages themselves; with other
  terms: those terms, found inside such passages)
* ``=發展``: the term in exactly this script (traditional here); without ``=``, simplified
  and traditional forms find each other (``发展`` finds ``發展``). ``title:=…``, ``-=…``
  and ``="…"`` combine as expected.

Every term is a literal: it matches wherever it occurs, inside words too, ignoring
full-width/half-width forms, Latin case and (unless asked for) the script. Chinese input
methods type full-width operators, so ＂ － ： ＝ are accepted for " - : =. Nothing here raises for a strange query
except ``QueryError`` with a one-line message; anything repairable is repaired and
reported in ``notices``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from zhreader.index.errors import QueryError

MAX_QUERY_CHARS = 10_000
FIELDS = frozenset({"title", "tag"})
_QUOTES = '"＂'
_MINUS = "-－"
_COLONS = ":："
_EXACT = "=＝"


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    field: str | None = None  # None: the document's text; "title"; "tag" (the notes)
    phrase: bool = False
    exact_script: bool = False  # match only this script (no simplified/traditional folding)


@dataclass(frozen=True)
class Query:
    raw: str
    groups: tuple[tuple[Term, ...], ...] = ()  # AND of ORs
    excluded: tuple[Term, ...] = ()
    notices: tuple[str, ...] = field(default=())

    @property
    def terms(self) -> tuple[Term, ...]:
        return tuple(term for group in self.groups for term in group)


@dataclass(slots=True)
class _Token:
    text: str
    field: str | None
    phrase: bool
    negated: bool
    is_or: bool = False
    exact_script: bool = False


def _strip_controls(raw: str, notices: list[str]) -> str:
    # Controls and lone surrogates only: format characters such as the emoji joiner U+200D
    # belong to what was typed (a tag may hold one); the fold drops the invisible ones.
    cleaned = "".join(ch for ch in raw if unicodedata.category(ch) not in ("Cc", "Cs") or ch in "\t\n")
    if cleaned != raw:
        notices.append("ignored control characters in the query")
    return cleaned


def _field_prefix(text: str, pos: int) -> tuple[str | None, int]:
    for name in FIELDS:
        end = pos + len(name)
        if text[pos:end].lower() == name and end < len(text) and text[end] in _COLONS:
            return name, end + 1
    return None, pos


def _tokens(text: str, notices: list[str]) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = False
        if text[i] in _MINUS:
            if i + 1 >= n or text[i + 1].isspace():
                notices.append("ignored a lone '-' (write -word to leave documents with that word out)")
                i += 1
                continue
            negated = True
            i += 1
        name, i = _field_prefix(text, i)
        exact = i < n and text[i] in _EXACT and i + 1 < n and not text[i + 1].isspace()
        if exact:
            i += 1
        body_start = i
        if i < n and text[i] in _QUOTES:
            close = next((j for j in range(i + 1, n) if text[j] in _QUOTES), -1)
            if close == -1:
                notices.append("closed an unbalanced quote at the end of the query")
                close = n
            body = " ".join(text[i + 1 : close].split())
            i = close + 1
            if not body:
                notices.append("ignored an empty phrase")
                continue
            tokens.append(_Token(body, name, True, negated, exact_script=exact))
            continue
        while i < n and not text[i].isspace():
            i += 1
        body = text[body_start:i]
        if not negated and name is None and body in ("OR", "ＯＲ", "|"):
            tokens.append(_Token(body, None, False, False, is_or=True))
            continue
        if not body:
            notices.append(f"ignored '{name}:' with nothing after it")
            continue
        tokens.append(_Token(body, name, False, negated, exact_script=exact))
    return tokens


def parse(raw: str, *, exact_script: bool = False) -> Query:
    """``exact_script``: every term matches only its own script, as if written ``=term``."""
    notices: list[str] = []
    if len(raw) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long ({len(raw):,} characters; the limit is {MAX_QUERY_CHARS:,})")
    text = _strip_controls(raw, notices)
    tokens = _tokens(text, notices)

    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    for index, token in enumerate(tokens):
        if token.is_or:
            previous_is_term = index > 0 and not tokens[index - 1].is_or and not tokens[index - 1].negated
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if previous_is_term and following is not None and not following.is_or:
                if following.negated:
                    notices.append("OR cannot join an excluded term; it was read as AND")
                else:
                    join_next = True
            else:
                notices.append("ignored an OR that had no term on one side")
            continue
        term = Term(token.text, token.field, token.phrase, token.exact_script or exact_script)
        if token.negated:
            excluded.append(term)
        elif join_next and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False

    if not groups and not excluded:
        raise QueryError(
            "nothing to search for" if not text.strip() else "the query has only operators and no words to search for"
        )
    return Query(raw, tuple(tuple(group) for group in groups), tuple(excluded), tuple(notices))


def only_tags(raw: str) -> list[str] | None:
    """The tags of a query made only of ``tag:`` terms (whose passages are then what it
    names), else None."""
    parsed = parse(raw)
    terms = parsed.terms
    if parsed.excluded or len(parsed.groups) != 1 or not all(term.field == "tag" for term in terms):
        return None
    return [term.text for term in terms]
