"""Queries whose counts every engine must give exactly (shared by the SQLite and PG tests)."""

from __future__ import annotations

from pathlib import Path

from briefer.library import search as search_service
from briefer.library import sources
from briefer.library.sources import SourceFields
from briefer.store import Store

MIXED = (
    "日EU協力の現状\n\n"
    "双方は、IPEFの枠組みでサプライチェーン協力を進めることで一致した。\n\n"
    "量子暗号通信（QKD）の実証について、NICTと欧州側が意見交換を行った。\n\n"
    "半導体の研究開発で協力する。半導体の供給網を強化する。\n\n"
    "The partners discussed the IPEF supply chain agreement and data flows.\n"
)

QUERIES: tuple[tuple[str, dict[str, object]], ...] = (
    ("data", {}),
    ("data", {"kinds": ["official"]}),
    ("cyber", {"prefix": True}),
    ('"submarine cables"', {}),
    ("IPEF", {}),
    ("QKD", {}),
    ("半導体", {}),
    ("協力", {}),
    ("の", {}),
    ("nothingmatchesthis", {}),
)


def add_mixed(store: Store, tmp_path: Path) -> None:
    f = tmp_path / "mixed.txt"
    f.write_text(MIXED, encoding="utf-8")
    sources.import_file(store, f, SourceFields(kind="official"))


def check_counts(store: Store) -> None:
    """``count`` is the number of passages ``search`` returns when nothing limits it."""
    for query, filters in QUERIES:
        every = search_service.search(store, query, limit=100_000, **filters)  # type: ignore[arg-type]
        assert search_service.count(store, query, **filters) == len(every), (query, filters)  # type: ignore[arg-type]
    assert search_service.count(store, "data") > 0
