"""Text typed but not yet saved, on disk at every keystroke: a crash loses no typing.

The brief's text areas save after a pause in typing (one undoable edit per paragraph, not one
per key), so a crash in that pause would lose the last words. The journal closes the gap: each
keystroke rewrites a small file with the field's text and the stored value it started from;
saving the field removes its entry. When the store is opened again, an entry still there is
text the officer typed and never saw saved: it is applied as an ordinary undoable edit, but
only where the stored value is still the one the typing started from (another officer's later
edit on a team store is never overwritten), and the window says what it recovered.

The file is replaced atomically (written beside, then renamed), so a kill mid-write leaves the
previous keystroke's journal. It is not fsynced: it survives the process dying, which is what
it is for; a power cut may lose the last second, as any editor's swap file would.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_state_dir

from briefer.briefs import operations as ops
from briefer.briefs import reads
from briefer.errors import BrieferError
from briefer.store import Store
from briefer.ui.qt import QSettings

log = logging.getLogger("briefer.ui")

#: ("brief", brief id, field) or ("section", section id, field)
Key = tuple[str, int, str]
BRIEF_FIELDS = ("objectives", "scene_setter")
SECTION_FIELDS = ("assessment_comment", "background", "notes")


def journal_folder() -> Path:
    """Beside the window's settings file when it is one (tests keep it in tmp), else the
    user's state folder."""
    settings = QSettings()
    if settings.format() == QSettings.Format.IniFormat:
        return Path(settings.fileName()).parent / "typing"
    return Path(user_state_dir("Briefer", "Briefer")) / "typing"


@dataclass(frozen=True)
class Pending:
    key: Key
    base: str  # the stored value when the typing started
    text: str  # what was on screen at the last keystroke


class TypingJournal:
    """One store's unsaved typing, keyed by field."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[Key, Pending] = {}
        #: what the last session left unsaved, read before this session writes anything
        self.previous: list[Pending] = self.left_over()

    @classmethod
    def for_store(cls, store_label: str, folder: Path | None = None) -> TypingJournal:
        digest = hashlib.sha256(store_label.encode("utf-8")).hexdigest()[:20]
        return cls((folder or journal_folder()) / f"{digest}.json")

    # -- while typing -------------------------------------------------------------------------
    def typed(self, key: Key, base: str, text: str) -> None:
        self._entries[key] = Pending(key, base, text)
        self._write()

    def saved(self, key: Key) -> None:
        if self._entries.pop(key, None) is not None:
            self._write()

    def _write(self) -> None:
        rows = [[*p.key, p.base, p.text] for p in self._entries.values() if p.text != p.base]
        try:
            if not rows:
                self.path.unlink(missing_ok=True)
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            scratch = self.path.with_name(self.path.name + ".tmp")
            scratch.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
            os.replace(scratch, self.path)
        except OSError as exc:  # the journal is a safety net: typing goes on without it
            log.warning("Could not write the typing journal %s: %s", self.path, exc)

    # -- after a crash ------------------------------------------------------------------------
    def left_over(self) -> list[Pending]:
        """What the last session typed and never saved (a malformed file is set aside)."""
        try:
            rows = json.loads(self.path.read_text(encoding="utf-8"))
            found = [
                Pending((str(kind), int(ident), str(name)), str(base), str(text))
                for kind, ident, name, base, text in rows
            ]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, TypeError) as exc:
            log.warning("Typing journal %s unreadable, set aside: %s", self.path, exc)
            self.path.replace(self.path.with_name(self.path.name + ".unreadable"))
            return []
        return [p for p in found if _known(p.key)]

    def forget_previous(self) -> None:
        """The last session's typing was recovered (or could not be): keep only this one's."""
        self.previous = []
        self._write()


def _known(key: Key) -> bool:
    kind, _ident, name = key
    return (kind == "brief" and name in BRIEF_FIELDS) or (
        kind == "section" and name in SECTION_FIELDS
    )


def recovery_operations(store: Store, pending: list[Pending]) -> list[ops.Operation]:
    """The edits that bring back the left-over typing, where the stored value is still the
    one the typing started from; entries whose brief or section is gone are dropped."""
    wanted: list[ops.Operation] = []
    for p in pending:
        kind, ident, name = p.key
        try:
            stored = reads.text_fields(store, kind, ident, (name,))[name]
        except BrieferError as exc:  # the brief or section was deleted since
            log.info("Typing for %s not recovered: %s", p.key, exc)
            continue
        if stored != p.base:
            log.info("Typing for %s not recovered: the field changed since", p.key)
        elif kind == "brief":
            wanted.append(ops.UpdateBriefFields(ident, {name: p.text}))
        else:
            wanted.append(ops.UpdateSectionFields(ident, {name: p.text}))
    return wanted
