"""Screenshots of the window on a seeded temporary store, offscreen at 1400×900.

python -m briefer.ui.screenshots docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _settle(app: object, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()  # type: ignore[attr-defined]


def take(out: Path) -> list[Path]:
    """Write the screenshots into ``out``; returns their paths."""
    from briefer.bootstrap import open_for_use
    from briefer.ui.main import make_application
    from briefer.ui.qt import QCoreApplication, QSettings, QThreadPool

    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="briefer-shots-"))
    QCoreApplication.setOrganizationName("BrieferScreenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))
    app = make_application([sys.argv[0]])
    from briefer.library import sources, topics
    from briefer.ui.main_window import MainWindow

    store = open_for_use(tmp / "shots.briefer", seed_if_new=True)
    window = MainWindow(store)
    window.resize(1400, 900)
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
    save("reader")

    ai = next(t for t in topics.list_topics(store) if t.name == "Artificial intelligence")
    window.navigator.select_key(f"topic:{ai.id}")
    view = window.board.views["industry"]
    view.setCurrentIndex(view.model().index(1, 0))
    save("topic-board")

    window.search_field.setText("semiconductors")
    window.search_page.set_query("semiconductors", immediate=True)
    QThreadPool.globalInstance().waitForDone(5000)
    _settle(app, 20)
    save("search")
    window.close()
    store.close()
    return shots


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    for p in take(target):
        print(p)
