"""Class 1 of issue 20: no regular expression in ``ingest`` backtracks into quadratic time.

Every compiled pattern in every ``briefer.ingest`` module is found by introspection (a new
one is covered without editing this file) and run over pathological shapes: long runs of
whitespace, markers and nesting, with and without a tail that makes the match fail. Then the
readers themselves are run over the inputs that took minutes before (a line of 200 KB of
spaces, a list indented 2,000 levels, 400 k spaces then "x" in a DOCX run or an e-mail).
Growth is measured (time at n and 4n), never a wall-clock limit.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import io
import os
import pkgutil
import re
import shutil
import tempfile
from email.message import EmailMessage
from pathlib import Path

import pytest
from docx import Document as make_document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from linear_time import FACTOR, MAX_RATIO, best_time, fast_enough, growth

import briefer.ingest
from briefer.errors import IngestError
from briefer.ingest.readers import read_path, read_text
from briefer.ingest.structure import clean_block_text

FULL = os.environ.get("BRIEFER_RELIABILITY_FULL") == "1"


def _ingest_patterns() -> list[tuple[str, re.Pattern]]:
    found: list[tuple[str, re.Pattern]] = []
    for info in pkgutil.iter_modules(briefer.ingest.__path__):
        module = importlib.import_module(f"briefer.ingest.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.append((f"{info.name}.{name}", value))
            elif (
                value and isinstance(value, tuple) and all(isinstance(v, re.Pattern) for v in value)
            ):
                found.extend((f"{info.name}.{name}[{i}]", v) for i, v in enumerate(value))
    return found


PATTERNS = _ingest_patterns()

# The runs that make backtracking patterns explode, and what may sit around them.
FILLERS = [
    " ",
    "\t",
    "\n",
    "\u3000",
    "\xa0",
    " \n",
    "\n ",
    "-",
    "- ",
    "#",
    "# ",
    "1",
    "1.",
    "a",
    "a ",
    "|",
    "| ",
    "|--",
    ":",
    "日",
    "日\n",
    "<!--a-->",
    "著作権は",
    "(",
    "第",
]
PREFIXES = ["", "# ", "1", "1.", "|", "日", "- ", "(c)", "page ", "<meta ", "> "]
SUFFIXES = ["", "x", "\x00", "\nx y"]


def _run(pattern: re.Pattern, text: str) -> callable:
    subject: str | bytes = text.encode("utf-8") if isinstance(pattern.pattern, bytes) else text

    def run() -> None:
        pattern.match(subject)
        for _ in pattern.finditer(subject):  # what search, sub and split do
            pass

    return run


def _check(prefix: str, filler: str, suffix: str) -> None:
    slow = []
    for name, pattern in PATTERNS:

        def work(n: int, pattern: re.Pattern = pattern) -> callable:
            return _run(pattern, prefix + filler * n + suffix)

        # A quadratic pattern takes tens of milliseconds on 4,000 repeats, a linear one a few
        # at most, so only the slow ones are measured for growth.
        if fast_enough(work, 4_000 // len(filler) + 1, 0.003):
            continue
        n, ratio = growth(work, 500, 16_000)
        if ratio > MAX_RATIO:
            slow.append(f"{name}: x{ratio:.1f} from n={n}")
    assert not slow, f"{prefix!r} + {filler!r}*n + {suffix!r}: " + "; ".join(slow)


def test_every_ingest_pattern_is_found() -> None:
    names = {name for name, _ in PATTERNS}
    # the ones issue 20 named, so that the introspection cannot silently find nothing
    assert {"markdown_reader._ATX", "structure._TRAILING", "readers._HTML_START"} <= names
    assert len(PATTERNS) >= 30


@pytest.mark.parametrize("filler", FILLERS)
def test_patterns_are_linear_on_runs(filler: str) -> None:
    for prefix in PREFIXES if FULL else ["", "1", "1.", "# ", "日"]:
        for suffix in SUFFIXES if FULL else ["x\ny"]:
            _check(prefix, filler, suffix)


@settings(
    max_examples=200 if FULL else 10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    prefix=st.sampled_from(PREFIXES) | st.text(" \t\n-#|:1.日(<>!", max_size=4),
    filler=st.text(" \t\n\u3000-#|:1.a日<!>", min_size=1, max_size=4),
    suffix=st.sampled_from(SUFFIXES) | st.text(" \t\nx#|-", max_size=3),
)
def test_patterns_are_linear_on_generated_runs(prefix: str, filler: str, suffix: str) -> None:
    _check(prefix, filler, suffix)


# --------------------------------------------------------------------------- the readers


def _read_md(text: str) -> callable:
    def run() -> None:
        with contextlib.suppress(IngestError):
            read_text(text, origin="hostile.md", fmt="markdown")

    return run


def _docx_with_run(text: str) -> bytes:
    document = make_document()
    document.add_paragraph("Heading words for a title")
    document.add_paragraph().add_run(text)
    document.add_paragraph("The partners agreed to deepen cooperation on data flows.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _eml_with_body(body: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Industry <policy@example.org>"
    msg["To"] = "desk@example.eu"
    msg["Subject"] = "Position paper"
    msg.set_content(body + "\n\nThe partners agreed to deepen cooperation on data flows.\n")
    return msg.as_bytes()


_FILES = Path(tempfile.mkdtemp(prefix="briefer-linear-"))
atexit.register(shutil.rmtree, _FILES, True)


def _read_bytes(data: bytes, name: str) -> callable:
    path = _FILES / name
    path.write_bytes(data)

    def run() -> None:
        with contextlib.suppress(IngestError):
            read_path(path)

    return run


WORKLOADS = {
    # 200 KB of spaces took 225 s in _TABLE_RULE
    "markdown-line-of-spaces": lambda n: _read_md("intro text\n\n" + " " * n + "x\n"),
    "markdown-heading-spaces": lambda n: _read_md("# Title" + " " * n + "tail\n\nbody text\n"),
    "markdown-table-rule": lambda n: _read_md("| a |\n" + "|" + " " * n + "--x\n"),
    "clean-block-trailing": lambda n: lambda: clean_block_text(" " * n + "x"),
    "clean-block-ideographic": lambda n: lambda: clean_block_text("\u3000\xa0" * n + "x"),
    "docx-run-of-spaces": lambda n: _read_bytes(_docx_with_run(" " * n + "x"), "run.docx"),
    "email-body-of-spaces": lambda n: _read_bytes(_eml_with_body(" " * n + "x"), "m.eml"),
    "html-cjk-newlines": lambda n: _read_bytes(
        f"<html><body><p>日{chr(10) * n}x</p><p>本文です。本文です。</p></body></html>".encode(),
        "p.html",
    ),
    "html-comments": lambda n: _read_bytes(b"<!--a-->" * n + b"plain words here", "c.txt"),
}


@pytest.mark.parametrize("name", sorted(WORKLOADS))
def test_readers_are_linear_on_pathological_whitespace(name: str) -> None:
    n, ratio = growth(WORKLOADS[name], 2_000, 100_000 if FULL else 25_000)
    assert ratio <= MAX_RATIO, f"{name}: x{ratio:.1f} from n={n}"


def _nested_list(levels: int) -> str:
    return "\n".join("  " * i + f"- level {i} of the list" for i in range(levels))


def test_a_deeply_indented_list_is_linear_in_its_size() -> None:
    """2,000 levels took 62.6 s. Its size grows with levels², so time is compared to size."""
    small, large = (500, 1000) if not FULL else (1000, 2000)
    t_small = best_time(_read_md(_nested_list(small)), reps=2)
    t_large = best_time(_read_md(_nested_list(large)), reps=2)
    size_ratio = len(_nested_list(large)) / len(_nested_list(small))
    assert t_large / t_small <= size_ratio * MAX_RATIO / FACTOR, (t_small, t_large)
