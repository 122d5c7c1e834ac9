"""Render the README's export images: an English and a Japanese brief, each with Briefer's
default template and with a department's own template, through LibreOffice to PNG.

Run: ``python docs/render_exports.py [--keep DIR]`` (needs LibreOffice and poppler's
pdftoppm/pdftotext). It builds the briefs the way an officer does, through the CLI on a fresh
seeded store, exports each to PDF, keeps every page as PNG in DIR (to look at) and copies page
1 and the first page with a quote table into ``docs/export/``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from docx import Document  # noqa: E402
from docx.shared import Cm, Pt, RGBColor  # noqa: E402

from briefer import cli  # noqa: E402

DOCS = Path(__file__).resolve().parent / "export"

#: A short Japanese official text written for this rendering (not a seed, not used in logic).
JAPANESE_SOURCE = """日EUデジタルパートナーシップ　共同声明（抄）

１．半導体
双方は、半導体のサプライチェーンの強靱化に向けて、早期警戒メカニズムの運用を継続し、研究開発における協力を拡大する。

２．人工知能
双方は、信頼できる人工知能の実現に向けて、国際的な行動規範の策定と相互運用性の確保に取り組む。

３．データの自由な流通
双方は、信頼性のある自由なデータ流通（DFFT）の具体化に向けて、専門家による議論を継続する。
"""


def _cli(store: Path, *args: str) -> dict:
    out = tempfile.TemporaryFile(mode="w+")
    old = sys.stdout
    sys.stdout = out
    try:
        code = cli.main(["--store", str(store), *args, "--json"])
    finally:
        sys.stdout = old
    out.seek(0)
    text = out.read()
    if code != 0:
        raise SystemExit(f"briefer {' '.join(args)} failed")
    return json.loads(text) if text.strip() else {}


def department_template(path: Path) -> Path:
    """A department's own template: serif body, dark red headings, letterhead margins."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Liberation Serif"
    normal.font.size = Pt(11)
    for name in ("Heading 1", "Heading 2", "Title"):
        style = doc.styles[name]
        style.font.name = "Liberation Serif"
        style.font.color.rgb = RGBColor(0x7B, 0x11, 0x1A)
    section = doc.sections[0]
    section.top_margin = Cm(3.2)
    section.left_margin = section.right_margin = Cm(2.4)
    doc.save(str(path))
    return path


def _accept_and_write(
    store: Path, bid: int, points: dict[str, tuple[str, str, str]], comment: str
) -> None:
    """Accept the suggested quotes; write the assessment, lines to take, if asked, background
    as the officer would (drafting's proposed assessment is replaced, not exported)."""
    _cli(store, "brief", "accept", str(bid))
    shown = _cli(store, "brief", "show", str(bid))
    for section in shown["sections"]:
        lines, asked, background = points.get(section["topic"], ("", "", ""))
        args = ["brief", "section", str(bid), str(section["id"]), "--assessment", "partly",
                "--comment", comment]  # fmt: skip
        for value, option in ((lines, "--lines-to-take"), (asked, "--if-asked")):
            for point in filter(None, value.split("|")):
                args += [option, point]
        if background:
            args += ["--background", background]
        _cli(store, *args)


def english_brief(store: Path) -> int:
    bid = _cli(
        store, "brief", "new", "3rd EU–Japan Digital Partnership Council",
        "--date", "2025-05-12", "--venue", "Tokyo, Iikura Guest House",
        "--organisation", "Digital Policy Unit", "--author", "A. Officer",
        "--marking", "OFFICIAL-SENSITIVE",
    )["id"]  # fmt: skip
    _cli(store, "brief", "draft", str(bid), "--topic", "AI", "--topic", "Semiconductors",
         "--topic", "Data flows", "--per-side", "2")  # fmt: skip
    _accept_and_write(
        store,
        bid,
        {
            "Artificial intelligence": (
                "We welcome the shared work on AI governance in the G7 Hiroshima Process."
                "|We will keep our approaches interoperable.",
                "On regulatory sandboxes: we are open to comparing experience.",
                "The AI Act entered into force in August 2024.",
            ),
            "Semiconductors": (
                "The early warning mechanism is working; we propose to extend it.",
                "On subsidies: both sides committed to transparency.",
                "",
            ),
        },
        "Shared aims; industry asks for more detail on timing than the outcomes give.",
    )
    _cli(store, "source", "edit", "2", "--url", "https://europeaninterest.eu/eu-and-japan-"
         "strengthen-joint-work-on-digital-identity-semiconductors-and-artificial-intelligence")
    _cli(
        store, "brief", "set", str(bid),
        "--purpose", "Third ministerial meeting of the Digital Partnership: take stock of "
        "cooperation and agree the 2025–26 work programme.",
        "--ask", "Agree the joint statement and the three deliverables.",
        "--key-message", "The Digital Partnership delivers: AI, chips and data flows.",
        "--key-message", "We want the early warning mechanism extended.",
        "--key-message", "Data flows with trust need concrete projects.",
        "--attendee", "Minister of Internal Affairs and Communications",
        "Co-chair. Second Council; keen on AI governance.",
        "--attendee", "Minister for Digital Transformation", "Leads on data flows.",
        "--agenda", "Opening remarks", "--agenda", "AI and semiconductors",
        "--agenda", "Data flows and online platforms", "--agenda", "Joint statement",
        "--handling", "Not for onward distribution outside the delegation.",
        "--contact-officer", "J. Smith, Digital Policy Unit", "--contact-phone", "+32 2 299 11 11",
        "--cleared-by", "Director, Digital Policy", "--reference", "DPU/2025/041",
        "--reference-date", "2025-05-02", "--scheme", "uk",
    )  # fmt: skip
    _cli(store, "brief", "snapshot", str(bid), "--name", "Final")
    return bid


def japanese_brief(store: Path, source_dir: Path) -> int:
    text_path = source_dir / "joint-statement-ja.txt"
    text_path.write_text(JAPANESE_SOURCE, encoding="utf-8")
    imported = _cli(store, "import", str(text_path), "--kind", "official", "--lang", "ja",
                    "--title", "日EUデジタルパートナーシップ共同声明", "--date", "2025-05-12")  # fmt: skip
    source_id = imported["results"][0]["source"]["id"]
    bid = _cli(store, "brief", "new", "第3回日EUデジタルパートナーシップ閣僚会合",
               "--date", "2025-05-12", "--venue", "東京・飯倉公館", "--marking", "機密性2",
               "--language", "ja", "--scheme", "jp", "--caveat", "関係者限り")["id"]  # fmt: skip
    _cli(store, "brief", "draft", str(bid), "--topic", "Semiconductors", "--topic", "AI",
         "--per-side", "2")  # fmt: skip
    for topic, needle in (("Semiconductors", "双方は、半導体"), ("AI", "双方は、信頼できる")):
        start = JAPANESE_SOURCE.index(needle)
        end = JAPANESE_SOURCE.index("。", start) + 1
        _cli(store, "brief", "add-quote", str(bid), "--topic", topic, "--source", str(source_id),
             "--start", str(start), "--end", str(end), "--side", "official")  # fmt: skip
    _accept_and_write(
        store,
        bid,
        {
            "Semiconductors": (
                "早期警戒メカニズムの継続を歓迎する。|研究開発協力の具体化を提案する。",
                "補助金について：透明性の確保で一致している。",
                "",
            ),
            "Artificial intelligence": (
                "広島AIプロセスでの協力を評価する。",
                "規制のサンドボックスについて：経験の共有に前向き。",
                "",
            ),
        },
        "目標は共有。産業界は工程の具体化を求めている。",
    )
    _cli(
        store, "brief", "set", str(bid),
        "--purpose", "第3回閣僚会合において、協力の進捗を確認し、2025–26年の作業計画に合意する。",
        "--ask", "共同声明及び三つの成果文書に合意いただきたい。",
        "--key-message", "デジタルパートナーシップは成果を上げている。",
        "--key-message", "早期警戒メカニズムの延長を求める。",
        "--attendee", "欧州委員会執行副委員長", "共同議長。AIガバナンスに関心。",
        "--agenda", "開会挨拶", "--agenda", "AI・半導体", "--agenda", "共同声明",
        "--contact-officer", "デジタル政策課　山田", "--contact-phone", "03-5253-0000",
        "--cleared-by", "審議官", "--reference", "総デ第41号", "--reference-date", "2025-05-02",
    )  # fmt: skip
    return bid


def render(pdf: Path, out_dir: Path, stem: str, table_word: str) -> list[Path]:
    """All pages as PNG; page 1 and the first page with a quote table copied to docs/."""
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), str(out_dir / stem)], check=True)
    pages = sorted(out_dir.glob(f"{stem}-*.png"))
    texts = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                           check=True, text=True).stdout.split("\f")  # fmt: skip
    table = next(i for i, t in enumerate(texts) if table_word in t)
    DOCS.mkdir(exist_ok=True)
    shutil.copyfile(pages[0], DOCS / f"{stem}-page1.png")
    shutil.copyfile(pages[table], DOCS / f"{stem}-table.png")
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", type=Path, help="folder for the PDFs and every page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        store = folder / "render.sqlite"
        if store.exists():
            store.unlink()
        _cli(store, "demo")
        en = english_brief(store)
        ja = japanese_brief(store, folder)
        template = department_template(folder / "department.docx")
        for lang, bid, word in (("en", en, "Industry position"), ("ja", ja, "産業界の立場")):
            for kind, extra in (("default", []), ("user", ["--template", str(template)])):
                pdf = folder / f"{lang}-{kind}.pdf"
                _cli(store, "export", str(bid), "-o", str(pdf), "--toc", *extra)
                pages = render(pdf, folder, f"{lang}-{kind}", word)
                print(f"{pdf.name}: {len(pages)} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
