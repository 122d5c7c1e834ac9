"""HTML saved from a browser: headings and lists as structure, site chrome as furniture.

Nothing is dropped. Navigation, banners, cookie notices, sidebars and footers stay in the
source text (a quote can be traced anywhere) but are marked furniture (``content=False``),
judged from the page's own semantics: ``<nav>``/``<aside>``/page-level ``<header>`` and
``<footer>``, ARIA roles, common class/id words (cookie, breadcrumb, menu...), and everything
outside ``<main>`` when the page has one. The text-based furniture rules then run as for
any other format. Scripts, styles and form controls are not text and are removed.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from briefer.errors import IngestError
from briefer.ingest.decode import decode
from briefer.ingest.metadata import parse_date
from briefer.ingest.model import Document
from briefer.ingest.structure import Block, Hints, build_document

_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "select",
    "button",
    "input",
    "textarea",
    "canvas",
    "audio",
    "video",
    "map",
)
_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "main",
        "nav",
        "ol",
        "p",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "ul",
        "caption",
        "menu",
    ]
)
_LISTS = frozenset({"ul", "ol", "menu"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_FURNITURE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "search", "complementary", "alertdialog", "dialog"}
)
_FURNITURE_WORDS = frozenset(
    [
        "cookie",
        "cookies",
        "consent",
        "gdpr",
        "breadcrumb",
        "breadcrumbs",
        "nav",
        "navbar",
        "navigation",
        "menu",
        "footer",
        "sidebar",
        "skip",
        "share",
        "sharing",
        "social",
        "related",
        "newsletter",
        "subscribe",
        "masthead",
        "toolbar",
        "pagination",
        "pager",
        "topbar",
        "sitemap",
        "header",
        "banner",
    ]
)
_STRONG_WORDS = frozenset({"cookie", "cookies", "consent", "gdpr", "breadcrumb", "breadcrumbs"})
_CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# A whitespace run holding a newline between two CJK characters; the lookahead finds the
# newline and the possessive run is taken once (the old ``\s*\n\s*`` was quadratic).
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])(?=[ \t\r\f]*+\n)[ \t\r\n\f]++(?=[{_CJK}])")
# Only from the start of a whitespace run: trying every position inside it was quadratic.
_TITLE_SEPARATOR = re.compile(r"(?<!\s)\s++[|｜–—-]\s+")
_BR = "\x01"  # a <br> while inline text is collected
_SPACE = re.compile(r"[ \t\r\n\f\xa0]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_DATE_META = (
    "article:published_time",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dcterms.date",
    "citation_publication_date",
    "pubdate",
    "publishdate",
)

#: Visible characters below which a page whose scripts are many times larger is refused.
MIN_VISIBLE_CHARS = 200
SCRIPT_RATIO = 10


def read_html(path: Path) -> Document:
    return read_html_bytes(path.read_bytes(), origin=path.name)


def read_html_bytes(data: bytes, *, origin: str, fmt: str = "html") -> Document:
    """Structure, furniture and meta tags of an HTML page (bytes as saved)."""
    return html_document(_decode_html(data, origin), origin=origin, fmt=fmt)


def html_document(
    markup: str,
    *,
    origin: str,
    fmt: str = "html",
    extra_blocks: tuple[Block, ...] = (),
    hints: Hints | None = None,
) -> Document:
    """``markup`` as a document; ``extra_blocks`` go first (e-mail headers)."""
    blocks, page_hints = html_blocks(markup, origin=origin)
    if hints is not None:
        page_hints = replace(
            hints,
            extra={**page_hints.extra, **hints.extra},
            organisations=hints.organisations or page_hints.organisations,
            date=hints.date or page_hints.date,
        )
    return build_document([*extra_blocks, *blocks], origin=origin, fmt=fmt, hints=page_hints)


def _decode_html(data: bytes, origin: str) -> str:
    """The declared charset when it decodes cleanly; otherwise the text-file rules."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            try:
                text = data.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
            else:
                if "\x00" not in text:
                    return unicodedata.normalize("NFC", text)
    return decode(data, name=origin)


def _classes(el: etree._Element) -> set[str]:
    words = f"{el.get('class', '')} {el.get('id', '')}".lower()
    return {w for w in re.split(r"[\s_\-]+", words) if w}


def _holds_main_content(el: etree._Element) -> bool:
    return any(True for _ in el.iter("main", "article", "h1"))


def _is_furniture(el: etree._Element, tag: str) -> bool:
    if tag in ("main", "article"):
        return False
    words = _classes(el)
    if words & _STRONG_WORDS:
        return True
    if _holds_main_content(el):
        return False
    if tag in ("nav", "aside"):
        return True
    if tag in ("header", "footer") and not any(
        a.tag in ("article", "main", "section") for a in el.iterancestors()
    ):
        return True
    if (el.get("role") or "").lower() in _FURNITURE_ROLES:
        return True
    return tag in _BLOCK and bool(words & _FURNITURE_WORDS)


@dataclass(slots=True)
class _Walker:
    """Collects blocks in document order; inline text accumulates until a block boundary."""

    blocks: list[Block]
    buf: list[str]
    kind: str = "paragraph"
    level: int = 0
    furniture: bool = False

    def add(self, text: str, furniture: bool) -> None:
        if not "".join(self.buf).strip():
            self.furniture = furniture
        self.buf.append(text)

    def flush(self) -> None:
        text = _inline("".join(self.buf))
        if text:
            self.blocks.append(
                Block(text, self.kind, self.level, furniture=self.furniture)  # type: ignore[arg-type]
            )
        self.buf.clear()
        self.kind, self.level = "paragraph", 0

    def walk(self, el: etree._Element, outer: bool, depth: int) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        furniture = outer
        if tag == "main" or el.get("role") == "main":
            furniture = False
        elif tag in _BLOCK and _is_furniture(el, tag):
            furniture = True
        if not tag:
            pass  # a comment or processing instruction: only its tail is text
        elif tag == "br":
            self.add(_BR, furniture)
        elif tag in _HEADINGS:
            self.flush()
            self.blocks.append(
                Block(
                    _inline(_text(el)),
                    "heading",
                    _HEADINGS[tag],
                    furniture=furniture and tag != "h1",
                )
            )
        elif tag == "tr":
            self.flush()
            cells = [
                _inline(_text(c)) for c in el if isinstance(c.tag, str) and c.tag in ("td", "th")
            ]
            if any(cells):
                self.blocks.append(Block(" | ".join(cells), furniture=furniture))
        elif tag == "pre":
            self.flush()
            self.blocks.append(Block(el.text_content(), furniture=furniture))
        elif tag == "li":
            self.flush()
            self.kind, self.level = "bullet", max(1, depth)
            self.children(el, furniture, depth)
            self.flush()
        elif tag in _LISTS:
            self.flush()
            self.children(el, furniture, depth + 1)
            self.flush()
        elif tag in _BLOCK:
            self.flush()
            self.children(el, furniture, depth)
            self.flush()
        else:
            self.children(el, furniture, depth)
        if el.tail:
            self.add(el.tail, outer)

    def children(self, el: etree._Element, furniture: bool, depth: int) -> None:
        if el.text and isinstance(el.tag, str):
            self.add(el.text, furniture)
        for child in el:
            self.walk(child, furniture, depth)


def _text(el: etree._Element) -> str:
    """Text of an element with ``<br>`` as a space."""
    parts: list[str] = []
    for piece in el.iter():
        if piece is not el and isinstance(piece.tag, str) and piece.tag == "br":
            parts.append(" ")
        if piece.text and isinstance(piece.tag, str):
            parts.append(piece.text)
        if piece is not el and piece.tail:
            parts.append(piece.tail)
    return "".join(parts)


def _inline(raw: str) -> str:
    """Whitespace as a browser shows it; no space is invented between Japanese characters.

    Source line breaks are spaces; only ``<br>`` (``_BR`` in ``raw``) breaks a line.
    """
    text = _CJK_BREAK.sub("", raw)
    lines = (_SPACE.sub(" ", part).strip() for part in text.split(_BR))
    return "\n".join(line for line in lines if line)


#: libxml2's limits (without XML_PARSE_HUGE, which also lifts its safeguards).
MAX_HTML_DEPTH = 256
MAX_HTML_TEXT_RUN = 10_000_000


def _refuse_cut_short(parser: etree.HTMLParser, origin: str) -> None:
    """libxml2 stops at a resource limit and returns what it read so far, often nothing:
    say which limit, not "no readable content"."""
    for entry in parser.error_log:
        if entry.type_name != "ERR_RESOURCE_LIMIT":
            continue
        who = origin or "The page"
        if "depth" in entry.message.lower():
            raise IngestError(
                f"{who} nests its elements more than {MAX_HTML_DEPTH} levels deep, beyond what "
                "the HTML reader follows; it is not a page a person reads."
            )
        raise IngestError(
            f"{who} holds a run of text or markup longer than {MAX_HTML_TEXT_RUN:,} characters "
            "without a break, beyond what the HTML reader takes; save it as plain text."
        )


def html_blocks(markup: str, *, origin: str) -> tuple[list[Block], Hints]:
    """The blocks of a page and what its ``<head>`` says; IngestError for script-only pages."""
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)
    parser = lxml_html.HTMLParser()
    try:
        root = lxml_html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(f"{origin or 'The page'} is not readable HTML ({exc}).") from exc
    _refuse_cut_short(parser, origin)
    hints = _head_hints(root)
    script_chars = sum(len(s.text_content()) for s in root.iter("script", "style"))
    for el in list(root.iter(*_DROP)):
        parent = el.getparent()
        if parent is not None:
            el.drop_tree()
    body = root.find("body")
    if body is None:
        body = root
    visible = len("".join(body.text_content().split()))
    if visible < MIN_VISIBLE_CHARS and script_chars > SCRIPT_RATIO * max(visible, 1):
        raise IngestError(
            f"{origin or 'The page'} is mostly script ({script_chars:,} characters of code, "
            f"{visible} of text): the page builds its text in the browser. Open it in a "
            "browser and save or print it as PDF, or copy the text."
        )
    has_main = any(True for _ in root.iter("main")) or bool(root.xpath("//*[@role='main']"))
    walker = _Walker([], [])
    walker.children(body, has_main, 0)
    walker.flush()
    if not hints.title:
        h1 = next((b for b in walker.blocks if b.kind == "heading" and b.level == 1), None)
        page_title = _TITLE_SEPARATOR.split(hints.extra.get("html_title", ""))[0]
        title = h1.text if h1 is not None else page_title
        hints = replace(hints, title=title)
    return walker.blocks, hints


def _head_hints(root: etree._Element) -> Hints:
    meta: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = " ".join((el.get("content") or "").split())
        if key and value and key not in meta:
            meta[key] = value
    title_el = root.find(".//title")
    page_title = " ".join(title_el.text_content().split()) if title_el is not None else ""
    when: date | None = None
    for key in _DATE_META:
        if key in meta and (when := parse_date(meta[key])):
            break
    if when is None:
        time_el = next(iter(root.iter("time")), None)
        if time_el is not None:
            when = parse_date(time_el.get("datetime") or time_el.text_content())
    site = meta.get("og:site_name", "")
    publisher = meta.get("dc.publisher", "") or meta.get("article:publisher", "")
    orgs = tuple(o for o in (site, publisher) if o and "://" not in o)
    canonical = next(
        (ln.get("href", "") for ln in root.iter("link") if ln.get("rel") == "canonical"), ""
    )
    extra = {
        "site_name": site,
        "url": meta.get("og:url", "") or canonical,
        "author": meta.get("author", ""),
        "description": meta.get("description", "") or meta.get("og:description", ""),
        "html_title": page_title,
        "published": when.isoformat() if when else "",
    }
    return Hints(
        title=meta.get("og:title", ""),
        date=when,
        organisations=orgs,
        language=(root.get("lang") or "").split("-")[0].lower(),
        extra=extra,
    )
