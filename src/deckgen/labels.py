"""The fixed words deckgen adds itself (agenda, 续, 目录…), in Chinese and English.

An office uses its own: a template's ``theme.yaml`` and a meeting profile may each give
``labels:``, a word for a key (``review: 回顾总结``) or one per language (``review: {zh:
回顾总结, en: Looking back}``); the meeting's win over the template's, which win over these.
A label with ``{placeholders}`` (``issue: 第{n}期``) keeps them in its override.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

from .errors import FieldValueError
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
    "key_figures": {"zh": "数读｜{title}", "en": "{title}: key figures"},
    "overview": {"zh": "总览", "en": "Overview"},
    "growth_word": {"zh": "增长", "en": " growth"},
    "decrease_word": {"zh": "下降", "en": " down"},
    "ceiling_word": {"zh": "（上限）", "en": " (ceiling)"},
    "targets_chart": {"zh": "上年实绩与今年目标（%）", "en": "Last year and this year (%)"},
    "last_result": {"zh": "上年实绩", "en": "Last year"},
    "this_target": {"zh": "今年目标", "en": "This year's target"},
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


Words = Mapping[str, "str | Mapping[Language, str]"]
"""Labels an office overrides: a word for a key, or a word per language."""

_OVERRIDES: ContextVar[tuple[Words, ...]] = ContextVar("deckgen_labels", default=())


def label(key: str, language: Language, **values: object) -> str:
    """The label ``key`` in ``language``, with ``{placeholders}`` filled from ``values``: the
    innermost :func:`overriding`'s word for it, else deckgen's."""
    for words in reversed(_OVERRIDES.get()):
        word = words.get(key)
        if isinstance(word, Mapping):
            word = word.get(language)
        if word is not None:
            return word.format(**values)
    return LABELS[key][language].format(**values)


@contextmanager
def overriding(*layers: Words | None) -> Iterator[None]:
    """Plan with these labels: each layer (a template's, then a meeting's) over the last."""
    token = _OVERRIDES.set(_OVERRIDES.get() + tuple(w for w in layers if w))
    try:
        yield
    finally:
        _OVERRIDES.reset(token)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def check_words(words: Words) -> Words:
    """``words`` if each names a label and keeps its placeholders; else an error at the
    label that says why (a validator of ``labels:`` in a template and a meeting profile)."""
    for key, word in words.items():
        if key not in LABELS:
            known = ", ".join(sorted(LABELS))
            raise FieldValueError(f"no label '{key}': the labels are {known}", key)
        per_language = word if isinstance(word, Mapping) else dict.fromkeys(LABELS[key], word)
        for language, text in per_language.items():
            if language not in LABELS[key]:
                message = f"a label's languages are zh and en, not '{language}'"
                raise FieldValueError(message, (key, language))
            try:
                given = _fields(text)
            except ValueError:
                given = None  # an unmatched brace
            wanted = _fields(LABELS[key][language])
            if given != wanted or "\n" in text:
                keep = ", ".join("{" + f + "}" for f in sorted(wanted)) or "no braces"
                raise FieldValueError(f"'{text}' must be one line and keep {keep}", key)
    return words


def labels_language(meta: Meta, override: Language | None = None) -> Language:
    """The language of the fixed labels: the meeting's ``override``, else the content's."""
    return override or meta.lang
