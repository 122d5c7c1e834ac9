"""A new version keeps what the officer corrected on the old one, unless the new file's own
reading is clearly different; organisation lines lose a letterhead's date (texts written for
these tests)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefer.ingest.metadata import propose_metadata
from briefer.ingest.organisations import strip_date
from briefer.library import sources
from briefer.library.sources import SourceFields, import_new_version
from briefer.store import Store


def test_a_letterhead_date_is_not_part_of_the_organisation() -> None:
    for text, org, day in (
        (
            "Directorate-General for Trade, Unit B2 — 2025-04-02",
            "Directorate-General for Trade, Unit B2",
            date(2025, 4, 2),
        ),
        (
            "Ministry of Land and Transport (MLT) — 2025-03-20",
            "Ministry of Land and Transport (MLT)",
            date(2025, 3, 20),
        ),
        (
            "2024-11-05 | Federation of Example Industries",
            "Federation of Example Industries",
            date(2024, 11, 5),
        ),
        (
            "Example Chamber of Commerce, May 12, 2025",
            "Example Chamber of Commerce",
            date(2025, 5, 12),
        ),
        ("日本架空工業会、2025年3月1日", "日本架空工業会", date(2025, 3, 1)),
    ):
        m = propose_metadata(
            f"{text}\n\nNote on port logistics\n\nThe note covers cranes.\n", "n.txt"
        )
        assert m.organisations == (org,), text
        assert m.date == day, text
    # a name with a comma and no date, or a date alone, is left as it is
    assert (
        strip_date("Ministry of Economy, Trade and Industry")
        == "Ministry of Economy, Trade and Industry"
    )
    assert strip_date("30 April 2024") == "30 April 2024"


LETTER = """Example Logistics Association — 2025-01-10

Comments on the port digitalisation plan

The association asks that customs data be shared through one window. {extra}
"""


def _write(path: Path, head: str, extra: str = "") -> Path:
    path.write_text(
        LETTER.replace("Example Logistics Association", head).format(extra=extra), "utf-8"
    )
    return path


def test_new_version_keeps_the_officers_corrections(store: Store, tmp_path: Path) -> None:
    v1 = _write(tmp_path / "comments.txt", "Example Logistics Association")
    first = sources.import_file(store, v1, SourceFields(kind="industry"))
    assert list(sources.get_source(store, first.id).info.organisations) == [
        "Example Logistics Association"
    ]
    # the officer corrects the organisation and the title
    sources.update_source(
        store, first.id, organisations=["Example Logistics Association (ELA)"], title="ELA comments"
    )
    # the same letterhead, new text: the corrections stay
    v2 = _write(tmp_path / "comments.txt", "Example Logistics Association", "Revised in March.")
    second = import_new_version(store, v2, first.id, SourceFields(kind="industry"))
    got = sources.get_source(store, second.id)
    assert list(got.info.organisations) == ["Example Logistics Association (ELA)"]
    assert got.info.title == "ELA comments"
    # a letterhead that clearly changed is read anew
    v3 = _write(tmp_path / "comments.txt", "Northern Ports Federation", "Revised in May.")
    third = import_new_version(store, v3, second.id, SourceFields(kind="industry"))
    assert list(sources.get_source(store, third.id).info.organisations) == [
        "Northern Ports Federation"
    ]
    # ...and what the officer gives for the import always wins
    v4 = _write(tmp_path / "comments.txt", "Northern Ports Federation", "Revised in June.")
    fourth = import_new_version(
        store, v4, third.id, SourceFields(kind="industry", organisations=("NPF",))
    )
    assert list(sources.get_source(store, fourth.id).info.organisations) == ["NPF"]
