"""A store made with an older default taxonomy gets the aliases newer versions added, once,
without undoing the officer's edits."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, select

from briefer.bootstrap import open_for_use
from briefer.library import pending_retag, sources, topics
from briefer.store import ReadSession, UnitOfWork, open_store
from briefer.store.models import StoreSetting, TopicAlias


def _age_store(path: Path, drop: list[str]) -> None:
    """Make the store look as if a version-2 Briefer had made it: the version-3 aliases
    are missing and the recorded version is 2."""
    store = open_for_use(path)
    try:
        v3 = topics._taxonomy()["aliases_added"]["3"]
        with UnitOfWork(store) as uow:
            keys = [topics._key(a) for a in v3] + [topics._key(a) for a in drop]
            uow.session.execute(delete(TopicAlias).where(TopicAlias.key.in_(keys)))
            uow.session.get(StoreSetting, topics.TAXONOMY_VERSION_KEY).value = "2"  # type: ignore[union-attr]
            uow.commit()
    finally:
        store.close()


def test_an_old_store_gains_new_defaults_but_keeps_the_officers_edits(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _age_store(path, drop=["EuroHPC"])  # a version-2 alias the officer removed
    store = open_store(path)  # opened without the bootstrap: the store as it was
    try:
        hpc = topics.get_topic(store, "High-performance computing")
        assert "EuroHPC" not in hpc.aliases and "AI Factories" not in hpc.aliases
        # The officer also gave a new default alias to a topic of their own.
        topics.add_topic(store, "Compute for AI", aliases=["AIファクトリー"])
        doc = tmp_path / "note.md"
        doc.write_text("# Note\n\nThe two sides will open their AI Factories to startups.\n")
        sources.import_file(store, doc, sources.SourceFields(kind="official"))
        assert topics.topic_passages(store, "High-performance computing") == []
    finally:
        store.close()

    store = open_for_use(path)  # a newer Briefer opens it
    try:
        hpc = topics.get_topic(store, "High-performance computing")
        assert "AI Factories" in hpc.aliases  # new in version 3: added
        assert "EuroHPC" not in hpc.aliases  # removed by the officer: not brought back
        assert "AIファクトリー" not in hpc.aliases  # the officer's topic keeps it
        assert "AIファクトリー" in topics.get_topic(store, "Compute for AI").aliases
        # Opening only schedules the re-tag (minutes at 10,000 sources): a worker does it.
        with ReadSession(store) as s:
            assert pending_retag.progress(s) == pending_retag.Progress(0, 1, False)
        assert topics.topic_passages(store, "High-performance computing") == []
        assert pending_retag.resume(store) == pending_retag.Progress(1, 1, True)
        # The library is re-tagged with the new aliases.
        [passage] = topics.topic_passages(store, "High-performance computing")
        assert "AI Factories" in passage.passage.text
        # Removing a new default afterwards sticks across openings.
        topics.set_aliases(
            store, "High-performance computing", [a for a in hpc.aliases if a != "AI Factories"]
        )
    finally:
        store.close()
    store = open_for_use(path)
    try:
        assert "AI Factories" not in topics.get_topic(store, "High-performance computing").aliases
        with ReadSession(store) as s:
            version = s.scalar(
                select(StoreSetting.value).where(StoreSetting.key == topics.TAXONOMY_VERSION_KEY)
            )
        assert version == str(topics._taxonomy()["taxonomy_version"])
    finally:
        store.close()


def test_a_new_store_records_the_version_and_merges_nothing(tmp_path: Path) -> None:
    store = open_for_use(tmp_path / "new.sqlite")
    try:
        with UnitOfWork(store) as uow:
            assert topics.merge_default_aliases(uow.session) == 0
    finally:
        store.close()
