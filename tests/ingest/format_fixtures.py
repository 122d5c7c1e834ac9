"""Builders for small real files of every format, made during the test run (no binaries kept)."""

from __future__ import annotations

import re
import shutil
import zipfile
import zlib
from datetime import datetime
from email.message import EmailMessage
from html import escape
from pathlib import Path

import lo_profile

from briefer.ingest.segment import segment

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_docx(
    path: Path,
    paragraphs: list[tuple[str, str]],
    *,
    table: list[list[str]] | None = None,
    title: str = "",
    author: str = "",
    created: datetime | None = None,
    header: str = "",
    page_footer: bool = False,
) -> Path:
    """A .docx with (style, text) paragraphs; style "" is Normal."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    for style, text in paragraphs:
        d.add_paragraph(text, style=style or None)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    props = d.core_properties
    props.title, props.author = title, author
    if created is not None:
        props.created = created
    section = d.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if page_footer:
        p = section.footer.paragraphs[0]
        p.text = "Page "
        p._p.append(
            parse_xml(
                f'<w:fldSimple xmlns:w="{W_NS}" w:instr="PAGE"><w:r><w:t>1</w:t></w:r>'
                "</w:fldSimple>"
            )
        )
    d.save(str(path))
    return path


def add_footnote(path: Path, paragraph_text: str, note: str) -> None:
    """Inject a real footnote (part, relationship, content type, reference) into a .docx."""
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    doc = parts["word/document.xml"].decode()
    ref = (
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        '<w:footnoteReference w:id="1"/></w:r>'
    )
    marker = f"<w:t>{escape(paragraph_text)}</w:t></w:r>"
    assert marker in doc, "paragraph to footnote not found"
    parts["word/document.xml"] = doc.replace(marker, marker + ref, 1).encode()
    parts["word/footnotes.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>"
        f'<w:footnote w:id="1"><w:p><w:r><w:t>{escape(note)}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    ).encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    ).encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace(
        "</Types>",
        '<Override PartName="/word/footnotes.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
    ).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def seed_structure(text: str) -> list[tuple[str, int, str]]:
    """(kind, level, text) of a seed's passages as the plain-text segmenter reads them."""
    return [(s.kind, s.level, " ".join(text[s.start : s.end].split())) for s in segment(text)]


def seed_to_docx(text: str, path: Path, **kwargs: object) -> Path:
    """Numbered headings → Heading 1, sub-headings → Heading 2, bullets → List Bullet (N)."""
    paragraphs: list[tuple[str, str]] = []
    for kind, level, body in seed_structure(text):
        if kind == "heading":
            paragraphs.append((f"Heading {min(level, 2)}", body))
        elif kind == "bullet":
            paragraphs.append(
                ("List Bullet" if level <= 1 else f"List Bullet {min(level, 3)}", body)
            )
        else:
            paragraphs.append(("", body))
    return make_docx(path, paragraphs, **kwargs)  # type: ignore[arg-type]


def seed_to_html(text: str, path: Path, *, title: str = "", site: str = "") -> Path:
    """The seed as a saved web page: nav, cookie banner and footer around a <main>."""
    body: list[str] = []
    depth = 0
    for kind, level, line in seed_structure(text):
        want = level if kind == "bullet" else 0
        while depth < want:
            body.append("<ul>")
            depth += 1
        while depth > want:
            body.append("</ul>")
            depth -= 1
        if kind == "heading":
            n = min(level, 2) + 1
            body.append(f"<h{n}>{escape(line)}</h{n}>")
        elif kind == "bullet":
            body.append(f"<li>{escape(line)}</li>")
        else:
            body.append(f"<p>{escape(line)}</p>")
    body.extend("</ul>" for _ in range(depth))
    head_meta = f'<meta property="og:site_name" content="{escape(site)}">' if site else ""
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)} | Site</title>{head_meta}
<script>window.dataLayer = [];</script><style>body {{ font: 12px sans-serif }}</style></head>
<body>
<div id="cookie-banner"><p>We use cookies to improve your experience.</p>
<button>Accept all cookies</button></div>
<header><a href="/">Home</a> <nav><ul><li><a href="/news">News</a></li>
<li><a href="/policy">Policy areas</a></li></ul></nav></header>
<main>
{chr(10).join(body)}
</main>
<footer><p>Privacy policy</p><p>© 2024 Example Site. All rights reserved.</p></footer>
</body></html>"""
    path.write_text(page, encoding="utf-8")
    return path


def soffice_to_pdf(docs: list[Path], outdir: Path) -> list[Path]:
    """Convert .docx files to PDF with LibreOffice in one run (only when soffice exists)."""
    assert SOFFICE is not None
    lo_profile.convert(SOFFICE, docs, "pdf", outdir, timeout=240)
    return [outdir / (d.stem + ".pdf") for d in docs]


def _pdf_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_text_pdf(path: Path, pages: list[list[str]], *, title: str = "") -> Path:
    """A minimal hand-written PDF (Helvetica, one text line per entry) with a text layer."""
    objects: list[bytes] = []
    n = len(pages)
    font_id = 3 + 2 * n
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    for i, lines in enumerate(pages):
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 770 Td"]
        for line in lines:
            ops.append(f"({_pdf_escape(line)}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    info_id = len(objects) + 1
    objects.append(f"<< /Title ({_pdf_escape(title)}) /Author (Test Author) >>".encode())
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info_id} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    path.write_bytes(bytes(out))
    return path


def make_eml(
    path: Path,
    *,
    subject: str,
    sender: str,
    body: str = "",
    html: str = "",
    date: str = "Tue, 30 Apr 2024 09:15:00 +0200",
    attachments: list[tuple[str, bytes, str]] = (),  # type: ignore[assignment]
) -> Path:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"], msg["Date"] = sender, "desk@example.org", subject, date
    if body:
        msg.set_content(body)
        if html:
            msg.add_alternative(html, subtype="html")
    elif html:
        msg.set_content(html, subtype="html")
    for name, data, ctype in attachments:
        maintype, subtype = ctype.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    path.write_bytes(bytes(msg))
    return path


def make_zip_bomb(path: Path, member_mb: int = 64) -> Path:
    """A "docx" whose document.xml unpacks to ``member_mb`` MB of zeros (written streaming)."""
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            for _ in range(member_mb):
                fh.write(chunk)
    assert path.stat().st_size < member_mb * 1024 * 1024 // 100
    return path


def truncate_file(src: Path, dst: Path, keep: float = 0.5) -> Path:
    data = src.read_bytes()
    dst.write_bytes(data[: int(len(data) * keep)])
    return dst


def words(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


_ = zlib  # zlib backs ZIP_DEFLATED; imported so a missing zlib fails here, clearly
