"""``briefer search``: a word that names a topic also finds the topic's name in the other
language, says so on stderr, and ``--no-expand`` searches only what was typed; on both the
direct read path and the full one (a topic filter)."""

from __future__ import annotations

import json

import pytest
from cli_helpers import run

from briefer.library import topics
from briefer.store import open_store
from briefer.store.search import _CJK


def _heads(store: str) -> tuple[str, str, str]:
    """(topic name, first Latin alias, first Japanese alias) of the store's topic whose
    first Latin alias is "semiconductor" (the default taxonomy's; not named in the logic)."""
    s = open_store(store)
    try:
        for t in topics.list_topics(s, counts=False):
            latin = next((a for a in t.aliases if not _CJK.search(a)), "")
            if latin.casefold() == "semiconductor":
                return t.name, latin, next(a for a in t.aliases if _CJK.search(a))
    finally:
        s.close()
    raise AssertionError("no such topic")


@pytest.mark.parametrize("full_path", [False, True])
def test_search_also_finds_the_other_language(demo: str, capsys, tmp_path, full_path) -> None:  # type: ignore[no-untyped-def]
    name, latin, ja = _heads(demo)
    doc = tmp_path / "2024-06-01_ja-note.txt"
    doc.write_text(f"日EU間で{ja}の供給網について議論した。\n\n出張予算の段落。\n", "utf-8")
    assert run(capsys, "--store", demo, "import", str(doc), "--kind", "other")[0] == 0
    extra = ["--topic", name] if full_path else []
    code, out, err = run(
        capsys, "--store", demo, "--json", "search", latin, "--limit", "50", *extra
    )
    assert code == 0
    assert f"Also searching: {ja} ({name})" in err and "--no-expand" in err
    hits = json.loads(out)
    texts = [h["text"] for h in hits]
    if not full_path:  # the Japanese note is untagged: a topic filter leaves it out
        assert any(ja in t for t in texts)
    assert any(latin in t.casefold() for t in texts)
    code, out, err = run(
        capsys, "--store", demo, "--json", "search", latin, "--limit", "50", "--no-expand", *extra
    )
    assert code == 0 and "Also searching" not in err
    plain = [h["text"] for h in json.loads(out)]
    assert plain and not any(ja in t for t in plain)
    # and the other way round, in the text output
    code, out, err = run(capsys, "--store", demo, "search", ja, "--limit", "50")
    assert code == 0 and f"Also searching: {latin}" in err
    assert f"[{ja}]" in out and f"[{latin}" in out.casefold()


def test_a_word_naming_no_topic_says_nothing(demo: str, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = run(capsys, "--store", demo, "search", "budget")
    assert code == 0 and "Also searching" not in err
