"""Fixtures of the workflow tests: a reader app on the sample corpus, isolated state."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pilot import make_app
from zhreader.tui.app import ZhreaderApp


@pytest.fixture
def sample_app(sample_dir: Path, sample_store, tmp_path: Path) -> ZhreaderApp:
    return make_app(sample_dir, sample_store, tmp_path)
