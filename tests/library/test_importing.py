"""Batch import of every format into the store: same guarantees, summaries, versions, CLI."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))

from format_fixtures import (
    SOFFICE,
    make_docx,
    make_eml,
    make_zip_bomb,
    seed_to_docx,
    seed_to_html,
    soffice_to_pdf,
    truncate_file,
)
from helpers import store_digest

from briefer.app import main
from briefer.ingest.readers import read_path
from briefer.library import sources
from briefer.library.importing import ImportProgress, import_paths
from briefer.library.sources import (
    SourceFields,
    find_previous_version,
    import_new_version,
)
from briefer.store import ReadSession, Store

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def _signature(store: Store, source_id: int) -> set[tuple[tuple[str, ...], frozenset[str]]]:
    """(heading path, topics) of the content passages, after checking every offset."""
    detail = sources.get_source(store, source_id)
    for p in detail.passages:
        assert detail.text[p.start : p.end] == p.text
    return {(p.heading_path, frozenset(p.topics)) for p in detail.passages if p.content}


@pytest.fixture(scope="module")
def seed_variants(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Each seed as .txt, .docx, .html and (with LibreOffice) .pdf."""
    out = tmp_path_factory.mktemp("variants")
    docx = [
        seed_to_docx(
            s.read_text(encoding="utf-8"),
            out / f"{s.stem}.docx",
            header="EU-Japan briefing pack",
            page_footer=True,
        )
        for s in SEEDS
    ]
    html = [
        seed_to_html(s.read_text(encoding="utf-8"), out / f"{s.stem}.html", title=s.stem)
        for s in SEEDS
    ]
    variants = {"txt": SEEDS, "docx": docx, "html": html}
    if SOFFICE is not None:
        variants["pdf"] = soffice_to_pdf(docx, out)
    return variants


def _headings_and_topics(
    store: Store, source_id: int
) -> tuple[list[tuple[str, ...]], dict[tuple[str, ...], frozenset[str]]]:
    """The heading passages' paths in order, and the topics tagged under each path."""
    detail = sources.get_source(store, source_id)
    headings = [p.heading_path for p in detail.passages if p.content and p.kind == "heading"]
    topics: dict[tuple[str, ...], set[str]] = {}
    for p in detail.passages:
        if p.content:
            topics.setdefault(p.heading_path, set()).update(p.topics)
    return headings, {k: frozenset(v) for k, v in topics.items()}


def test_seeds_in_every_format_give_the_same_passages_and_tags(
    store: Store, seed_variants: dict[str, list[Path]]
) -> None:
    for i, txt in enumerate(seed_variants["txt"]):
        base_info = sources.import_file(store, txt, SourceFields())
        base = _signature(store, base_info.id)
        base_headings, base_topics = _headings_and_topics(store, base_info.id)
        for fmt in ("docx", "html", "pdf"):
            if fmt not in seed_variants:
                continue
            info = sources.import_file(store, seed_variants[fmt][i], SourceFields())
            got = _signature(store, info.id)
            headings, topics = _headings_and_topics(store, info.id)
            # The same headings, in the same order, and the same topics under each of them;
            # the same proposed title (the running head is not it).
            assert headings == base_headings, (fmt, txt.name)
            assert topics == base_topics, (fmt, txt.name)
            if fmt != "html":  # a saved page is titled by its <title>
                assert info.title == base_info.title, (fmt, txt.name)
            if fmt != "pdf":
                assert got == base, (fmt, txt.name, base ^ got)


def _mixed_folder(root: Path) -> dict[str, int]:
    """200 files: txt/md/docx/html/eml, 6 exact duplicates, 6 broken, plus skipped ones."""
    root.mkdir()
    (root / "sub").mkdir()
    for i in range(188):
        topic = ["semiconductors", "quantum research", "submarine cables", "AI governance"][i % 4]
        sentence = f"Item {i}: the parties agreed to cooperate on {topic} in {2000 + i}."
        folder = root / "sub" if i % 3 else root
        match i % 5:
            case 0:
                (folder / f"n{i}.txt").write_text(f"Note {i}\n\n{sentence}\n", encoding="utf-8")
            case 1:
                (folder / f"n{i}.md").write_text(f"# Note {i}\n\n- {sentence}\n", encoding="utf-8")
            case 2:
                make_docx(folder / f"n{i}.docx", [("Heading 1", f"Note {i}"), ("", sentence)])
            case 3:
                (folder / f"n{i}.html").write_text(
                    f"<html><body><h1>Note {i}</h1><p>{sentence}</p></body></html>",
                    encoding="utf-8",
                )
            case _:
                make_eml(
                    folder / f"n{i}.eml",
                    subject=f"Note {i}",
                    sender="Desk <desk@ministry.example.gov>",
                    body=sentence,
                )
    for i in range(6):  # exact copies under another name
        src = next(root.rglob(f"n{i * 5}.txt"))
        shutil.copy(src, root / f"copy{i}.txt")
    (root / "empty.txt").write_bytes(b"")
    (root / "nul.txt").write_bytes(b"binary\x00\x00data\x00" * 30)
    (root / "script.html").write_text(
        "<html><script>" + "var a = 1;\n" * 500 + "</script><body></body></html>"
    )
    truncate_file(next(root.rglob("n2.docx")), root / "cut.docx")
    (root / "fake.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 40)
    make_zip_bomb(root / "bomb.docx", member_mb=16)
    (root / ".hidden.txt").write_text("hidden")
    (root / "picture.png").write_bytes(b"\x89PNG\r\n")
    (root / "~$lock.docx").write_bytes(b"lock")
    return {"imported": 188, "duplicate": 6, "failed": 6, "skipped": 3}


def test_folder_of_200_mixed_files(store: Store, tmp_path: Path) -> None:
    expected = _mixed_folder(tmp_path / "inbox")
    seen: list[ImportProgress] = []
    summary = import_paths(store, [tmp_path / "inbox"], SourceFields(kind="other"), seen.append)
    got = {k: summary.counts()[k] for k in expected}
    assert got == expected, [
        (r.path.name, r.reason) for r in summary.results if r.status == "failed"
    ]
    assert len(seen) == len(summary.results) == 203 and seen[-1].done == seen[-1].total == 203
    assert summary.line() == "188 imported, 6 duplicate, 6 failed, 3 skipped"
    reasons = {r.path.name: r.reason for r in summary.results if r.status != "imported"}
    assert "zip bomb" in reasons["bomb.docx"] and "mostly script" in reasons["script.html"]
    assert "binary" in reasons["nul.txt"] and "damaged" in reasons["cut.docx"]
    duplicates = [r for r in summary.results if r.status == "duplicate"]
    assert all("already in the store as source #" in r.reason for r in duplicates)
    assert reasons[".hidden.txt"] == "hidden file" and "unsupported" in reasons["picture.png"]
    assert len(sources.list_sources(store)) == 188


def test_bad_files_leave_the_store_unchanged(store: Store, tmp_path: Path) -> None:
    from pypdf import PdfWriter

    tmp_path = tmp_path / "bad"
    tmp_path.mkdir()
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("pw", algorithm="RC4-128")
    with (tmp_path / "locked.pdf").open("wb") as fh:
        writer.write(fh)
    with (tmp_path / "huge.docx").open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    make_zip_bomb(tmp_path / "bomb.docx", member_mb=16)
    before = store_digest(store)
    summary = import_paths(store, sorted(tmp_path.iterdir()), SourceFields())
    assert summary.failed == 3 and summary.imported == 0
    assert store_digest(store) == before


def test_dry_run_and_cancel_write_nothing(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        (folder / f"{i}.txt").write_text(f"Note {i}\n\nQuantum research cooperation item {i}.\n")
    before = store_digest(store)
    dry = import_paths(store, [folder], SourceFields(kind="industry"), dry_run=True)
    assert dry.would_import == 4 and dry.results[0].kind == "industry" and dry.results[0].passages
    assert store_digest(store) == before
    calls = iter([False, False, True])
    cut = import_paths(store, [folder], SourceFields(), cancel=lambda: next(calls))
    assert cut.cancelled and cut.imported == 2 and len(cut.not_started) == 2


def test_new_version_keeps_the_old_source(store: Store, tmp_path: Path) -> None:
    v1 = tmp_path / "statement.docx"
    make_docx(v1, [("Heading 1", "Joint statement"), ("", "We cooperate on quantum research.")])
    first = sources.import_file(store, v1, SourceFields(kind="official", title="Joint statement"))
    make_docx(
        v1,
        [
            ("Heading 1", "Joint statement"),
            ("", "We cooperate on quantum research and semiconductors."),
        ],
    )
    doc = read_path(v1)
    with ReadSession(store) as session:
        candidate = find_previous_version(session, doc)
        assert candidate is not None and candidate.id == first.id
    dry = import_paths(store, [v1], SourceFields(), dry_run=True)
    assert dry.results[0].previous_version_id == first.id
    second = import_new_version(store, v1, first.id, None)
    assert second.previous_version_id == first.id
    assert second.kind == "official" and second.title == "Joint statement"
    assert "semiconductors" not in sources.get_source(store, first.id).text


def test_cli_import_formats_dry_run_and_versions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "cli.sqlite")
    folder = tmp_path / "in"
    folder.mkdir()
    make_docx(folder / "a.docx", [("Heading 1", "Quantum"), ("", "Joint quantum research.")])
    (folder / "b.html").write_text("<h1>AI</h1><p>Aligned AI rules for industry.</p>")
    (folder / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    assert main(["--store", db, "import", str(folder), "--kind", "auto", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "would import" in out and "passages" in out
    assert out.strip().splitlines()[-1] == "2 would be imported, 0 duplicate, 1 failed, 0 skipped"
    assert main(["--store", db, "import", str(folder), "--kind", "other", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["imported"] == 2 and data["summary"]["failed"] == 1
    assert {r["status"] for r in data["results"]} == {"imported", "failed"}
    # Only failures and nothing imported: non-zero exit, one line on stderr.
    assert main(["--store", db, "import", str(folder / "bad.pdf"), "--kind", "other"]) == 1
    assert capsys.readouterr().err.count("briefer: error:") == 1
    # Duplicates only: nothing failed, so exit 0.
    assert main(["--store", db, "import", str(folder / "a.docx"), "--kind", "other"]) == 0
    assert "0 imported, 1 duplicate" in capsys.readouterr().out
    make_docx(folder / "a.docx", [("Heading 1", "Quantum"), ("", "Joint quantum research, v2.")])
    assert (
        main(
            [
                "--store",
                db,
                "import",
                str(folder / "a.docx"),
                "--kind",
                "other",
                "--new-version-of",
                "1",
                "--json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["results"][0]["source"]["previous_version_id"] == 1


def test_reading_and_importing_steps_with_progress_and_cancel(store: Store, tmp_path: Path) -> None:
    from briefer.library.importing import ImportItem, import_read, read_paths

    folder = tmp_path / "steps"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(f"Note {i}\n\nQuantum research cooperation item {i}.\n")
    (folder / "again.txt").write_text("Note 0\n\nQuantum research cooperation item 0.\n")
    (folder / "~$lock.docx").write_bytes(b"lock")
    before = store_digest(store)
    seen: list[int] = []
    read, cancelled = read_paths(store, [folder, folder / "0.txt"], lambda p: seen.append(p.done))
    assert not cancelled and seen == [1, 2, 3, 4, 5]
    status = {r.name: r.status for r in read}
    assert status == {
        "0.txt": "ready",
        "1.txt": "ready",
        "2.txt": "ready",
        "again.txt": "duplicate",  # the same text as 0.txt, earlier in the batch
        "~$lock.docx": "skipped",
    }
    assert store_digest(store) == before  # reading writes nothing
    calls = iter([False, True])
    part, cut = read_paths(store, [folder], cancel=lambda: next(calls))
    assert cut and len(part) == 1
    items = [ImportItem(r, SourceFields(kind="official")) for r in read if r.status == "ready"]
    stop = iter([False, False, True])
    summary = import_read(store, items, cancel=lambda: next(stop))
    assert summary.cancelled and summary.imported == 2 and len(summary.not_started) == 1
    assert {s.kind for s in sources.list_sources(store)} == {"official"}
