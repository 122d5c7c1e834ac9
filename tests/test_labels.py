"""Metadata labels: cleaning is idempotent (an undone and redone edit stores what the first
edit stored; the random-operations property test found "0\\r\\x1f\\r0" cleaned to "0  0" and
then to "0 0")."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefer.labels import clean_label


@given(st.text(alphabet=st.sampled_from(list("ab 0\t\n\r\x1f\x00\x1b[]m\x07\x85")), max_size=40))
def test_cleaning_twice_is_cleaning_once(text: str) -> None:
    once = clean_label(text)
    assert clean_label(once) == once
    assert "  " not in once and once == once.strip()


def test_a_control_between_line_breaks_leaves_one_space() -> None:
    assert clean_label("0\r\x1f\r0") == "0 0"


def test_counted_says_one_and_many_in_words():
    from briefer.labels import counted

    assert counted(1, "source", "sources") == "1 source"
    assert counted(0, "source", "sources") == "0 sources"
    assert counted(12_500, "source", "sources") == "12,500 sources"


def test_no_message_counts_with_a_parenthesised_plural():
    """'file(s)', 'source(s)': messages speak in counted words (labels.counted in the core,
    Qt's plural forms in the window). Docstrings and comments may say what they like."""
    import ast
    import re
    from pathlib import Path

    import briefer

    root = Path(briefer.__file__).parent
    pattern = re.compile(r"[A-Za-z]\((?:s|es)\)")
    found = []
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        found += [
            f"{path.relative_to(root)}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and pattern.search(node.value)
        ]
    assert found == []
