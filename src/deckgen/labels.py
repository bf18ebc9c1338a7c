"""The fixed words deckgen adds itself (agenda, 续, 目录…), in Chinese and English."""

from __future__ import annotations

from .model import Language, Meta

LABELS: dict[str, dict[Language, str]] = {
    "agenda": {"zh": "目录", "en": "Contents"},
    "continued": {"zh": "（续）", "en": " (cont.)"},
    "review": {"zh": "回顾", "en": "Review"},
    "targets": {"zh": "主要目标", "en": "Main targets"},
    "plan": {"zh": "谋划", "en": "Plan"},
    "closing": {"zh": "自身建设", "en": "Closing"},
    "problems": {"zh": "存在的问题", "en": "Problems"},
    "summary": {"zh": "总体情况", "en": "The year in brief"},
    "requirements": {"zh": "总体要求", "en": "General requirements"},
    "appeal": {"zh": "结束语", "en": "In closing"},
    "key_figures": {"zh": "数读", "en": "Key figures"},
    "overview": {"zh": "总览", "en": "Overview"},
    "growth_word": {"zh": "增长", "en": " growth"},
    "decrease_word": {"zh": "下降", "en": " down"},
    "ceiling_word": {"zh": "（上限）", "en": " (ceiling)"},
    "growth_targets": {"zh": "增长目标（%）", "en": "Growth targets (%)"},
    "other_targets": {"zh": "其他目标", "en": "Other targets"},
    "end": {"zh": "谢谢", "en": "Thank you"},
    "toc": {"zh": "目　录", "en": "Contents"},
    "issue": {"zh": "第{n}期", "en": "No. {n}"},
    "issued": {"zh": "{date}印发", "en": "Issued {date}"},
    "copy_to": {"zh": "抄送：", "en": "Copy to: "},
    "indicator": {"zh": "指标", "en": "Indicator"},
    "target": {"zh": "目标", "en": "Target"},
    "note": {"zh": "说明", "en": "Note"},
    "page": {"zh": "第{n}页", "en": "Page {n}"},
}


def label(key: str, language: Language, **values: object) -> str:
    """The label ``key`` in ``language``, with ``{placeholders}`` filled from ``values``."""
    return LABELS[key][language].format(**values)


def labels_language(meta: Meta, override: Language | None = None) -> Language:
    """The language of the fixed labels: the meeting's ``override``, else the content's."""
    return override or meta.lang
