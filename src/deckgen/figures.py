"""Find the figures in a text: a number with its unit and qualifier ("超22亿元", "$1.2 billion").

A *figure* is an Arabic-digit number that is clearly a quantity, together with the words
that belong to it: a qualifier before it (``prefix``: "超", "近", "约", "达", "$", "over"…),
a unit after it (``unit``: "亿元", "%", "个百分点", "万人次", "家", "billion"…) and a
qualifier after the number (``suffix``: "多", "余", "以上", "左右"). Figures feed two
things: emphasis (each span is drawn bold, and the line breaker never splits inside one,
so spans cover exactly number + unit + qualifiers and nothing more) and big-number cards
("22" large, "亿元" small, "超" as prefix, a caption from
:func:`deckgen.captions.caption_for`).

Decisions on the ambiguous cases:

* Only Arabic digits (ASCII or full-width) are numbers: "二十大", "第九版", "三年" are not.
* A number is a figure only if it has a unit, a percent sign, a magnitude word (万, 亿,
  million…), a 多/余 ("300多"), a currency sign ("$1,200"), or comma grouping ("1,200" is
  clearly a quantity; in "1,200 jobs" the figure is "1,200" and the noun is not swallowed).
  Other English count nouns ("120 jobs") are not units: the open set of English nouns
  would make "Chapter 3 shows" a figure.
* Years are not figures: a four-digit whole number 1900–2100 standing alone or followed by
  年 ("回顾2022", "2023年"), unless it carries a qualifier ("2000多年", "近2000年").
  "90年代" and "3年级" are not figures either; "连续6年" gives "6年".
* Names and ordinals are not figures: a number right after 第 ("第3名"), joined to Latin
  letters ("4A级", "5G", "PM2.5", "G328"), or without a unit ("“111”", "328国道": 国道 is not
  a unit). Dates are not figures: 月 and 日 are not units ("3月15日"), "3个月"/"15天" are.
* "国务院33条" *is* a figure ("33条", the count of measures): 条 is the unit of "道路6条",
  and telling a policy's name from a count would need more than the text gives.
* 突破/增至/增长 are verbs, not qualifiers: "总数突破400家" → "400家". 达 is a qualifier
  ("比重达54%" → "达54%"), as are 超/超过/逾/近/约/高达/不足/至少/最高….
* A range is one figure ("5-6%", "3至5年"): ``number`` is "5-6" as written, ``value`` is
  its first bound. "5%-6%" is two figures.
* ``value`` is the number as written, never multiplied by 万/亿/million; a minus sign is
  part of the number when it stands after a space, an ideograph or an opening bracket
  ("增长-3%" → number "-3").
* ``unit`` is magnitude + measure, even when a 多/余 stands between them: "1.2万多人" has
  unit "万人" and suffix "多"; "1000多亩" has unit "亩" and suffix "多".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Figure", "figure_spans", "find_figures"]


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure found in a text; ``text[start:end] == figure.text``."""

    start: int
    end: int
    text: str
    number: str
    value: float
    unit: str
    prefix: str
    suffix: str


# --- building blocks ------------------------------------------------------------------

_DIGITS = "0-9０-９"
_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")

_NUM = re.compile(rf"(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+(?![0-9])|[{_DIGITS}]+)(?:[.．][{_DIGITS}]+)?")
"""A number as written: digits, optional comma grouping (ASCII), optional decimals."""

_NUM_START = re.compile(rf"(?<![{_DIGITS}.．_])[{_DIGITS}]")
"""Where a number may start: not inside another number or after a decimal point."""

_MAGNITUDES = ("万亿", "千亿", "百亿", "十亿", "亿", "千万", "百万", "十万", "万", "千")

_PERCENT_UNITS = frozenset({"%", "％", "‰", "个百分点", "百分点"})
_EN_PERCENT = tuple(
    "percentage points|percentage point|percentage-points|per cent|percent|pct|pp".split("|")
)

_TIME_MEASURES = frozenset({"年", "个月", "天", "小时", "分钟", "秒", "周", "周年", "岁", "周岁"})

_MEASURES = tuple(
    # rates
    "% ％ ‰ 个百分点 百分点 倍"
    # money
    " 元 美元 欧元 日元 港元 英镑 人民币"
    # area, length, volume, weight, energy
    " 平方米 平方公里 平方千米 立方米 公顷 亩 公里 千米 米 厘米 毫米 吨 公斤 千克 克 微克 毫克"
    " 斤 升 毫升 千瓦时 千瓦 兆瓦 瓦 度 标箱 吨标准煤 吨标煤"
    # time
    " 年 个月 天 小时 分钟 秒 周年 周 周岁 岁"
    # counts
    " 个次 人次 户次 架次 场次 批次 车次 航次"
    " 个 家 条 人 名 户 件 场 项 次 辆 套 间 座 所 张 台 批 处 只 头 株 棵 列"
    " 位 支 部门 部 篇 份 起 宗 笔 单 本 册 幅 首 架 艘 趟 轮 组 队 村 栋 幢 层 片 块 根 枚 颗"
    " 床 例 门 类 种 大类 期次 班次 课时 学时".split()
)


def _longest_first(words: tuple[str, ...] | list[str] | frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=len, reverse=True))


def _alternation(words: tuple[str, ...] | frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in _longest_first(words))


_CN_UNIT = re.compile(
    rf"(?P<s1>[多余])?(?P<mag>{_alternation(_MAGNITUDES)})?(?P<s2>[多余])?"
    rf"(?P<meas>{_alternation(_MEASURES)})?"
)
"""Chinese unit after a number: [多/余] [magnitude] [多/余] [measure]."""

_PER = re.compile(rf"(?:/|每)(?P<meas>{_alternation(_MEASURES)})")
"""A rate's second unit: "元/平方米", "微克/立方米", "微克每立方米"."""

_ALTERNATIVE = re.compile(rf"[（(](?P<meas>{_alternation(_MEASURES)})[）)]")
"""A second measure in brackets that the count includes: "15.6万套（间）"."""

_MONTHS_AFTER_GE = re.compile("([多余])月")
"""The rest of "1个多月" after 个."""

_POST = re.compile(r"以上|以下|以内|左右|有余|出头")
_POST_TIME = re.compile(r"[多余](?![元万亿])")

_EN_UNIT = re.compile(
    rf"(?i:{_alternation(_EN_PERCENT)}|trillion|billion|million|thousand|bn|mn|tn)(?![A-Za-z])"
)
"""English percent and magnitude words (case-insensitive)."""

_SI_UNIT = re.compile(r"(?:km²|km|m²|m³|kWh|MWh|GWh|kW|MW|GW|kg|ha|TEU)(?![A-Za-z0-9])")
"""Metric units written with Latin letters (case-sensitive)."""

_SHORT_MAG = re.compile(r"[mkb](?![A-Za-z])")
""""$5m", "$3k", "$2b": only after a currency sign."""

_SPACE = " \u00a0\u2009\u202f"

_CURRENCY = re.compile(
    r"(?:(?<![A-Za-z])(?:US|HK|NT|[SAC])?\$|[€£¥￥]|(?<![A-Za-z])(?:RMB|CNY|USD|EUR|GBP|HKD)) ?$"
)

_CN_QUALIFIERS = tuple(
    "超过 超出 超 逾 将近 接近 近 大约 约 高达 多达 达到 达 仅 不足 不到 不少于 不低于 至少"
    " 最高 最多 不超过 不高于 低于 高于".split()
)
_CN_QUALIFIER = re.compile(rf"(?:{_alternation(_CN_QUALIFIERS)}) ?$")
_BLOCKED_BEFORE = {
    # "节约30%" is not "约30%"; "下达3亿元" is not "达3亿元"; "最近3年" is not "近3年".
    "约": set("节制签合预公条契邀履集缔相特践违守婚"),
    "达": set("下传表发抵送通直畅雷到转上"),
    "近": set("最附靠邻就亲"),
    "超": set("赶"),
    "仅": set("不"),
}
_EN_QUALIFIER = re.compile(
    r"(?<![A-Za-z])(?i:more than|less than|fewer than|over|nearly|almost|about|around"
    r"|approximately|roughly|up to|at least|close to|no more than|below|under|within) $"
)

_RANGE_SEPS = frozenset("-–—~～至到－")
_SIGNS = frozenset("-−－")
_SIGN_AFTER = frozenset(" \u00a0\u3000\t\n([（:：=")


def _is_ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _value(number: str) -> float:
    return float(number.translate(_FULLWIDTH).replace(",", "").replace("−", "-").replace("－", "-"))


def _skip_space(text: str, pos: int) -> int:
    return pos + 1 if pos < len(text) and text[pos] in _SPACE else pos


# --- one number's unit ----------------------------------------------------------------


@dataclass(slots=True)
class _Tail:
    end: int
    unit: str
    suffix: str


def _unit_after(text: str, pos: int, currency: bool) -> _Tail | None:
    """The unit and after-qualifier of the number ending at ``pos``, or None if it has none."""
    at = _skip_space(text, pos)
    # English words first, so "1.2 billion" is not read as anything else.
    for regex in (_EN_UNIT, _SI_UNIT) + ((_SHORT_MAG,) if currency else ()):
        m = regex.match(text, at)
        if m:
            return _Tail(m.end(), m.group(), "")
    m = _CN_UNIT.match(text, at)
    if m is None or not m.group():
        return None
    s1, mag, s2, meas = m.group("s1"), m.group("mag"), m.group("s2"), m.group("meas")
    if s1 and s2:  # "多万多…" is nonsense: keep only the first 多
        mag = s2 = meas = None
    end = at + len(s1 or "") + len(mag or "") + len(s2 or "") + len(meas or "")
    if at != pos and not (mag or meas):
        return None  # "300 多" with a space: too loose
    unit = (mag or "") + (meas or "")
    suffix = s1 or s2 or ""
    if meas == "个" and not mag:
        mm = _MONTHS_AFTER_GE.match(text, end)
        if mm and not suffix:
            return _Tail(mm.end(), "个月", mm.group(1))
    if meas:
        per = _PER.match(text, end) or _ALTERNATIVE.match(text, end)
        if per:
            unit += per.group()
            end = per.end()
    if meas == "年" and end < len(text) and text[end] in "代级":
        return None  # "90年代", "3年级"
    post = _POST.match(text, end)
    if post is None and meas in _TIME_MEASURES and not suffix:
        post = _POST_TIME.match(text, end)
    if post:
        suffix += post.group()
        end = post.end()
    if not unit and not suffix:
        return None
    return _Tail(end, unit, suffix)


# --- qualifiers before ----------------------------------------------------------------


def _prefix_start(text: str, num_start: int, floor: int) -> tuple[int, bool]:
    """Where the figure starts (qualifier and currency before the number), and if a currency
    sign is among them. Never goes below ``floor`` (the end of the previous figure)."""
    start = num_start
    currency = False
    window = text[max(floor, start - 12) : start]
    m = _CURRENCY.search(window)
    if m:
        start -= len(m.group())
        currency = True
        window = text[max(floor, start - 20) : start]
    m = _EN_QUALIFIER.search(window)
    if m:
        return start - len(m.group()), currency
    m = _CN_QUALIFIER.search(window)
    if m:
        word = m.group().rstrip(" ")
        before = start - len(m.group()) - 1
        blocked = _BLOCKED_BEFORE.get(word, ())
        if not (before >= floor and before >= 0 and text[before] in blocked):
            if m.group().endswith(" ") and currency:
                return start, currency  # "超 $5" is not a Chinese figure
            return start - len(m.group()), currency
    return start, currency


# --- the scan -------------------------------------------------------------------------


def _is_year(number: str, unit: str, prefix: str, suffix: str) -> bool:
    plain = number.translate(_FULLWIDTH)
    return (
        unit in ("", "年")
        and not prefix
        and not suffix
        and len(plain) == 4
        and plain.isdigit()
        and 1900 <= int(plain) <= 2100
    )


def find_figures(text: str) -> list[Figure]:
    """All figures in ``text``, sorted by position and non-overlapping."""
    figures: list[Figure] = []
    last_end = 0
    pos = 0
    n = len(text)
    while True:
        ms = _NUM_START.search(text, pos)
        if ms is None:
            break
        num_start = ms.start()
        m = _NUM.match(text, num_start)
        assert m is not None
        num_end = m.end()
        pos = num_end
        before = text[num_start - 1] if num_start > 0 else ""
        if before == "第":
            continue  # an ordinal: "第3名"
        # A sign belongs to the number after a space, an ideograph or an opening bracket.
        if before in _SIGNS and num_start - 1 >= last_end:
            prev = text[num_start - 2] if num_start > 1 else " "
            if prev in _SIGN_AFTER or _is_ideograph(prev):
                num_start -= 1
                before = prev if num_start > 0 else ""
        number = text[num_start:num_end]
        start, currency = _prefix_start(text, num_start, last_end)
        if start == num_start and before.isascii() and before.isalpha():
            continue  # joined to a name or code: "G328", "PM2.5", "No3"
        tail = _unit_after(text, num_end, currency)
        if tail is None and not currency and "," not in number:
            # A bare number: maybe the first bound of a range ("5-6%", "3至5年").
            if num_end < n and text[num_end] in _RANGE_SEPS:
                m2 = _NUM.match(text, num_end + 1)
                if m2 is not None:
                    tail2 = _unit_after(text, m2.end(), False)
                    if tail2 is not None and tail2.unit:
                        first = _is_year(number, tail2.unit, "", "")
                        second = _is_year(m2.group(), tail2.unit, "", "")
                        if not (first and second):
                            _append(
                                figures,
                                text,
                                start,
                                num_start,
                                tail2.end,
                                text[num_start : m2.end()],
                                _value(number),
                                tail2.unit,
                                tail2.suffix,
                            )
                            last_end = pos = tail2.end
            continue
        # After a number, a Latin letter that is not a unit makes it a code: "5G", "4A级".
        after = text[num_end] if num_end < n else ""
        if tail is None and after.isascii() and after.isalpha():
            continue
        unit = tail.unit if tail else ""
        suffix = tail.suffix if tail else ""
        end = tail.end if tail else num_end
        # Both bounds with the unit: "5%—5.5%", "4.5%-5%" are one range, as written.
        first_bound = None
        if tail is not None and unit and not suffix and end < n and text[end] in _RANGE_SEPS:
            m2 = _NUM.match(text, end + 1)
            tail2 = _unit_after(text, m2.end(), currency) if m2 else None
            if m2 and tail2 is not None and tail2.unit == unit:
                first_bound = number
                number, end, suffix = text[num_start : m2.end()], tail2.end, tail2.suffix
        prefix = text[start:num_start]
        if prefix.strip() == "近" and unit in _TIME_MEASURES and _value(number) < 100:
            start, prefix = num_start, ""  # "近3年" is "the past 3 years", not "nearly"
        if not currency and _is_year(number, unit, prefix, suffix):
            continue
        value = _value(number if first_bound is None else first_bound)
        _append(figures, text, start, num_start, end, number, value, unit, suffix)
        last_end = pos = end
    return figures


def _append(
    figures: list[Figure],
    text: str,
    start: int,
    num_start: int,
    end: int,
    number: str,
    value: float,
    unit: str,
    suffix: str,
) -> None:
    figures.append(
        Figure(
            start,
            end,
            text[start:end],
            number,
            value,
            unit,
            text[start:num_start].strip(_SPACE),
            suffix,
        )
    )


def figure_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` span of each figure in ``text``, sorted and non-overlapping."""
    return [(f.start, f.end) for f in find_figures(text)]
