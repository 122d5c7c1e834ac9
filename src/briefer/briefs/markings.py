"""Protective markings as the schemes define them, and the rule that a brief is never marked
lower than what it quotes.

Three schemes are known, each with its levels (lowest first), the caveats and handling labels
that may follow a level, and the level from which a copy number and a distribution list are
required:

- UK Government Security Classifications (2023): OFFICIAL, OFFICIAL-SENSITIVE (descriptors
  COMMERCIAL, PERSONAL, LOCSEN; caveats such as UK EYES ONLY), SECRET, TOP SECRET.
- EU (Council Decision 2013/488/EU, Commission Decision 2015/444): RESTREINT UE/EU RESTRICTED
  and above, printed top and bottom centre of every page; LIMITE is a *distribution* marking,
  not a classification level.
- Japan (government information handling rules): 機密性2, 機密性3, with 取扱制限 labels
  (関係者限り, 複製禁止, 配布先限定) and 取扱注意 as a handling label.

Levels of different schemes are compared on one scale (``rank``): 1 OFFICIAL, 2 the
"sensitive/restricted" tier (OFFICIAL-SENSITIVE, RESTREINT UE, 機密性2), 3 CONFIDENTIEL UE and
機密性3, 4 SECRET, 5 TOP SECRET. A brief must carry at least the highest rank of its quoted
sources, and every caveat or distribution marking they carry (LIMITE, UK EYES ONLY, 関係者限り).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Scheme:
    key: str
    name: str
    #: (marking, rank), lowest first
    levels: tuple[tuple[str, int], ...]
    #: descriptors and caveats that follow the level on the marking line
    caveats: tuple[str, ...]
    #: distribution markings: not levels, printed with the level
    distribution_markings: tuple[str, ...]
    #: from this rank on, copies are numbered and a distribution list is printed
    copy_number_from: int
    #: where the marking goes on the page (all schemes: top and bottom centre)
    placement: str = "top and bottom centre of every page"


SCHEMES: dict[str, Scheme] = {
    "uk": Scheme(
        key="uk",
        name="UK Government Security Classifications",
        levels=(("OFFICIAL", 1), ("OFFICIAL-SENSITIVE", 2), ("SECRET", 4), ("TOP SECRET", 5)),
        caveats=("COMMERCIAL", "PERSONAL", "LOCSEN", "UK EYES ONLY"),
        distribution_markings=(),
        copy_number_from=4,
    ),
    "eu": Scheme(
        key="eu",
        name="EU classified information",
        levels=(
            ("RESTREINT UE/EU RESTRICTED", 2),
            ("CONFIDENTIEL UE/EU CONFIDENTIAL", 3),
            ("SECRET UE/EU SECRET", 4),
            ("TRÈS SECRET UE/EU TOP SECRET", 5),
        ),
        caveats=(),
        distribution_markings=("LIMITE",),
        copy_number_from=4,
    ),
    "jp": Scheme(
        key="jp",
        name="政府機関の情報の格付（機密性）",
        levels=(("機密性2", 2), ("機密性3", 3)),
        caveats=("関係者限り", "複製禁止", "配布先限定", "取扱注意"),
        distribution_markings=(),
        copy_number_from=3,
    ),
}

#: Spellings met in source documents, mapped to the scheme's level.
_ALIASES: dict[str, str] = {
    "RESTREINT UE": "RESTREINT UE/EU RESTRICTED",
    "EU RESTRICTED": "RESTREINT UE/EU RESTRICTED",
    "CONFIDENTIEL UE": "CONFIDENTIEL UE/EU CONFIDENTIAL",
    "EU CONFIDENTIAL": "CONFIDENTIEL UE/EU CONFIDENTIAL",
    "SECRET UE": "SECRET UE/EU SECRET",
    "EU SECRET": "SECRET UE/EU SECRET",
    "TRES SECRET UE": "TRÈS SECRET UE/EU TOP SECRET",
    "TRÈS SECRET UE": "TRÈS SECRET UE/EU TOP SECRET",
    "EU TOP SECRET": "TRÈS SECRET UE/EU TOP SECRET",
    "機密性２": "機密性2",
    "機密性３": "機密性3",
}


@dataclass(frozen=True, slots=True)
class Marking:
    """A marking read from text: its level, rank and the caveats it carries."""

    level: str
    rank: int
    scheme: str
    caveats: frozenset[str]

    def describe(self) -> str:
        return compose(self.level, sorted(self.caveats))


def _all_levels() -> list[tuple[str, int, str]]:
    out = [(m, r, s.key) for s in SCHEMES.values() for m, r in s.levels]
    out += [(alias, _rank_of(level), _scheme_of(level)) for alias, level in _ALIASES.items()]
    # Longest first, so "OFFICIAL-SENSITIVE" wins over "OFFICIAL", "TOP SECRET" over "SECRET".
    return sorted(out, key=lambda t: -len(t[0]))


def _rank_of(level: str) -> int:
    return next(r for s in SCHEMES.values() for m, r in s.levels if m == level)


def _scheme_of(level: str) -> str:
    return next(s.key for s in SCHEMES.values() for m, _r in s.levels if m == level)


def _all_caveats() -> list[str]:
    return sorted(
        {c for s in SCHEMES.values() for c in (*s.caveats, *s.distribution_markings)},
        key=lambda c: -len(c),
    )


def parse(text: str) -> Marking:
    """Read a marking string as written on a source or a brief ("OFFICIAL-SENSITIVE COMMERCIAL",
    "RESTREINT UE LIMITE", "機密性2 関係者限り", "取扱注意"). Unknown words are ignored."""
    rest = " ".join((text or "").split()).upper().replace("TRES SECRET", "TRÈS SECRET")
    level, rank, scheme = "", 0, ""
    for name, r, key in _all_levels():
        if name.upper() in rest:
            canonical = _ALIASES.get(name, name)
            level, rank, scheme = canonical, r, key
            rest = rest.replace(name.upper(), " ")
            break
    caveats = set()
    for caveat in _all_caveats():
        if caveat.upper() in rest:
            caveats.add(caveat)
            rest = rest.replace(caveat.upper(), " ")
    return Marking(level=level, rank=rank, scheme=scheme, caveats=frozenset(caveats))


def scheme_for(level: str) -> str:
    """The scheme a level belongs to ("" for free text)."""
    return parse(level).scheme


def compose(level: str, caveats: Iterable[str] = ()) -> str:
    """The marking line as printed: "OFFICIAL-SENSITIVE COMMERCIAL UK EYES ONLY",
    "RESTREINT UE/EU RESTRICTED — LIMITE", "機密性2　関係者限り"."""
    level = " ".join((level or "").split())
    extra = [c.strip() for c in caveats if c and c.strip() and c.strip() not in level]
    if not extra:
        return level
    japanese = any(ord(ch) > 0x3000 for ch in level + "".join(extra))
    if japanese:
        return "\u3000".join([level, *extra]) if level else "\u3000".join(extra)
    distribution = [c for c in extra if c in SCHEMES["eu"].distribution_markings]
    others = [c for c in extra if c not in distribution]
    line = " ".join([level, *others]).strip()
    if distribution:
        line = f"{line} — {' '.join(distribution)}" if line else " ".join(distribution)
    return line


def needs_copy_number(level: str) -> bool:
    """True when the level's scheme numbers copies and lists their distribution."""
    m = parse(level)
    scheme = SCHEMES.get(m.scheme)
    return scheme is not None and m.rank >= scheme.copy_number_from


@dataclass(frozen=True, slots=True)
class UnderMarking:
    """Why a brief's marking is too low for what it quotes."""

    source_id: int
    source_title: str
    source_marking: str
    missing: str  # the level or caveats the brief lacks

    def message(self) -> str:
        return (
            f"source #{self.source_id} “{self.source_title}” is marked "
            f"{self.source_marking}: the brief needs {self.missing}"
        )


def under_marking(
    brief_level: str, brief_caveats: Iterable[str], sources: Iterable[tuple[int, str, str]]
) -> list[UnderMarking]:
    """Sources (id, title, marking) whose marking the brief does not reach."""
    brief = parse(compose(brief_level, brief_caveats))
    out = []
    for sid, title, marking in sources:
        if not (marking or "").strip():
            continue
        m = parse(marking)
        missing = []
        if m.rank > brief.rank:
            missing.append(f"at least {m.level}")
        lacking = sorted(m.caveats - brief.caveats)
        if lacking:
            missing.append(" and ".join(lacking))
        if missing:
            out.append(UnderMarking(sid, title, marking.strip(), ", ".join(missing)))
    return out


def presets() -> tuple[str, ...]:
    """Every level of every scheme, for a marking chooser (empty first: not marked)."""
    return ("", *(m for s in SCHEMES.values() for m, _r in s.levels))
