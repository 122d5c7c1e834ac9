"""A quote card credits every organisation of a joint paper, as the export's citation does."""

from __future__ import annotations

from briefer.briefs import service
from briefer.export.citation import source_label
from briefer.ui.qt import QListView, Qt


def test_card_credits_all_organisations_of_a_joint_paper(window, drafted, qtbot) -> None:  # type: ignore[no-untyped-def]
    brief = service.get_brief(window.ws.store, drafted)
    joint = [q for s in brief.sections for q in s.industry if len(q.source.organisations) > 1]
    assert joint, "the drafted brief quotes a paper with several organisations"
    widget = next(
        w
        for w in window.editor.section_widgets()
        if any(q.id == joint[0].id for q in w.views["industry"].model().quotes())
    )
    view = widget.findChild(QListView, "industryQuotes")
    model = view.model()
    row = model.row_of(joint[0].id)
    orgs = joint[0].source.organisations
    # every author, in the order the export gives them (the card paints this citation line)
    assert source_label(joint[0].source).startswith(", ".join(orgs))
    tip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert ", ".join(orgs) in tip
    assert not view.grab().isNull()
