"""A source imported again as a new version of another: every view counts the newest version
only, the navigator lists it once, and the reader's version chip opens the earlier one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ui_helpers import click_nav

from briefer import cli
from briefer.briefs.coverage import coverage
from briefer.library import sources
from briefer.ui.qt import QApplication, QMenu, Qt, QTimer
from briefer.ui.topic_board_model import RowRole


@pytest.fixture
def versioned(store_path: Path, make_store, tmp_path: Path) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """The seed store with the joint industry letter imported again as its new version."""
    store = make_store(store_path)
    try:
        old = next(s for s in sources.list_sources(store) if s.kind == "industry")
        text = sources.get_source(store, old.id).text
        revised = tmp_path / "joint-letter-v2.txt"
        # the second version drops its last paragraphs: its counts differ from the first's
        revised.write_text(text[: int(len(text) * 0.6)], encoding="utf-8")
        new = sources.import_new_version(store, revised, old.id)
    finally:
        store.close()
    return {"old": old.id, "new": new.id}


def _nav_counts(window) -> dict[int, tuple[int, int]]:  # type: ignore[no-untyped-def]
    model = window.navigator.nav_model
    out = {}
    for t in window.loader.topics:
        cell = model.index_for_key(f"topic:{t.id}").siblingAtColumn(1).data()
        industry, official = (int(n) for n in cell.split(" · "))
        out[t.id] = (industry, official)
    return out


def test_every_count_goes_by_the_newest_version(versioned, window, qtbot, capsys) -> None:  # type: ignore[no-untyped-def]
    store = window.ws.store
    with qtbot.waitSignal(window.topic_counts_loaded, timeout=20_000):
        window.reload()
    model = window.navigator.nav_model
    # listed once: the newest version, and the kind's count says so
    assert model.index_for_key(f"source:{versioned['new']}").isValid()
    assert not model.index_for_key(f"source:{versioned['old']}").isValid()
    cov = coverage(store)
    industry_columns = [s for s in cov.sources if s.kind == "industry"]
    assert [s.id for s in industry_columns] == [versioned["new"]]
    kind_count = model.index_for_key("kind:industry").siblingAtColumn(1).data()
    assert int(kind_count) == len(industry_columns)

    # the navigator's topic counts are the coverage rows' sums and the CLI's `topics`
    nav = _nav_counts(window)
    code = cli.main(["--store", store.label, "topics", "--json"])
    listed = {t["id"]: t for t in json.loads(capsys.readouterr().out)}
    assert code == 0
    for i, topic in enumerate(cov.topics):
        sums = {"industry": 0, "official": 0}
        for src, n in zip(cov.sources, cov.counts[i], strict=True):
            if src.kind in sums:
                sums[src.kind] += n
        assert nav[topic.id] == (sums["industry"], sums["official"]), topic.name
        assert (listed[topic.id]["industry"], listed[topic.id]["official"]) == nav[topic.id]
    # and the topic board opened from the navigator shows that many
    topic_id = max(nav, key=lambda t: nav[t][0])
    click_nav(window, qtbot, f"topic:{topic_id}")
    board = window.board
    qtbot.waitUntil(lambda: board.topic is not None and not board.is_loading(), timeout=10_000)
    assert board.models["industry"].total() == nav[topic_id][0]
    column = board.models["industry"]
    shown = {column.index(r, 0).data(RowRole).source.id for r in range(column.rowCount())}
    assert shown == {versioned["new"]}  # passages of the newest version only

    # the reader: the newest version says so, and its chip opens the earlier one
    click_nav(window, qtbot, f"source:{versioned['new']}")
    reader = window.reader
    qtbot.waitUntil(lambda: reader.source_id == versioned["new"] and not reader.is_reading)
    chip = reader.version_chip
    assert chip.isVisible() and chip.text() == "Version 2 of 2"

    def pick_first() -> None:
        menu = reader.findChild(QMenu, "versionMenu")
        first = menu.actions()[0]
        assert first.text().startswith("Version 1:")
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(first).center())

    QTimer.singleShot(300, pick_first)
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reader.source_id == versioned["old"] and not reader.is_reading)
    QApplication.processEvents()
    assert chip.text() == "Version 1 of 2: a newer one exists"
    assert window.stack.currentWidget() is reader
