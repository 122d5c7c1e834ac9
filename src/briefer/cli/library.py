"""The library's commands: demo, import, sources, source, topics, topic, tag, untag, search."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefer.cli.args import (
    Commands,
    Creates,
    Failed,
    Handlers,
    Reads,
    parse_count,
    parse_date,
    parse_id,
)
from briefer.cli.output import as_dict, clip, emit, fmt_date
from briefer.errors import BrieferError
from briefer.labels import counted, escape_controls

if TYPE_CHECKING:
    import sqlite3

    from briefer.library.importing import FileResult
    from briefer.library.sources import SourceFields
    from briefer.store import Store
    from briefer.store.hits import SearchHit


def register(commands: Commands) -> Handlers:
    commands.add("demo", help="create or open a store and load the seeds")
    _import_parser(commands)

    srcs = commands.add("sources", help="list sources")
    srcs.add_argument("--kind")

    src = commands.add("source", help="show, edit or delete a source")
    commands.actions("source", src, required=True)
    show = commands.action("source", "show", help="metadata, text and passages")
    show.add_argument("id", type=parse_id)
    edit = commands.action("source", "edit", help="edit metadata")
    edit.add_argument("id", type=parse_id)
    edit.add_argument("--title")
    edit.add_argument("--short-title")
    edit.add_argument("--kind")
    edit.add_argument("--date", type=parse_date)
    edit.add_argument("--org", action="append", dest="orgs")
    edit.add_argument("--lang")
    edit.add_argument("--url", help="where the source can be found again (cited in the annex)")
    edit.add_argument("--reference", help="the document's own reference, e.g. COM(2023) 123")
    edit.add_argument(
        "--marking", help="its protective marking, e.g. OFFICIAL-SENSITIVE, LIMITE, 機密性2"
    )
    delete = commands.action("source", "delete", help="delete a source")
    delete.add_argument("id", type=parse_id)

    commands.add("topics", help="list topics with passage counts")
    _topic_parsers(commands)

    for verb in ("tag", "untag"):
        tg = commands.add(verb, help=f"{verb} a passage (manual, kept)")
        tg.add_argument("passage_id", type=parse_id)
        tg.add_argument("topic")

    se = commands.add("search", help="full-text search over passages")
    se.add_argument("query")
    se.add_argument("--kind", action="append", default=[])
    se.add_argument("--topic", action="append", default=[])
    se.add_argument("--source", action="append", type=parse_id, default=[])
    se.add_argument("--since", type=parse_date)
    se.add_argument("--until", type=parse_date)
    se.add_argument("--limit", type=parse_count, default=20)
    se.add_argument("--include-furniture", action="store_true")
    se.add_argument(
        "--no-expand",
        action="store_true",
        help="search only what was typed; without it a word that names a topic also finds "
        "the topic's name in the other language (its first alias there), said on stderr",
    )
    se.add_argument(
        "--build-index",
        action="store_true",
        help="bring the ranking index up to date first, however long it takes (progress "
        "on stderr); without it a small change is indexed on the spot",
    )

    # Reads: commands that change nothing open the store the quick way (briefer.bootstrap).
    # Creates: the only ones that may make a new store file.
    return {
        "demo": Creates(_demo),
        "import": Creates(_import),
        "sources": Reads(_sources),
        "source show": Reads(_source_show),
        "source edit": _source_edit,
        "source delete": _source_delete,
        "topics": Reads(_topics),
        "topic show": Reads(_topic_show),
        "topic add": _topic_add,
        "topic rename": _topic_rename,
        "topic merge": _topic_merge,
        "topic aliases": _topic_aliases,
        "topic delete": _topic_delete,
        "topic learned": _topic_learned,
        "topic retag": _topic_retag,
        "tag": _tag,
        "untag": _untag,
        "search": Reads(_search, direct=_search_direct),
    }


def _import_parser(commands: Commands) -> None:
    imp = commands.add("import", help="import files or folders")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument(
        "--kind",
        default="auto",
        help="industry, official, other, or auto (the default): each file's suggested kind",
    )
    imp.add_argument("--title")
    imp.add_argument("--short-title")
    imp.add_argument("--date", type=parse_date)
    imp.add_argument("--org", action="append", dest="orgs", help="organisation (repeatable)")
    imp.add_argument("--lang")
    imp.add_argument("--dry-run", action="store_true", help="show what would be created")
    imp.add_argument(
        "--new-version-of",
        type=parse_id,
        metavar="ID",
        help="import FILE as a new version of source ID (the old one is kept)",
    )
    imp.add_argument(
        "--keep-both",
        action="store_true",
        help="import a file that reads like a source already in beside it (else it is held)",
    )
    imp.add_argument(
        "--ocr",
        action="store_true",
        help="read scanned PDFs (no text layer) with Tesseract OCR, when installed",
    )
    imp.add_argument(
        "--attachment",
        type=int,
        metavar="N",
        help="import attachment N (as listed on import) of the e-mail FILE",
    )


def _topic_parsers(commands: Commands) -> None:
    topic = commands.add("topic", help="show and edit topics")
    commands.actions("topic", topic, required=True)
    t_show = commands.action("topic", "show", help="passages grouped by kind")
    t_show.add_argument("name")
    t_add = commands.action("topic", "add", help="add a topic")
    t_add.add_argument("name")
    t_add.add_argument("--alias", action="append", default=[])
    t_add.add_argument("--description", default="")
    t_ren = commands.action("topic", "rename")
    t_ren.add_argument("name")
    t_ren.add_argument("new_name")
    t_merge = commands.action("topic", "merge", help="merge NAME into INTO")
    t_merge.add_argument("name")
    t_merge.add_argument("into")
    t_al = commands.action("topic", "aliases", help="replace a topic's aliases")
    t_al.add_argument("name")
    t_al.add_argument("aliases", nargs="*")
    t_del = commands.action("topic", "delete")
    t_del.add_argument("name")
    t_learn = commands.action("topic", "learned", help="words your manual tags taught a topic")
    t_learn.add_argument("name")
    t_learn_do = t_learn.add_mutually_exclusive_group()
    t_learn_do.add_argument("--reset", action="store_true", help="forget them and re-tag")
    t_learn_do.add_argument("--retag", action="store_true", help="re-tag the library with them")
    t_retag = commands.action(
        "topic",
        "retag",
        help="finish the re-tag an upgrade scheduled (new default aliases), or re-tag "
        "the library for the named topics",
    )
    t_retag.add_argument("names", nargs="*", metavar="NAME")
    t_retag.add_argument("--all", action="store_true", help="re-tag for every topic")


# --------------------------------------------------------------------------- demo, import


def _demo(ns: argparse.Namespace, store: Store) -> None:
    from briefer.library.seeds import load_seeds

    result = load_seeds(store)
    emit(
        ns,
        {"store": store.label, "added": result.added, "already_present": result.already_present},
        lambda: (
            f"Store {store.label}: {counted(result.added, 'seed source', 'seed sources')} added, "
            f"{result.already_present} already present."
        ),
    )


def _import_fields(ns: argparse.Namespace) -> SourceFields | Callable[..., Any]:
    """The officer's values; ``--kind auto`` takes each file's suggested kind."""
    from briefer.library.sources import SourceFields
    from briefer.library.views import parse_kind

    base = dict(
        title=ns.title,
        short_title=ns.short_title,
        date=ns.date,
        organisations=tuple(ns.orgs) if ns.orgs else None,
        language=ns.lang,
    )
    if ns.kind.strip().lower() in ("auto", "suggest"):
        from briefer.ingest.kind import suggest_kind

        return lambda _path, doc: SourceFields(
            kind=parse_kind(suggest_kind(doc)),
            **base,  # type: ignore[arg-type]
        )
    return SourceFields(kind=parse_kind(ns.kind), **base)  # type: ignore[arg-type]


def _result_json(r: FileResult) -> dict[str, object]:
    out: dict[str, object] = {"file": str(r.path), "status": r.status}
    if r.reason:
        out["reason"] = r.reason
    if r.source is not None:
        out["source"] = r.source
    if r.existing_id is not None:
        out["existing_id"] = r.existing_id
    if r.status in ("imported", "would_import"):
        out.update(title=r.title, kind=r.kind, date=r.date, passages=r.passages, format=r.format)
        if r.file_date:
            out["file_date"] = r.file_date
    if r.previous_version_id is not None:
        out["previous_version_id"] = r.previous_version_id
    if r.near_duplicates:
        out["near_duplicates"] = [
            {"source_id": n.source_id, "title": n.title, "similarity": round(n.similarity, 2)}
            for n in r.near_duplicates
        ]
    if r.attachments:
        out["attachments"] = [
            {"index": i, "filename": name, "command": _attachment_command(r, i)}
            for i, name in enumerate(r.attachments, start=1)
        ]
    return out


def _attachment_command(r: FileResult, index: int) -> str:
    return f"briefer import {r.path} --attachment {index}"


def _import_attachment(ns: argparse.Namespace, store: Store, fields: Any) -> None:
    """`briefer import mail.eml --attachment N`: that attachment as a source of its own."""
    from briefer.ingest.email_reader import read_attachment
    from briefer.library import sources

    if len(ns.files) != 1 or ns.files[0].is_dir():
        raise BrieferError("--attachment takes exactly one e-mail file.")
    if ns.attachment < 1:
        raise BrieferError("--attachment counts from 1, as the import summary lists them.")
    path = ns.files[0]
    doc = read_attachment(path, ns.attachment - 1)
    chosen = fields(path, doc) if callable(fields) else fields
    if ns.dry_run:
        title = chosen.title or doc.proposed.title
        emit(
            ns,
            {"results": [{"file": doc.origin, "status": "would_import", "title": title}]},
            lambda: f"would import  {doc.origin}  as “{title}”  kind {chosen.kind}",
        )
        return
    info = sources.import_document(store, doc, chosen)
    emit(
        ns,
        {"results": [{"file": doc.origin, "status": "imported", "source": info}]},
        lambda: f"imported  #{info.id}  {info.title}  ({info.passage_count} passages)",
    )


def _attachment_lines(r: FileResult) -> str:
    """Each attachment of an imported e-mail with the command that imports it."""
    return "".join(
        f"\n    attachment {i}: {name}  ({_attachment_command(r, i)})"
        for i, name in enumerate(r.attachments, start=1)
    )


def _result_line(r: FileResult) -> str:
    if r.status == "imported" and r.source is not None:
        note = f"\n    note: {r.reason}" if r.reason else ""
        return (
            f"imported  #{r.source.id}  {r.source.title}  ({r.passages} passages)"
            f"{_attachment_lines(r)}{note}"
        )
    if r.status == "would_import":
        hint = (
            f"  [maybe a new version of #{r.previous_version_id}: "
            f"--new-version-of {r.previous_version_id}]"
            if r.previous_version_id
            else ""
        )
        return (
            f"would import  {r.path}  as “{r.title}”  kind {r.kind}, date {fmt_date(r.date)}"
            + (f" (file properties: {fmt_date(r.file_date)})" if r.file_date else "")
            + ", "
            f"{r.passages} passages ({r.format}){hint}{_attachment_lines(r)}"
            + (f"\n    note: {r.reason}" if r.reason else "")
        )
    # a reason that starts with the file's name already says which file it is
    if r.status == "failed":  # said on stderr, after "briefer: error: "
        return (
            r.reason if r.reason.startswith((str(r.path), r.path.name)) else f"{r.path}: {r.reason}"
        )
    return f"{r.status}  {r.path}: {r.reason}"


def _import_new_version(ns: argparse.Namespace, store: Store, fields: Any) -> None:
    from briefer.library import sources

    if len(ns.files) != 1 or ns.files[0].is_dir():
        raise BrieferError("--new-version-of takes exactly one file.")
    if ns.dry_run:
        raise BrieferError("--dry-run cannot be combined with --new-version-of.")
    explicit = fields if isinstance(fields, sources.SourceFields) else None
    info = sources.import_new_version(store, ns.files[0], ns.new_version_of, explicit)
    emit(
        ns,
        {
            "results": [
                {
                    "file": str(ns.files[0]),
                    "status": "imported",
                    "source": info,
                    "previous_version_id": ns.new_version_of,
                }
            ],
            "summary": {"imported": 1, "duplicate": 0, "failed": 0, "skipped": 0},
        },
        lambda: (
            f"imported  #{info.id}  {info.title}  ({info.passage_count} passages) "
            f"as a new version of #{ns.new_version_of}\n1 imported, 0 duplicate, 0 failed, "
            "0 skipped"
        ),
    )


def _import(ns: argparse.Namespace, store: Store) -> None:
    from briefer.library.importing import expand_paths, import_paths

    fields = _import_fields(ns)
    if ns.new_version_of is not None:
        _import_new_version(ns, store, fields)
        return
    if ns.attachment is not None:
        _import_attachment(ns, store, fields)
        return
    targets = expand_paths(ns.files)
    if not targets:
        raise BrieferError("Nothing to import: no files found.")
    if sum(1 for _, skip in targets if not skip) > 1 and ns.title:
        raise BrieferError("--title applies to one file; import files one by one to title each.")
    summary = import_paths(
        store,
        ns.files,
        fields,
        dry_run=ns.dry_run,
        near_duplicate="keep_both" if ns.keep_both else "ask",
        ocr=ns.ocr,
    )

    json_out = getattr(ns, "json", False)
    if not json_out:  # each failure once, on stderr (the JSON lists them with the rest)
        for r in summary.results:
            if r.status == "failed":
                print(f"briefer: error: {escape_controls(_result_line(r))}", file=sys.stderr)

    def text() -> str:
        lines = (_result_line(r) for r in summary.results if r.status != "failed")
        return "\n".join([*lines, summary.line()])

    emit(
        ns,
        {"results": [_result_json(r) for r in summary.results], "summary": summary.counts()},
        text,
    )
    done = summary.imported + summary.would_import
    if done == 0 and summary.failed:
        raise Failed  # each failure was said once, above: exit 1 without repeating it


# --------------------------------------------------------------------------- sources


def _sources(ns: argparse.Namespace, store: Store) -> None:
    from briefer.library import sources
    from briefer.library.views import KIND_LABELS, SOURCE_KINDS, parse_kind

    kind = parse_kind(ns.kind) if ns.kind else None
    items = sources.list_sources(store, kind)

    def text() -> str:
        lines = []
        for k in SOURCE_KINDS:
            group = [s for s in items if s.kind == k]
            if group:
                lines.append(f"{KIND_LABELS[k]}s" if k != "other" else "Other")
                lines += [
                    f"  #{s.id:<5} {fmt_date(s.date):<10}  {s.title}"
                    f"  [{', '.join(s.organisations)}]"
                    for s in group
                ]
        return (
            "\n".join(lines)
            or "No sources yet: `briefer import FILE --kind ...` or `briefer demo`."
        )

    emit(ns, items, text)


def _source_show(ns: argparse.Namespace, store: Store) -> None:
    from briefer.library import sources
    from briefer.library.views import KIND_LABELS

    d = sources.get_source(store, ns.id)
    data = {**as_dict(d.info), "text": d.text, "passages": d.passages}

    def text() -> str:
        i = d.info
        head = [
            f"#{i.id} {i.title}",
            f"kind: {KIND_LABELS[i.kind]}   date: {fmt_date(i.date)}   language: {i.language}",
            f"organisations: {', '.join(i.organisations) or '—'}",
            f"origin: {i.origin}",
            f"url: {i.url or '—'}   reference: {i.reference or '—'}   marking: {i.marking or '—'}",
            "",
        ]
        for p in d.passages:
            flag = "" if p.content else "  (furniture)"
            tags = f"  [{', '.join(p.topics)}]" if p.topics else ""
            path = " › ".join(p.heading_path)
            head.append(f"{p.id:>6} {p.start:>6}-{p.end:<6} {p.kind:<9} {path}{flag}{tags}")
            head.append(f"        {p.text[:200]}")
        return "\n".join(head)

    emit(ns, data, text)


def _source_edit(ns: argparse.Namespace, store: Store) -> None:
    from briefer.library import sources
    from briefer.library.views import parse_kind

    changes: dict[str, object] = {}
    for key, attr in (
        ("title", "title"),
        ("short_title", "short_title"),
        ("lang", "language"),
        ("url", "url"),
        ("reference", "reference"),
        ("marking", "marking"),
    ):
        if getattr(ns, key) is not None:
            changes[attr] = getattr(ns, key)
    if ns.kind:
        changes["kind"] = parse_kind(ns.kind)
    if ns.date:
        changes["date"] = ns.date
    if ns.orgs:
        changes["organisations"] = ns.orgs
    if not changes:
        raise BrieferError(
            "Nothing to change: give --title, --kind, --date, --org, --lang, --url, "
            "--reference or --marking."
        )
    info = sources.update_source(store, ns.id, **changes)
    emit(ns, info, lambda: f"Updated #{info.id} {info.title}")


def _source_delete(ns: argparse.Namespace, store: Store) -> None:
    from briefer.library import sources

    sources.delete_source(store, ns.id)
    emit(ns, {"deleted": ns.id}, lambda: f"Deleted source #{ns.id}")


# --------------------------------------------------------------------------- topics


def _topics(ns: argparse.Namespace, store: Store) -> None:
    from briefer.library import topics

    items = topics.list_topics(store)

    def text() -> str:
        lines = [f"{'topic':<40} {'industry':>8} {'official':>8} {'other':>6}"]
        for t in items:
            c = t.counts
            lines.append(f"{t.name:<40} {c['industry']:>8} {c['official']:>8} {c['other']:>6}")
        return "\n".join(lines)

    emit(ns, [{**as_dict(t), **t.counts} for t in items], text)


def _topic_show(ns: argparse.Namespace, store: Store) -> None:
    from briefer.library import topics
    from briefer.library.views import KIND_LABELS, SOURCE_KINDS

    info = topics.get_topic(store, ns.name)
    rows = topics.topic_passages(store, info.id)
    grouped: dict[str, list[dict[str, object]]] = {k: [] for k in SOURCE_KINDS}
    for r in rows:
        grouped[r.source.kind].append(
            {
                **as_dict(r.passage),
                "source_id": r.source.id,
                "source_title": r.source.title,
                "source_date": r.source.date,
                "score": r.score,
                "origin": r.origin,
                "primary": r.primary,
            }
        )

    def text() -> str:
        lines = [f"{info.name}  (aliases: {', '.join(info.aliases) or '—'})"]
        for k in SOURCE_KINDS:
            lines.append(f"\n{KIND_LABELS[k]} ({len(grouped[k])})")
            for r in rows:
                if r.source.kind != k:
                    continue
                path = " › ".join(r.passage.heading_path)
                where = f"{clip(r.source.title, 40)}, {fmt_date(r.source.date)}"
                lines.append(f"  #{r.passage.id} [{where}] {path}")
                lines.append(f"      {clip(r.passage.text, 160)}")
        return "\n".join(lines)

    emit(ns, {"topic": info, **grouped}, text)


def _emit_topic(ns: argparse.Namespace, info: Any) -> None:
    emit(
        ns,
        info,
        lambda: f"{info.name}: aliases {', '.join(info.aliases) or '—'}; passages {info.counts}",
    )


def _topic_add(ns: argparse.Namespace, store: Store) -> None:
    from briefer.library import topics

    _emit_topic(ns, topics.add_topic(store, ns.name, ns.alias, ns.description))


def _topic_rename(ns: argparse.Namespace, store: Store) -> None:
    from briefer.library import topics

    _emit_topic(ns, topics.rename_topic(store, ns.name, ns.new_name))


def _topic_merge(ns: argparse.Namespace, store: Store) -> None:
    from briefer.library import topics

    _emit_topic(ns, topics.merge_topics(store, ns.name, ns.into))


def _topic_aliases(ns: argparse.Namespace, store: Store) -> None:
    from briefer.library import topics

    _emit_topic(ns, topics.set_aliases(store, ns.name, ns.aliases))


def _topic_delete(ns: argparse.Namespace, store: Store) -> None:
    from briefer.library import topics

    topics.delete_topic(store, ns.name)
    emit(ns, {"deleted": ns.name}, lambda: f"Deleted topic {ns.name}")


def _topic_retag(ns: argparse.Namespace, store: Store) -> None:
    """In batches, one transaction each, with progress on stderr: Ctrl+C keeps what is done,
    and the next run (or the window) carries on."""
    from briefer.library import pending_retag, topics
    from briefer.store import UnitOfWork

    if ns.all or ns.names:
        with UnitOfWork(store) as uow:
            ids = None if ns.all else [topics.find_topic(uow.session, n).id for n in ns.names]
            pending_retag.schedule(uow.session, ids)
            uow.commit()
    shown = [-1]

    def report(p: pending_retag.Progress) -> None:
        if getattr(ns, "json", False) or not sys.stderr.isatty():
            return
        if p.done != shown[0]:
            shown[0] = p.done
            print(f"briefer: re-tagging: {p.done:,} of {p.total:,} sources", file=sys.stderr)

    result = pending_retag.resume(store, on_progress=report)
    if result is None:
        emit(
            ns,
            {"retagged_sources": 0, "finished": True},
            lambda: "Nothing to re-tag: no re-tag is scheduled (name topics or use --all).",
        )
        return
    emit(
        ns,
        {"retagged_sources": result.done, "finished": result.finished},
        lambda: f"Re-tagged the library: {counted(result.total, 'source', 'sources')}.",
    )


def _topic_learned(ns: argparse.Namespace, store: Store) -> None:
    from briefer.library import topics

    if ns.reset:
        n = topics.reset_learned_terms(store, ns.name)
        forgot = counted(n, "learned word", "learned words")
        emit(ns, {"topic": ns.name, "forgotten": n}, lambda: f"Forgot {forgot}.")
        return
    if ns.retag:
        topics.retag_topic(store, ns.name)
    info, learned = topics.learned_terms(store, ns.name)

    def text() -> str:
        if not learned:
            return (
                f"{info.name}: nothing learned yet (tag or untag passages by hand: words "
                "that at least two of your tagged passages share become evidence)."
            )
        lines = [f"{info.name}: words your tags taught (weaker than aliases)"]
        lines += [
            f"  {t.term:<30} G={t.score:<8.2f} in {t.positives} tagged / {t.negatives} other"
            for t in learned
        ]
        return "\n".join(lines)

    emit(ns, {"topic": info, "learned": learned}, text)


def _tag(ns: argparse.Namespace, store: Store) -> None:
    from briefer.library import topics

    topics.set_tag(store, ns.passage_id, ns.topic, True)
    emit(
        ns,
        {"passage_id": ns.passage_id, "topic": ns.topic, "tagged": True},
        lambda: f"Tagged passage #{ns.passage_id} with {ns.topic}",
    )


def _untag(ns: argparse.Namespace, store: Store) -> None:
    from briefer.library import topics

    topics.set_tag(store, ns.passage_id, ns.topic, False)
    emit(
        ns,
        {"passage_id": ns.passage_id, "topic": ns.topic, "tagged": False},
        lambda: f"Untagged passage #{ns.passage_id} from {ns.topic}",
    )


# --------------------------------------------------------------------------- search


def _search_filters(ns: argparse.Namespace) -> dict[str, Any]:
    from briefer.library.views import parse_kind

    return {
        "kinds": [parse_kind(k) for k in ns.kind],
        "topics": ns.topic,
        "source_ids": ns.source,
        "since": ns.since,
        "until": ns.until,
        "include_furniture": ns.include_furniture,
        "expand": not ns.no_expand,
    }


def _say_expansions(ns: argparse.Namespace, found: list[Any]) -> None:
    """ "Also searching: 半導体 (Semiconductors)" on stderr, before the hits."""
    if ns.no_expand or not found:
        return
    also = "; ".join(f"{', '.join(e.also)} ({e.topic})" for e in found)
    print(f"Also searching: {also}. --no-expand searches only what you typed.", file=sys.stderr)


#: Passages ``briefer search`` indexes on the spot when the ranking index is behind (an
#: import of a few documents: a second or two); past this it answers from FTS5 and says how
#: to bring the index up to date (``--build-index``, or the window, which does it itself).
CLI_INDEX_BUDGET = 20_000


def _keep_rank_index(ns: argparse.Namespace, path: Path | None) -> None:
    """Bring the store's ranking index (``store.rank_index``) up to date before a search:
    on the spot when the change is small or ``--build-index`` asks, otherwise a note on
    stderr: the answer is then FTS5's (the 1,000 newest matches ranked), never a stale one."""
    if path is None:
        return
    import sqlite3  # here, not at the top: --help and --version need no SQLite

    from briefer.store import rank_index

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        fts = rank_index.fts_structure(con)
    finally:
        con.close()
    if rank_index.status(path, fts) == "current":
        return
    progress = None
    if ns.build_index and sys.stderr.isatty():

        def progress(done: int, total: int) -> None:
            print(
                f"\rIndexing for ranking: {done:,} of {total:,} passages",
                end="",
                file=sys.stderr,
                flush=True,
            )

    result = rank_index.update(
        path, progress=progress, max_passages=None if ns.build_index else CLI_INDEX_BUDGET
    )
    if progress is not None:
        print(file=sys.stderr)
    if ns.build_index:
        print(
            f"Ranking index: {result.passages_added:,} passages indexed in {result.seconds:.1f} s"
            + ("" if result.complete else f" ({result.note})"),
            file=sys.stderr,
        )
    elif not result.complete:
        print(
            f"Note: the ranking index is behind the store ({result.note}): only the 1,000 "
            "newest matches were ranked. Run `briefer search --build-index ...` or open the "
            "window to bring it up to date.",
            file=sys.stderr,
        )


def _search(ns: argparse.Namespace, store: Store) -> None:
    from briefer.library import search as search_service

    _keep_rank_index(ns, search_service.rank_index_file(store))
    filters = _search_filters(ns)
    if filters["expand"]:
        _say_expansions(ns, search_service.expansions(store, ns.query))
    hits = search_service.search(store, ns.query, limit=ns.limit, **filters)
    _emit_hits(ns, hits, lambda: search_service.count(store, ns.query, **filters))


def _search_direct(ns: argparse.Namespace, con: sqlite3.Connection) -> bool:
    """``briefer search`` on a plain sqlite3 connection: the same query builder as the
    service (``store.search``), the same output. A topic filter (a name resolved through
    the topics service) takes the full path."""
    if ns.topic:
        return False
    from briefer.store.search import (
        count_passages,
        expansions,
        search_passages,
        search_query,
        store_file,
    )

    _keep_rank_index(ns, store_file(con))
    filters = _search_filters(ns)
    del filters["topics"]
    if filters["expand"]:
        _say_expansions(ns, expansions(con, ns.query))
    q = search_query(ns.query, limit=ns.limit, **filters)
    hits = search_passages(con, q)
    _emit_hits(ns, hits, lambda: count_passages(con, q))
    return True


def _emit_hits(ns: argparse.Namespace, hits: list[SearchHit], count: Callable[[], int]) -> None:
    def text() -> str:
        if not hits:
            return "No passages found."
        lines = []
        for i, h in enumerate(hits, 1):
            snippet = h.snippet.replace("<mark>", "[").replace("</mark>", "]")
            flag = "" if h.content else " (furniture)"
            if h.matched_in != "text":
                flag += f" (matched in the {h.matched_in})"
            lines.append(
                f"{i:>2}. #{h.passage_id} {clip(h.source_title, 50)} ({fmt_date(h.source_date)}, "
                f"{h.source_kind}){flag}  score {h.score:.2f}\n    {snippet}"
            )
        if len(hits) >= ns.limit:  # there may be more: say how many match in all
            total = count()
            if total > len(hits):
                lines.append(f"{len(hits)} of {total:,} matching passages shown (--limit).")
        return "\n".join(lines)

    emit(ns, hits, text)
