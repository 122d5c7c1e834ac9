"""A source kind of many sources is shown in years (issue 13: expanding a kind of 5,000
sources, or opening one of them, laid out every row through the Python model, 100-170 ms of
the UI thread). Driven as the officer does: click a year, Right to expand it, click a source."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from ui_helpers import click_nav

from briefer.ingest.readers import read_text
from briefer.library import sources
from briefer.library.sources import SourceFields
from briefer.ui import navigator_model
from briefer.ui.navigator_model import KeyRole
from briefer.ui.qt import QModelIndex, Qt


def _children(model, parent: QModelIndex) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(r, 0, parent).data(KeyRole) for r in range(model.rowCount(parent))]


def test_a_long_kind_is_shown_in_years_and_its_sources_open(
    window, qtbot, monkeypatch, tmp_path: Path
) -> None:
    store = window.ws.store
    for i, when in enumerate([date(2023, 5, 1), date(2024, 2, 1), date(2024, 9, 9), None]):
        title = f"Joint statement number {i} on digital cooperation"
        doc = read_text(f"{title}\n\nWe discuss semiconductors in item {i}.\n", origin=f"j{i}.txt")
        sources.import_document(store, doc, SourceFields(kind="official", title=title, date=when))
    listing = sources.list_sources(store)
    kind, count = Counter(s.kind for s in listing).most_common(1)[0]
    assert count > 3
    monkeypatch.setattr(navigator_model, "BY_YEAR_ABOVE", 3)
    window.reload()  # the tree again, as for a store of thousands of sources
    model = window.navigator.nav_model
    group = model.index_for_key(f"kind:{kind}")
    # the kind still counts its sources, not its years
    assert group.siblingAtColumn(1).data() == str(count)
    rows = [s for s in listing if s.kind == kind]
    years = sorted({s.date.year for s in rows if s.date}, reverse=True)
    expected = [f"year:{kind}:{y}" for y in years]
    if any(s.date is None for s in rows):
        expected.append(f"year:{kind}:0")
    assert _children(model, group) == expected  # newest first, undated last
    assert sum(model.rowCount(model.index(r, 0, group)) for r in range(len(expected))) == count

    # the officer opens a year and clicks one of its sources: the reader shows it
    newest = rows[0]
    year_key = f"year:{kind}:{newest.date.year if newest.date else 0}"
    window.navigator.expand(model.index_for_key("section:sources"))
    window.navigator.expand(group)
    window.navigator.collapse(model.index_for_key(year_key))
    click_nav(window, qtbot, year_key)
    year = model.index_for_key(year_key)
    qtbot.keyClick(window.navigator, Qt.Key.Key_Right)
    assert window.navigator.isExpanded(year)
    in_year = [s for s in rows if (s.date.year if s.date else 0) == int(year_key.split(":")[2])]
    assert year.siblingAtColumn(1).data() == str(len(in_year))
    assert _children(model, year) == [f"source:{s.id}" for s in in_year]
    window.navigator.setFixedHeight(900)
    window.grab().save(str(tmp_path / "navigator-years.png"))
    click_nav(window, qtbot, f"source:{in_year[-1].id}")
    qtbot.waitUntil(lambda: window.reader.source_id == in_year[-1].id, timeout=10000)
    assert window.stack.currentWidget() is window.reader

    # a source in a closed year (a search hit, a quote's source) opens it
    other = next(
        s for s in reversed(rows) if (s.date.year if s.date else 0) != in_year[0].date.year
    )
    window.navigator.collapse(year)
    assert window.navigator.select_key(f"source:{other.id}")
    qtbot.waitUntil(lambda: window.reader.source_id == other.id, timeout=10000)
    assert window.navigator.current_key() == f"source:{other.id}"
    assert window.navigator.isExpanded(model.index_for_key(f"source:{other.id}").parent())


def test_a_short_kind_lists_its_sources_directly(window) -> None:
    model = window.navigator.nav_model
    for kind in ("industry", "official", "other"):
        group = model.index_for_key(f"kind:{kind}")
        assert all(k.startswith("source:") for k in _children(model, group))
