"""One of two processes editing the same store at once.

    python concurrent_worker.py STORE BRIEF_ID NAME N GO_FILE

Adds a section NAME to the brief, then N times: a quote into it and an edit of its notes.
Waits for GO_FILE to exist so both processes start together. Prints "done" at the end.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from sqlalchemy import text

from briefer.bootstrap import open_for_use
from briefer.briefs import operations as ops
from briefer.store import ReadSession


def main() -> int:
    path, brief_id, name, n, go = sys.argv[1:6]
    store = open_for_use(Path(path))
    with ReadSession(store) as s:
        spans = s.execute(
            text('SELECT source_id, start, "end" FROM passage WHERE content ORDER BY id')
        ).all()
    print("ready", flush=True)
    while not Path(go).exists():
        time.sleep(0.005)
    removal = ops.AddSection(int(brief_id), heading=name).apply(store).inverse
    assert isinstance(removal, ops.RemoveSection)
    for i in range(int(n)):
        src, start, end = spans[i % len(spans)]
        ops.AddQuote(removal.section_id, src, start, end).apply(store)
        ops.UpdateSectionFields(removal.section_id, {"notes": f"{name} {i}"}).apply(store)
    store.close()
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
