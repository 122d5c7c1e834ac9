"""The navigator with a large library: a brief edit replaces the briefs, not the whole tree."""

from __future__ import annotations

from briefer.library import sources


def test_a_brief_edit_updates_only_the_briefs(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = window.navigator.nav_model
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    listing = sources.list_sources(window.ws.store)
    brief_id = window.new_brief("EU–Japan Digital Partnership Council")
    assert brief_id is not None
    assert window.navigator.current_key() == f"brief:{brief_id}"
    assert model.index_for_key(f"brief:{brief_id}").isValid()
    assert window.rename_brief(brief_id, "Fourth Digital Partnership Council")
    idx = model.index_for_key(f"brief:{brief_id}")
    assert idx.data() == "Fourth Digital Partnership Council"
    assert resets == []  # sources and topics were left as they were
    assert all(model.index_for_key(f"source:{s.id}").isValid() for s in listing)
    briefs = model.index_for_key("section:briefs")
    assert briefs.siblingAtColumn(1).data() == "1"
    assert window.delete_brief(brief_id, confirm=False)
    assert not model.index_for_key(f"brief:{brief_id}").isValid()
    assert window.navigator.nav_model.rowCount(briefs) == 0
