"""The words and date forms of an exported brief, in the brief's own language.

Never the process locale: once Qt is up, ``strftime('%b')`` follows the desktop's locale and
gave "12 5月 2025" or "12 mai 2025" in an English brief. Month names are spelled here, and a
Japanese brief gets Japanese labels and 2025年5月12日 (optionally 令和7年5月12日).
"""

from __future__ import annotations

from datetime import date

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

# Japanese eras (start date, name), newest first.
_ERAS = ((date(2019, 5, 1), "令和"), (date(1989, 1, 8), "平成"), (date(1926, 12, 25), "昭和"))

EN: dict[str, str] = {
    "meeting_brief": "Meeting brief",
    "date": "Date",
    "venue": "Venue",
    "prepared_by": "Prepared by",
    "version": "Version",
    "status": "Status",
    "issued": "issued",
    "reference": "Reference",
    "contents": "Contents",
    "purpose": "Purpose of the meeting",
    "ask": "The ask of the minister",
    "key_messages": "Key messages",
    "attendees": "Attendees",
    "agenda": "Agenda",
    "handling": "Handling instructions",
    "contact": "Contact officer",
    "cleared_by": "Cleared by",
    "copy": "Copy",
    "distribution": "Distribution",
    "objectives": "Objectives",
    "scene_setter": "Scene setter",
    "assessment": "Assessment",
    "industry": "Industry position",
    "official": "Official outcome",
    "no_industry": "No industry position on record.",
    "no_official": "No official outcome on record.",
    "context": "Context: press and analysis (not an official outcome)",
    "lines_to_take": "Lines to take",
    "if_asked": "If asked",
    "background": "Background",
    "notes": "Notes",
    "annex": "Annex: Sources",
    "page": "Page {page} of {pages}",
    "draft_banner": "DRAFT — contains text not yet reviewed by the officer",
    "draft_mark": "DRAFT",
    "suggested": "DRAFT: suggested quote, not reviewed",
    "proposed_assessment": "DRAFT: proposed assessment, not reviewed",
    "source_changed": "Source changed since quoted: check the wording",
    "source_moved": "Re-anchored in a newer version of the source",
    "trimmed": "shortened",
    "untitled_topic": "Untitled topic",
    "draft_status": "Draft",
    "final_status": "Final",
    "changed_since": "changed since “{name}”",
    "kind_industry": "Industry position",
    "kind_official": "Official outcome",
    "kind_other": "Other",
    "url": "URL",
    "marking": "Marking",
    "tel": "tel.",
}

JA: dict[str, str] = {
    "meeting_brief": "会議資料",
    "date": "日時",
    "venue": "場所",
    "prepared_by": "作成",
    "version": "版",
    "status": "状態",
    "issued": "発行",
    "reference": "文書番号",
    "contents": "目次",
    "purpose": "会議の目的",
    "ask": "大臣へのお願い事項",
    "key_messages": "主な発言要領",
    "attendees": "出席者",
    "agenda": "議題",
    "handling": "取扱い",
    "contact": "担当",
    "cleared_by": "決裁",
    "copy": "部数番号",
    "distribution": "配布先",
    "objectives": "目的",
    "scene_setter": "背景・経緯",
    "assessment": "評価",
    "industry": "産業界の立場",
    "official": "公式の成果",
    "no_industry": "産業界の立場の記録なし。",
    "no_official": "公式の成果の記録なし。",
    "context": "参考：報道・分析（公式の成果ではない）",
    "lines_to_take": "発言要領",
    "if_asked": "問われた場合",
    "background": "参考",
    "notes": "メモ",
    "annex": "別添：出典",
    "page": "{page} / {pages} ページ",
    "draft_banner": "案 — 担当者が未確認の記述を含む",
    "draft_mark": "案",
    "suggested": "案：提案された引用（未確認）",
    "proposed_assessment": "案：提案された評価（未確認）",
    "source_changed": "引用後に出典が変更されました：文言を確認してください",
    "source_moved": "出典の新しい版で位置を更新",
    "trimmed": "一部省略",
    "untitled_topic": "無題の議題",
    "draft_status": "案",
    "final_status": "確定",
    "changed_since": "「{name}」以降に変更あり",
    "kind_industry": "産業界の立場",
    "kind_official": "公式の成果",
    "kind_other": "その他",
    "url": "URL",
    "marking": "格付",
    "tel": "電話",
}

ASSESSMENTS_JA = {
    "aligned": "一致",
    "partly": "一部対応",
    "divergent": "相違",
    "not_addressed": "未対応",
    "official_only": "公式のみ",
    "none": "未評価",
}


def labels(language: str) -> dict[str, str]:
    """The label set of a brief written in ``language`` ('ja' or anything else: English)."""
    return JA if (language or "").lower().startswith("ja") else EN


def japanese_era(d: date) -> str:
    """令和7年5月12日 (元年 for an era's first year)."""
    for start, name in _ERAS:
        if d >= start:
            year = d.year - start.year + 1
            return f"{name}{'元' if year == 1 else year}年{d.month}月{d.day}日"
    return f"{d.year}年{d.month}月{d.day}日"


def long_date(d: date | None, language: str = "en", *, era: bool = False) -> str:
    """'12 May 2025' / '2025年5月12日' (or '令和7年5月12日' with ``era``)."""
    if d is None:
        return ""
    if labels(language) is JA:
        return japanese_era(d) if era else f"{d.year}年{d.month}月{d.day}日"
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def short_date(d: date | None, language: str = "en") -> str:
    """'1 Mar 2022' / '2022年3月1日' — unambiguous for UK, EU and Japanese readers."""
    if d is None:
        return ""
    if labels(language) is JA:
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
