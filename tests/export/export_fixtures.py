"""The hand-built brief the export tests share (module name unique across tests/)."""

from __future__ import annotations

from datetime import date, datetime

from briefer.briefs.model import BriefView, QuoteView, SectionView, SourceRef

INDUSTRY_LETTER = SourceRef(
    id=11,
    title="Joint industry letter on the AI Act trilogues",
    short_title="Joint industry letter",
    kind="industry",
    organisations=("DIGITALEUROPE", "JBCE", "JEITA"),
    date=date(2022, 3, 1),
    origin="https://example.org/joint-letter.pdf",
    language="en",
)
COUNCIL_TEXT = SourceRef(
    id=22,
    title="Council general approach on the Artificial Intelligence Act",
    short_title="Council general approach",
    kind="official",
    organisations=("Council of the EU",),
    date=date(2022, 12, 6),
    origin="council-ga.docx",
    language="en",
)
JAPAN_PAPER = SourceRef(
    id=33,
    title="半導体・デジタル産業戦略",
    short_title="半導体戦略",
    kind="official",
    organisations=("経済産業省",),
    date=date(2023, 6, 6),
    origin="meti-strategy.pdf",
    language="ja",
)
JEITA_PAPER = SourceRef(
    id=44,
    title="JEITA position on data flows",
    short_title="JEITA position",
    kind="industry",
    organisations=("JEITA",),
    date=None,
    origin="jeita.txt",
    language="en",
)

IND_AI_1 = "Industry calls for a risk-based approach that avoids duplicating sectoral law."
IND_AI_2 = "Sandboxes should be open to SMEs across the Union\x07 without extra fees."
OFF_AI_1 = "The general approach narrows the definition of AI systems to machine learning."
IND_JP_1 = "「半導体」を含む文：供給網の強靭化が急務である。"
OFF_JP_1 = "政府は「半導体」産業への投資を拡大する。"
OFF_JP_2 = "Semiconductor subsidies will be reviewed annually."
IND_DATA_1 = "Data flows with trust must remain the basis | of any agreement."


def _q(qid: int, side: str, source: SourceRef, text: str, **kw) -> QuoteView:
    return QuoteView(id=qid, side=side, source=source, start=0, end=len(text), text=text, **kw)


def brief_view() -> BriefView:
    """Three sections: English and Japanese quotes, a control character, industry-only topic."""
    ai = SectionView(
        id=1,
        topic="Artificial Intelligence Act",
        assessment="partly",
        assessment_comment="Sandboxes accepted, definition narrower than asked",
        industry=(
            _q(1, "industry", INDUSTRY_LETTER, IND_AI_1, page=3),
            _q(
                2,
                "industry",
                INDUSTRY_LETTER,
                IND_AI_2,
                heading_path=("4. Artificial Intelligence (AI)", "AI regulatory sandboxes"),
            ),
        ),
        official=(_q(3, "official", COUNCIL_TEXT, OFF_AI_1, page=12),),
        lines_to_take=("We welcome the risk-based approach.", "We will keep SMEs in mind."),
        if_asked=("On timing: trilogues continue this spring.",),
        background="The Commission proposed the Act in April 2021.\nParliament voted in June.",
        notes="NOTE-ONLY: check with the legal service before the meeting.",
    )
    chips = SectionView(
        id=2,
        topic="半導体 (Semiconductors)",
        assessment="aligned",
        assessment_comment="",
        industry=(_q(4, "industry", INDUSTRY_LETTER, IND_JP_1, page=5),),
        official=(
            _q(5, "official", JAPAN_PAPER, OFF_JP_1, heading_path=("第2章", "投資")),
            _q(6, "official", COUNCIL_TEXT, OFF_JP_2, suggested=True),
        ),
        lines_to_take=("Japan and the EU share an interest in resilient supply chains.",),
        if_asked=(),
        background="",
        notes="",
    )
    data = SectionView(
        id=3,
        topic="Data flows",
        assessment="official_only",
        assessment_comment="No official text yet\x0b expected Q3",
        industry=(_q(7, "industry", JEITA_PAPER, IND_DATA_1),),
        official=(),
        lines_to_take=(),
        if_asked=("Bell\x07 character should vanish.",),
        background="",
        notes="",
    )
    return BriefView(
        id=7,
        title="EU–Japan Digital Partnership Council",
        meeting_date=date(2024, 4, 30),
        venue="Brussels, Berlaymont",
        organisation="Digital Policy Unit",
        author="A. Officer",
        marking="OFFICIAL-SENSITIVE",
        objectives="Secure agreement on AI cooperation.\n- Confirm semiconductor dialogue",
        scene_setter="Second Council meeting; Japan chairs.",
        sections=(ai, chips, data),
        version_label="Draft 2",
        updated_at=datetime(2024, 4, 20, 9, 30),
    )
