"""Help › User Guide and Help › Keyboard Shortcuts: short, offline, and true to the build
(the shortcut list is read from the window's own actions)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from briefer.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QKeySequence,
    Qt,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from briefer.ui.main_window import MainWindow


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget, title: str, html: str, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.resize(620, 560)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpText")
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(f"<h2>{escape(title)}</h2>{html}")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)


def guide_html(w: QWidget) -> str:
    tr = w.tr
    steps = [
        (
            tr("Bring in your sources"),
            tr(
                "File › Import… (or drop files and folders on the window) reads Word, PDF, web "
                "pages, e-mail, Markdown and plain text. Check the proposed title, kind and date "
                "in the table, then press Import. Edit › Paste as New Source takes copied text."
            ),
        ),
        (
            tr("Read and tag"),
            tr(
                "Choose a source in the navigator. Each passage shows its topics as chips; click "
                "a passage to tag or untag it in the panel on the right. Select any words and "
                "press Ctrl+Shift+Q to quote exactly them in a brief."
            ),
        ),
        (
            tr("Compare by topic"),
            tr(
                "Choose a topic to see the industry position beside the official outcome, "
                "source by source. Coverage shows which topics industry raises that no "
                "official text addresses; click a cell to read those passages."
            ),
        ),
        (
            tr("Write the brief"),
            tr(
                "Brief › New Brief…, then Draft Sections… proposes quotes for the topics you "
                "choose; accept or dismiss each. Fill in the meeting details, the assessment, "
                "lines to take and if asked. Every edit is saved at once and can be undone."
            ),
        ),
        (
            tr("Check and send"),
            tr(
                "Verify Quotes checks every quote against its source. Versions… keeps named "
                "snapshots to compare. Export… writes Word, Markdown or PDF; the file name's "
                "ending chooses the format."
            ),
        ),
    ]
    return "".join(f"<h3>{escape(h)}</h3><p>{escape(t)}</p>" for h, t in steps)


def shortcuts_html(window: MainWindow) -> str:
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    actions = [*window.findChildren(type(window.window_actions.find)), window.reader.quote_action]
    tr = window.tr
    # Undo and Redo name the next step ("Undo Edit lines to take"): list them by what they are
    fixed = {window.window_actions.undo: tr("Undo"), window.window_actions.redo: tr("Redo")}
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        name = fixed.get(action) or action.text().replace("&", "").rstrip("…").strip()
        if not keys or not name or name in seen:
            continue
        seen.add(name)
        rows.append((name, " / ".join(keys)))
    rows += [
        (tr("Move a section up or down in the outline"), "Ctrl+↑ / Ctrl+↓"),
        (tr("New point in Lines to take or If asked: type in the list"), tr("Enter: next point")),
        (tr("Move or remove the current point"), tr("Ctrl+↑ / Ctrl+↓ / Delete")),
        (tr("Open the search result"), tr("Enter")),
        (tr("Back from the search field"), tr("Esc")),
        (tr("Zoom the coverage map in / out / fit"), "Ctrl++ / Ctrl+− / Ctrl+0"),
        (tr("Move between fields"), tr("Tab / Shift+Tab")),
    ]
    body = "".join(
        f"<tr><td style='padding:3px 18px 3px 0'>{escape(n)}</td><td><b>{escape(k)}</b></td></tr>"
        for n, k in rows
    )
    return f"<table>{body}</table>"


def show_guide(window: MainWindow) -> HelpDialog:
    dialog = HelpDialog(window, window.tr("Briefer User Guide"), guide_html(window), "guideDialog")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def show_shortcuts(window: MainWindow) -> HelpDialog:
    dialog = HelpDialog(
        window, window.tr("Keyboard Shortcuts"), shortcuts_html(window), "shortcutsDialog"
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
