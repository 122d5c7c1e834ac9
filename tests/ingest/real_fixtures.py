"""A third labelled set: openings of real public pages (ministry releases, position papers,
press articles; English and Japanese), saved under ``real_documents/`` as the text, HTML or
Markdown a browser's "save as" or a copy gives, plus one DOCX and one PDF made from them.

Labelled before the importer first read them (what an analyst records: the document's own
title; the organisation that issued or published it, not those it mentions; the date the
document gives for itself or its event; the kind). Only the opening of each page is kept,
enough for metadata, with the page it came from in ``URLS``. Do not tune the rules to these
strings: improve the general rules and re-score.
"""

# ruff: noqa: E501  (the pages' addresses)
from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

from analyst_fixtures import Labelled
from format_fixtures import SOFFICE, make_docx, soffice_to_pdf

HERE = Path(__file__).resolve().parent / "real_documents"

URLS = {
    "r01": "https://www.pressclub.be/press-releases/european-council-joint-statement-eu-japan-summit-2022/",
    "r02": "https://www.ivorycoasttimes.com/23rd-japan-eu-summit-tokyo-29-may-2015-joint-press-statement/",
    "r03": "https://worldjpn.net/documents/texts/FOIP/20190425.D1E.html",
    "r04": "https://digital.go.jp/en/news/f1b3434c-3494-4bf2-b322-915eb8d3ac3f",
    "r05": "https://vdocuments.mx/recommendations-of-the-eu-japan-business-round-table-to-sesar-sme-single-european.html",
    "r06": "https://www.nippon.com/en/news/yjj2023070400922/japan-eu-sign-mou-on-semiconductor-cooperation.html",
    "r07": "https://www.reuters.com/technology/eu-japan-deepen-chip-cooperation-breton-2023-07-03/",
    "r08": "https://www.digital.go.jp/news/9b948ac0-10fb-47d0-aff8-7534d9bb042b",
    "r09": "https://www.doyukai.or.jp/chairmansmsg/comment/2017/170706_1945.html",
    "r10": "http://www.keidanren.or.jp/speech/comment/2017/0706.html",
    "r11": "http://economic.jp/?p=66204",
    "r12": "https://crds.jst.go.jp/dw/20220613/2022061332599/",
    "r13": "https://europeaninterest.eu/eu-institution-news/eu-and-japan-strengthen-joint-work-on-digital-identity-semiconductors-and-artificial-intelligence",
    "r14": "https://japan.kantei.go.jp/hatoyama/statement/201004/28eukaiken_e.html",
}

#: (file, language, title, organisations, date, kind) — written before the first score.
LABELS: list[tuple[str, str, str, tuple[str, ...], date | None, str]] = [
    ("r01-summit-2022.txt", "en", "European Council: Joint Statement EU-Japan Summit 2022",
     ("European Council",), None, "official"),
    ("r02-summit-2015.txt", "en", "23rd Japan-EU Summit, Tokyo, 29 May 2015 Joint Press Statement",
     ("European Council", "European Commission"), date(2015, 5, 29), "official"),
    ("r03-worldjpn-2019.txt", "en", "Japan-EU Summit Joint Statement",
     ("Ministry of Foreign Affairs of Japan",), date(2019, 4, 25), "official"),
    ("r04-digital-agency-2023.html", "en", "Japan-EU Digital Partnership Council held",
     ("Digital Agency",), date(2023, 7, 3), "official"),
    ("r05-brt-2018.docx", "en",
     "Recommendations of the EU-Japan Business Round Table to the Leaders of the European "
     "Union and Japan", ("EU-Japan Business Round Table",), date(2018, 4, 20), "industry"),
    ("r06-jiji-2023.html", "en", "Japan, EU Sign MOU on Semiconductor Cooperation",
     ("Jiji Press",), date(2023, 7, 4), "other"),
    ("r07-reuters-2023.txt", "en", "EU to deepen chip cooperation with Japan, says Breton",
     ("Reuters",), date(2023, 7, 3), "other"),
    ("r08-digital-agency-ja-2025.html", "ja",
     "日EUデジタルパートナーシップ閣僚級会合(第3回会合)を開催しました", ("デジタル庁",),
     date(2025, 5, 12), "official"),
    ("r09-doyukai-2017.pdf", "ja", "日・EU経済連携協定の大枠合意について", ("経済同友会",),
     None, "industry"),
    ("r10-keidanren-2017.md", "ja", "日EU 経済連携協定(EPA)大枠合意に関する榊原会長コメント",
     ("日本経済団体連合会",), date(2017, 7, 6), "industry"),
    ("r11-economic-news-2016.txt", "ja", "日欧経済団体が日EUの年内妥結を総理らに要望", (),
     date(2016, 9, 17), "other"),
    ("r12-crds-2022.txt", "ja", "日・EU定期首脳協議", ("欧州理事会",), date(2022, 5, 12),
     "official"),
    ("r13-european-interest-2024.html", "en",
     "EU and Japan strengthen joint work on digital identity, semiconductors and artificial "
     "intelligence", ("European Interest",), None, "other"),
    ("r14-kantei-2010.txt", "en",
     "Joint Press Conference by Dr Yukio Hatoyama, Prime Minister of Japan, Mr Herman Van "
     "Rompuy, President of the European Council and Mr Jose Manuel Durao Barroso, President "
     "of the European Commission Following the 19th Japan-EU Summit Meeting",
     ("Prime Minister of Japan and His Cabinet",), date(2010, 4, 28), "official"),
]


def _brt_docx(path: Path) -> Path:
    """The BRT report's opening as Word writes it: no title in the file properties, and a
    file date years after the report's own (a re-saved copy)."""
    return make_docx(
        path,
        [
            ("", "Working Party 3: Digital Innovation & Mobility EU-Japan BRT 2018 "
             "Recommendations Report Version"),
            ("Title", "Recommendations of the EU-Japan Business Round Table to the Leaders of "
             "the European Union and Japan"),
            ("", "Tokyo, 20 April 2018"),
            ("Heading 1", "Working Party 3 Digital Innovation and Mobility"),
            ("", "Working Party Leaders: Mr. Frédéric SANCHEZ Chairman of the Executive Board "
             "Fives Group; Mr. Nobuhiko SASAKI Corporate Executive Vice Chairman Fujitsu "
             "Limited"),
            ("Heading 1", "Recommendations"),
            ("", "The EU-Japan BRT calls on both governments to make full use of the Economic "
             "Partnership Agreement for digital trade and to ensure the free flow of data "
             "across borders while protecting privacy."),
        ],
        created=datetime(2019, 9, 6, 10, 0),
    )


def _doyukai_docx(path: Path) -> Path:
    return make_docx(
        path,
        [
            ("", "代表幹事の発言"),
            ("Heading 1", "日・EU経済連携協定の大枠合意について"),
            ("", "公益社団法人 経済同友会"),
            ("", "代表幹事 小林 喜光"),
            ("", "1.本日、日・EU経済連携協定交渉が大枠合意に達したことは、日本とEUが、グローバル化や"
             "自由貿易を支持し、推進するという確固たる意思を示したものであり、心から歓迎する。"),
            ("", "2.今回、高い水準で包括的な合意に達したことの意義は大きい。今後、他の経済連携協定交渉の"
             "前進につながることを期待する。"),
            ("", "以上"),
        ],
    )


def build(folder: Path) -> list[Labelled]:
    """Copy the saved pages to ``folder``, make the DOCX and (with LibreOffice) the PDF."""
    folder.mkdir(parents=True, exist_ok=True)
    for f in HERE.iterdir():
        shutil.copy(f, folder / f.name)
    _brt_docx(folder / "r05-brt-2018.docx")
    have = {f.name for f in folder.iterdir()}
    if SOFFICE is not None:
        work = folder / "work"
        work.mkdir(exist_ok=True)
        (pdf,) = soffice_to_pdf([_doyukai_docx(work / "r09-doyukai-2017.docx")], work)
        shutil.move(pdf, folder / "r09-doyukai-2017.pdf")
        have.add("r09-doyukai-2017.pdf")
    return [
        Labelled(name.split(".")[0], folder / name, lang, title, orgs, day, kind)
        for name, lang, title, orgs, day, kind in LABELS
        if name in have
    ]
