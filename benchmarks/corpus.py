"""A deterministic synthetic corpus of industry positions and official outcomes.

Every source is composed from sentence templates and the topic vocabulary of the bundled
taxonomy (``resources/taxonomy.json``), shaped like the seed texts: a date line, a title,
an introduction, numbered headings, sub-headings (numbered or "Label:"), bullets and
paragraphs. About 5% of the sources are Japanese (full-width numbering, ・ bullets, 。).
Sizes are log-uniform between 2 and 40 KB.

Source ``i`` depends only on (seed, i), so a corpus of 1,000 is the first 1,000 sources of
the corpus of 10,000, and "held-out" sources (indices after the corpus) are new to a store.

A corpus is cached under ``benchmarks/out/corpus-<scale>-s<seed>/``:

* ``texts/``   the sources as plain UTF-8 ``.txt`` files (what ripgrep searches);
* ``store.sqlite`` a Briefer store built through the real import path
  (``read_text`` + ``add_document``, committed in batches of ``BATCH`` sources);
* ``holdout/`` and ``holdout-docx/``: sources *not* in the store, for the import figures;
* ``corpus.json`` written last: the cache is complete only when it exists.

Run ``python -m benchmarks.corpus --scale 10000`` to build one ahead of a benchmark run.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from importlib.resources import files
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "out"
GENERATOR_VERSION = 1
DEFAULT_SEED = 20240430
BATCH = 200
#: Larger corpora (a multiple of it) are this one cloned (``benchmarks/clone.py``).
CLONE_BASE = 10_000
JAPANESE_SHARE = 0.05
MIN_BYTES, MAX_BYTES = 2 * 1024, 40 * 1024
FIRST_DAY, DAYS = date(2018, 1, 1), 7 * 365

_CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xFF66, 0xFF9F))


def _has_cjk(s: str) -> bool:
    return any(lo <= ord(ch) <= hi for ch in s for lo, hi in _CJK_RANGES)


@dataclass(frozen=True)
class Topic:
    name: str
    english: tuple[str, ...]  # name + Latin-script aliases
    japanese: tuple[str, ...]


def load_topics() -> list[Topic]:
    data = json.loads((files("briefer.resources") / "taxonomy.json").read_text("utf-8"))
    out = []
    for entry in data["topics"]:
        aliases = [str(a) for a in entry.get("aliases", [])]
        english = tuple([entry["name"], *(a for a in aliases if not _has_cjk(a))])
        japanese = tuple(a for a in aliases if _has_cjk(a))
        out.append(Topic(str(entry["name"]), english, japanese))
    return out


# --------------------------------------------------------------------------- vocabulary

INDUSTRY_ORGS = (
    "DIGITALEUROPE",
    "JBCE",
    "JEITA",
    "Keidanren",
    "BusinessEurope",
    "the EU-Japan Business Round Table",
    "ECIPE",
    "Bitkom",
    "JISA",
    "the European Round Table for Industry",
)
OFFICIAL_ORGS = (
    "the European Commission",
    "DG CONNECT",
    "the Ministry of Internal Affairs and Communications (MIC)",
    "METI",
    "the Digital Agency",
    "the EEAS",
    "the Council of the EU",
    "the Delegation of the EU to Japan",
)
LAWS = (
    "the AI Act",
    "the Data Act",
    "the Data Governance Act",
    "the Digital Services Act",
    "the Digital Markets Act",
    "the Cyber Resilience Act",
    "NIS2",
    "the Chips Act",
    "the eIDAS Regulation",
    "the GDPR",
    "the Gigabit Infrastructure Act",
)
MEETINGS = (
    "the Digital Partnership Council",
    "the ICT Strategy Workshop",
    "the EU-Japan Summit",
    "the G7 Digital and Tech Ministers' Meeting",
    "the Industrial Policy Dialogue",
    "the Joint Committee",
    "the Cyber Dialogue",
    "the OECD Committee on Digital Economy Policy",
)
ANCHORS = (
    "the EU-Japan Economic Partnership Agreement",
    "the mutual adequacy decision",
    "the Digital Partnership",
    "the Hiroshima AI Process",
    "the OECD principles",
    "existing sectoral legislation",
    "the work of the G7 and the G20",
)
QUALITIES = (
    "proportionate",
    "risk-based",
    "technology-neutral",
    "interoperable",
    "predictable",
    "evidence-based",
    "future-proof",
    "transparent",
)
VERBS = (
    "cooperate",
    "align their approaches",
    "exchange best practices",
    "work together",
    "deepen their dialogue",
    "coordinate closely",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

INDUSTRY_SENTENCES = (
    "We call on the EU and Japan to {verb} on {term}, building on {anchor}.",
    "{Org} believes that rules on {term} should be {quality} and avoid fragmentation.",
    "Industry urges both sides to align requirements for {term} with international standards "
    "by {when}.",
    "Any new obligation on {term} should be {quality} and take account of {term2}.",
    "We welcome the progress made on {term} since {meeting} of {when}.",
    "Divergent rules on {term} would raise compliance costs for SMEs operating in both markets.",
    "Members report that investments of EUR {num} million in {term} are planned for {year}.",
    "Regulatory sandboxes for {term} would allow companies to test solutions before "
    "{law} applies in full.",
    "The interplay between {law} and {term} needs clarification in guidance, not new law.",
    "{Org} stands ready to contribute its expertise on {term} to {meeting}.",
    "Mutual recognition of conformity assessment for {term} is a priority for our members.",
)
OFFICIAL_SENTENCES = (
    "The Parties shall {verb} on {term}, exchange information on regulatory approaches and "
    "promote {quality} frameworks.",
    "Both sides confirmed their intention to deepen cooperation on {term} under {anchor}.",
    "{Org} presented the state of play of {law} and its implications for {term}.",
    "Japan explained the outcome of {meeting} held on {when}, including work on {term}.",
    "Ministers welcomed the joint research call on {term} launched in {month} {year}.",
    "The two sides agreed to hold an expert dialogue on {term} before {when}.",
    "The EU side explained the implementation status of {law}, in particular as regards {term}.",
    "Participants noted that {term} and {term2} are closely linked and should be addressed "
    "together.",
    "A progress report on {term} will be presented to {meeting} in {year}.",
    "Both sides reaffirmed the importance of {term} for economic security and resilience.",
)
SUBHEADINGS = (
    "State of play",
    "Regulatory cooperation",
    "Standards and interoperability",
    "Next steps",
    "Joint research",
    "Implementation",
    "Recommendations",
    "Background",
    "International fora",
    "Supply chains",
    "Investment",
    "Skills and talent",
)

JA_ORGS = (
    "総務省",
    "経済産業省",
    "デジタル庁",
    "欧州委員会",
    "電子情報技術産業協会",
    "日本経済団体連合会",
)
JA_LAWS = (
    "AI法",
    "データ法",
    "デジタルサービス法",
    "デジタル市場法",
    "サイバーレジリエンス法",
    "半導体法",
)
JA_SENTENCES = (
    "両者は、{term}に関する協力を一層強化することで一致した。",
    "日本側は、{term}の現状と課題について説明した。",
    "EU側は、{law}の実施状況について説明し、{term}への影響に言及した。",
    "産業界は、{term}に関する規制の相互運用性の確保を求める。",
    "{year}年{m}月までに{term}に関する専門家対話を開催する。",
    "{org}は、{term}と{term2}の連携が重要であると指摘した。",
    "{term}に関する共同研究を推進し、その成果を国際標準化に反映させる。",
    "双方は、{term}の分野における人材育成の重要性を確認した。",
)
JA_SUBHEADINGS = ("現状", "規制協力", "国際標準", "今後の取組", "共同研究", "課題")
JA_EXTRA_TERMS = (
    "人工知能",
    "半導体",
    "量子",
    "データ流通",
    "越境データ",
    "サイバーセキュリティ",
    "海底ケーブル",
    "標準化",
    "研究開発",
    "脱炭素",
    "デジタルID",
    "電子商取引",
)
FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass(frozen=True)
class GeneratedSource:
    index: int
    filename: str
    kind: str  # industry | official
    language: str  # en | ja
    day: date
    title: str
    text: str


class Generator:
    """Source ``i`` of the corpus with ``seed``; independent of every other source."""

    def __init__(self, seed: int = DEFAULT_SEED) -> None:
        self.seed = seed
        self.topics = load_topics()

    def source(self, i: int) -> GeneratedSource:
        rng = random.Random(f"{self.seed}:{i}")
        kind = "industry" if rng.random() < 0.5 else "official"
        japanese = rng.random() < JAPANESE_SHARE
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        target = int(math.exp(rng.uniform(math.log(MIN_BYTES), math.log(MAX_BYTES))))
        if japanese:
            title, text = self._japanese(rng, i, kind, day, target)
        else:
            title, text = self._english(rng, i, kind, day, target)
        slug = "position" if kind == "industry" else "outcome"
        name = f"{day.isoformat()}_{kind}_{slug}-{'ja' if japanese else 'en'}-{i:05d}.txt"
        return GeneratedSource(i, name, kind, "ja" if japanese else "en", day, title, text)

    # ---------------------------------------------------------------- English

    def _fill(self, rng: random.Random, template: str, topic: Topic, kind: str) -> str:
        other = rng.choice(self.topics)
        when = FIRST_DAY + timedelta(days=rng.randrange(DAYS + 365))
        orgs = INDUSTRY_ORGS if kind == "industry" else OFFICIAL_ORGS
        org = rng.choice(orgs)
        return template.format(
            verb=rng.choice(VERBS),
            term=rng.choice(topic.english),
            term2=rng.choice(other.english),
            anchor=rng.choice(ANCHORS),
            Org=org[0].upper() + org[1:],
            quality=rng.choice(QUALITIES),
            meeting=rng.choice(MEETINGS),
            when=f"{when.day} {MONTHS[when.month - 1]} {when.year}",
            month=MONTHS[when.month - 1],
            year=when.year,
            num=rng.randrange(5, 950),
            law=rng.choice(LAWS),
        )

    def _sentences(self, rng: random.Random, topic: Topic, kind: str, n: int) -> str:
        pool = INDUSTRY_SENTENCES if kind == "industry" else OFFICIAL_SENTENCES
        return " ".join(self._fill(rng, rng.choice(pool), topic, kind) for _ in range(n))

    def _english(
        self, rng: random.Random, i: int, kind: str, day: date, target: int
    ) -> tuple[str, str]:
        main = rng.sample(self.topics, 3)
        if kind == "industry":
            org = rng.choice(INDUSTRY_ORGS)
            title = (
                f"{org[0].upper() + org[1:]} position paper No. {i}: recommendations on "
                f"{main[0].name.lower()} and {main[1].name.lower()} for EU-Japan cooperation"
            )
            dateline = f"{day.day:02d} {MONTHS[day.month - 1][:3]} {day.year}"
        else:
            meeting = rng.choice(MEETINGS)
            title = f"Outcome No. {i} of {meeting}: {main[0].name} and {main[1].name}"
            dateline = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
        parts = [dateline, "", title, ""]
        for _ in range(rng.randint(1, 3)):
            parts += [self._sentences(rng, rng.choice(main), kind, rng.randint(2, 4)), ""]
        size = sum(len(p) + 1 for p in parts)
        bullet = "  • " if kind == "industry" else rng.choice(("  • ", "- "))
        section = 0
        while size < target:
            section += 1
            topic = rng.choice(main) if rng.random() < 0.6 else rng.choice(self.topics)
            head = f"{section}. {topic.name}" + (":" if kind == "industry" else "")
            block = ["", head, ""]
            for sub in range(1, rng.randint(1, 3) + 1):
                label = rng.choice(SUBHEADINGS)
                if rng.random() < 0.5:
                    block += [f"{section}.{sub} {label}", ""]
                else:
                    block += [f"{label} on {rng.choice(topic.english)}:", ""]
                if rng.random() < 0.55:
                    for _ in range(rng.randint(2, 6)):
                        block.append(bullet + self._sentences(rng, topic, kind, rng.randint(1, 3)))
                    block.append("")
                else:
                    for _ in range(rng.randint(1, 3)):
                        block += [self._sentences(rng, topic, kind, rng.randint(2, 5)), ""]
            chunk = "\n".join(block)
            parts.append(chunk)
            size += len(chunk) + 1
        footer = rng.choice(INDUSTRY_ORGS if kind == "industry" else OFFICIAL_ORGS)
        parts += ["", f"Contact: {footer}, {MONTHS[day.month - 1]} {day.year}", ""]
        return title, "\n".join(parts)

    # ---------------------------------------------------------------- Japanese

    def _ja_sentence(self, rng: random.Random, topic: Topic) -> str:
        terms = topic.japanese or JA_EXTRA_TERMS
        when = FIRST_DAY + timedelta(days=rng.randrange(DAYS + 365))
        return rng.choice(JA_SENTENCES).format(
            term=rng.choice(terms),
            term2=rng.choice(JA_EXTRA_TERMS),
            law=rng.choice(JA_LAWS),
            org=rng.choice(JA_ORGS),
            year=when.year,
            m=when.month,
        )

    def _japanese(
        self, rng: random.Random, i: int, kind: str, day: date, target: int
    ) -> tuple[str, str]:
        main = rng.sample(self.topics, 3)
        ja = [t for t in main if t.japanese] or main
        name = (ja[0].japanese or JA_EXTRA_TERMS)[0]
        if kind == "industry":
            title = f"日EUデジタル協力に関する産業界の提言（第{i}号）―{name}を中心に"
        else:
            title = f"第{i}回日EUデジタルパートナーシップ協議会の結果（{name}）"
        parts = [f"{day.year}年{day.month}月{day.day}日", "", title, ""]
        parts += ["".join(self._ja_sentence(rng, rng.choice(main)) for _ in range(3)), ""]
        size = sum(len(p.encode()) + 1 for p in parts)
        section = 0
        while size < target:
            section += 1
            topic = rng.choice(ja) if rng.random() < 0.6 else rng.choice(self.topics)
            label = (topic.japanese or JA_EXTRA_TERMS)[0]
            block = ["", f"{str(section).translate(FULLWIDTH_DIGITS)}．{label}", ""]
            for sub in range(1, rng.randint(1, 3) + 1):
                block += [
                    f"（{str(sub).translate(FULLWIDTH_DIGITS)}）{rng.choice(JA_SUBHEADINGS)}",
                    "",
                ]
                if rng.random() < 0.6:
                    for _ in range(rng.randint(2, 5)):
                        block.append("・" + self._ja_sentence(rng, topic))
                    block.append("")
                else:
                    block += ["".join(self._ja_sentence(rng, topic) for _ in range(3)), ""]
            chunk = "\n".join(block)
            parts.append(chunk)
            size += len(chunk.encode()) + 1
        parts += ["", "以上", ""]
        return title, "\n".join(parts)


# --------------------------------------------------------------------------- files


def write_docx(src: GeneratedSource, path: Path) -> None:
    """The source as a Word document: headings styled as headings, bullets as list items."""
    from docx import Document as WordDocument

    doc = WordDocument()
    lines = src.text.split("\n")
    for line in lines:
        body = line.strip()
        if not body:
            continue
        if body == src.title:
            doc.add_heading(body, level=0)
        elif body[0] in "•・" or body.startswith("- "):
            doc.add_paragraph(body.lstrip("•・- ").strip(), style="List Bullet")
        elif _looks_heading(body):
            doc.add_heading(body, level=2 if _is_sub(body) else 1)
        else:
            doc.add_paragraph(body)
    doc.save(str(path))


def _is_sub(body: str) -> bool:
    head = body.split(" ", 1)[0]
    return (head.count(".") >= 1 and not head.endswith(".")) or body.startswith("（")


def _looks_heading(body: str) -> bool:
    return (
        len(body) < 120
        and not body.endswith((".", "。"))
        and (body[0].isdigit() or body[0] in "０１２３４５６７８９（" or body.endswith(":"))
    )


# --------------------------------------------------------------------------- cache


@dataclass(frozen=True)
class Corpus:
    scale: int
    seed: int
    folder: Path

    @property
    def texts(self) -> Path:
        return self.folder / "texts"

    @property
    def holdout(self) -> Path:
        return self.folder / "holdout"

    @property
    def holdout_docx(self) -> Path:
        return self.folder / "holdout-docx"

    @property
    def store(self) -> Path:
        return self.folder / "store.sqlite"

    @property
    def info_path(self) -> Path:
        return self.folder / "corpus.json"

    def info(self) -> dict[str, object]:
        return json.loads(self.info_path.read_text("utf-8"))

    @property
    def complete(self) -> bool:
        if not self.info_path.exists():
            return False
        return self.info().get("generator_version") == GENERATOR_VERSION


def corpus_for(scale: int, seed: int = DEFAULT_SEED, out: Path = OUT) -> Corpus:
    return Corpus(scale, seed, out / f"corpus-{scale}-s{seed}")


def _log(msg: str) -> None:
    print(f"[corpus {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def ensure_corpus(
    scale: int,
    seed: int = DEFAULT_SEED,
    *,
    out: Path = OUT,
    holdout: int | None = None,
    holdout_docx: int | None = None,
    log: Callable[[str], None] = _log,
    rebuild_stale_ledger: bool = True,
) -> Corpus:
    """Build (or resume building) the cached corpus for ``scale``; returns it when complete.

    ``rebuild_stale_ledger=False`` leaves a cached asks ledger read with an older glossary
    as it is (``benchmarks.run --stale-ledger relabel``)."""
    corpus = corpus_for(scale, seed, out)
    if corpus.complete:
        ensure_ledger(corpus, log=log, rebuild_stale=rebuild_stale_ledger)
        return corpus
    holdout = min(scale, 500) if holdout is None else holdout
    holdout_docx = min(scale, 200) if holdout_docx is None else holdout_docx
    corpus.folder.mkdir(parents=True, exist_ok=True)
    gen = Generator(seed)
    if scale > CLONE_BASE and scale % CLONE_BASE == 0:
        return _cloned_corpus(corpus, gen, holdout, holdout_docx, log)
    started = time.perf_counter()
    raw_bytes = _write_texts(gen, corpus.texts, range(scale))
    _write_holdouts(gen, corpus, scale, holdout, holdout_docx)
    files_s = time.perf_counter() - started
    log(f"scale {scale}: {raw_bytes / 1e6:.1f} MB of text written in {files_s:.1f} s")
    build_s = build_store(gen, corpus.store, scale, log=log)
    info = {
        "generator_version": GENERATOR_VERSION,
        "scale": scale,
        "seed": seed,
        "raw_text_bytes": raw_bytes,
        "holdout": holdout,
        "holdout_docx": holdout_docx,
        "files_seconds": round(files_s, 2),
        "store_build_seconds": round(build_s, 2),
        "batch": BATCH,
    }
    corpus.info_path.write_text(json.dumps(info, indent=2), "utf-8")
    ensure_ledger(corpus, log=log)
    return corpus


def ledger_stale(corpus: Corpus) -> dict[str, object] | None:
    """What makes the cached store's asks ledger out of date for this Briefer (a glossary
    or ledger version changed since it was read, or sources never read), or None: a stale
    ledger makes the next ``asks.refresh`` (the first step of every draft) read the whole
    library again."""
    from briefer.library import asks
    from briefer.store import open_store

    store = open_store(corpus.store)
    try:
        return ledger_difference(store, asks.store_glossary(store).digest)
    finally:
        store.close()


def ledger_difference(store: Any, digest: str) -> dict[str, object] | None:
    from sqlalchemy import func, select

    from briefer.library.asks import LEDGER_VERSION
    from briefer.store import ReadSession
    from briefer.store.models import AskScan, Source

    with ReadSession(store) as s:
        sources = s.scalar(select(func.count()).select_from(Source)) or 0
        seen = s.execute(
            select(AskScan.version, AskScan.glossary, func.count()).group_by(
                AskScan.version, AskScan.glossary
            )
        ).all()
    scanned = sum(int(n) for _, _, n in seen)
    current = sum(int(n) for v, g, n in seen if v == LEDGER_VERSION and g == digest)
    if current == scanned == sources:
        return None
    return {
        "sources": int(sources),
        "scanned": scanned,
        "current": current,
        "recorded": sorted({f"v{v} {g}" for v, g, _ in seen}),
        "wanted": f"v{LEDGER_VERSION} {digest}",
    }


def ensure_ledger(
    corpus: Corpus, *, log: Callable[[str], None] = _log, rebuild_stale: bool = True
) -> None:
    """Bring the store's asks ledger up to date, once (recorded in ``corpus.json``).

    An import through the app reads each new source for the ledger and the next refresh
    aligns it; ``build_store`` imports with ``add_document`` and caches made before the
    ledger existed have none. Without this step the first benchmark draft would pay for the
    whole ledger (every source read, every ask aligned) and be reported as drafting."""
    info = corpus.info()
    if info.get("ledger_seconds") is not None and (not rebuild_stale or not ledger_stale(corpus)):
        return
    if info.get("ledger_seconds") is not None:
        log(
            f"scale {corpus.scale}: the cached asks ledger was read with another glossary "
            "or ledger version: building it again (as the first draft after an upgrade would)"
        )
    import resource

    from briefer.library import asks
    from briefer.store import open_store

    store = open_store(corpus.store)
    last = [0.0]

    def progress(done: int, total: int, what: str) -> None:
        if time.perf_counter() - last[0] > 30:
            last[0] = time.perf_counter()
            log(f"scale {corpus.scale}: asks ledger: {what} {done}/{total}")

    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    try:
        result = asks.refresh(store, progress=progress)
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    seconds = time.perf_counter() - t0
    cpu = cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime
    info["ledger_seconds"] = round(seconds, 1)
    info["ledger_cpu_seconds"] = round(cpu, 1)
    corpus.info_path.write_text(json.dumps(info, indent=2), "utf-8")
    log(f"scale {corpus.scale}: asks ledger built in {seconds:.0f} s ({cpu:.0f} s CPU): {result}")


def _write_holdouts(
    gen: Generator, corpus: Corpus, scale: int, holdout: int, holdout_docx: int
) -> None:
    _write_texts(gen, corpus.holdout, range(scale, scale + holdout))
    corpus.holdout_docx.mkdir(exist_ok=True)
    for i in range(scale + holdout, scale + holdout + holdout_docx):
        src = gen.source(i)
        target = corpus.holdout_docx / src.filename.replace(".txt", ".docx")
        if not target.exists():
            write_docx(src, target)


def _cloned_corpus(
    corpus: Corpus, gen: Generator, holdout: int, holdout_docx: int, log: Callable[[str], None]
) -> Corpus:
    """A corpus of a multiple of ``CLONE_BASE`` sources: the cached (or built) base corpus
    as its prefix, then clone sets of it (``benchmarks/clone.py``). Held-out files are new
    sources of the generator, as at every scale."""
    from benchmarks import clone
    from briefer.store import open_store

    scale = corpus.scale
    base = ensure_corpus(CLONE_BASE, corpus.seed, out=corpus.folder.parent, log=log)
    store = open_store(base.store)  # at the current schema, checkpointed
    try:
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    started = time.perf_counter()
    base_bytes = clone.link_texts(base.texts, corpus.texts)
    _write_holdouts(gen, corpus, scale, holdout, holdout_docx)
    log(f"scale {scale}: cloning {scale // CLONE_BASE - 1} sets of the {CLONE_BASE} corpus")
    built = clone.build(
        base.store,
        CLONE_BASE,
        corpus.store,
        corpus.texts,
        scale // CLONE_BASE - 1,
        log=log,
    )
    seconds = time.perf_counter() - started
    info = {
        "generator_version": GENERATOR_VERSION,
        "scale": scale,
        "seed": corpus.seed,
        "raw_text_bytes": base_bytes + built["clone_raw_bytes"],
        "holdout": holdout,
        "holdout_docx": holdout_docx,
        "store_build_seconds": round(seconds, 2),
        # the base's ledger was cloned with it: nothing left to read or align
        "ledger_seconds": 0.0,
        **built,
    }
    corpus.info_path.write_text(json.dumps(info, indent=2), "utf-8")
    log(f"scale {scale}: built in {seconds:.0f} s: {clone.describe(info)}")
    return corpus


def _write_texts(gen: Generator, folder: Path, indices: range) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in indices:
        src = gen.source(i)
        path = folder / src.filename
        data = src.text.encode("utf-8")
        if not path.exists() or path.stat().st_size != len(data):
            path.write_bytes(data)
        total += len(data)
    return total


def iter_sources(gen: Generator, indices: range) -> Iterator[GeneratedSource]:
    for i in indices:
        yield gen.source(i)


def build_store(
    gen: Generator, path: Path, scale: int, *, log: Callable[[str], None] = _log
) -> float:
    """Import sources 0..scale-1 through read_text + add_document, ``BATCH`` per transaction.

    Resumable: each batch is one committed transaction, so an interrupted build continues
    from the number of sources already in the store.
    """
    from sqlalchemy import func, select, text

    from briefer.ingest.readers import read_text
    from briefer.library.sources import SourceFields, add_document
    from briefer.library.topics import install_default_taxonomy
    from briefer.store import UnitOfWork, open_store
    from briefer.store.models import Source

    store = open_store(path)
    started = time.perf_counter()
    try:
        with UnitOfWork(store) as uow:
            install_default_taxonomy(uow.session)
            done = uow.session.scalar(select(func.count()).select_from(Source)) or 0
            uow.commit()
        if done:
            log(f"resuming the store of {scale} at source {done}")
        for lo in range(done, scale, BATCH):
            t0 = time.perf_counter()
            with UnitOfWork(store) as uow:
                for src in iter_sources(gen, range(lo, min(scale, lo + BATCH))):
                    doc = read_text(src.text.encode("utf-8"), origin=src.filename)
                    add_document(
                        uow.session,
                        doc,
                        SourceFields(kind=src.kind, date=src.day, language=src.language),  # type: ignore[arg-type]
                    )
                uow.commit()
            hi = min(scale, lo + BATCH)
            rate = (hi - lo) / (time.perf_counter() - t0)
            log(f"store {scale}: {hi}/{scale} sources ({rate:.1f}/s)")
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute(text("SELECT 1"))
    finally:
        store.close()
    return time.perf_counter() - started


def raw_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


def remove(corpus: Corpus) -> None:
    shutil.rmtree(corpus.folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build a cached benchmark corpus.")
    ap.add_argument("--scale", type=int, required=True)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--sample", type=int, help="print source N and exit")
    ns = ap.parse_args(argv)
    if ns.sample is not None:
        src = Generator(ns.seed).source(ns.sample)
        print(src.filename)
        print(src.text)
        return 0
    corpus = ensure_corpus(ns.scale, ns.seed)
    print(json.dumps(corpus.info(), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
