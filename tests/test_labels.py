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
