"""A paragraph read for its structure: marker, heading or body, run-in headings.

The recogniser works on :class:`Block` s. The strings it puts in the content are
:class:`Piece` s: verbatim slices of the report that remember the line they come from.
Markers (一、 （一） 一是 ▲ 7.) are structure and are not part of a block's text; every
other character is.

How a heading is found in running text (:func:`run_ins`):

* a **run-in sentence**: a paragraph opening with a short sentence and going on
  ("推动雄安新区高标准高质量建设。加快疏解项目…") — the sentence is the heading;
* a short sentence **opening a run** inside a paragraph: the sentence after it goes on at
  length and the one before it ends a run of its own ("…提供有力支撑。着力扩大有效投资。推进
  “两重”项目建设，抓好550个…"), not one of a list of short sentences; three or more alike
  ("要……。" ×3) are the headings instead. In a review, a paragraph opening with its own
  run-in heading has others only shaped like it (as long, give or take two characters):
  its other short sentences are facts ("入选全国首批数据基础设施省级节点。");
* **parallel run-in clauses**: sentences of one paragraph opening with a short clause that
  ends alike or starts alike ("对接政策促增长，…" "稳定投资促增长，…"; "要坚守政治忠诚，…"
  "要坚守为民初心，…"), at least two of them — each clause is a heading;
* a **bold lead** the file marks (Word or Markdown bold words opening the paragraph).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .paragraphs import Marker, Para, clauses, is_cjk, is_heading_like, marker, sentences

__all__ = [
    "Block",
    "Piece",
    "Segment",
    "blocks_of",
    "piece",
    "run_ins",
    "strings_in",
    "title_and_slogan",
]


class Piece(str):
    """A string of the report, verbatim, with the line it comes from."""

    line: int

    def __new__(cls, text: str, line: int) -> Piece:
        obj = super().__new__(cls, text)
        obj.line = line
        return obj


def strings_in(value: object) -> list[str]:
    """Every string in nested data (a content being made), in order."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_in(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings_in(v)]
    return []


def piece(text: str, line: int) -> Piece:
    """``text`` (a slice of the report) from ``line``, without the spaces around it."""
    return Piece(text.strip(), line)


@dataclass(frozen=True)
class Block:
    """A paragraph of the report read for structure."""

    para: Para
    text: str
    """The paragraph without its marker."""
    marker: Marker | None
    heading: int | None
    """Its heading level as the file marks it, if it does."""
    short: bool
    """It reads as a heading: explicit, or short and not ending a sentence."""
    bullet: bool
    """A list item: a bullet (▲ • -) or an item of a list the file marks."""

    @property
    def line(self) -> int:
        return self.para.line

    def piece(self, text: str | None = None) -> Piece:
        return piece(self.text if text is None else text, self.line)


def blocks_of(paras: list[Para]) -> list[Block]:
    """Each paragraph read for structure. English paragraph numbers (7.) are markers only
    when the report numbers its paragraphs (three or more)."""
    numbered = sum(1 for p in paras if (m := marker(p.text)) and m.kind == "para")
    out = []
    for p in paras:
        m = marker(p.text)
        if m and m.kind == "para" and numbered < 3:
            m = None
        text = p.text[len(m.text) :] if m else p.text
        bullet = p.list_item or bool(m and m.kind == "bullet")
        short = p.heading is not None or (is_heading_like(text) and not bullet)
        out.append(Block(p, text, m, p.heading, short, bullet))
    english = not is_cjk("".join(p.text for p in paras[:50]))
    if english and not any(p.heading for p in paras):
        out = _english_levels(out)
    return out


def _english_levels(blocks: list[Block]) -> list[Block]:
    """An English report without marked headings: its heading lines as headings, level 1
    when another heading line follows (a group: "Riding out the Storm", then "Fighting the
    Virus Together"), else level 2."""
    out = []
    for i, b in enumerate(blocks):
        if b.short and not b.bullet and b.text[:1].isupper():
            after = blocks[i + 1] if i + 1 < len(blocks) else None
            level = 1 if after is not None and after.short and not after.bullet else 2
            b = Block(b.para, b.text, b.marker, level, True, False)
        out.append(b)
    return out


# --- titles ---------------------------------------------------------------------------

_HEAD_END = "。.!！?？；;：:"


def title_and_slogan(text: str) -> tuple[str, str | None]:
    """A heading sentence as a title and a slogan, split at its last ，when both sides
    are long enough ("着力扩内需稳增长，推动经济持续向新向优量质齐升。" → both); its end
    mark is left out."""
    text = text.strip().rstrip(_HEAD_END).strip()
    at = max(text.rfind("，"), text.rfind(", ") if not is_cjk(text) else -1)
    if at >= 3 and len(text) - at - 1 >= 3 and is_cjk(text):
        return text[:at], text[at + 1 :]
    return text, None


# --- run-in headings --------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A stretch of running text: its heading (if it has one) and its text."""

    heading: str | None
    text: str


_RUN_IN_MAX = 24
"""The longest sentence read as a run-in heading (characters, Chinese)."""
_EN_RUN_IN_MAX = 10
"""The most words of an English run-in heading."""
_CLAUSE_MIN, _CLAUSE_MAX = 4, 12


def _short_sentence(s: str) -> bool:
    body = s.strip().rstrip(_HEAD_END)
    if re.search(r"[0-9]", body):
        return False  # a heading states no figure
    if is_cjk(body):
        return 2 <= len(body) <= _RUN_IN_MAX and not re.search(r"[，,；;]", body)
    return 1 <= len(body.split()) <= _EN_RUN_IN_MAX and body[:1].isupper()


def _lead_clause(s: str) -> str | None:
    """The short clause a sentence opens with ("对接政策促增长，"), if it has one."""
    first = clauses(s)[0] if clauses(s) else ""
    body = first.rstrip("，,：:")
    if first.endswith(("，", ",", "：", ":")) and _CLAUSE_MIN <= len(body) <= _CLAUSE_MAX:
        if is_cjk(body) and not re.search(r"[0-9]", body):
            return first
    return None


def run_ins(
    text: str, bold_lead: str | None = None, anywhere: bool = True, facts: bool = False
) -> list[Segment]:
    """``text`` as segments, each opening at a run-in heading (see the module's note);
    text before the first heading is a segment without one. With ``anywhere`` False only
    a heading opening the text counts. ``facts``: a review's paragraph, whose short
    sentences after its own run-in heading are facts ("数智赋能加速。…。入选全国首批数据
    基础设施省级节点。…") unless shaped like that heading."""
    ss = sentences(text)
    if not ss:
        return []
    if bold_lead and text.startswith(bold_lead):
        rest = text[len(bold_lead) :]
        return [Segment(bold_lead.strip().rstrip(_HEAD_END), rest.strip())] if rest else []
    starts: dict[int, str] = {}  # sentence index → the heading's text as written there
    if len(ss) > 1 and _short_sentence(ss[0]):
        starts[0] = ss[0]
    if anywhere:
        mids = {i: s for i, s in enumerate(ss) if i and i + 1 < len(ss) and _mid_run_in(s)}
        if facts and starts:  # only those shaped like the paragraph's own heading
            mids = {i: s for i, s in mids.items() if _alike_length(s, ss[0])}
        alike = _parallel(mids, whole=True) if not starts else []  # "要……。" ×3
        if len(alike) >= _PARALLEL_MIN:  # the author's pattern: those, and no others
            starts.update({i: mids[i] for i in alike})
        else:
            starts.update({i: s for i, s in mids.items() if _opens_run(ss, i)})
        leads = {i: c for i, s in enumerate(ss) if (c := _lead_clause(s))}
        parallel = _parallel(leads)
        if len(parallel) >= _PARALLEL_MIN:
            for i in parallel:
                starts.setdefault(i, leads[i])
    if not starts:
        return [Segment(None, text.strip())]
    out: list[Segment] = []
    order = sorted(starts)
    if order[0] > 0:
        out.append(Segment(None, "".join(ss[: order[0]]).strip()))
    for k, i in enumerate(order):
        end = order[k + 1] if k + 1 < len(order) else len(ss)
        head = starts[i]
        body = ss[i][len(head) :] + "".join(ss[i + 1 : end])
        out.append(Segment(head.strip().rstrip(_HEAD_END + "，,"), body.strip()))
    return out


_RUN_MIN, _BEFORE_MIN = 30, 25
"""A short sentence heads a run when the sentence after it is at least ``_RUN_MIN``
characters long and the one before it at least ``_BEFORE_MIN`` (or opens the paragraph)."""


def _opens_run(ss: list[str], i: int) -> bool:
    """The short sentence ``ss[i]`` opens a run of the sentences it heads: the next goes on
    at length ("着力扩大有效投资。推进“两重”项目建设，抓好550个…"), and the one before
    ends a run of its own, not a list of short sentences ("开展…三年行动。加强近岸海域综合治理。"
    is a list going on)."""
    after = ss[i + 1].strip() if i + 1 < len(ss) else ""
    before = ss[i - 1].strip()
    return len(after) >= _RUN_MIN and (i == 1 or len(before) >= _BEFORE_MIN)


def _alike_length(s: str, heading: str) -> bool:
    """``s`` is as long as ``heading`` give or take two characters ("科技创新取得新进步。"
    and "重点领域改革实现新突破。", not "数智赋能加速。" and "入选全国首批数据基础设施省级
    节点。")."""
    return abs(len(s.strip().rstrip(_HEAD_END)) - len(heading.strip().rstrip(_HEAD_END))) <= 2


_NOT_A_HEADING = re.compile(r"^(?:这|此|其|并|也|同时|我们|我|它|该|上述|以上|其中|从而|进而|因此)")


def _mid_run_in(s: str) -> bool:
    """A short sentence inside a paragraph that reads as the next run-in heading."""
    body = s.strip().rstrip(_HEAD_END)
    return (
        is_cjk(body)
        and _short_sentence(s)
        and len(body) <= 16
        and not _NOT_A_HEADING.match(body)
        and not re.search(r"[0-9]", body)
    )


_PARALLEL_MIN = 3
"""The fewest sentences whose lead clauses must be alike to be read as headings."""


def _parallel(leads: dict[int, str], whole: bool = False) -> list[int]:
    """The sentences whose lead clauses end alike (…促增长) or start alike (要坚守…): the
    largest such set. ``whole``: short sentences, alike when they start alike (要锻造…)."""
    best: list[int] = []
    bodies = {i: c.rstrip("，,：:。") for i, c in leads.items()}
    keys = (lambda b: b[:1],) if whole else (lambda b: b[-2:], lambda b: b[:2])
    for key in keys:
        groups: dict[str, list[int]] = {}
        for i, b in bodies.items():
            groups.setdefault(key(b), []).append(i)
        for group in groups.values():
            if len(group) > len(best):
                best = group
    return sorted(best)
