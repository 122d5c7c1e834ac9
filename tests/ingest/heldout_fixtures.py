"""A second labelled set, written after the rules and scored once, never tuned against.

The analyst set (``analyst_fixtures``) was written beside the rules it checks; this one was
labelled before the importer first read it, so its score says how the rules do on
documents they were not built on. Invented organisations, people and numbers. Do not change
the rules to fit these documents: add new ones instead.
"""

from __future__ import annotations

from datetime import date, datetime
from email.message import EmailMessage
from html import escape
from pathlib import Path

from analyst_fixtures import Labelled
from format_fixtures import make_docx


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def build(folder: Path) -> list[Labelled]:
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Labelled] = []
    out.append(
        Labelled(
            "Council press release with letterhead and press office block",
            _write(
                folder / "h1-council.txt",
                "Council of the European Union\nPress release\n12 March 2024\n\n"
                "EU-Japan: Council approves data flow protocol\n\n"
                "The Council today approved the protocol to the EU-Japan Economic Partnership "
                "Agreement on cross-border data flows, which removes data localisation "
                "requirements between the two partners.\n\n"
                "The protocol will enter into force once both parties have completed their "
                "internal procedures.\n\n"
                "Press office - General Secretariat of the Council\n"
                "Rue de la Loi 175 - B-1048 Bruxelles - Tel.: +32 (0)2 281 6319\n"
                "press@consilium.example.eu\n",
            ),
            "en",
            "EU-Japan: Council approves data flow protocol",
            ("Council of the European Union",),
            date(2024, 3, 12),
            "official",
        )
    )
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Our priorities | Example Cloud Industry Association</title>
<meta property="og:site_name" content="Example Cloud Industry Association"></head><body>
<div class="breadcrumb"><a href="/">Home</a> / <a href="/policy">Policy</a></div>
<article><h1>Our priorities for the EU-Japan Digital Partnership</h1>
<p>Published: 7 October 2023</p>
<p>We urge the European Union and Japan to recognise each other's cloud security
certifications and to keep data flows free of localisation requirements.</p>
<p>Our members also ask for a common approach to AI model transparency.</p></article>
<footer>{escape("© Example Cloud Industry Association")}</footer></body></html>"""
    out.append(
        Labelled(
            "Industry association web page with breadcrumb and Published line",
            _write(folder / "h2-priorities.html", page),
            "en",
            "Our priorities for the EU-Japan Digital Partnership",
            ("Example Cloud Industry Association",),
            date(2023, 10, 7),
            "industry",
        )
    )
    out.append(
        Labelled(
            "Wire story about chipmakers",
            _write(
                folder / "h3-wire.txt",
                "Chipmakers press Brussels and Tokyo on export controls\n\n"
                "By Kenji Example\n\n"
                "TOKYO, September 5, 2024 (Example Wire) - Japanese and European chipmakers "
                "said on Thursday that export controls on chipmaking tools should be "
                "coordinated, according to a joint letter sent to both governments.\n\n"
                "An industry official told reporters the groups wanted a standing dialogue. "
                "The European Commission said it had received the letter.\n",
            ),
            "en",
            "Chipmakers press Brussels and Tokyo on export controls",
            # Relabelled (was no organisation): a news item is credited to its publisher,
            # here the agency of the dateline, as in the other sets (docs/FIDELITY.md).
            ("Example Wire",),
            date(2024, 9, 5),
            "other",
        )
    )
    out.append(
        Labelled(
            "Japanese ministry press release",
            _write(
                folder / "h4-meti.txt",
                "令和6年7月1日\n経済産業省\n\n日EU産業政策対話の開催結果について\n\n"
                "経済産業省は、欧州委員会との間で第10回日EU産業政策対話を開催しました。\n\n"
                "１．概要\n\n双方は、半導体及び蓄電池のサプライチェーン強靱化に向けた協力を確認しました。\n\n"
                "【お問い合わせ先】\n通商政策局欧州課\n電話：03-3501-0000\n",
            ),
            "ja",
            "日EU産業政策対話の開催結果について",
            ("経済産業省",),
            date(2024, 7, 1),
            "official",
        )
    )
    msg = EmailMessage()
    msg["From"] = "Lisa Example <lisa@example-semi.org>"
    msg["To"] = "desk@example.org"
    msg["Subject"] = "Input for the Digital Partnership Council"
    msg["Date"] = "Wed, 20 Mar 2024 16:30:00 +0100"
    msg.set_content(
        "Dear colleagues,\n\nAhead of the Digital Partnership Council, our members ask the EU "
        "and Japan to set up a joint early warning mechanism for semiconductor supply chain "
        "disruptions.\n\nWe would also welcome a dialogue on subsidies for chip plants.\n\n"
        "Best regards,\nLisa Example\nHead of Trade Policy\n"
        "Semiconductor Example Association Europe\n+32 2 555 01 02\n"
    )
    mail = folder / "h5-input.eml"
    mail.write_bytes(bytes(msg))
    out.append(
        Labelled(
            "Direct e-mail from an industry association",
            mail,
            "en",
            "Input for the Digital Partnership Council",
            ("Semiconductor Example Association Europe",),
            date(2024, 3, 20),
            "industry",
        )
    )
    out.append(
        Labelled(
            "Joint statement of two governments, DOCX with an old file date",
            make_docx(
                folder / "h6-economic-security.docx",
                [
                    (
                        "Title",
                        "Joint Statement by the European Union and Japan on Economic Security",
                    ),
                    ("", "Tokyo, 15 July 2024"),
                    (
                        "",
                        "The European Union and Japan reaffirm their commitment to work together "
                        "on economic security, including on critical raw materials and "
                        "semiconductors.",
                    ),
                    ("", "Both sides will hold a high-level dialogue every year."),
                ],
                created=datetime(2020, 1, 1, 9, 0),
            ),
            "en",
            "Joint Statement by the European Union and Japan on Economic Security",
            ("European Union", "Government of Japan"),
            date(2024, 7, 15),
            "official",
        )
    )
    ja_page = """<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">
<title>日EUデータ連携の課題と展望｜日本例示研究所</title>
<meta property="og:site_name" content="日本例示研究所"></head><body>
<nav><ul><li>ホーム</li><li>研究レポート</li></ul></nav>
<main><h1>日EUデータ連携の課題と展望</h1><time datetime="2024-02-01">2024年2月1日</time>
<p>本稿では、日EU間のデータ流通に関する制度の違いを整理し、今後の課題を検討する。</p>
<p>十分性認定の相互承認は進んだが、産業データの共有には依然として課題が残る。</p></main>
</body></html>"""
    out.append(
        Labelled(
            "Japanese think-tank analysis page",
            _write(folder / "h7-analysis.html", ja_page),
            "ja",
            "日EUデータ連携の課題と展望",
            ("日本例示研究所",),
            date(2024, 2, 1),
            "other",
        )
    )
    out.append(
        Labelled(
            "Delegation newsletter with masthead",
            _write(
                folder / "h8-update.txt",
                "EU-Japan Digital Update — Issue 12\n\n"
                "Semiconductor cooperation moves ahead\n\n"
                "Published: April 2024\n\n"
                "The EU Delegation to Japan reports that the working group on semiconductors "
                "met in Tokyo and agreed on a joint mapping of supply chains.\n\n"
                "The next meeting will take place in Brussels in the autumn.\n",
            ),
            "en",
            "Semiconductor cooperation moves ahead",
            ("EU Delegation to Japan",),
            date(2024, 4, 1),
            "official",
        )
    )
    return out
