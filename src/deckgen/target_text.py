"""A target's figure, read from its text: which figure it is, and what the text says of it.

A target's ``text`` is what the report says; ``value``, ``unit``, ``qualifier`` and
``kind`` are the author's reading of it. This module makes sure the reading is the text's:

* :func:`read_target` checks a target's fields against its text and fills in those left
  out (the decisions are written in :class:`deckgen.model.Target`'s docstring);
* :func:`stated` finds the figure a target's value is, with its kind and the words a
  card shows around the number, as written ("不超过" 3 "%", "below " 3 "%").

What the text says of a figure (:func:`statement`) comes from the words before it in its
clause: the *nearest* direction word wins ("增长控制在3%以内" is a ceiling, "压减后增长5%" a
growth). A ceiling is also a figure followed by 以内/以下/之内 or "or less". A verb with a
destination ("提高到60%", "降至3吨", "raise … to 30%") states a level to reach, not a rate.
English ceiling words ("below", "under", "within", "no more than"…) and "to" count only
right before the figure: "under the plan" is not a ceiling.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .errors import FieldValueError
from .figures import Figure, find_figures

__all__ = [
    "DIRECTION_WORDS",
    "NUMERIC_KINDS",
    "Statement",
    "bounds",
    "is_percent",
    "number_text",
    "read_target",
    "stated",
    "statement",
    "unit_matches",
    "value_matches",
]

NUMERIC_KINDS = ("growth", "level", "ceiling", "decrease")
"""The kinds of a target that has a number; the other kind is ``qualitative``."""

_KIND_WORDS = {
    "growth": "a growth",
    "level": "a level to reach",
    "ceiling": "a ceiling",
    "decrease": "a decrease",
}

# --- what the words before a figure say ------------------------------------------------

_ZH = {
    "ceiling": "控制在 不超过 不高于 不突破 低于 最多 最高 上限",
    "floor": "不低于 不少于 至少",  # a floor says nothing of the kind: "增长不低于5%" is growth
    "decrease": "下降 降低 减少 压减 压降 削减 缩减 降幅",
    "growth": "增长 增加 提高 提升 上升 增速 增幅 涨幅",
    "level": "提高到 提高至 提升到 提升至 增加到 增加至 增长到 增长至 增至 上升到 上升至 达到"
    " 突破 下降到 下降至 降至 降到 降低到 降低至 减少到 减少至 减至 稳定在 保持在",
}
_EN = {
    "ceiling": "below|under|within|no more than|not more than|no higher than|not higher than"
    "|lower than|less than|fewer than|at most|not exceed|not exceeding|not to exceed"
    "|capped at|up to|a ceiling of|a cap of",
    "floor": "at least|no less than|not less than|no lower than|not below",
    "decrease": "cut|cuts|cutting|reduce|reduces|reduced|reducing|reduction|fall|falls|falling"
    "|decline|declines|drop|drops|down|lower|lowered|decrease|decreases|shrink",
    "growth": "growth|grow|grows|growing|up|increase|increases|rise|rises|rising|raise"
    "|expand|expands|higher|gain",
    "level": "to|reach|reaches|reaching",
}
DIRECTION_WORDS = frozenset((_ZH["growth"] + " " + _ZH["decrease"]).split())
"""The Chinese words of a growth or a fall, which a caption keeps as written ("提高")."""
_EN_ADJACENT = frozenset(_EN["ceiling"].split("|")) | {"to"}
"""English words that say something of a figure only right before it."""
_ZH_SHOWN = frozenset("不超过 不高于 不突破 低于 最多 最高".split())
"""Ceiling words a card shows before the number (控制在 is a verb: the caption says 上限)."""

_MARKERS: list[tuple[str, str, bool]] = []
"""(word, kind, English?) for every marker word."""
for _kind, _words in _ZH.items():
    _MARKERS += [(w, _kind, False) for w in _words.split()]
for _kind, _words in _EN.items():
    _MARKERS += [(w, _kind, True) for w in _words.split("|")]
_MARKER_KIND = {(w.lower(), en): k for w, k, en in _MARKERS}
_LONGEST_FIRST = sorted(_MARKERS, key=lambda m: -len(m[0]))
_MARKER = re.compile(  # an English word whole (no letter either side), a Chinese one anywhere
    r"(?<![A-Za-z])(?:"
    + "|".join(re.escape(w) for w, _, en in _LONGEST_FIRST if en)
    + r")(?![A-Za-z])|"
    + "|".join(re.escape(w) for w, _, en in _LONGEST_FIRST if not en),
    re.IGNORECASE,
)  # the letter checks once around all English words: compiled in 2 ms, not 35 ms a run
_CEILING_AFTER = re.compile(
    r"\s*(?:以内|以下|之内|(?i:or less|or lower|or below|at most|at the most)(?![A-Za-z]))"
)
_CLAUSE_END = re.compile(r"[，；。！？：;!?:\n]|(?<![0-9]),|,(?![0-9])|(?<![0-9])\.|\.(?![0-9])")
"""Where a clause ends: punctuation, but not a decimal point or a thousands comma."""


@dataclass(frozen=True)
class Statement:
    """One figure of a text and what the text says of it."""

    figure: Figure
    kind: str | None
    """``growth``, ``decrease``, ``ceiling`` or ``level``; None when no word says (a plain
    level, which fits any numeric kind the author gives)."""
    word: str
    """The word that says it, as written ("下降", "控制在", "below"), or ""."""
    before: str
    """What a card shows before the number: the figure's qualifier, or the ceiling word."""
    after: str
    """What a card shows after the number: unit and qualifiers, as written."""
    qualifier: str = ""
    """The qualifier as written ("左右", "about", "不超过", "or less"), without a currency."""

    @property
    def number(self) -> str:
        """The number as written ("5.5", "5-6", "1,200")."""
        return self.figure.number


def statement(text: str, fig: Figure) -> Statement:
    """What ``text`` says of ``fig``: its kind, the word saying it, and how a card shows it."""
    at = fig.start + fig.text.index(fig.number)
    number_end = at + len(fig.number)
    before, after = fig.text[: at - fig.start], fig.text[number_end - fig.start :]
    prefix = fig.prefix[: len(fig.prefix) - len(_currency(fig))].strip()
    tail = _CEILING_AFTER.match(text, fig.end)
    if fig.suffix in ("以内", "以下") or tail:
        word = tail.group().strip() if tail else fig.suffix
        extra = tail.group() if tail else ""
        qualifier = _qualifier(text, prefix, fig.suffix + extra)
        return Statement(fig, "ceiling", word, before, after + extra, qualifier)
    start = 0
    for m in _CLAUSE_END.finditer(text, 0, fig.start):
        start = m.end()
    best: tuple[int, int, re.Match[str], str] | None = None
    for m in _MARKER.finditer(text, start, at):
        english = m.group()[:1].isascii()
        kind = _MARKER_KIND[(m.group().lower(), english)]
        adjacent = not text[m.end() : fig.start].strip()
        if kind == "floor" or (english and m.group().lower() in _EN_ADJACENT and not adjacent):
            continue
        if kind == "ceiling" and not english and text[m.start() - 1 : m.start()] == "不":
            continue  # "不最高" is nothing; "不低于" is caught as a floor already
        if m.group().lower() == "to" and re.search(r"[0-9%％]\s*$", text[start : m.start()]):
            continue  # "5% to 6%": a range, not a destination
        key = (m.end(), len(m.group()))
        if best is None or key > best[:2]:
            best = (*key, m, kind)
    if best is None:
        return Statement(fig, None, "", before, after, _qualifier(text, prefix, fig.suffix))
    m, kind = best[2], best[3]
    if kind == "ceiling" and not text[m.end() : fig.start].strip():
        shown = m.group().lower() in _EN_ADJACENT or m.group() in _ZH_SHOWN
        if shown:  # the ceiling word, as written, stands before the number on a card
            before = text[m.start() : at]
            prefix = text[m.start() : at - len(_currency(fig))].strip()
    return Statement(fig, kind, m.group(), before, after, _qualifier(text, prefix, fig.suffix))


def _qualifier(text: str, before: str, after: str) -> str:
    """The qualifier as the text writes it: the words before and after the number as one
    ("约", "左右", "about"), or, where those are not written together (a level's "达到" and
    "左右" around "4.6%"), the one after: never a string the text does not hold."""
    joined = _joined(before, after)
    if joined.lower() in text.lower():
        return joined
    return after.strip() or before


def _joined(before: str, after: str) -> str:
    """A qualifier written before the number and one after it, as one ("约", "左右")."""
    after = after.strip()
    if before and after:
        return f"{before} {after}" if before.isascii() or after.isascii() else before + after
    return before or after


# --- matching a value and a unit to a figure ----------------------------------------------

_FULLWIDTH = str.maketrans("０１２３４５６７８９．－−", "0123456789.--")
_BOUND_SEP = re.compile(r"(?<=[0-9])\s*[-–—~～至到]\s*(?=-?[0-9])")
_PERCENT = frozenset({"%", "％", "percent", "per cent", "pct"})
_POINTS = frozenset(
    {"个百分点", "百分点", "percentage point", "percentage points", "percentage-point", "pp"}
)
_SHORT = {"bn": "billion", "mn": "million", "tn": "trillion"}
_CURRENCY = re.compile(r"(?:(?:US|HK|NT|[SAC])?\$|[€£¥￥]|RMB|CNY|USD|EUR|GBP|HKD)\s*$")


def bounds(fig: Figure) -> list[float]:
    """The number's value, or both bounds of a range ("5-6" → [5, 6])."""
    plain = fig.number.replace(fig.unit, "") if fig.unit else fig.number  # "5%—5.5"
    plain = plain.translate(_FULLWIDTH).replace(",", "")
    out = []
    for part in _BOUND_SEP.split(plain):
        try:
            out.append(float(part))
        except ValueError:
            return [fig.value]
    return out or [fig.value]


def value_matches(value: float, fig: Figure) -> bool:
    """``value`` is the figure's number as written, or either bound of its range."""
    return any(math.isclose(value, b, rel_tol=1e-9, abs_tol=1e-12) for b in bounds(fig))


def _norm(unit: str) -> str:
    u = " ".join(unit.strip().lower().split())
    if u in _PERCENT:
        return "%"
    if u in _POINTS:
        return "pp"
    u = u.replace(" ", "")
    return _SHORT.get(u, u)


def is_percent(unit: str | None) -> bool:
    """``unit`` is a percent ("%", "％", "percent"), not percentage points or an amount."""
    return unit is not None and _norm(unit) == "%"


def _currency(fig: Figure) -> str:
    m = _CURRENCY.search(fig.prefix)
    return m.group().strip() if m else ""


def unit_matches(unit: str, text: str, fig: Figure) -> bool:
    """``unit`` is the figure's unit: "%" ↔ "%"/"％"/"percent", "亿元" ↔ "亿元", "billion" or
    "$ billion" ↔ "$1.2 billion", or the figure's unit and the words after it ("billion
    yuan" ↔ "1.2 billion yuan")."""
    want, have = _norm(unit), _norm(fig.unit)
    if want == have or (_currency(fig) and want == _norm(_currency(fig) + fig.unit)):
        return True
    raw = fig.unit.lower().replace(" ", "")
    at = fig.start + fig.text.index(fig.number) + len(fig.number)
    after = "".join(text[at:].lower().split())
    return want.startswith(raw) and after.startswith(want)


def _unit_ok(unit: str | None, text: str, fig: Figure) -> bool:
    return unit is None or unit_matches(unit, text, fig)


def last_figure(last: str) -> Figure:
    """The one figure of a target's ``last`` (last year's result, "5.2%" or "增长5.2%"), or
    :class:`FieldValueError` at ``last``."""
    figs = find_figures(last)
    if len(figs) != 1:
        raise FieldValueError(
            f"last year's result {_quoted(last)} must be one figure, {_figures_said(last, figs)}",
            "last",
        )
    return figs[0]


def same_unit(last: str, value: float | None, unit: str | None) -> Figure:
    """``last``'s figure, when it is in the unit of its target's value (a rate beside a
    rate, 亿元 beside 亿元), else :class:`FieldValueError` at ``last``."""
    fig = last_figure(last)
    if value is None:
        raise FieldValueError("a target with no figure has no last year's result", "last")
    if unit is None or _norm(unit) != _norm(fig.unit):
        raise FieldValueError(
            f"last year's result {_quoted(fig.text)} is not in the target's unit"
            f" {_quoted(unit or '')}: set a result in the same unit beside a target",
            "last",
        )
    return fig


# --- one target ---------------------------------------------------------------------------


def number_text(value: float) -> str:
    """A value as an author writes it: 5.5, 8, 1200."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _with_unit(value: float, unit: str | None) -> str:
    number = number_text(value)
    if not unit:
        return number
    m = re.match(r"((?:US|HK|NT|[SAC])?\$|[€£¥￥])\s*(.*)$", unit)
    if m:  # "$ billion" → "$1.2 billion"
        return f"{m.group(1)}{number} {m.group(2)}".rstrip()
    return f"{number} {unit}" if unit[:1].isascii() and unit[:1].isalpha() else number + unit


def _quoted(text: str) -> str:
    return f'"{text}"'


def _listed(text: str, figs: list[Figure]) -> str:
    sep = "、" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else ", "
    return sep.join(f.text for f in figs)


def _figures_said(text: str, figs: list[Figure]) -> str:
    return f"which says {_listed(text, figs)}" if figs else "which has no figure"


def _fits(kind: str, st: Statement) -> bool:
    """A given numeric ``kind`` agrees with what the text says of the figure."""
    return st.kind is None or st.kind == kind


def stated(
    text: str, value: float | None, unit: str | None = None, kind: str | None = None
) -> Statement | None:
    """The figure of ``text`` that ``value`` (with ``unit``) is, and what the text says of it;
    of several, the first that agrees with ``kind``. None if ``value`` is not a figure of it."""
    if value is None:
        return None
    found = [
        statement(text, f)
        for f in find_figures(text)
        if value_matches(value, f) and _unit_ok(unit, text, f)
    ]
    if not found:
        return None
    return next((st for st in found if kind is None or _fits(kind, st)), found[0])


def read_target(
    text: str,
    value: float | None,
    unit: str | None,
    qualifier: str | None,
    kind: str | None,
) -> dict[str, object]:
    """Check a target's fields against its text; return the fields to fill in from it.

    Raises :class:`FieldValueError` naming the field at fault (``value``, ``unit``,
    ``qualifier`` or ``kind``) with both readings in its message.
    """
    figs = find_figures(text)
    fills: dict[str, object] = {}
    if qualifier is not None and qualifier.lower() not in text.lower():
        raise FieldValueError(f"{qualifier!r} is not in its text {_quoted(text)}", "qualifier")
    if kind == "qualitative":
        if value is not None:
            raise FieldValueError(
                f"a qualitative target has no value, but value: {number_text(value)} is given: "
                f"leave value out, or give its kind ({', '.join(NUMERIC_KINDS)})",
                "kind",
            )
        return fills
    if value is not None:
        st = stated(text, value, unit, kind)
        if st is None:
            shown = (
                _with_unit(value, unit)
                if any(value_matches(value, f) for f in figs)
                else number_text(value)
            )
            raise FieldValueError(
                f"{shown} is not a figure of its text {_quoted(text)} "
                f"({_figures_said(text, figs)})",
                "value",
            )
    else:
        candidates = [statement(text, f) for f in figs if _unit_ok(unit, text, f)]
        if kind is not None and not figs:
            raise FieldValueError(
                f"a {kind} target needs a figure in its text {_quoted(text)}, which has "
                "none: write the figure in the text, or kind: qualitative",
                "kind",
            )
        if unit is not None and not candidates:
            raise FieldValueError(
                f"{unit!r} is the unit of no figure of its text {_quoted(text)} "
                f"({_figures_said(text, figs)})",
                "unit",
            )
        st = _chosen(candidates, kind)
        if st is None:
            if kind is None:  # no figure, or several and none singled out: qualitative
                fills["kind"] = "qualitative"
                return fills
            raise FieldValueError(
                f"field required: its text {_quoted(text)} has several figures "
                f"({_listed(text, [c.figure for c in candidates])}): "
                "give value (and unit) to say which one is the target",
                "value",
            )
        fills["value"] = bounds(st.figure)[0]
    if kind is not None and not _fits(kind, st):
        raise FieldValueError(
            f"{kind} contradicts its text {_quoted(text)}, which states "
            f"{_KIND_WORDS[st.kind or 'level']} ({st.word}): write kind: {st.kind}",
            "kind",
        )
    if unit is None:
        fig = st.figure
        written = (_currency(fig) + " " + fig.unit).strip() if _currency(fig) else fig.unit
        if written:
            fills["unit"] = written
    if qualifier is None and st.qualifier:
        fills["qualifier"] = st.qualifier
    if kind is None:
        fills["kind"] = st.kind or "level"
    return fills


def _chosen(candidates: list[Statement], kind: str | None) -> Statement | None:
    """The figure a target without a value means: the only one, or the only one the text
    gives a direction (for a given kind: the only one of that kind)."""
    if len(candidates) == 1:
        return candidates[0]
    if kind is None:
        said = [c for c in candidates if c.kind is not None]
    elif kind == "level":
        said = [c for c in candidates if c.kind in (None, "level")]
    else:
        said = [c for c in candidates if c.kind == kind]
    return said[0] if len(said) == 1 else None
