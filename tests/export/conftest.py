"""A hand-built brief that exercises every export path without a store."""

from __future__ import annotations

import pytest
from export_fixtures import brief_view

from briefer.briefs.model import BriefView


@pytest.fixture
def brief() -> BriefView:
    return brief_view()
