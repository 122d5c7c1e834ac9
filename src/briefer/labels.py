"""Metadata is one line of plain text: no terminal escapes in, none raw out.

A first line, an e-mail Subject or a name typed on the command line can carry ESC/OSC
sequences (which recolour, retitle or rewrite an officer's terminal when printed) and NULs.
``clean_label`` runs on the way in (the models' validators, so every path is covered);
``escape_controls`` on the way out (every CLI text listing), for rows stored before.
"""

from __future__ import annotations

import re

# CSI (ESC [ ... final) and OSC (ESC ] ... BEL or ST) sequences, whole; bounded, so a run of
# unterminated ones cannot make the scan quadratic.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]{0,64}[ -/]{0,16}[@-~]|\x1b\][^\x07\x1b]{0,512}(?:\x07|\x1b\\)"
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_OUT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def clean_label(text: str) -> str:
    """``text`` as one line: escape sequences and control characters removed, spaces folded.

    Tabs and line breaks become spaces (a title pasted from two lines stays readable).
    """
    if not text:
        return text
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _SPACES.sub(" ", text)
    # folded again once the controls are gone: "a\r\x1f\rb" is "a b", the same as what a
    # second cleaning gives (an undone and redone edit must store what the first one did)
    return _SPACES.sub(" ", _CONTROL.sub("", text)).strip()


def escape_controls(text: str) -> str:
    """``text`` for a terminal: control characters other than newline and tab shown as
    ``\\x1b``-style escapes instead of being sent raw."""
    return _CONTROL_OUT.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def counted(count: int, one: str, many: str) -> str:
    """'1 passage', '3 passages': an English count in words, never 'passage(s)'.

    (The window's counts go through Qt's plural forms, ``ui/wording.counted``.)"""
    return f"{count:,} {one if count == 1 else many}"
