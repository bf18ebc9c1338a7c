"""What a figure measures in its sentence: the caption of a key-figure card, or none.

A key-figure card shows a figure as the report writes it ("超22亿元") with a caption that
says what that number counts. A presenter reads the card aloud, so the caption must state
the fact as the report states it. deckgen therefore never composes a caption: it is always
words of the figure's own clause, as written, so that the card and its sentence say the same
thing and the caption is found by a plain search:

* the words before the figure in its clause, when the figure ends it
  ("新增法人企业3782家" → 新增法人企业 · 3782家);
* the words after it, when the figure opens the clause
  ("139个省市督导反馈问题全部整改到位" → 139个 · 省市督导反馈问题全部整改到位);
* the whole clause, when the figure stands inside it ("发布六批次66个应用场景").

A clause runs between ，；。！？： (and their half-width forms). A 、 ends a clause only
where it follows a figure ("净增规上工业企业40家、总数突破400家"): elsewhere it lists the
things a figure totals, and the caption keeps the whole list with its 等
("新增城镇就业、大学生就业、困难人员就业等" · 1.66万人次). A direction word before the
figure stays (提高, 下降, "rose by"), and so does the qualifier (it is part of the figure).

No card is made, because no caption would be faithful, when:

* the figure is a name or inside one: in quotation marks or 《》 (“15分钟医保服务圈”), a
  span of time naming a thing ("15分钟医保服务圈"), a policy named after its issuer
  ("国务院33条"), a grade ("30万吨级航道");
* the clause gives figures to several things at once (分别, "respectively"), or another
  figure follows in it ("810个省重点项目完成投资10428.6亿元": the words after 810个 are
  about the other figure);
* the caption would start with a pronoun or a dangling word (其, 该, 总数, "it", "its"…);
* a 、-list continues a figure's clause without its own verb ("修复湿地748亩、废弃露采矿山
  宕口409亩": the second item's caption would drop 修复);
* the words are too short to say anything (fewer than four characters, or two words) or too
  long for a card (``MAX_CHARS``).

The author has the last word: a highlight or a point may list its cards (figure and caption)
or turn them off (see :class:`deckgen.model.FigureCard`).
"""

from __future__ import annotations

import re

from .figures import Figure, find_figures

__all__ = ["MAX_CHARS", "caption_for"]

MAX_CHARS = {"zh": 24, "en": 70}
"""The longest caption a card holds (two lines), by language."""

_ZH_SENTENCE = "。！？；!?;\n"
_ZH_CLAUSE = frozenset(_ZH_SENTENCE + "，,：:")
_OPEN_QUOTES = "“‘「『《〈"
_CLOSE_QUOTES = "”’」』》〉"

_ZH_LEADS = ("同时", "此外", "另外", "以及", "并且")
"""Joining words dropped from a caption's start: they join it to the clause before."""

_ZH_DANGLING = (
    *"其该此这它",
    *"总数 总量 总额 总计 合计 其中 分别 均 同比 比上年 较上年 占比 增速".split(),
)
"""A caption starting with these names nothing by itself ("其孵化…", "总数突破…")."""

_ZH_ISSUERS = ("国务院", "党中央", "中央", "省委", "省政府", "市委", "市政府", "区委", "区政府")
"""A figure right after these names a policy ("国务院33条"), not a quantity."""

_ZH_VERBS = tuple(
    "新增 新建 新开工 开工 建成 完成 开展 提供 实现 修复 改造 改善 提升 培育 引进 招引 引入"
    " 落实 发放 举办 帮扶 吸纳 创成 获评 入选 净增 累计 增长 提高 下降 降低 减少 增加 突破"
    " 达到 实施 整治 治理 种植 盘活 签约 兑现 惠及 带动 支持 服务 培训 救助 资助 接待 新改建"
    " 改建 新建成 建设 投入 投资 发布 出台 办结 办复 化解 处置 清理 排查 收储 出让 供应".split()
)
"""Verbs that let an item of a 、-list after a figure stand on its own ("提供岗位7.57万个次")."""

_TIME_UNITS = frozenset({"年", "个月", "天", "小时", "分钟", "秒", "周", "周年"})
_TIME_FOLLOWERS = frozenset("内来间以后前被获位保实居累共连持均")
"""What may follow a span of time that is a duration ("5年内", "连续6年被评为"), not a name."""

_EN_SENTENCE = re.compile(r"[;!?]|(?<!\d)\.(?!\d)|\.(?=\s)")
_EN_CLAUSE = re.compile(r"[;:!?()\[\]—–]|(?<!\d),|,(?!\d{3})|(?<!\d)\.|\.(?!\d)")
_EN_JOIN = re.compile(r"\s(?:and|while|but|whereas)\s", re.I)
_EN_NO_SUBJECT = frozenset(
    "it its this these those they their them which that he she his her there"
    " up down to from by of on in at over about compared rising falling representing lower"
    " higher substantially slightly mainly largely significantly".split()
)
"""A caption starting with these has its subject elsewhere."""
_EN_RESPECTIVE = re.compile(r"\brespectively\b", re.I)


def caption_for(text: str, fig: Figure, language: str = "zh") -> str | None:
    """The caption of ``fig`` (a figure of ``text``): words of its own clause, as written;
    None when no caption would state the fact as the text does (see the module's rules)."""
    if language == "en":
        return _caption_en(text, fig)
    return _caption_zh(text, fig)


# ---- Chinese ----------------------------------------------------------------------------


def _caption_zh(text: str, fig: Figure) -> str | None:
    start, end = _sentence(text, fig, _ZH_SENTENCE)
    if _quoted(text[start : fig.start]):
        return None  # inside “…” or 《…》: part of a name
    figures = find_figures(text[start:end])
    begin = _clause_start(text, fig, start, figures)
    stop = _clause_end(text, fig, end)
    before = _strip_leads(text[begin : fig.start], _ZH_LEADS)
    after = text[fig.end : stop]
    clause = text[begin:stop]
    if "分别" in clause or _named(text, fig, before, after) or find_figures(after):
        return None  # "810个省重点项目完成投资10428.6亿元": 810个 is not the investment
    if begin > start and text[begin - 1] == "、" and not before.startswith(_ZH_VERBS):
        if not any(v in before for v in _ZH_VERBS):
            return None  # "…748亩、废弃露采矿山宕口409亩": this item's verb is the first's
    if before and after:
        caption = _strip_leads(clause, _ZH_LEADS)
    else:
        caption = before or after
    caption = caption.strip()
    if len(caption) < 4 or len(caption) > MAX_CHARS["zh"] or caption.startswith(_ZH_DANGLING):
        return None
    return caption


def _sentence(text: str, fig: Figure, ends: str) -> tuple[int, int]:
    start = max((text.rfind(ch, 0, fig.start) for ch in ends), default=-1) + 1
    tail = [i for i in (text.find(ch, fig.end) for ch in ends) if i >= 0]
    return start, min(tail, default=len(text))


def _quoted(before: str) -> bool:
    """Whether the text after ``before`` stands inside quotation marks or 《》."""
    return (
        any(
            before.count(o) > before.count(c)
            for o, c in zip(_OPEN_QUOTES, _CLOSE_QUOTES, strict=True)
        )
        or before.count('"') % 2 == 1
    )


def _clause_start(text: str, fig: Figure, floor: int, figures: list[Figure]) -> int:
    """Where ``fig``'s clause starts: after ，；： or after a 、 that follows a figure."""
    figure_ends = {floor + f.end for f in figures}
    i = fig.start
    while i > floor:
        ch = text[i - 1]
        if ch in _ZH_CLAUSE or (ch == "、" and i - 1 in figure_ends):
            break
        i -= 1
    return i


def _clause_end(text: str, fig: Figure, ceiling: int) -> int:
    """Where ``fig``'s clause ends: at ，；。 or at a 、 right after it (a list of figures);
    a later 、 lists things and stays ("450万困难群众纳入城乡低保、特困人员救助供养范围")."""
    if text[fig.end : fig.end + 1] == "、":
        return fig.end
    i = fig.end
    while i < ceiling and text[i] not in _ZH_CLAUSE:
        i += 1
    return i


def _strip_leads(s: str, leads: tuple[str, ...]) -> str:
    s = s.strip()
    for lead in leads:
        if s.startswith(lead) and len(s) > len(lead):
            return s[len(lead) :].strip()
    return s


def _named(text: str, fig: Figure, before: str, after: str) -> bool:
    """Whether the figure is part of a name: "15分钟医保服务圈", "国务院33条"."""
    if before.endswith(_ZH_ISSUERS) or text[fig.end : fig.end + 1] == "级":
        return True  # "国务院33条"; "30万吨级航道" is a grade, not a tonnage
    nxt = text[fig.end : fig.end + 1]
    unit = fig.unit
    return unit in _TIME_UNITS and bool(after) and _is_ideograph(nxt) and nxt not in _TIME_FOLLOWERS


def _is_ideograph(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")


# ---- English ----------------------------------------------------------------------------


def _caption_en(text: str, fig: Figure) -> str | None:
    start, end = _span(text, fig, _EN_SENTENCE)
    if _quoted(text[start : fig.start]) or _EN_RESPECTIVE.search(text[start:end]):
        return None
    clause, stop = _span(text, fig, _EN_CLAUSE, start, end)
    nxt = find_figures(text[fig.end : stop])
    if nxt:  # "… rose 9.1% and GDP grew by 3%": the clause of 9.1% ends before "and"
        joins = list(_EN_JOIN.finditer(text, fig.end, fig.end + nxt[0].start))
        if not joins:
            return None
        stop = joins[-1].start()
    # From the sentence's start when that is short enough ("For 2020 as a whole, the
    # economy contracted by"), else from the clause's.
    for floor in (start, clause):
        begin = _after_figures(text, floor, fig)
        if begin is None:
            continue
        if (
            floor == clause > start
            and text[clause - 1] == ","
            and " and " in text[begin : fig.start]
        ):
            return None  # "the retail, accommodation and food services": a list, cut
        caption = _en_words(text, begin, fig, stop)
        if caption is not None:
            return caption
    return None


def _after_figures(text: str, floor: int, fig: Figure) -> int | None:
    """Where ``fig``'s words start at or after ``floor``: after the join ("and", "while"…)
    that follows each figure before it; None if a figure before it has no such join."""
    begin = floor
    for other in find_figures(text[floor : fig.start]):
        join = _EN_JOIN.search(text, floor + other.end, fig.start)
        if join is None:
            return None  # two figures in one clause, no way to tell them apart
        begin = join.end()
    return begin


def _en_words(text: str, begin: int, fig: Figure, stop: int) -> str | None:
    before = _strip_en_leads(text[begin : fig.start])
    after = text[fig.end : stop].strip()
    caption = _strip_en_leads(text[begin:stop]) if before and after else before or after
    caption = caption.strip(" \u00a0")
    words = caption.split()
    if len(words) < 2 or len(caption) > MAX_CHARS["en"]:
        return None
    if words[0].lower().strip("'’\"“") in _EN_NO_SUBJECT:
        return None  # "it rose", "up 12% on the year before": the subject is elsewhere
    return caption


def _span(
    text: str, fig: Figure, seps: re.Pattern, floor: int = 0, ceiling: int | None = None
) -> tuple[int, int]:
    """The span between the separators around ``fig`` (within ``floor``–``ceiling``)."""
    ceiling = len(text) if ceiling is None else ceiling
    start = floor
    for m in seps.finditer(text, floor, fig.start):
        start = m.end()
    m = seps.search(text, fig.end, ceiling)
    return start, (m.start() if m else ceiling)


_EN_LEADS = re.compile(r"^\s*(?:(?:and|while|but|whereas|also)\s+)*", re.I)


def _strip_en_leads(s: str) -> str:
    return _EN_LEADS.sub("", s).strip()
