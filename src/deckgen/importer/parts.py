"""The report cut into its parts: opening, review, problems, outlook, plan, closing, appeal.

A part starts at:

* a **top heading** (一、…, or a heading at the report's top level; English headings
  alike) whose words say which part: 回顾/总结/成绩 a review, 工作安排/主要工作/重点工作/
  工作任务/总体要求 this year's plan, a five-year 目标任务 or 主要考虑 ("十五五") the
  outlook (kept as the plan's intro), 自身建设 the closing;
* a speed-read's **part label** ("回顾2022", "谋划2023");
* a **heading-like line** saying 自身建设 (the closing, e.g. "（十）…切实加强自身建设");
* in the review, the paragraph admitting **problems** (在看到成绩的同时，我们也清醒认识到…;
  …还面临一些困难和挑战); in the plan, a paragraph opening 各位代表 that speaks of 自身建设
  (the closing);
* the report's last paragraphs opening 各位代表！/同志们/让我们 (the **appeal**).

Text before the first part is the review when it opens the way a review does, else the
review too (a report starts with last year); the salutation and opening formula are the
opening, which has no place in the content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .blocks import Block
from .meta import is_opening, is_part_label, is_salutation
from .paragraphs import is_cjk, sentences

__all__ = ["Section", "sections"]


@dataclass
class Section:
    """One part of the report: which, the block that opened it, and its blocks."""

    part: str
    """"opening", "review", "problems", "outlook", "targets", "plan", "closing",
    "appeal"."""
    heading: Block | None = None
    label: str | None = None
    blocks: list[Block] = field(default_factory=list)


_KEYS: list[tuple[str, re.Pattern[str]]] = [
    ("closing", re.compile(r"自身建设|政府建设|自身改革|Conclu|Closing|Final Remarks", re.I)),
    ("problems", re.compile(r"^(?:存在的?问题|问题和不足|困难和挑战|Challenges|Problems)", re.I)),
    (
        "review",
        re.compile(
            r"回顾|总结|成绩|成就|过去一年|Review|Situation in|Performance|Achievements|Past Year"
            r"|Last Year|Introduction",
            re.I,
        ),
    ),
    ("outlook", re.compile(r"“?十[一二三四五六七八九]五”?|五年|规划|Medium[- ]term", re.I)),
    ("targets", re.compile(r"^(?:主要)?(?:预期)?目标$|Targets|Goals|Outlook|Forecast", re.I)),
    (
        "plan",
        re.compile(
            r"工作安排|主要工作|重点工作|工作任务|总体要求|工作部署|任务|今年|\d{4}年|Plan|Priorit|Tasks"
            r"|Work for|Year Ahead|Measures|Initiatives",
            re.I,
        ),
    ),
]
_PROBLEMS = re.compile(
    r"^.{0,30}?(?:清醒(?:地)?(?:认识|看到)|困难和(?:挑战|问题)|问题和(?:挑战|不足)|存在(?:的)?问题"
    r"|短板弱项|不足之处|差距和不足|成绩的同时)"
)
_FIVE_YEARS = re.compile(r"“十([一二三四五六七八九])五”")
_NUMERALS = "一二三四五六七八九"


def _forward(blocks: list[Block]) -> re.Pattern[str]:
    """A paragraph turning from the five years past to the five to come: opening with the
    latest five-year plan the report names ("“十五五”时期是…", not "“十四五”时期是…"), or
    with 今后五年/未来五年."""
    named = [_NUMERALS.index(m) for b in blocks for m in _FIVE_YEARS.findall(b.text)]
    latest = f"“十{_NUMERALS[max(named)]}五”时期是|" if named else ""
    return re.compile(rf"^(?:{latest}今后五年|未来五年)")


_APPEAL = re.compile(
    r"^(?:各位代表[！!]|各位代表[，,][^。！!]{0,30}[。！!]让我们|同志们|让我们"
    r"|Fellow|Let us|Together,)",
    re.I,
)
_SELF = re.compile(r"自身建设|政府建设")


def sections(blocks: list[Block]) -> list[Section]:
    """The report's body (after its head) as parts, in order."""
    levels = [b.heading for b in blocks if b.heading]
    top = min(levels) if levels else None
    out: list[Section] = []
    i = 0
    if i < len(blocks) and is_salutation(blocks[i].para.text):
        opening = Section("opening", blocks=[blocks[i]])
        i += 1
        if i < len(blocks) and is_opening(blocks[i].para.text):
            opening.blocks.append(blocks[i])
            i += 1
        out.append(opening)
    elif i < len(blocks) and is_opening(blocks[i].para.text):
        out.append(Section("opening", blocks=[blocks[i]]))
        i += 1
    current: Section | None = None
    forward = _forward(blocks)
    for k, b in enumerate(blocks[i:], start=i):
        state = current.part if current else None
        part = _starts(b, state, top)
        if part in ("plan", "outlook") and b.marker is not None and b.marker.kind == "zh1":
            part = _by_content(part, blocks[k + 1 : k + 4], forward)
        if part is not None:
            label = m.group() if (m := is_part_label(b.text)) else None
            current = Section(part, b, label)
            out.append(current)
            continue
        if current is None:
            current = Section("review")
            out.append(current)
        if state in ("review", "problems") and not b.short and forward.match(b.text):
            current = Section("outlook", blocks=[b])
            out.append(current)
            continue
        if state == "review" and not b.short and _PROBLEMS.match(b.text):
            current = Section("problems", blocks=[b])
            out.append(current)
            continue
        if state == "plan" and is_salutation(b.text):
            current = Section("closing", b)  # "各位代表！" on its own line, then the closing
            out.append(current)
            continue
        if state == "plan" and b.text.startswith("各位代表") and _SELF.search(b.text[:80]):
            current = Section("closing", blocks=[b])
            out.append(current)
            continue
        current.blocks.append(b)
    _appeal(out)
    return out


_EN_KEYS: list[tuple[str, re.Pattern[str]]] = [
    ("closing", re.compile(r"Conclu|Closing|Final Remarks|Way Forward", re.I)),
    ("problems", re.compile(r"Challenges|Problems|Risks", re.I)),
    (
        "review",
        re.compile(
            r"Introduction|Situation|Review|Performance|Achievements|Past Year|Last Year"
            r"|Revised\s*Estimates",
            re.I,
        ),
    ),
    ("outlook", re.compile(r"Outlook|Prospects|Medium[- ]term", re.I)),
    ("targets", re.compile(r"\bTargets\b|\bGoals\b", re.I)),
    ("plan", re.compile(r"Estimates|Plan|Priorit|Tasks|Year Ahead|Measures|Initiatives", re.I)),
]


def _starts_en(b: Block, state: str | None, top: int | None) -> str | None:
    """The part an English heading opens: any heading its words name a part, else a
    top-level one (the plan, once the review is past)."""
    if b.heading is None:
        return None
    for part, pattern in _EN_KEYS:
        if pattern.search(b.text):
            return part
    if top is not None and b.heading <= top:
        return "plan" if state else "review"
    return None


def _starts(b: Block, state: str | None, top: int | None) -> str | None:
    """The part ``b`` opens, or None."""
    text = b.text.strip()
    if not is_cjk(text):
        return _starts_en(b, state, top)
    if m := is_part_label(text):
        return "review" if m.group(1) in ("回顾", "总结") else "plan"
    if state == "plan" and b.marker and b.marker.kind in ("zh1", "zh2", "shi"):
        if _SELF.search(re.split(r"[。！？]", text)[0]):  # "（十）…，切实加强自身建设。…"
            return "closing"
    if not b.short or b.bullet:
        return None
    is_top = (b.marker is not None and b.marker.kind in ("zh1", "roman")) or (
        b.heading is not None and top is not None and b.heading <= top
    )
    if _KEYS[0][1].search(text) and (is_top or b.marker or b.heading or state in ("plan",)):
        if state == "review" and not is_top:
            return None  # "（五）持续加强政府自身建设": last year's own work, a highlight
        return "closing"
    if not is_top:
        return None
    for part, pattern in _KEYS[1:]:
        if pattern.search(text):
            if part == "outlook" and re.search(r"回顾|成绩|成就", text):
                return "review"
            if part == "outlook" and re.search(
                r"今年|工作安排|\d{4}年(?:的)?(?:主要|重点)?工作", text
            ):
                return "plan"
            return part
    return "plan" if state else "review"


_YEAR_TARGETS = re.compile(r"主要预期目标|(?:今年|本年)[^。：:]{0,15}主要目标")
_OWN_WORK = re.compile(r"自身建设|政府建设|作风建设|服务型政府")


def _by_content(part: str, body: list[Block], forward: re.Pattern[str]) -> str:
    """A top part (一、…) whose heading's words do not say which it is ("一鼓作气勇争先，全力推动
    “十五五”开好局" is this year's plan, "一张蓝图绘到底…" the five years ahead) read by its
    first paragraphs: the year's 主要预期目标 make it the plan; opening on the government's
    own work (作风建设…加强政府自身建设) the closing; opening with “十五五”时期是 the outlook."""
    first = body[0].text if body else ""
    if _OWN_WORK.search(sentences(first)[0] if first else ""):
        return "closing"
    if any(_YEAR_TARGETS.search(b.text) for b in body):
        return "plan"
    if part == "plan" and forward.match(first):
        return "outlook"
    return part


def _appeal(out: list[Section]) -> None:
    """Move the report's closing appeal (its last paragraphs opening 各位代表！…) into a part
    of its own."""
    if not out or out[-1].part not in ("plan", "closing", "outlook", "review"):
        return
    last = out[-1]
    found: list[Block] = []
    while last.blocks and len(found) < 2:
        b = last.blocks[-1]
        before = last.blocks[-2] if len(last.blocks) > 1 else None
        if not b.short and before is not None and is_salutation(before.text):
            found[:0] = [last.blocks.pop(-2), last.blocks.pop()]  # "各位代表！", then the appeal
            break
        if b.short or not _APPEAL.match(b.text):
            break
        found.insert(0, last.blocks.pop())
    if found:
        out.append(Section("appeal", blocks=found))
