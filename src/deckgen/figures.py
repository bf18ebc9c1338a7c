"""Find the figures in a text: a number with its unit and qualifier ("超22亿元", "$1.2 billion").

A *figure* is an Arabic-digit number that is clearly a quantity, together with the words
that belong to it: a qualifier before it (``prefix``: "超", "近", "约", "达", "$", "over"…),
a unit after it (``unit``: "亿元", "%", "个百分点", "万人次", "家", "billion"…) and a
qualifier after the number (``suffix``: "多", "余", "以上", "左右"). Figures feed two
things: emphasis (each span is drawn bold, and the line breaker never splits inside one,
so spans cover exactly number + unit + qualifiers and nothing more) and big-number cards
("22" large, "亿元" small, "超" as prefix, a caption from :func:`caption_for`).

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

__all__ = ["Figure", "caption_for", "figure_spans", "find_figures"]


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
    " 斤 升 毫升 千瓦时 千瓦 兆瓦 瓦 度 标箱"
    # time
    " 年 个月 天 小时 分钟 秒 周年 周 周岁 岁"
    # counts
    " 个次 人次 户次 架次 个 家 条 人 名 户 件 场 项 次 辆 套 间 座 所 张 台 批 处 只 头 株 棵"
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

_PER = re.compile(rf"/(?P<meas>{_alternation(_MEASURES)})")
"""A rate's second unit: "元/平方米", "微克/立方米"."""

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
    " 最高 最多".split()
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
    r"|approximately|roughly|up to|at least|close to) $"
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
        per = _PER.match(text, end)
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
        prefix = text[start:num_start]
        if prefix.strip() == "近" and unit in _TIME_MEASURES and _value(number) < 100:
            start, prefix = num_start, ""  # "近3年" is "the past 3 years", not "nearly"
        if not currency and _is_year(number, unit, prefix, suffix):
            continue
        _append(figures, text, start, num_start, end, number, _value(number), unit, suffix)
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


# --- captions -------------------------------------------------------------------------

_CLAUSE_SEPS = frozenset("，,、；;。！？!?：:\n\r\t（）()【】[]▲●■◆")
_QUOTES = str.maketrans("", "", "“”‘’\"'「」『』")
_EDGE_JUNK = " \u3000\u00a0·•-—*#>…"

_LEAD_FILLERS = _longest_first(
    "累计 共计 合计 总计 共 全年 今年 去年 其中 落实 实现 完成 确保 力争 预计 持续 深入 扎实"
    " 全力 努力 推动 围绕 连续 对 已 并 和 及 等 the a an and with".split()
)
_TAIL_FILLERS = _longest_first(
    "分别 同比 比上年 较上年 比去年 较去年 累计 共计 共 总计 合计 达到 达 突破 超过 超 近 约"
    " 增至 增加到 增长到 提高到 提升至 提高至 上升至 下降至 降至 为 是 均 已 就 将 等 实现 完成"
    " 了 有 by to of at was were is are reached totalled totaled hit stood".split()
)
_RATE_VERBS = tuple(
    "增长 下降 提高 降低 增加 减少 上升 回落 提升 增速 rose grew fell increased decreased"
    " declined".split()
)
_COUNT_VERBS = ("增长", "提高", "增加", "减少", "下降", "提升")
_AFTER_LEAD = ("被评为", "被命名为", "被", "获评", "获", "入选", "评为", "的", "是", "为")
_AFTER_STOPS = tuple(
    "全部 全面 实现 实行 被 获 入选 完成 得到 已 均 正在 启动 顺利 基本 取得".split()
)


def _strip_lead(s: str) -> str:
    changed = True
    while changed and s:
        changed = False
        s = s.strip(_EDGE_JUNK)
        for w in _LEAD_FILLERS:
            if s.startswith(w) and (not w.isascii() or s[len(w) : len(w) + 1] == " "):
                s = s[len(w) :]
                changed = True
                break
    return s.strip(_EDGE_JUNK)


def _strip_tail(s: str, words: tuple[str, ...]) -> tuple[str, str]:
    """Strip trailing ``words`` (and junk) repeatedly; return (rest, last word stripped)."""
    stripped = ""
    changed = True
    while changed and s:
        changed = False
        s = s.rstrip(_EDGE_JUNK)
        for w in words:
            if s.endswith(w) and (not w.isascii() or s[-len(w) - 1 : -len(w)] in ("", " ")):
                s = s[: -len(w)]
                stripped = stripped or w
                changed = True
                break
    return s.rstrip(_EDGE_JUNK), stripped


def _phrase(raw: str, rate: bool) -> tuple[str, str]:
    """The noun phrase of ``raw`` (the words before a figure) and the rate verb it ended in."""
    s = raw.translate(_QUOTES)
    for f in reversed(find_figures(s)):
        s = s[: f.start] + s[f.end :]
    s = _strip_lead(s)
    s, _ = _strip_tail(s, _TAIL_FILLERS)
    verb = ""
    if rate:
        s, verb = _strip_tail(s, _RATE_VERBS)
    else:
        s, _ = _strip_tail(s, _COUNT_VERBS)
    s, _ = _strip_tail(s, _TAIL_FILLERS)
    if rate and not verb:
        s, verb = _strip_tail(s, _RATE_VERBS)
        s, _ = _strip_tail(s, _TAIL_FILLERS)
    return _strip_lead(s), verb


def _fit(phrase: str, verb: str, max_chars: int) -> str:
    """Shorten ``phrase`` + ``verb`` to at most ``max_chars`` characters, keeping the head."""
    for ratio in ("比重", "比例", "比率"):
        if phrase.endswith(ratio) and "占" in phrase:
            phrase = phrase[: phrase.index("占")] + "占比"
            verb = ""
            break
    if verb.isascii() and verb:
        verb = " " + verb  # English: "Exports grew"
    if len(phrase) + len(verb) <= max_chars:
        return phrase + verb
    if len(phrase) <= max_chars:
        return phrase
    if " " in phrase:  # English: keep the last words that fit
        words = phrase.split()
        out = ""
        for w in reversed(words):
            cand = f"{w} {out}".strip()
            if len(cand) > max_chars:
                break
            out = cand
        return out or phrase[-max_chars:]
    tail = phrase[-max_chars:]
    cut = tail.rfind("的", 0, len(tail) - 1)
    if cut >= 0:
        tail = tail[cut + 1 :]
    return _strip_lead(tail) or tail


def _after_phrase(text: str, fig: Figure, inside_quote: bool) -> str:
    """Words after a figure in its clause, when none stand before it."""
    end = fig.end
    while end < len(text) and text[end] not in _CLAUSE_SEPS:
        end += 1
    s = text[fig.end : end]
    if inside_quote:
        close = min((i for i in (s.find("”"), s.find("」"), s.find('"')) if i >= 0), default=-1)
        if close >= 0:
            s = s[:close]
    s = s.translate(_QUOTES).strip(_EDGE_JUNK)
    for lead in _AFTER_LEAD:
        if s.startswith(lead):
            s = s[len(lead) :]
            break
    for stop in _AFTER_STOPS:
        i = s.find(stop)
        if i > 0:
            s = s[:i]
    return s.strip(_EDGE_JUNK)


def caption_for(text: str, fig: Figure, max_chars: int = 12) -> str:
    """A short caption for a big-number card: the noun phrase before ``fig`` in its clause.

    Clauses split at ，、；。 (and their half-width forms). Filler verbs and adverbs are
    trimmed (累计, 落实, 达, 突破, 分别, 同比…); for a rate (%, 个百分点) the verb
    增长/下降/提高 is kept ("外贸进出口增长"). "A占B比重" becomes "A占比". When nothing
    stands before the figure, the previous item of a 、-list is used ("分别增长7%、18%"), then
    the words after the figure. The result has at most ``max_chars`` characters ("" if none).
    """
    if max_chars <= 0:
        return ""
    if not any(_is_ideograph(ch) for ch in text):
        return _caption_en(text, fig, max_chars)
    rate = fig.unit in _PERCENT_UNITS or fig.unit.lower() in _EN_PERCENT
    start = fig.start
    while start > 0 and text[start - 1] not in _CLAUSE_SEPS:
        start -= 1
    raw = text[start : fig.start]
    phrase, verb = _phrase(raw, rate)
    if len(phrase) <= 2 and not verb:
        # Nothing (or a stub like "年度") before it: the words after it ("19个省市重大项目").
        inside_quote = raw.count("“") > raw.count("”") or raw.count("「") > raw.count("」")
        after = _after_phrase(text, fig, inside_quote)
        if len(after) > len(phrase):
            if " " not in after:
                after = after[:max_chars]
            return _fit(after, "", max_chars)[:max_chars]
    if not phrase:
        # A list item ("7%、18%", "74家、增长30.2%"): take the previous item's words.
        sep = start - 1
        while not phrase and sep >= 0 and text[sep] == "、":
            p = sep
            while p > 0 and text[p - 1] not in _CLAUSE_SEPS:
                p -= 1
            phrase, verb2 = _phrase(text[p:sep], rate)
            verb = verb or verb2
            sep = p - 1
    if not phrase:
        return verb[:max_chars]
    return _fit(phrase, verb, max_chars)[:max_chars]


_EN_STOP = frozenset(
    "and or but while whereas which that who where when is are was were be been has have had "
    "will would can could should to from than as at by for with on in into per over under up "
    "down about the a an its their our his her this these those it they we".split()
)
"""Words that end an English caption taken after a figure."""
_EN_TRIM = frozenset(
    "worth rose fell grew reached reach up down by to of at about around nearly over some "
    "the a an now totalled totaled hit stood dropped increased decreased was were is are "
    "completed checked renovated resurfaced supplies filled planted created opened".split()
)
"""Verbs, prepositions and articles trimmed from the end of a caption taken before a figure."""


def _caption_en(text: str, fig: Figure, max_chars: int) -> str:
    """An English caption. Money and rates take the subject before them ("Tax relief worth
    $1.2 billion" → "Tax relief"); counts the noun after them ("1,200 homes" → "homes")."""
    money_or_rate = "$" in fig.prefix or fig.unit.lower() in _EN_MONEY_OR_RATE
    rate = fig.unit.lower() in _EN_PERCENT or fig.unit == "%"
    before, after = _before_en(text, fig, max_chars, rate), _after_en(text, fig, max_chars)
    first, second = (before, after) if money_or_rate else (after, before)
    return first or second


def _after_en(text: str, fig: Figure, max_chars: int) -> str:
    after = _EN_CLAUSE.split(text[fig.end :], maxsplit=1)[0].split()
    if after and after[0].lower() == "of":
        after = after[1:]
    words: list[str] = []
    for word in after:
        if word.lower() in _EN_STOP or len(words) == 3:
            break
        words.append(word)
    return _clip_words(words, max_chars)


def _before_en(text: str, fig: Figure, max_chars: int, rate: bool) -> str:
    clause = _EN_CLAUSE.split(text[: fig.start])[-1].split()
    joins = [i for i, w in enumerate(clause) if w.lower() in ("and", "while", "but", "whereas")]
    if joins:  # "Exports rose 9.1% and GDP grew by" → "GDP grew by"
        clause = clause[joins[-1] + 1 :]
    clause = _trim_en(clause, rate)
    if len(" ".join(clause)) > max_chars:  # "Rooftop solar on 64 buildings" → "Rooftop solar"
        cut = next((i for i, w in enumerate(clause) if i and w.lower() in _EN_PREPOSITIONS), None)
        clause = _trim_en(clause[:cut] if cut else clause[-4:], rate)
    return _clip_words(clause, max_chars)


def _trim_en(words: list[str], rate: bool = False) -> list[str]:
    """``words`` without trailing verbs and prepositions, or leading articles; a rate keeps
    its verb ("Exports grew 12%" → "Exports grew"), as a Chinese caption keeps 增长."""
    while words and words[-1].lower() in _EN_TRIM:
        if rate and words[-1].lower() in _EN_GROWTH:
            break
        words = words[:-1]
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return words


_EN_GROWTH = frozenset("rose grew fell dropped increased decreased".split())
_EN_MONEY_OR_RATE = frozenset([*_EN_PERCENT, "%", "billion", "million", "trillion", "bn"])
_EN_PREPOSITIONS = frozenset("on in at of for with from by to across along about".split())
_EN_CLAUSE = re.compile(r"[,;:!?()]|(?<!\d)\.|\.(?!\d)")
"""Where an English clause ends: punctuation, but not a decimal point."""


def _clip_words(words: list[str], max_chars: int) -> str:
    """``words`` joined, whole words only, at most ``max_chars`` characters."""
    out = ""
    for word in words:
        joined = f"{out} {word}" if out else word
        if len(joined) > max_chars:
            break
        out = joined
    return out


WORD_JOINER = "\u2060"
"""Put between the characters of a figure so no renderer breaks a line inside it.

PowerPoint and Word honour U+2060; LibreOffice does between digits but not always between
ideographs ("8900多|万元"), so the deck's typesetter also breaks the line before a figure
wherever LibreOffice would otherwise split it. (U+FEFF, which LibreOffice does honour,
makes it add Asian/Latin spacing inside the figure: "亿 元".)"""


def joined(figure: str) -> str:
    """``figure`` with a word joiner between its characters: "22⁠亿⁠元"."""
    return WORD_JOINER.join(figure)


def visible(text: str) -> str:
    """``text`` without the joiners deckgen writes inside figures: what a reader sees."""
    return text.replace(WORD_JOINER, "")
