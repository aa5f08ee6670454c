"""Tables in the reader: cells break like body text, and a table too wide is stacked."""

from __future__ import annotations

import re

import pytest
from rich.console import Console
from rich.style import Style
from rich.text import Text

from zhreader.corpus import Document
from zhreader.corpus.loader import document_from_bytes
from zhreader.support.cells import cells
from zhreader.tui.linebreak import NO_LINE_START
from zhreader.tui.widgets.reader_table import render_table

CONSOLE = Console(width=200, color_system=None)


@pytest.fixture(scope="module")
def plan(sample_dir) -> tuple[Document, int]:
    path = next(sample_dir.glob("003_*.txt"))
    document, _encoding = document_from_bytes(path.name, path.read_bytes())
    block = next(i for i, b in enumerate(document.blocks) if b.kind.value == "table")
    return document, block


def drawn(document: Document, block: int, width: int) -> list[str]:
    lines = render_table(document, block, width, lambda cell, offset: Text(cell), Style(), CONSOLE)
    return ["".join(segment.text for segment in line).rstrip() for line in lines]


@pytest.mark.parametrize("width", [120, 71, 46, 34, 20])
def test_no_cell_line_starts_with_a_closer_and_numbers_stay_whole(plan, width: int) -> None:
    document, block = plan
    lines = drawn(document, block, width)
    assert all(cells(line) <= width for line in lines)
    source = document.block_text(block)
    numbers = set(re.findall(r"\d+(?:\.\d+)?", source))
    whole = {cell.strip() for cell in re.split(r"[\t\n]", source) if cell.strip()}
    for line in lines:
        for piece in (piece.strip() for piece in re.split(r"\s{2,}|：", line) if piece.strip()):
            starts_a_cell = any(cell.startswith(piece) or piece.startswith(cell) for cell in whole)
            assert starts_a_cell or piece[0] not in NO_LINE_START, line
        for number in re.findall(r"\d+(?:\.\d+)?", line):
            assert number in numbers, f"{number!r} is a piece of a number: {line!r}"


@pytest.mark.parametrize("width", [46, 34, 20])
def test_a_table_too_wide_for_the_pane_is_stacked_row_by_row(plan, width: int) -> None:
    document, block = plan
    lines = drawn(document, block, width)
    text = "\n".join(lines)
    assert "  单 位：%" in lines and "  属 性：约束性" in lines
    flat = re.sub(r"\s", "", text)
    for row in document.block_text(block).split("\n"):
        for cell in row.split("\t"):
            assert re.sub(r"\s", "", cell) in flat  # nothing of the table is lost


def test_a_table_that_fits_keeps_its_columns(plan) -> None:
    document, block = plan
    lines = drawn(document, block, 120)
    assert any(re.search(r"单 位\s+2020年\s+2025年", line) for line in lines)
