"""Screenshots of the window on a seeded temporary store, offscreen, in English and Japanese
at 1600×1000 and at 1024×640 (a common laptop window).

python -m briefer.ui.screenshots docs/screenshots       # every set, into en-1600x1000/ ...
python -m briefer.ui.screenshots /tmp/shots 1024x640 ja # one set
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefer.ui.main_window import MainWindow

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _settle(app: object, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()  # type: ignore[attr-defined]


def _brief_editor(window: MainWindow, store: object, app: object) -> None:
    """A drafted brief with three sections; one suggestion left to review."""
    from datetime import date

    from briefer.briefs import operations as ops
    from briefer.briefs import service
    from briefer.library import topics
    from briefer.ui.brief_commands import perform
    from briefer.ui.workers import write_pool

    w = window
    brief_id = w.new_brief("EU–Japan Digital Partnership Council, 3rd meeting")
    assert brief_id is not None
    fields = {
        "meeting_date": date(2025, 5, 12),
        "venue": "Tokyo, Iikura House",
        "author": "A. Officer",
        "organisation": "Digital Policy Unit",
        "marking": "OFFICIAL-SENSITIVE",
        "objectives": "Secure a joint line on AI governance and a work plan on semiconductors "
        "supply chains; hear Japan on data flows.",
        "scene_setter": "Third Council since the Partnership was launched. Industry has asked "
        "for regulatory alignment on AI and for early warning on chip shortages.",
    }
    perform(w.ws, ops.UpdateBriefFields(brief_id, fields))
    ids = {t.name: t.id for t in topics.list_topics(store)}  # type: ignore[arg-type]
    names = ("Artificial intelligence", "Semiconductors", "Data flows and data governance")
    dialog = w.open_draft()
    assert dialog is not None
    dialog.per_side.setValue(2)
    dialog.check_topics([ids[n] for n in names])
    dialog.start()
    write_pool().waitForDone(20000)
    _settle(app, 10)
    brief = service.get_brief(store, brief_id)  # type: ignore[arg-type]
    perform(w.ws, ops.AcceptAllSuggestions(brief_id=brief_id))
    first = brief.sections[0]
    perform(w.ws, ops.SetSuggested(first.official[0].id, True))
    perform(
        w.ws,
        ops.UpdateSectionFields(
            first.id,
            {
                "lines_to_take": [
                    "Welcome the cooperation between the EU AI Office and Japan's AI Safety "
                    "Institute.",
                    "Press for interoperable AI governance frameworks.",
                ],
                "if_asked": ["No new regulatory commitments at this meeting."],
            },
        ),
    )
    _settle(app, 10)
    w.editor.scroll_area.verticalScrollBar().setValue(w.editor.header.height() + 8)
    _settle(app, 5)


SIZES = ((1600, 1000), (1024, 640))
LANGUAGES = ("en", "ja")


def take(out: Path, size: tuple[int, int] = (1600, 1000), language: str = "en") -> list[Path]:
    """Write the screenshots into ``out``; returns their paths."""
    from briefer.bootstrap import open_for_use
    from briefer.ui.main import make_application
    from briefer.ui.qt import QCoreApplication, QSettings, QThreadPool

    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="briefer-shots-"))
    QCoreApplication.setOrganizationName("BrieferScreenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))
    QSettings().setValue("ui/language", language)
    app = make_application([sys.argv[0]])
    from briefer.library import sources, topics
    from briefer.ui.main_window import MainWindow

    store = open_for_use(tmp / "shots.briefer", seed_if_new=True)
    window = MainWindow(store)
    window.resize(*size)
    window.show()
    _settle(app)
    shots = []

    def save(name: str) -> None:
        _settle(app)
        path = out / f"{name}.png"
        window.grab().save(str(path))
        shots.append(path)

    industry = next(s for s in sources.list_sources(store) if s.kind == "industry")
    window.navigator.select_key(f"source:{industry.id}")
    detail = sources.get_source(store, industry.id)
    target = next(p for p in detail.passages if len(p.topics) >= 3)
    window.reader.show_passage(industry.id, target.id)
    QThreadPool.globalInstance().waitForDone(5000)  # the page is read on a worker
    _settle(app)
    save("reader")

    ai = next(t for t in topics.list_topics(store) if t.name == "Artificial intelligence")
    window.navigator.select_key(f"topic:{ai.id}")
    QThreadPool.globalInstance().waitForDone(5000)
    for _ in range(200):  # both columns read (on workers) and laid out
        if not window.board.is_loading():
            break
        _settle(app, 1)
    _settle(app, 10)
    view = window.board.views["industry"]
    view.setCurrentIndex(view.model().index(1, 0))
    save("topic-board")

    window.search_field.setText("semiconductors")
    window.search_page.set_query("semiconductors", immediate=True)
    QThreadPool.globalInstance().waitForDone(5000)
    _settle(app, 20)
    save("search")
    window.search_field.clear()

    _brief_editor(window, store, app)
    save("brief-editor")
    window.navigator.select_key("section:coverage")
    _settle(app, 10)
    save("coverage")
    window.close()
    store.close()
    return shots


def _one_set(out: Path, size: str, language: str) -> None:
    w, h = (int(v) for v in size.split("x"))
    for p in take(out, (w, h), language):
        print(p)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    if len(sys.argv) > 2:
        _one_set(target, sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "en")
    else:
        # One process per set: a QApplication's language is fixed once it starts.
        import subprocess

        for lang in LANGUAGES:
            for w, h in SIZES:
                subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "briefer.ui.screenshots",
                        str(target / f"{lang}-{w}x{h}"),
                        f"{w}x{h}",
                        lang,
                    ],
                    check=True,
                )
