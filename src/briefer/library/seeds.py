"""The bundled seed corpus: three real texts on EU-Japan digital cooperation."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from importlib.resources import files

from sqlalchemy import select

from briefer.ingest.readers import read_text
from briefer.library.sources import SourceFields, add_document
from briefer.library.topics import install_default_taxonomy
from briefer.library.views import parse_kind
from briefer.store import Store, UnitOfWork
from briefer.store.models import Source


@dataclass(frozen=True)
class SeedResult:
    added: int
    already_present: int
    topics_added: int


def seed_manifest() -> list[dict[str, object]]:
    data = json.loads((files("briefer.seeds") / "manifest.json").read_text("utf-8"))
    return list(data["sources"])


def load_seeds(store: Store) -> SeedResult:
    """Load the default topics and the seed sources; running it again changes nothing."""
    added = present = 0
    with UnitOfWork(store) as uow:
        s = uow.session
        topics_added = install_default_taxonomy(s)
        for entry in seed_manifest():
            name = str(entry["file"])
            doc = read_text((files("briefer.seeds") / name).read_bytes(), origin=name)
            if s.scalar(select(Source.id).where(Source.content_hash == doc.content_hash)):
                present += 1
                continue
            add_document(
                s,
                doc,
                SourceFields(
                    kind=parse_kind(str(entry["kind"])),
                    title=str(entry["title"]),
                    short_title=str(entry.get("short_title", "")),
                    date=date.fromisoformat(str(entry["date"])),
                    organisations=tuple(entry.get("organisations", ())),  # type: ignore[arg-type]
                    language=str(entry.get("language", "en")),
                ),
            )
            added += 1
        uow.commit()
    return SeedResult(added, present, topics_added)
