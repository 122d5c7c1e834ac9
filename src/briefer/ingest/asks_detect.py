"""Finding asks in industry texts and commitments in official ones (pure logic, no store).

An *ask* is a request, recommendation or expectation addressed to governments: one sentence
of a paragraph or bullet that carries an ask cue ("we call on", "should", "it is crucial
that", 求める, べき…). A bullet list under a lead-in sentence that itself asks ("we invite
the EU and Japan to:", "以下を要望する。") is several asks, one per bullet, each carrying the
lead-in as context; the lead-in is then context, not an ask of its own.

A *commitment* is what an official text agrees, decides or reports as done ("agreed to",
"will", "launched", 合意した, 立ち上げ…). Reporting of positions ("the EU side explained…",
"exchanged views", 説明した) is kept apart as ``reported``: weaker evidence that a topic came
up, not that anything was agreed.

The cues are the grammar of asking and committing in English and Japanese, never words of a
particular document or topic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

Strength = Literal["commitment", "process", "reported", "statement"]

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")

# --------------------------------------------------------------------------- asks

_EN_ASK = re.compile(
    r"""
    \b(?:should|must|shall|ought\s+to|needs?\s+to|have\s+to|has\s+to)\b
  | \b(?:is|are)\s+(?:urgently\s+|also\s+)?(?:needed|required|necessary)\b
  | \bit\s+(?:is|will\s+be|remains|would\s+be)\s+(?:\w+\s+){0,2}?
        (?:crucial|essential|important|necessary|vital|critical|imperative|key|paramount|
           indispensable|desirable|advisable|urgent)\b
  | \bcall(?:s|ed|ing)?\s+(?:on|upon|for)\b
  | \b(?:we|i|industry|signatories|members|our\s+\w+)\s+(?:\w+\s+){0,3}?
        (?:urge|encourage|invite|recommend|request(?:ing)?|ask|expect|propose|suggest|hope|
           would\s+like|would\s+welcome|look\s+forward\s+to|emphasi[sz]e|highlight|stress|
           call|want|wish|need|insist|appeal)s?\b
  # a named author in the third person: "X urges / requests that / asks that / calls on"
  | \b(?:urges|requests|asks|recommends|proposes|insists|demands)\s+that\b
  | \b(?:urges|requests|asks|invites|encourages|calls\s+(?:on|upon)|appeals\s+to)\s+
        (?:[\w'’-]+[\s,]+){1,8}?to\s+(?!be\b|have\b)\w+
  | \bour\s+(?:\w+\s+){0,3}?recommendations?\b|\brecommend(?:s|ed)?\s+that\b
  | \bwe\s+(?:are\s+)?requesting\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
#: "should" inside a relative or conditional clause about the past is not a request.
_EN_NOT_ASK = re.compile(r"\b(?:should\s+have|must\s+have\s+been|if\s+\w+\s+should)\b", re.I)

_JA_ASK = re.compile(
    r"求め(?:る|ます|たい|られる|られている|ていく|ている|ており|てまいります)"
    r"|期待(?:する|します|したい|される|を表明)"
    r"|べき|要望(?:する|します|したい)?|要請(?:する|します|したい|している|しており|いたします|いたしたい)"
    r"|必要(?:がある|である|です|だ|と考える)"
    r"|望(?:む|まれる|ましい)|いただきたい|てほしい|てもらいたい|提言(?:する|します)"
    r"|ことが(?:重要|不可欠|肝要|求められる)|を提案(?:する|します)"
)
_LEAD_JA = re.compile(r"(?:以下|次の|下記)(?:の|を|に|のとおり|とおり)")


def ask_cue(sentence: str) -> str | None:
    """The ask cue in a sentence, or None when it does not ask anything."""
    if _CJK.search(sentence):
        m = _JA_ASK.search(sentence)
        return m.group() if m else None
    if _EN_NOT_ASK.search(sentence):
        return None
    m = _EN_ASK.search(sentence)
    return " ".join(m.group().split()).lower() if m else None


# --------------------------------------------------------------------------- commitments

_EN_COMMIT = re.compile(
    r"""\b(?=[acdeilpstw])  # a first letter of the words below: a cheap test first
        (?:agreed|agree|agreement\s+to|will|shall|intends?\s+to|intended\s+to|intention\s+to|
        launched|launch(?:es)?|established|establish(?:es)?|signed|signature|sign|
        confirmed|decided|committed|commit|adopted|concluded|set\s+up|created|
        endorsed|approved|started|initiated|identified|are\s+preparing|preparing|
        aims?\s+to|plans?\s+to|planned|continued?\s+to|is\s+to|are\s+to|
        to\s+start|to\s+establish|to\s+launch|to\s+explore)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_EN_REPORTED = re.compile(
    r"""\b(?=[abcdeghinoprsuw])  # a first letter of the words below: a cheap test first
        (?:explained|presented|introduced|gave\s+a\s+presentation|raised|pointed\s+out|
        expressed|exchanged\s+(?:views|information|opinions)|discussed|highlighted|
        underlined|stressed|acknowledged|noted|reaffirmed|recognised|recognized|welcomed|
        shared|briefed|reported|outlined|concurred|exploring)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_JA_COMMIT = re.compile(
    r"合意|一致した|確認した|推進する|推進していく|立ち上げ|開始|設立|署名|決定|継続する|継続して"
    r"|実施する|構築する|強化する|予定|取り組む|取り組んでいく|目指す|発足|創設"
)
_JA_REPORTED = re.compile(
    r"説明(?:した|があった|を行った)|紹介(?:した|があった)|意見交換|議論(?:した|を行った)"
    r"|発表(?:した|があった)|言及|提起|報告(?:した|があった)|共有(?:した)"
)
#: A commitment to a process rather than to an outcome ("will continue to exchange
#: information", "agreed to explore", 検討を開始, 協議を継続): the ask is at most partly met.
_EN_PROCESS = re.compile(
    r"""\b(?=[acdeflst])  # a first letter of the words below: a cheap test first
        (?:explor(?:e|ing|atory)|stud(?:y|ying)|consider(?:ing)?|examin(?:e|ing)|
        look(?:ing)?\s+into|feasibility|assess(?:ing)?\s+(?:whether|the\s+possibility)|
        discuss(?:ing|ions?)?|talks|consult(?:ing|ations?)?|
        exchange\s+(?:information|views|on)|exchanges|continue\s+(?:to\s+)?(?:exchange|discuss|
        share|dialogue)|further\s+(?:work|discussions?))\b""",
    re.IGNORECASE | re.VERBOSE,
)
_JA_PROCESS = re.compile(
    r"検討|協議|情報交換|意見交換|議論を(?:継続|深め)|可能性を(?:探|模索)|模索"
)
#: Reporting that outranks a commitment cue in the same sentence ("explained … will").
_EN_SIDE = re.compile(r"\b(?:the\s+)?(?:\w+\s+)?side\s+(?:explained|presented|introduced)\b", re.I)
#: What every ``_EN_SIDE`` match contains: most sentences lack it, and this test is cheaper.
_SIDE = re.compile("side", re.I)


def commitment_strength(sentence: str) -> tuple[Strength, str]:
    """How strongly an official sentence commits: (strength, the cue that decided it)."""
    if _CJK.search(sentence):
        m = _JA_REPORTED.search(sentence)
        if m and not re.search(r"合意|一致", sentence):
            return "reported", m.group()
        m = _JA_COMMIT.search(sentence)
        if m:
            soft = _JA_PROCESS.search(sentence)
            return ("process", soft.group()) if soft else ("commitment", m.group())
        return "statement", ""
    m = _EN_SIDE.search(sentence) if _SIDE.search(sentence) else None
    if m:
        return "reported", " ".join(m.group().split()).lower()
    m = _EN_COMMIT.search(sentence)
    if m:
        soft = _EN_PROCESS.search(sentence)
        if soft:
            return "process", " ".join(soft.group().split()).lower()
        return "commitment", " ".join(m.group().split()).lower()
    m = _EN_REPORTED.search(sentence)
    if m:
        return "reported", " ".join(m.group().split()).lower()
    return "statement", ""


# --------------------------------------------------------------------------- sentences

_ABBREV = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|cf|vs|no|nos|art|arts|para|mr|mrs|ms|dr|st|co|inc|ltd|fig|approx|"
    r"incl|resp|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|\b[A-Z])\.$",
    re.IGNORECASE,
)
_EN_END = re.compile(r"[.!?](?:[\"'”’)\]]*)(?=\s+[\"'“‘(\[（「]?[A-Z0-9\u3040-\u9fff])")
_JA_END = re.compile(r"[。！？](?:[」』）)]*)")


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Sentence spans (absolute offsets, whitespace trimmed) of ``text[start:end]``."""
    end = len(text) if end is None else end
    piece = text[start:end]
    cuts: list[int] = []
    for m in _JA_END.finditer(piece):
        cuts.append(m.end())
    for m in _EN_END.finditer(piece):
        head = piece[max(0, m.start() - 8) : m.start() + 1]
        if _ABBREV.search(head):
            continue
        cuts.append(m.end())
    last = 0
    for cut in [*sorted(set(cuts)), len(piece)]:
        if cut <= last:
            continue
        a, b = last, cut
        while a < b and piece[a].isspace():
            a += 1
        while b > a and piece[b - 1].isspace():
            b -= 1
        if b > a:
            yield start + a, start + b
        last = cut


# --------------------------------------------------------------------------- passages


@dataclass(frozen=True, slots=True)
class PassageSpan:
    """What the detector needs to know of a passage."""

    id: int
    kind: str  # heading | bullet | paragraph
    level: int
    start: int
    end: int
    content: bool


@dataclass(frozen=True, slots=True)
class AskSpan:
    passage_id: int
    start: int
    end: int
    cue: str
    #: The lead-in the ask is a bullet of, as offsets into the same text (or None).
    context_start: int | None = None
    context_end: int | None = None


@dataclass(frozen=True, slots=True)
class OfficialSpan:
    passage_id: int
    start: int
    end: int
    strength: Strength
    cue: str


#: A list marker at the start of a sentence ("（１）", "1.", "(a)", "・") is not part of it.
_MARKER = re.compile(
    r"^(?:[（(][0-9０-９a-zA-Zａ-ｚ一-十ivx]+[）)]|[0-9０-９]+[.．、)）]|[①-⑳]|[・•\-–*])\s*"
)
#: Fewer characters than this cannot carry a request or an outcome (labels, dates);
#: Japanese says as much in about half the characters.
MIN_CHARS = 12
MIN_CHARS_JA = 6


def _long_enough(text: str) -> bool:
    return len(text) >= (MIN_CHARS_JA if _CJK.search(text) else MIN_CHARS)


def _trim_marker(text: str, a: int, b: int) -> int:
    m = _MARKER.match(text[a:b])
    return a + m.end() if m and a + m.end() < b else a


def _is_lead_in(text: str, p: PassageSpan) -> bool:
    body = text[p.start : p.end].rstrip()
    if body.endswith((":", "：")):
        return True
    return bool(_CJK.search(body)) and bool(_LEAD_JA.search(body)) and len(body) < 120


def detect_asks(text: str, passages: Sequence[PassageSpan]) -> list[AskSpan]:
    """Every ask in a source's text, in reading order."""
    out: list[AskSpan] = []
    items: set[int] = set()
    lead: dict[int, tuple[int, int, str]] = {}  # bullet passage id -> lead-in span and cue
    ordered = [p for p in passages if p.content]
    for i, p in enumerate(ordered):
        if p.kind == "heading" or not _is_lead_in(text, p):
            continue
        cue = ask_cue(text[p.start : p.end])
        followers: list[PassageSpan] = []
        for q in ordered[i + 1 :]:
            if q.kind != "bullet" or (p.kind == "bullet" and q.level <= p.level):
                break
            if followers and q.level < followers[0].level:
                break
            if q.level == (followers[0].level if followers else q.level):
                followers.append(q)
        if not followers:
            continue
        items.add(p.id)  # the lead-in is context, not an ask of its own
        if cue:
            for q in followers:
                lead[q.id] = (p.start, p.end, cue)
    for p in ordered:
        if p.kind == "heading" or p.id in items:
            continue
        if p.id in lead:
            a = _trim_marker(text, p.start, p.end)
            b = p.end
            while b > a and text[b - 1].isspace():
                b -= 1
            if _long_enough(text[a:b]):
                ls, le, cue = lead[p.id]
                out.append(AskSpan(p.id, a, b, ask_cue(text[a:b]) or cue, ls, le))
            continue
        for a, b in sentences(text, p.start, p.end):
            a = _trim_marker(text, a, b)
            if not _long_enough(text[a:b]):
                continue
            cue = ask_cue(text[a:b])
            if cue:
                out.append(AskSpan(p.id, a, b, cue))
    return out


def official_spans(text: str, passages: Sequence[PassageSpan]) -> list[OfficialSpan]:
    """The sentences of an official text that could answer an ask, with their strength."""
    out: list[OfficialSpan] = []
    for p in passages:
        if not p.content or p.kind == "heading":
            continue
        for a, b in sentences(text, p.start, p.end):
            a = _trim_marker(text, a, b)
            if not _long_enough(text[a:b]):
                continue
            strength, cue = commitment_strength(text[a:b])
            out.append(OfficialSpan(p.id, a, b, strength, cue))
    return out


# --------------------------------------------------------------------------- labels

_EN_LEAD = re.compile(
    r"""^.*?\b(?:call(?:s|ed)?\s+(?:on|upon)\s+.+?\s+to|call\s+for|urge|encourage|invite|
        recommend|request|ask|expect|would\s+like\s+to\s+see|would\s+welcome|propose|
        suggest|hope\s+that|should|must|need\s+to|needs\s+to|it\s+is\s+\w+\s+(?:that|to|for))
        \s+(?:(?:both\s+)?(?:the\s+)?(?:EU|Japan|parties|sides|governments|them|these\s+parties|
        policy\s*makers)(?:\s*,?\s*(?:and|&)\s*(?:the\s+)?(?:EU|Japan|other\s+[\w\s-]+?))*\s+
        (?:to\s+)?)?""",
    re.IGNORECASE | re.VERBOSE,
)
_JA_TAIL = re.compile(
    r"(?:を|ことを|ことが|の|が|に)?(?:求め|期待|要望|要請|必要|望|べき|いただきたい|提言|提案)"
    r".*$|(?:ことが)?(?:重要|不可欠|肝要).*$|[。．]$"
)
LABEL_WORDS = 8
LABEL_CHARS_JA = 24


def ask_label(text: str) -> str:
    """A few words saying what an ask is for ("early-warning mechanism for …"), for the
    drafted assessment: the request without its "we call on X to" preamble."""
    body = " ".join(text.split())
    body = _MARKER.sub("", body)
    if _CJK.search(body):
        core = _JA_TAIL.sub("", body).strip("、。 ")
        core = core.split("、")[-1] if len(core) > LABEL_CHARS_JA and "、" in core else core
        return core if len(core) <= LABEL_CHARS_JA else core[: LABEL_CHARS_JA - 1] + "…"
    core = _EN_LEAD.sub("", body, count=1) or body
    words = core.rstrip(".;:").split()
    if len(words) < 3 or words[0].lower() in ("be", "is", "are", "not"):
        # "Data localisation requirements should be avoided": the subject is the request.
        words = body.rstrip(".;:").split()
    label = " ".join(words[:LABEL_WORDS])
    return label + ("…" if len(words) > LABEL_WORDS else "")
