"""The attack suite of issue 20: hostile inputs built in the test run, through the CLI.

Each input must be refused in one line (``briefer: error: …``, exit 1) with the store
exactly as it was (``store_digest``), or succeed within bounds. Groups: CLI arguments,
store locations, restore, brief packs, export templates, export targets, imported files,
and kills of a PDF export. ``BRIEFER_RELIABILITY_FULL=1`` adds the slow half (large files,
zip bombs, more kills); ``BRIEFER_ATTACK_REPORT=FILE`` writes the figures of the run
(``docs/RELIABILITY.md`` quotes them).
"""

from __future__ import annotations

import copy
import email.policy
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
from attack import RESULTS, Outcome, run_in_process, run_subprocess, write_report
from docx import Document as make_document
from helpers import store_digest
from reliability_settings import FULL

from briefer.cli import main
from briefer.store import open_store

HUGE = "100000000000000000000"
PARA = "The partners agreed to deepen cooperation on semiconductors and data flows."


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def base(
    tmp_path_factory: pytest.TempPathFactory, _store_templates: dict[bool, Path]
) -> Iterator[dict]:
    folder = tmp_path_factory.mktemp("attack-base")
    path = folder / "base.sqlite"
    # the session's seeded store (what open_for_use(seed_if_new=True) makes), not a second one
    shutil.copyfile(_store_templates[True], path)
    topics = _json(["--store", str(path), "topics", "--json"])
    topic = topics[0]["name"] if isinstance(topics, list) else topics["topics"][0]["name"]
    assert main(["--store", str(path), "brief", "new", "Base brief"]) == 0
    assert (
        main(
            [
                "--store",
                str(path),
                "brief",
                "add-quote",
                "1",
                "--topic",
                topic,
                "--source",
                "1",
                "--start",
                "0",
                "--end",
                "40",
            ]
        )
        == 0
    )
    pack = folder / "base.briefpack"
    assert main(["--store", str(path), "brief", "pack", "1", "-o", str(pack)]) == 0
    with zipfile.ZipFile(pack) as zf:
        pack_data = json.loads(zf.read("brief.json"))
    store = open_store(path)
    digest = store_digest(store)
    store.close()
    yield {"path": path, "digest": digest, "pack": pack_data, "topic": topic}
    if os.environ.get("BRIEFER_ATTACK_REPORT"):
        write_report(Path(os.environ["BRIEFER_ATTACK_REPORT"]))


def _json(argv: list[str]) -> object:
    import contextlib

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(argv) == 0
    return json.loads(out.getvalue())


@pytest.fixture
def store_path(base: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFER_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "store.sqlite"
    shutil.copyfile(base["path"], path)
    return path


def _digest(path: Path) -> str:
    store = open_store(path)
    try:
        return store_digest(store)
    finally:
        store.close()


def _refused(outcome: Outcome, *words: str) -> None:
    assert outcome.kind == "refused", (outcome.kind, outcome.code, outcome.stderr[-800:])
    line = outcome.error_line.lower()
    for word in words:
        assert word.lower() in line, (word, outcome.error_line)


def _unchanged(base: dict, path: Path) -> None:
    assert _digest(path) == base["digest"], "a refused input changed the store"


# --------------------------------------------------------------------------- CLI arguments

ID_COMMANDS = {
    "source-show": "source show {}",
    "source-edit": "source edit {} --title x",
    "source-delete": "source delete {}",
    "brief-show": "brief show {}",
    "brief-draft": "brief draft {} --topic T",
    "brief-verify": "brief verify {}",
    "brief-compare": "brief compare 1 {}",
    "brief-accept": "brief accept 1 --section {}",
    "brief-delete": "brief delete {}",
    "tag": "tag {} T",
    "untag": "untag {} T",
    "export": "export {} -o OUT",
    "brief-pack": "brief pack {} -o OUT",
    "brief-history": "brief history {}",
    "search-source": "search chips --source {}",
    "import-new-version": "import FILE --kind other --new-version-of {}",
}
COUNT_COMMANDS = {
    "search-limit": "search chips --limit {}",
    "draft-per-side": "brief draft 1 --topic T --per-side {}",
    "history-limit": "brief history 1 --limit {}",
    "add-quote-start": "brief add-quote 1 --topic T --source 1 --start {} --end 5",
}
BAD_NUMBERS = {
    "huge": HUGE,
    "negative-huge": "-" + HUGE,
    "zero": "0",
    "superscript": "²",
    "float": "1e5",
    "hex": "0x10",
    "text": "abc",
    "empty": "",
}
NUMBER_CASES = (
    [(c, v) for c in ID_COMMANDS for v in ("huge", "zero", "superscript")]
    + [(c, v) for c in COUNT_COMMANDS for v in ("huge", "negative-huge")]
    + [("source-show", v) for v in ("float", "hex", "text", "empty")]
)
if FULL:
    NUMBER_CASES += [
        (c, v)
        for c in {**ID_COMMANDS, **COUNT_COMMANDS}
        for v in BAD_NUMBERS
        if (c, v) not in NUMBER_CASES and (c, v) != ("add-quote-start", "zero")  # 0 is valid
    ]


@pytest.mark.parametrize(("command", "value"), NUMBER_CASES, ids=lambda x: str(x))
def test_bad_numbers_are_one_line(
    base: dict, store_path: Path, tmp_path: Path, command: str, value: str
) -> None:
    template = {**ID_COMMANDS, **COUNT_COMMANDS}[command]
    (tmp_path / "f.txt").write_text(PARA + "\n")
    argv = template.format("\0").split()
    argv = [
        BAD_NUMBERS[value]
        if a == "\0"
        else str(tmp_path / "o.docx")
        if a == "OUT"
        else str(tmp_path / "f.txt")
        if a == "FILE"
        else base["topic"]
        if a == "T"
        else a
        for a in argv
    ]
    outcome = run_in_process(
        f"{command}={value}", "cli-arguments", ["--store", str(store_path), *argv]
    )
    _refused(outcome)
    _unchanged(base, store_path)


# --------------------------------------------------------------------------- store locations


def _foreign(folder: Path) -> Path:
    path = folder / "foreign.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)")
    con.execute("INSERT INTO accounts VALUES (1, 'someone else')")
    con.commit()
    con.close()
    return path


def _dropped(folder: Path, base: dict, table: str) -> Path:
    path = folder / f"dropped-{table}.sqlite"
    shutil.copyfile(base["path"], path)
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = OFF")
    for (name,) in con.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('trigger','view')"
    ).fetchall():
        kind = con.execute("SELECT type FROM sqlite_master WHERE name=?", (name,)).fetchone()[0]
        con.execute(f'DROP {kind.upper()} "{name}"')
    con.execute(f'DROP TABLE "{table}"')
    con.commit()
    con.close()
    return path


LOCATIONS: dict[str, tuple[Callable[[Path, dict], str], tuple[str, ...]]] = {
    "symlink-loop": (lambda d, b: str(_loop(d)), ("loop",)),
    "http-url": (lambda d, b: "http://example.org/store", ("not a store location",)),
    "mysql-url": (lambda d, b: "mysql://user@localhost/briefs", ("mysql",)),
    "bare-scheme": (lambda d, b: "://", ("not a store location",)),
    "ftp-url": (lambda d, b: "ftp://host/file.sqlite", ("ftp",)),
    "postgres-closed-port": (
        lambda d, b: "postgresql://nobody@127.0.0.1:1/briefs",
        ("cannot open",),
    ),
    "foreign-path": (lambda d, b: str(_foreign(d)), ("not a briefer store",)),
    "foreign-url": (lambda d, b: f"sqlite:///{_foreign(d)}", ("not a briefer store",)),
    "folder": (lambda d, b: str(d), ("folder",)),
    "device": (lambda d, b: "/dev/full", ("device",)),
    "not-sqlite": (
        lambda d, b: str(_file(d / "notes.sqlite", b"plain words, not SQLite")),
        ("not",),
    ),
    "sqlite-header-junk": (
        lambda d, b: str(_file(d / "junk.sqlite", b"SQLite format 3\x00" + b"\xff" * 5000)),
        ("not a readable",),
    ),
    "dropped-passage": (lambda d, b: str(_dropped(d, b, "passage")), ("passage", "missing")),
    "dropped-brief": (lambda d, b: str(_dropped(d, b, "brief_event")), ("missing",)),
    "below-a-file": (
        lambda d, b: str(_file(d / "afile", b"x") / "store.sqlite"),
        ("not a directory",),
    ),
    "name-too-long": (lambda d, b: str(d / ("n" * 300) / "store.sqlite"), ("store",)),
    "newer-schema": (lambda d, b: str(_newer(d, b)), ("newer",)),
}


def _loop(folder: Path) -> Path:
    link = folder / "loop.sqlite"
    link.symlink_to(link)
    return link


def _file(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _newer(folder: Path, base: dict) -> Path:
    path = folder / "newer.sqlite"
    shutil.copyfile(base["path"], path)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    return path


def _bytes_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.is_symlink()}


def _untouched(before: dict[str, bytes], folder: Path) -> None:
    """Every file that was there has the same bytes (header bytes 18-19 included); the only
    new files allowed are SQLite's -shm and an empty -wal, made by a read-only check."""
    after = _bytes_of(folder)
    assert {k: after.get(k) for k in before} == before, "a refused location was written to"
    for name in set(after) - set(before):
        assert name.endswith("-shm") or (name.endswith("-wal") and not after[name]), name


@pytest.mark.parametrize("name", sorted(LOCATIONS))
def test_store_locations_are_refused_untouched(base: dict, tmp_path: Path, name: str) -> None:
    make, words = LOCATIONS[name]
    folder = tmp_path / "place"
    folder.mkdir()
    location = make(folder, base)
    before = _bytes_of(folder)
    outcome = run_in_process(name, "store-locations", ["--store", location, "sources"])
    _refused(outcome, *words)
    _untouched(before, folder)


def test_store_on_a_fifo_is_refused_without_blocking(base: dict, tmp_path: Path) -> None:
    fifo = tmp_path / "store.sqlite"
    os.mkfifo(fifo)
    _refused(
        run_subprocess("store-fifo", "store-locations", ["--store", str(fifo), "sources"]), "fifo"
    )


# --------------------------------------------------------------------------- restore


def _tamper(base: dict, folder: Path, name: str, sql: list[str]) -> Path:
    path = folder / f"{name}.sqlite"
    shutil.copyfile(base["path"], path)
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = OFF")
    for statement in sql:
        con.execute(statement)
    con.commit()
    con.close()
    return path


_NO_TRIGGERS = [
    "DROP TRIGGER IF EXISTS passage_au",
    "DROP TRIGGER IF EXISTS passage_bu",
]
BACKUPS: dict[str, tuple[Callable[[dict, Path], Path], tuple[str, ...]]] = {
    "table-dropped": (lambda b, d: _dropped(d, b, "brief_event"), ("missing",)),
    "fts-blocks-corrupted": (
        lambda b, d: _tamper(
            b,
            d,
            "fts",
            ["UPDATE passage_fts_data SET block = randomblob(length(block)) WHERE id > 1"],
        ),
        ("search index",),
    ),
    "trigram-blocks-corrupted": (
        lambda b, d: _tamper(
            b,
            d,
            "tri",
            ["UPDATE passage_tri_data SET block = randomblob(length(block)) WHERE id > 1"],
        ),
        ("search index",),
    ),
    "passage-end-beyond-text": (
        lambda b, d: _tamper(
            b, d, "end", [*_NO_TRIGGERS, 'UPDATE passage SET "end" = 10000000 WHERE id = 2']
        ),
        ("outside",),
    ),
    "passage-negative-start": (
        lambda b, d: _tamper(
            b, d, "neg", [*_NO_TRIGGERS, "UPDATE passage SET start = -50 WHERE id = 3"]
        ),
        ("outside",),
    ),
    "passage-start-after-end": (
        lambda b, d: _tamper(
            b, d, "swap", [*_NO_TRIGGERS, 'UPDATE passage SET start = "end" + 5 WHERE id = 4']
        ),
        ("outside",),
    ),
    "column-dropped": (
        lambda b, d: _tamper(b, d, "col", ["ALTER TABLE brief DROP COLUMN venue"]),
        ("lacks",),
    ),
    "dangling-quote": (
        lambda b, d: _tamper(b, d, "fk", ["UPDATE quote SET section_id = 999999"]),
        ("point at",),
    ),
    "foreign-database": (lambda b, d: _foreign(d), ("not a briefer store",)),
    "newer-schema": (lambda b, d: _newer(d, b), ("newer",)),
    "truncated": (
        lambda b, d: _file(d / "cut.sqlite", b["path"].read_bytes()[: 3 * 4096]),
        ("damaged",),
    ),
    "garbage": (lambda b, d: _file(d / "garbage.sqlite", os.urandom(8192)), ("not",)),
    "symlink-loop": (lambda b, d: _loop(d), ("loop",)),
    "missing": (lambda b, d: d / "nothing-here.sqlite", ("no such file",)),
    "folder": (lambda b, d: d, ("folder",)),
}


@pytest.mark.parametrize("name", sorted(BACKUPS))
def test_damaged_backups_are_not_restored(
    base: dict, store_path: Path, tmp_path: Path, name: str
) -> None:
    make, words = BACKUPS[name]
    folder = tmp_path / "backups-in"
    folder.mkdir()
    backup = make(base, folder)
    outcome = run_in_process(
        name, "restore", ["--store", str(store_path), "restore", str(backup), "--yes"]
    )
    _refused(outcome, *words)
    _unchanged(base, store_path)
    assert not list(store_path.parent.glob(".*restore-check*")), "the checked copy was left"


def test_restore_of_a_good_backup_still_works(base: dict, store_path: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.sqlite"
    shutil.copyfile(base["path"], good)
    outcome = run_in_process(
        "good-backup", "restore", ["--store", str(store_path), "restore", str(good), "--yes"]
    )
    assert outcome.kind == "accepted", outcome.stderr
    _unchanged(base, store_path)


def test_restore_from_a_fifo_and_into_a_loop(base: dict, store_path: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "backup.sqlite"
    os.mkfifo(fifo)
    _refused(
        run_subprocess(
            "backup-fifo", "restore", ["--store", str(store_path), "restore", str(fifo), "--yes"]
        ),
        "fifo",
    )
    loop = _loop(tmp_path)
    _refused(
        run_in_process(
            "restore-into-loop",
            "restore",
            ["--store", str(loop), "restore", str(base["path"]), "--yes"],
        ),
        "loop",
    )
    _unchanged(base, store_path)


def test_restore_into_a_read_only_mount(base: dict, tmp_path: Path) -> None:
    point = tmp_path / "ro"
    point.mkdir()
    if (
        shutil.which("mount") is None
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(point)], capture_output=True
        ).returncode
    ):
        pytest.skip("cannot mount a tmpfs here")
    try:
        store = point / "store.sqlite"
        shutil.copyfile(base["path"], store)
        assert subprocess.run(["mount", "-o", "remount,ro", str(point)]).returncode == 0
        outcome = run_in_process(
            "read-only-mount",
            "restore",
            ["--store", str(store), "restore", str(base["path"]), "--yes"],
        )
        _refused(outcome)
        assert _digest_ro(store) == base["digest"]
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def _digest_ro(path: Path) -> str:
    copy = path.parent.parent / "ro-copy.sqlite"
    shutil.copyfile(path, copy)
    return _digest(copy)


# --------------------------------------------------------------------------- brief packs


def _pack_file(folder: Path, data: object | bytes | None, name: str = "p.briefpack") -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        if data is not None:
            raw = data if isinstance(data, bytes) else json.dumps(data).encode()
            zf.writestr("brief.json", raw)
    return path


def _mutated(change: Callable[[dict], object]) -> Callable[[dict], object]:
    def build(pack: dict) -> object:
        data = copy.deepcopy(pack)
        result = change(data)
        return data if result is None else result

    return build


def _set(path: str, value: object) -> Callable[[dict], object]:
    def change(data: dict) -> None:
        *parents, last = path.split(".")
        node = data
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        if value is _DELETE:
            del node[last]
        else:
            node[int(last) if last.isdigit() else last] = value

    return _mutated(change)


_DELETE = object()


def _deep(levels: int) -> bytes:
    return (
        b'{"format": "briefer-briefpack", "version": 1, "x": '
        + b"[" * levels
        + b"]" * levels
        + b"}"
    )


PACKS: dict[str, Callable[[dict], object]] = {
    "no-brief-key": _set("brief", _DELETE),
    "sources-a-number": _set("sources", 5),
    "source-without-text": _set("sources.0.text", _DELETE),
    "source-text-empty": _set("sources.0.text", ""),
    "date-2025-13-45": _set("sources.0.date", "2025-13-45"),
    "meeting-date-bad": _set("brief.brief.meeting_date", "yesterday"),
    "sections-a-string": _set("brief.sections", "sections"),
    "level-10e30": _set("sources.0.passages.0.level", 10**30),
    "offset-negative": _set("sources.0.passages.0.start", -50),
    "offset-ten-million": _set("sources.0.passages.0.end", 10_000_000),
    "start-after-end": _set("sources.0.passages.1.start", 10**6),
    "kind-evil": _set("sources.0.kind", "evil"),
    "passage-kind-evil": _set("sources.0.passages.0.kind", "evil"),
    "hash-mismatch": _set("sources.0.content_hash", "0" * 64),
    "text-edited": _mutated(
        lambda d: d["sources"][0].__setitem__("text", d["sources"][0]["text"] + "!")
    ),
    "quote-beyond-text": _set("brief.sections.0.quotes.0.end", 10_000_000),
    "quote-cites-missing-source": _set("brief.sections.0.quotes.0.source_id", 424242),
    "quote-side-evil": _set("brief.sections.0.quotes.0.side", "evil"),
    "title-too-long": _set("brief.brief.title", "t" * 5000),
    "title-a-list": _set("brief.brief.title", ["x"]),
    "topics-a-dict": _set("topics", {"a": 1}),
    "version-string": _set("version", "1"),
    "version-true": _set("version", True),
    "newer-version": _set("version", 99),
    "not-a-pack-format": _set("format", "something-else"),
    "top-level-list": _mutated(lambda d: [d]),
    "nested-100k": lambda d: _deep(100_000),
    "nested-20": lambda d: _deep(20),
    "not-json": lambda d: b"{not json",
    "utf16-json": lambda d: json.dumps(d).encode("utf-16"),
    "null-brief-json": lambda d: b"null",
    "duplicate-ordinal": _mutated(
        lambda d: d["sources"][0]["passages"][1].__setitem__(
            "ordinal", d["sources"][0]["passages"][0]["ordinal"]
        )
    ),
    "extra-not-object": _set("sources.0.extra", "x"),
    "boolean-as-int": _set("brief.sections.0.position", True),
}


@pytest.mark.parametrize("name", sorted(PACKS))
def test_hostile_packs_are_refused_before_writing(
    base: dict, store_path: Path, tmp_path: Path, name: str
) -> None:
    pack = _pack_file(tmp_path, PACKS[name](base["pack"]))
    outcome = run_in_process(
        name, "packs", ["--store", str(store_path), "brief", "unpack", str(pack)]
    )
    _refused(outcome)
    _unchanged(base, store_path)


def test_pack_files_that_are_not_packs(base: dict, store_path: Path, tmp_path: Path) -> None:
    cases = {
        "not-a-zip": _file(tmp_path / "a.briefpack", b"plain text"),
        "zip-without-member": _pack_file(tmp_path, None, "b.briefpack"),
        "loop": _loop(tmp_path),
        "folder": tmp_path,
        "missing": tmp_path / "missing.briefpack",
    }
    for name, path in cases.items():
        outcome = run_in_process(
            name, "packs", ["--store", str(store_path), "brief", "unpack", str(path)]
        )
        _refused(outcome)
    fifo = tmp_path / "fifo.briefpack"
    os.mkfifo(fifo)
    _refused(
        run_subprocess("fifo", "packs", ["--store", str(store_path), "brief", "unpack", str(fifo)]),
        "fifo",
    )
    _unchanged(base, store_path)


def test_the_unmodified_pack_still_unpacks(base: dict, store_path: Path, tmp_path: Path) -> None:
    pack = _pack_file(tmp_path, base["pack"])
    outcome = run_in_process(
        "valid-pack", "packs", ["--store", str(store_path), "brief", "unpack", str(pack)]
    )
    assert outcome.kind == "accepted", outcome.stderr


@pytest.mark.skipif(not FULL, reason="slow half: BRIEFER_RELIABILITY_FULL=1")
def test_an_oversized_pack_is_refused_by_its_declared_size(
    base: dict, store_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "big.briefpack"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("brief.json", "w") as fh:
        block = b" " * (1 << 20)
        for _ in range(130):  # 130 MB of spaces: over the 128 MB limit, a few hundred KB zipped
            fh.write(block)
    outcome = run_subprocess(
        "pack-130mb", "packs", ["--store", str(store_path), "brief", "unpack", str(path)]
    )
    _refused(outcome, "too large")
    _unchanged(base, store_path)


# --------------------------------------------------------------------------- templates


def _zip_bomb(path: Path, megabytes: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as fh:
            block = b"\0" * (1 << 20)
            for _ in range(megabytes):
                fh.write(block)
    return path


def _many_members(path: Path, count: int) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for i in range(count):
            zf.writestr(f"word/m{i}.xml", "")
    return path


TEMPLATES: dict[str, Callable[[Path], Path]] = {
    "zip-bomb-ratio": lambda d: _zip_bomb(d / "bomb.docx", 4),
    "not-a-zip": lambda d: _file(d / "t.docx", b"not a zip at all"),
    "empty": lambda d: _file(d / "e.docx", b""),
    "zip-not-word": lambda d: _pack_file(d, b"{}", "t.dotx"),
    "ten-thousand-parts": lambda d: _many_members(d / "many.docx", 10_001),
    "symlink-loop": lambda d: _loop(d),
    "folder": lambda d: d,
}
#: Run in a child, whose peak memory is measured (the others run in the test's process).
MEASURED_TEMPLATES = {"zip-bomb-300mb"}
if FULL:
    TEMPLATES["zip-bomb-300mb"] = lambda d: _zip_bomb(d / "big.docx", 300)


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_hostile_templates_are_refused(
    base: dict, store_path: Path, tmp_path: Path, name: str
) -> None:
    template = TEMPLATES[name](tmp_path)
    target = tmp_path / "out" / "brief.docx"
    target.parent.mkdir()
    # The template checks run before python-docx reads a byte: in-process is the same test,
    # without starting Python; the 300 MB bomb runs in a child so its peak memory is measured.
    runner = run_subprocess if name in MEASURED_TEMPLATES else run_in_process
    outcome = runner(
        name,
        "templates",
        ["--store", str(store_path), "export", "1", "-o", str(target), "--template", str(template)],
    )
    _refused(outcome)
    assert not target.exists() and not list(target.parent.iterdir())
    _unchanged(base, store_path)


# --------------------------------------------------------------------------- export targets


def test_hostile_export_targets(base: dict, store_path: Path, tmp_path: Path) -> None:
    dangling = tmp_path / "dangling.docx"
    dangling.symlink_to(tmp_path / "nowhere" / "x.docx")
    targets = {
        "dev-full": ("/dev/full", "device"),
        "dev-null": ("/dev/null", "device"),
        "folder": (str(tmp_path), "folder"),
        "missing-folder": (str(tmp_path / "no" / "such" / "b.docx"), "does not exist"),
        "symlink-loop": (str(_loop(tmp_path)), ""),
        "dangling-link": (str(dangling), ""),
    }
    for name, (target, word) in targets.items():
        outcome = run_in_process(
            name, "export-targets", ["--store", str(store_path), "export", "1", "-o", target]
        )
        _refused(outcome, word)
    fifo = tmp_path / "fifo.docx"
    os.mkfifo(fifo)
    _refused(
        run_subprocess(
            "fifo", "export-targets", ["--store", str(store_path), "export", "1", "-o", str(fifo)]
        ),
        "fifo",
    )
    assert Path("/dev/full").is_char_device()
    _unchanged(base, store_path)


def test_stale_temporaries_beside_the_target_are_cleaned(
    base: dict, store_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "brief.docx"
    stale = tmp_path / ".brief.docx.abc123.tmp"
    stale.write_bytes(b"half a brief")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = tmp_path / ".brief.docx.def456.tmp"  # another export's, still running
    fresh.write_bytes(b"in progress")
    outcome = run_in_process(
        "stale-tmp",
        "export-targets",
        ["--store", str(store_path), "export", "1", "-o", str(target)],
    )
    assert outcome.kind == "accepted", outcome.stderr
    assert target.is_file() and not stale.exists() and fresh.exists()


# --------------------------------------------------------------------------- imported files


def _docx(runs: list[str]) -> bytes:
    document = make_document()
    document.add_paragraph("A title for the document")
    paragraph = document.add_paragraph()
    for run in runs:
        paragraph.add_run(run)
    document.add_paragraph(PARA)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _eml(subject: str, body: str) -> bytes:
    msg = EmailMessage(policy=email.policy.default)
    msg["From"] = "Industry <policy@example.org>"
    msg["To"] = "desk@example.eu"
    msg["Subject"] = subject
    msg.set_content(body + "\n\n" + PARA + "\n")
    return msg.as_bytes()


def _utf16_over_ascii() -> bytes:
    text = (PARA + " ") * 8
    return text.encode("ascii").decode("utf-16-le").encode("utf-8")


def _odd_nuls() -> bytes:
    # ASCII pairs and (char, NUL) pairs alternating: decoded as UTF-16, half of it is CJK
    text = (PARA + " ").encode() * 6
    out, i, k = bytearray(), 0, 0
    while i < len(text):
        out += bytes([text[i], 0]) if k % 2 == 0 else text[i : i + 2]
        i += 1 if k % 2 == 0 else 2
        k += 1
    return b"\xff\xfe" + bytes(out)


IMPORTS: dict[str, tuple[str, Callable[[], bytes | str], str]] = {
    # name: (file name, content, expected: "refused" | "accepted" | "either")
    "md-line-of-spaces": ("s.md", lambda: "intro\n\n" + " " * 200_000 + "x\n", "either"),
    "md-heading-spaces": ("h.md", lambda: "# T" + " " * 100_000 + "x\n\n" + PARA, "accepted"),
    "md-table-rule-spaces": ("t.md", lambda: PARA + "\n\n|" + " " * 100_000 + "--x\n", "accepted"),
    "md-nested-list-300": (
        "n.md",
        lambda: "\n".join("  " * i + f"- item {i} {PARA}" for i in range(300)),
        "accepted",
    ),
    "txt-decimal-numbering": ("d.txt", lambda: "1." * 50_000 + "x\ny\n\n" + PARA, "either"),
    "txt-html-comments": ("c.txt", lambda: "<!--a-->" * 5_000 + "\n\n" + PARA, "either"),
    "txt-escapes-in-first-line": (
        "e.txt",
        lambda: "\x1b]0;pwned\x07Title \x1b[31mred\x1b[0m\n\n" + PARA,
        "accepted",
    ),
    "txt-nul-bytes": ("z.txt", lambda: ("text\x00" * 200).encode(), "refused"),
    "txt-all-nul": ("zz.txt", lambda: b"\0" * 4096, "refused"),
    "txt-glyph-names": (
        "g.txt",
        lambda: "/g7/g1/g24/g3/g9 /g12/g5/g7/g16 /g44/g2/g1/g16/g3 " * 40,
        "refused",
    ),
    "txt-replacement-marks": ("r.txt", lambda: "ab\ufffd\ufffd cd\ufffd " * 100, "refused"),
    "txt-private-use": ("p.txt", lambda: "\ue000\ue001\ue002 word " * 100, "refused"),
    "txt-utf16-over-ascii": ("u.txt", _utf16_over_ascii, "refused"),
    "txt-odd-nuls": ("o.txt", _odd_nuls, "refused"),
    "txt-binary": ("b.txt", lambda: bytes(range(256)) * 64, "refused"),
    "txt-empty": ("empty.txt", lambda: b"", "refused"),
    "txt-only-spaces": ("sp.txt", lambda: " \n\t\n" * 1000, "refused"),
    "html-meta-utf16": (
        "m.html",
        lambda: (
            f'<html><head><meta charset="utf-16"></head><body><p>{PARA}</p>'
            f"<p>{PARA} Two.</p></body></html>"
        ),
        "accepted",
    ),
    "html-100k-nested-divs": (
        "nd.html",
        lambda: (
            "<html><body>"
            + "<div>" * 100_000
            + f"<p>{PARA}</p>"
            + "</div>" * 100_000
            + "</body></html>"
        ),
        "refused",
    ),
    "html-cjk-newlines": (
        "cjk.html",
        lambda: (
            "<html><body><p>日"
            + "\n" * 100_000
            + "本</p><p>"
            + "本文です。" * 20
            + "</p></body></html>"
        ),
        "accepted",
    ),
    "html-title-spaces": (
        "ts.html",
        lambda: (
            "<html><head><title>"
            + " " * 100_000
            + "x</title></head><body><p>"
            + PARA
            + "</p></body></html>"
        ),
        "accepted",
    ),
    "html-script-only": (
        "so.html",
        lambda: "<html><body><script>" + "var a=1;" * 1000 + "</script></body></html>",
        "refused",
    ),
    "docx-run-of-spaces": ("r.docx", lambda: _docx([" " * 100_000 + "x"]), "accepted"),
    "docx-bidi-runs": ("cr.docx", lambda: _docx(["\u202e", "text", "\u200b\u2066x"]), "accepted"),
    "docx-not-a-zip": ("nz.docx", lambda: b"PK\x03\x04 but not really a zip", "refused"),
    "docx-zip-bomb": (
        "zb.docx",
        lambda: _zip_bomb(Path(os.environ["ATTACK_TMP"]) / "zb-src.docx", 4).read_bytes(),
        "refused",
    ),
    "eml-subject-osc": (
        "s.eml",
        lambda: _eml("\x1b]0;owned\x07Position paper", "Body text."),
        "accepted",
    ),
    "eml-body-spaces": ("b.eml", lambda: _eml("Spaces", " " * 100_000 + "x"), "accepted"),
    "pdf-truncated": ("t.pdf", lambda: b"%PDF-1.7\n1 0 obj\n<<", "refused"),
    "pdf-named-txt": ("pdf.txt", lambda: b"%PDF-1.4\n%garbage", "refused"),
    "xlsx-named-docx": (
        "x.docx",
        lambda: _pack_file(Path(os.environ["ATTACK_TMP"]), b"{}", "xl.zip").read_bytes(),
        "refused",
    ),
}
SLOW_IMPORTS: dict[str, tuple[str, Callable[[], bytes | str], str]] = {
    "md-nested-list-2000": (
        "n2.md",
        lambda: "\n".join("  " * i + f"- item {i}" for i in range(2000)),
        "accepted",
    ),
    "docx-run-400k-spaces": ("r4.docx", lambda: _docx([" " * 400_000 + "x"]), "accepted"),
    "html-11mb-text-run": (
        "big.html",
        lambda: "<html><body><p>" + "word " * 2_200_000 + "</p></body></html>",
        "refused",
    ),
    "txt-10mb-one-line": ("one.txt", lambda: "semiconductors and data flows " * 350_000, "either"),
    # 4 MB of Japanese on one line, two topics named in every clause: in one passage the
    # tagger's overlap checks were quadratic (220,000 characters took 37 s)
    "txt-ja-4mb-one-line": (
        "ja.txt",
        lambda: "".join(f"半導体とデータ{i}、" for i in range(130_000)),
        "accepted",
    ),
}
#: Read in full but not stored (--dry-run): storing 2,000 passages of a 4 MB source is the
#: passage-insertion cost of issue 20's class 3, measured by that fix, not here.
DRY_RUN = {"md-nested-list-2000"}
if FULL:
    IMPORTS.update(SLOW_IMPORTS)


@pytest.mark.parametrize("name", sorted(IMPORTS))
def test_hostile_files_import_or_are_refused(
    base: dict, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv("ATTACK_TMP", str(tmp_path))
    filename, make, expected = IMPORTS[name]
    data = make()
    path = tmp_path / filename
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    heavy = len(path.read_bytes()) > 2_000_000
    runner = run_subprocess if heavy else run_in_process
    argv = ["--store", str(store_path), "import", str(path), "--kind", "other"]
    outcome = runner(name, "imports", argv + (["--dry-run"] if name in DRY_RUN else []))
    assert outcome.kind in ("refused", "accepted"), (outcome.kind, outcome.stderr[-800:])
    if outcome.kind == "accepted" and name not in DRY_RUN:
        assert "1 imported" in outcome.stdout, outcome.stdout
    if expected != "either":
        assert outcome.kind == expected, (outcome.kind, outcome.stdout, outcome.stderr)
    if outcome.kind == "refused" or name in DRY_RUN:
        _unchanged(base, store_path)
    else:
        _check_imported(store_path)


def _check_imported(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        bad = con.execute(
            "SELECT count(*) FROM passage p JOIN source s ON s.id = p.source_id WHERE p.start < 0"
            ' OR p."end" < p.start OR p."end" > s.length'
        ).fetchone()[0]
        assert bad == 0
        for (title,) in con.execute("SELECT title FROM source"):
            assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in title), repr(title)
    finally:
        con.close()


def test_import_of_a_fifo_does_not_block(base: dict, store_path: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome = run_subprocess(
        "import-fifo",
        "imports",
        ["--store", str(store_path), "import", str(fifo), "--kind", "other"],
    )
    assert outcome.kind in ("refused",), outcome.stderr
    _unchanged(base, store_path)


# --------------------------------------------------------------------------- control characters


def test_names_typed_on_the_cli_are_stored_clean_and_listed_escaped(
    base: dict, store_path: Path
) -> None:
    evil = "Evil\x1b]0;pwned\x07 \x1b[2Jname\x00"
    run_in_process(
        "topic-escape", "cli-arguments", ["--store", str(store_path), "topic", "add", evil]
    )
    run_in_process(
        "brief-escape", "cli-arguments", ["--store", str(store_path), "brief", "new", evil]
    )
    for listing in (["topics"], ["brief", "list"], ["sources"]):
        outcome = run_in_process(
            "list-" + "-".join(listing), "cli-arguments", ["--store", str(store_path), *listing]
        )
        assert outcome.kind == "accepted"
        assert (
            "\x1b" not in outcome.stdout
            and "\x00" not in outcome.stdout
            and "\x07" not in outcome.stdout
        )
    con = sqlite3.connect(store_path)
    names = [r[0] for r in con.execute("SELECT name FROM topic UNION ALL SELECT title FROM brief")]
    con.close()
    assert "Evil name" in names


# --------------------------------------------------------------------------- kills


def _soffice_running(marker: str) -> bool:
    done = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True)
    return bool(done.stdout.strip())


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_a_killed_pdf_export_leaves_no_brief_behind(
    base: dict, store_path: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    env = {**os.environ, "BRIEFER_CACHE_DIR": str(cache)}
    delays = [2.0, 3.5, 5.0, 1.0, 6.5, 4.0] if FULL else [3.0]
    for n, delay in enumerate(delays):
        target = tmp_path / f"brief{n}.pdf"
        proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sys; from briefer.cli import main; sys.exit(main())",
                "--store",
                str(store_path),
                "export",
                "1",
                "-o",
                str(target),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        # waiting for an event, not timing one: the watchdog kills the converter at once,
        # but on a loaded machine its turn to run can take a while
        deadline = time.time() + 120
        while time.time() < deadline and _soffice_running(str(cache)):
            time.sleep(0.5)
        converter_left = _soffice_running(str(cache))
        run_in_process(f"start-after-kill-{n}", "kills", ["--store", str(store_path), "sources"])
        work = cache / "pdf-export"
        leftovers = [p for p in work.iterdir()] if work.exists() else []
        temp_leftovers = [
            p for p in Path("/tmp").glob("briefer-pdf-*") if p.stat().st_mtime > time.time() - 120
        ]
        survived = not converter_left and not leftovers and not list(tmp_path.glob(".*.tmp"))
        RESULTS.append(
            Outcome(
                f"pdf-kill-{n}-after-{delay}s",
                "kills",
                "accepted" if survived else "crash",
                None,
                "",
                "",
                delay,
                notes=["kill survived" if survived else "kill left something"],
            )
        )
        assert not converter_left, "LibreOffice outlived the killed export"
        assert not leftovers, f"work folders left after the next start: {leftovers}"
        assert not temp_leftovers
        assert not target.exists() or target.stat().st_size > 0
    _unchanged(base, store_path)


# --------------------------------------------------------------------------- encrypted PDFs


def _encrypted_pdf(folder: Path, user_password: str) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
    from format_fixtures import make_text_pdf
    from pypdf import PdfReader, PdfWriter

    plain = make_text_pdf(folder / "plain.pdf", [[PARA, "A second line of the first page."]])
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password, "owner-secret", algorithm="AES-256")
    path = folder / f"aes-{'open' if not user_password else 'locked'}.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def test_aes_pdfs_open_or_say_they_are_protected(
    base: dict, store_path: Path, tmp_path: Path
) -> None:
    """An AES-256 PDF with an empty password opens (``cryptography``); with a password, it is
    refused saying so, never "DependencyError"."""
    open_pdf = _encrypted_pdf(tmp_path, "")
    locked = _encrypted_pdf(tmp_path, "s3cret")
    outcome = run_in_process(
        "pdf-aes-empty-password",
        "imports",
        ["--store", str(store_path), "import", str(locked), "--kind", "other"],
    )
    _refused(outcome, "password")
    _unchanged(base, store_path)
    outcome = run_in_process(
        "pdf-aes-no-password",
        "imports",
        ["--store", str(store_path), "import", str(open_pdf), "--kind", "official"],
    )
    assert outcome.kind == "accepted" and "1 imported" in outcome.stdout, outcome.stderr
    con = sqlite3.connect(store_path)
    rows = con.execute(
        "SELECT text FROM source_chunk WHERE source_id = (SELECT max(id) FROM source)"
        " ORDER BY start"
    )
    texts = ["".join(r[0] for r in rows)]
    con.close()
    assert "deepen cooperation" in texts[0]
