"""A labelled set of documents as analysts receive them, written here (no binaries kept).

Each reproduces one of the ways import used to go wrong (issue 17): PDF titles cut at line
breaks, breadcrumbs and mastheads above titles, organisations only in the text, "Published:
<month> <year>" lines, a re-published DOCX whose file date is years older, an official
outcome re-published by an intermediary, a news article about an industry proposal,
Japanese PDFs, forwarded e-mails with signatures and disclaimers, contact blocks. English
and Japanese. The organisations, people and numbers are invented.

``build(folder)`` writes the files and returns them with what an analyst would record;
``metadata_accuracy.py`` scores the importer on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from email.message import EmailMessage
from html import escape
from pathlib import Path

from format_fixtures import SOFFICE, make_docx, make_eml, soffice_to_pdf


@dataclass(frozen=True)
class Labelled:
    """A file and the metadata an analyst would record for it."""

    name: str
    path: Path
    language: str
    title: str
    organisations: tuple[str, ...]
    date: date | None
    kind: str


def _docx_with_page_break(path: Path, paragraphs: list[tuple[str, str]], **kwargs: object) -> Path:
    """Like make_docx; a paragraph whose style is "PAGE" is a page break."""
    import docx

    d = docx.Document()
    for style, text in paragraphs:
        if style == "PAGE":
            d.add_page_break()
        else:
            d.add_paragraph(text, style=style or None)
    props = d.core_properties
    props.title = str(kwargs.get("title", ""))
    if isinstance(kwargs.get("created"), datetime):
        props.created = kwargs["created"]  # type: ignore[assignment]
    d.save(str(path))
    return path


EN_PDF_BODY = (
    "The two sides agreed to strengthen cooperation on semiconductor supply chains, "
    "including an early warning mechanism and joint research on advanced chips. "
)

JA_BODY_1 = (
    "日本とEUは2024年4月30日にブリュッセルで第2回デジタルパートナーシップ協議会を開催し、"
    "人工知能、半導体、量子技術及び海底ケーブルに関する協力を確認した。"
)
JA_BODY_2 = (
    "双方は半導体のサプライチェーンの強靭化に向けて、"
    "早期警戒メカニズムの運用を進めることで一致した。"
)
JA_BODY_3 = (
    "次回の協議会は2025年に東京で開催する予定であり、データの自由な流通についても議論を続ける。"
)


def _en_pdf_docx(folder: Path) -> Path:
    return make_docx(
        folder / "council-results-en.docx",
        [
            ("", "Ministry of Example Affairs and Communications"),
            (
                "Title",
                "Results of the Japan-EU Digital Partnership Council and the way forward on "
                "semiconductors and quantum technology",
            ),
            ("", "Published: May 2024"),
            ("Heading 1", "1. Semiconductors"),
            *[("", EN_PDF_BODY * 3) for _ in range(3)],
            ("Heading 2", "1.1 Early warning mechanism"),
            ("", "An early warning mechanism for supply disruptions will be set up in 2025. " * 3),
            ("Heading 1", "2. Quantum technology"),
            (
                "",
                "Joint research on quantum computing and quantum communication will continue. " * 3,
            ),
            ("", "Download the full outcome document (PDF, 1.2 MB)"),
        ],
    )


def _ja_pdf_docx(folder: Path) -> Path:
    return _docx_with_page_break(
        folder / "council-results-ja.docx",
        [
            ("", "総務省"),
            (
                "Title",
                "日EUデジタルパートナーシップ協議会の結果（第2回会合の概要と今後の協力の方向性について）",
            ),
            ("", "公表日：2024年5月"),
            ("Heading 1", "１．背景"),
            *[("", JA_BODY_1 * 3) for _ in range(4)],
            ("Heading 2", "（１）半導体"),
            *[("", JA_BODY_2 * 3) for _ in range(3)],
            ("PAGE", ""),
            ("Heading 1", "２．今後の取組"),
            ("", JA_BODY_3 * 3),
        ],
    )


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _html(path: Path, *, site: str, title: str, body: str, published: str = "") -> Path:
    meta = f'<meta property="og:site_name" content="{escape(site)}">'
    if published:
        meta += f'<meta property="article:published_time" content="{published}">'
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} | {escape(site)}</title>{meta}</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<main><h1>{escape(title)}</h1>{body}</main>
<footer><p>© 2024 {escape(site)}. All rights reserved.</p></footer></body></html>"""
    path.write_text(page, encoding="utf-8")
    return path


_CALL = (
    "The association calls on the EU and Japan to conclude the data flow provisions and to "
    "recognise each other's certification schemes for cloud services."
)
_DISCLAIMER = (
    "This e-mail and any attachments are confidential and intended solely for the "
    "addressee. If you have received this message in error, please notify the sender."
)


def _forwarded_en(folder: Path) -> Path:
    body = """Dear all,

Please see below the position of the association on data flows, for the meeting next week.

Best regards,
Tom Weber
Desk officer, Unit C.2
tom.weber@example-ministry.eu

---------- Forwarded message ---------
From: Hana Sato <h.sato@jeea-example.or.jp>
Date: Mon, 29 Apr 2024 10:02:00 +0900
Subject: Position on data free flow with trust
To: Tom Weber <tom.weber@example-ministry.eu>

Dear Mr Weber,

{CALL}

We also ask for a joint expert group on semiconductor supply chain resilience.

Kind regards,
Hana Sato
Director, International Affairs
Japan Electronics Example Association (JEEA)
Tel: +81 3 1234 5678

{DISCLAIMER}

> On 25 Apr 2024, Tom Weber wrote:
> Could you send us your position on data flows?
"""
    body = body.replace("{CALL}", _CALL).replace("{DISCLAIMER}", _DISCLAIMER)
    return make_eml(
        folder / "fwd-position-en.eml",
        subject="Fwd: Position on data free flow with trust",
        sender="Tom Weber <tom.weber@example-ministry.eu>",
        body=body,
        date="Tue, 30 Apr 2024 08:00:00 +0200",
        attachments=[
            ("position.txt", b"Position on data flows.\n\nWe ask for DFFT.\n", "text/plain")
        ],
    )


def _forwarded_ja(folder: Path) -> Path:
    body = """各位

経済団体からの要望を転送します。ご確認ください。

よろしくお願いいたします。
欧州連合代表部　鈴木

-------- 転送メッセージ --------
差出人: 山田 太郎 <yamada@example-kogyokai.or.jp>
日付: 2024年4月25日 10:00
件名: 半導体協力に関する要望
宛先: 鈴木 <suzuki@example-delegation.eu>

鈴木様

当会は、日EU間の半導体サプライチェーン強靭化に向けた共同研究の拡充と、輸出管理に関する対話の継続を要望いたします。

また、量子技術分野での人材交流の拡大を求めます。

よろしくお願いいたします。
一般社団法人日本例示工業会
国際部　山田太郎
電話：03-1234-5678

本メールは機密情報を含む場合があります。誤って受信された場合は削除してください。
"""
    msg = EmailMessage()
    msg["From"] = "鈴木 <suzuki@example-delegation.eu>"
    msg["To"] = "desk@example.org"
    msg["Subject"] = "転送: 半導体協力に関する要望"
    msg["Date"] = "Fri, 26 Apr 2024 09:00:00 +0200"
    msg.set_content(body)
    path = folder / "fwd-request-ja.eml"
    path.write_bytes(bytes(msg))
    return path


def build(folder: Path) -> list[Labelled]:
    """Write the set into ``folder``; PDFs only where LibreOffice is installed."""
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Labelled] = []
    en_docx, ja_docx = _en_pdf_docx(folder), _ja_pdf_docx(folder)
    if SOFFICE is not None:
        en_pdf, ja_pdf = soffice_to_pdf([en_docx, ja_docx], folder)
        out.append(
            Labelled(
                "PDF, title over two lines, letterhead, Published: month year",
                en_pdf,
                "en",
                "Results of the Japan-EU Digital Partnership Council and the way forward on "
                "semiconductors and quantum technology",
                ("Ministry of Example Affairs and Communications",),
                date(2024, 5, 1),
                "official",
            )
        )
        out.append(
            Labelled(
                "Japanese PDF, title over lines, letterhead, heading after page break",
                ja_pdf,
                "ja",
                "日EUデジタルパートナーシップ協議会の結果（第2回会合の概要と今後の協力の方向性について）",
                ("総務省",),
                date(2024, 5, 1),
                "official",
            )
        )
    out.append(
        Labelled(
            "Text with breadcrumb, Source: line and press contact",
            _write(
                folder / "quantum-release.txt",
                "Home › Newsroom › Press releases\n\n"
                "EU and Japan deepen cooperation on quantum research\n\n"
                "Brussels, 3 June 2024\n\n"
                "The European Commission and the Government of Japan agreed today to launch joint "
                "calls for research on quantum computing and quantum communication.\n\n"
                "Both sides will exchange researchers and open their testbeds to each other's "
                "teams from 2025.\n\n"
                "Source: European Commission\n\n"
                "Press contact:\nAnna Example\nSpokesperson for research\n"
                "Tel: +32 2 123 45 67\nanna.example@ec.example.eu\n",
            ),
            "en",
            "EU and Japan deepen cooperation on quantum research",
            ("European Commission",),
            date(2024, 6, 3),
            "official",
        )
    )
    out.append(
        Labelled(
            "Official outcome re-published by an intermediary (og:site_name)",
            _html(
                folder / "republished-outcome.html",
                site="EU-Japan Centre for Industrial Cooperation",
                title="Joint Statement of the EU-Japan Digital Partnership Council",
                published="2024-04-30",
                body="<p>The European Commission and the Government of Japan held the second "
                "Digital Partnership Council in Brussels. The two sides agreed on new "
                "deliverables on semiconductors, artificial intelligence and submarine "
                "cables.</p><p>The ministers welcomed the progress of the partnership and "
                "will meet again in Tokyo in 2025.</p>",
            ),
            "en",
            "Joint Statement of the EU-Japan Digital Partnership Council",
            # The site that re-published it, and the two authors its first sentence names.
            (
                "EU-Japan Centre for Industrial Cooperation",
                "European Commission",
                "Government of Japan",
            ),
            date(2024, 4, 30),
            "official",
        )
    )
    out.append(
        Labelled(
            "News article about an industry proposal",
            _html(
                folder / "news-industry-proposal.html",
                site="Tokyo Tech Times",
                title="Electronics makers urge joint EU-Japan chip stockpile",
                published="2024-05-14",
                body="<p>By Maria Rossi</p><p>The Japan Example Industry Association said on "
                "Tuesday that the EU and Japan should build a joint stockpile of legacy "
                "chips, according to a proposal seen by this newspaper.</p><p>The "
                "association's director told reporters the plan would cut the risk of "
                "shortages. A Commission spokesperson said the proposal would be studied."
                "</p>",
            ),
            "en",
            "Electronics makers urge joint EU-Japan chip stockpile",
            ("Tokyo Tech Times",),
            date(2024, 5, 14),
            "other",
        )
    )
    out.append(
        Labelled(
            "Re-published DOCX: old file date, meeting date in the first sentence",
            make_docx(
                folder / "joint-statement.docx",
                [
                    ("Title", "Joint statement on trusted data flows"),
                    (
                        "",
                        "The Example Digital Association, the Example Business Federation and "
                        "the Chamber of Example Commerce call on the EU and Japan to adopt the "
                        "data flow provisions at their meeting on 30 April 2024.",
                    ),
                    (
                        "",
                        "We ask both sides to keep cross-border data flows free of data "
                        "localisation requirements and to recognise each other's cloud "
                        "certification schemes.",
                    ),
                    ("", "Download the full position paper (PDF, 800 KB)"),
                ],
                created=datetime(2013, 12, 23, 10, 0),
            ),
            "en",
            "Joint statement on trusted data flows",
            (
                "Example Digital Association",
                "Example Business Federation",
                "Chamber of Example Commerce",
            ),
            date(2024, 4, 30),
            "industry",
        )
    )
    out.append(
        Labelled(
            "Position paper with a signatory block",
            _write(
                folder / "ai-position.txt",
                "Position paper on AI governance\n\nDate: 12 February 2024\n\n"
                "We, the undersigned organisations, ask the EU and Japan to align their "
                "approaches to general-purpose AI models and to recognise each other's "
                "conformity assessments.\n\n"
                "We also call for a joint code of practice on transparency for AI systems "
                "used in public services.\n\n"
                "Signatories:\nExample Software Alliance\n"
                "European Example Industry Federation\nJapan Example Business Council\n",
            ),
            "en",
            "Position paper on AI governance",
            (
                "Example Software Alliance",
                "European Example Industry Federation",
                "Japan Example Business Council",
            ),
            date(2024, 2, 12),
            "industry",
        )
    )
    out.append(
        Labelled(
            "Forwarded e-mail with signatures, disclaimer, quoted reply",
            _forwarded_en(folder),
            "en",
            "Position on data free flow with trust",
            ("Japan Electronics Example Association (JEEA)",),
            date(2024, 4, 29),
            "industry",
        )
    )
    out.append(
        Labelled(
            "Japanese newsletter: masthead above the title, 出典 line",
            _write(
                folder / "newsletter-ja.txt",
                "EU-Japan ニュースレター 第45号\n\n日EU経済連携協定の最新動向\n\n"
                "2024年6月10日\n\n出典：欧州委員会\n\n１．概要\n\n"
                "欧州委員会は、日EU経済連携協定の下でデータの自由な流通に関する規定が発効したと発表した。\n\n"
                "（１）半導体\n\n双方は半導体の供給網に関する情報交換を強化することで一致した。\n\n"
                "■ 今後の予定\n\n次回の合同委員会は秋に東京で開催される予定である。\n\n"
                "お問い合わせ先\n電話：03-1234-5678\n",
            ),
            "ja",
            "日EU経済連携協定の最新動向",
            ("欧州委員会",),
            date(2024, 6, 10),
            "official",
        )
    )
    out.append(
        Labelled(
            "Japanese forwarded e-mail with signature and disclaimer",
            _forwarded_ja(folder),
            "ja",
            "半導体協力に関する要望",
            ("一般社団法人日本例示工業会",),
            date(2024, 4, 25),
            "industry",
        )
    )
    return out
