"""Learning from the officer: words their manual tags show to be strong evidence for a topic.

When the officer tags passages with a topic by hand (or untags them), the words that those
passages share -- and that the topic's other passages, the untagged ones and the rest of the
same sources use much less -- become evidence for the topic in this store. The statistics
are scipy's G-test of independence on a 2x2 table per candidate word (tagged passages
holding the word or not, against contrast passages holding it or not): a word is learned
when it occurs in at least ``MIN_POSITIVES`` tagged passages, is over-represented there,
and the test gives p < ``MAX_P``. At most ``MAX_TERMS`` words per topic, strongest first.

Learned words are weaker evidence than aliases (``tagger.LEARNED_WEIGHT``), visible
(``briefer topic learned NAME``) and resettable (``--reset``: the words are forgotten and the
decisions made so far stop teaching). They apply to every passage tagged from then on:
new imports at once, the library when the topic is re-tagged (``--retag``, an alias edit).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from briefer.ingest.tokens import content_terms, term_forms
from briefer.store.models import Passage, PassageTopic, Source, Topic, TopicAlias, TopicLearnedTerm
from briefer.store.texts import Spans

MIN_POSITIVES = 2
MAX_P = 0.05
MAX_TERMS = 10
#: Contrast passages: the passages the officer untagged, the other content passages of the
#: sources they tagged in and of the newest sources; at most this many, for a bounded cost
#: per tag.
MAX_CONTRAST = 2000


@dataclass(frozen=True, slots=True)
class LearnedTerm:
    term: str  # as the officer's passages write it
    score: float  # G statistic
    positives: int
    negatives: int


def learned_terms(session: Session, topic_id: int) -> list[LearnedTerm]:
    rows = session.scalars(
        select(TopicLearnedTerm)
        .where(TopicLearnedTerm.topic_id == topic_id)
        .order_by(TopicLearnedTerm.score.desc(), TopicLearnedTerm.term)
    )
    return [LearnedTerm(r.term, r.score, r.positives, r.negatives) for r in rows]


def relearn(session: Session, topic_id: int) -> list[LearnedTerm]:
    """Recompute a topic's learned words from the manual decisions that still teach."""
    decisions = session.execute(
        select(PassageTopic.passage_id, PassageTopic.excluded).where(
            PassageTopic.topic_id == topic_id,
            PassageTopic.origin == "manual",
            PassageTopic.taught.is_(True),
        )
    ).all()
    tagged = {pid for pid, excluded in decisions if not excluded}
    untagged = {pid for pid, excluded in decisions if excluded}
    session.execute(delete(TopicLearnedTerm).where(TopicLearnedTerm.topic_id == topic_id))
    if len(tagged) < MIN_POSITIVES:
        return []
    texts = _passage_texts(session, tagged, untagged)
    positives = [texts[p] for p in tagged if p in texts]
    contrast = [texts[p] for p in texts if p not in tagged][:MAX_CONTRAST]
    if not contrast:
        return []
    known = _known_terms(session)
    pos_df, surfaces = _document_frequencies(positives, known)
    neg_df, _ = _document_frequencies(contrast, known)
    found = _significant(pos_df, neg_df, len(positives), len(contrast), surfaces)
    if found:
        session.execute(
            insert(TopicLearnedTerm),
            [
                {
                    "topic_id": topic_id,
                    "term": t.term,
                    "score": t.score,
                    "positives": t.positives,
                    "negatives": t.negatives,
                }
                for t in found
            ],
        )
    return found


def reset(session: Session, topic_id: int) -> int:
    """Forget a topic's learned words; the decisions made so far stop teaching."""
    n = len(learned_terms(session, topic_id))
    session.execute(delete(TopicLearnedTerm).where(TopicLearnedTerm.topic_id == topic_id))
    session.execute(
        update(PassageTopic)
        .where(PassageTopic.topic_id == topic_id, PassageTopic.origin == "manual")
        .values(taught=False)
    )
    return n


def all_learned(session: Session) -> dict[int, tuple[str, ...]]:
    """Every topic's learned words, for the tagger."""
    out: dict[int, list[str]] = {}
    for tid, term in session.execute(
        select(TopicLearnedTerm.topic_id, TopicLearnedTerm.term).order_by(
            TopicLearnedTerm.topic_id, TopicLearnedTerm.score.desc(), TopicLearnedTerm.term
        )
    ):
        out.setdefault(tid, []).append(term)
    return {tid: tuple(terms) for tid, terms in out.items()}


def _passage_texts(session: Session, tagged: set[int], untagged: set[int]) -> dict[int, str]:
    """Texts of the decided passages and of the other content passages of their sources."""
    sources = set(
        session.scalars(select(Passage.source_id).where(Passage.id.in_(tagged | untagged)))
    )
    # The rest of the library as well, newest sources first, up to MAX_CONTRAST passages.
    for sid in session.scalars(select(Source.id).order_by(Source.id.desc()).limit(200)):
        if len(sources) >= 50:
            break
        sources.add(sid)
    rows = session.execute(
        select(Passage.id, Passage.source_id, Passage.start, Passage.end)
        .where(Passage.source_id.in_(sources), Passage.content.is_(True), Passage.kind != "heading")
        .order_by(Passage.source_id, Passage.ordinal)
        .limit(MAX_CONTRAST + len(tagged) + len(untagged))
    ).all()
    span = Spans(session)  # the passages' spans, not the sources' whole texts
    out: dict[int, str] = {}
    for pid, sid, start, end in rows:
        out[pid] = span(sid, start, end)
    for pid in tagged | untagged:  # a decided heading passage still counts
        if pid not in out:
            p = session.get(Passage, pid)
            if p is not None:
                out[pid] = span(p.source_id, p.start, p.end)
    return out


def _known_terms(session: Session) -> set[tuple[str, bool]]:
    """Forms already covered by some topic's name or alias: nothing to learn there."""
    known: set[tuple[str, bool]] = set()
    for term in (*session.scalars(select(Topic.name)), *session.scalars(select(TopicAlias.alias))):
        known.update(term_forms(term))
    return known


def _document_frequencies(
    texts: list[str], known: set[tuple[str, bool]]
) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """In how many texts each candidate word occurs, and how each is written."""
    df: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = {}
    for text in texts:
        seen: set[str] = set()
        for t in content_terms(text):
            word = text[t.start : t.end]
            if (t.norm, t.caps) in known or len(word) < 2 or word.isdigit():
                continue
            key = t.norm if not t.caps else word
            if key not in seen:
                seen.add(key)
                df[key] += 1
            surfaces.setdefault(key, Counter())[word] += 1
    return df, surfaces


def _significant(
    pos_df: Counter[str],
    neg_df: Counter[str],
    n_pos: int,
    n_neg: int,
    surfaces: dict[str, Counter[str]],
) -> list[LearnedTerm]:
    from scipy.stats import chi2_contingency  # only when the officer tags: not at start-up

    found: list[LearnedTerm] = []
    for key, a in pos_df.items():
        if a < MIN_POSITIVES:
            continue
        b = neg_df.get(key, 0)
        if a / n_pos <= b / n_neg:
            continue
        table = [[a, n_pos - a], [b, n_neg - b]]
        try:
            g, p, _dof, _expected = chi2_contingency(
                table, correction=False, lambda_="log-likelihood"
            )
        except ValueError:  # a margin of zero: every passage holds the word, or none
            continue
        if p < MAX_P:
            term = surfaces[key].most_common(1)[0][0]
            found.append(LearnedTerm(term, round(float(g), 3), a, b))
    found.sort(key=lambda t: (-t.score, t.term))
    return found[:MAX_TERMS]
