"""The year's targets: found where the plan says them, each clause read for its figure.

The targets stand after an anchor, "主要预期目标是：", "主要目标是:" (Chinese) or "main
targets/goals … are:" (English): either in the same sentence, one clause a target
("地区生产总值增长5%以上，一般公共预算收入增长2%左右；…", split at ，and ；, each clause's
text verbatim), or as the list items (▲, •, 1.) that follow the anchor line. Each target's
``value``, ``unit``, ``qualifier`` and ``kind`` are read from its text by
:func:`deckgen.target_text.read_target` (a ceiling "控制在5.5%左右", a decrease "下降2%"…);
its ``label`` is the words before its figure, without the verb ("地区生产总值").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import FieldValueError
from ..figures import find_figures
from ..target_text import read_target
from .blocks import Block, Piece, piece
from .paragraphs import sentences

__all__ = ["Found", "find_targets", "target_item"]

_ANCHOR = re.compile(
    r"(?:主要(?:预期)?目标|预期目标|主要指标)(?:是|为|如下)?[：:]"
    r"|(?:main|major|key) (?:targets|goals|objectives)[^.:]{0,60}(?:are|is|include)[^.:]{0,20}:",
    re.I,
)
_SPLIT = re.compile(r"[，；;]|,\s")
_VERB = re.compile(
    r"(?:保持|实现|力争|确保|继续)?(?:增长|上涨|增加|提高到|提高至|提高|提升到|提升|下降到|下降|降低到|降低|"
    r"减少|控制在|稳定在|保持在|达到|突破|超过|不低于|不高于|不超过|增速|增幅|在|为|要)$"
)


@dataclass
class Found:
    """The targets the plan's head states, and what stands around them."""

    before: list[Piece] = field(default_factory=list)
    """Text of the paragraphs before the targets (requirements, intro)."""
    intro: list[Piece] = field(default_factory=list)
    items: list[dict] = field(default_factory=list)
    after: list[Piece] = field(default_factory=list)
    """Text after the targets in their paragraph (an explanation of them)."""
    onward: list[Piece] = field(default_factory=list)
    """The paragraph's last words when they turn to the work ahead ("重点做好十个方面工作。",
    "具体抓好以下工作："): the plan's, not the targets'."""
    used: set[int] = field(default_factory=set)
    """Indices of the blocks the targets took."""


def find_targets(blocks: list[Block]) -> Found | None:
    """The targets among ``blocks`` (the plan before its commitments), or None."""
    for i, b in enumerate(blocks):
        m = _ANCHOR.search(b.text)
        if not m:
            continue
        found = Found()
        bullets = []
        j = i + 1
        while j < len(blocks) and blocks[j].bullet:
            bullets.append(blocks[j])
            j += 1
        ss = sentences(b.text)
        at = 0
        for k, s in enumerate(ss):
            at += len(s)
            if at > m.start():
                anchor_index = k
                break
        else:
            anchor_index = len(ss) - 1
        before = "".join(ss[:anchor_index])
        anchor = ss[anchor_index]
        colon = _ANCHOR.search(anchor)
        head, rest = (anchor[: colon.end()], anchor[colon.end() :]) if colon else (anchor, "")
        if before.strip():
            found.before.append(piece(before, b.line))
        if bullets and not rest.strip():
            found.intro.append(piece(head, b.line))
            found.items = [target_item(x.piece()) for x in bullets]
            found.used = {i, *range(i + 1, j)}
        elif rest.strip():
            found.intro.append(piece(head, b.line))
            found.items = [target_item(piece(c, b.line)) for c in _clauses(rest)]
            found.used = {i}
        else:
            continue
        tail = ss[anchor_index + 1 :]
        cut = len(tail)
        while cut and _ONWARD.match(tail[cut - 1].strip()):
            cut -= 1
        after, onward = "".join(tail[:cut]), "".join(tail[cut:])
        if after.strip():
            found.after.append(piece(after, b.line))
        if onward.strip():
            found.onward.append(piece(onward, b.line))
        return found
    return None


_ONWARD = re.compile(r"^(?:重点|具体|着力|要)?(?:做好|抓好|抓实|推进)[^。，]{0,12}工作[。：:]?$")
_ADDENDUM = re.compile(r"^(?:在|并|力争|努力|争取)")


def _clauses(rest: str) -> list[str]:
    """The targets of a sentence: its clauses, split at ，and ；. A clause with no figure
    that adds to the one before ("…增长5%左右，在实际工作中努力争取更好结果") stays with it."""
    out: list[str] = []
    at = 0
    body = rest.rstrip("。.；;")
    for m in list(_SPLIT.finditer(body)) + [None]:
        end = m.start() if m else len(body)
        clause = body[at:end]
        if (
            out
            and clause.strip()
            and body[at - 1] in "，,"
            and _ADDENDUM.match(clause.strip())
            and not find_figures(clause)
            and find_figures(out[-1])
        ):
            out[-1] += body[at - 1 : end]
        elif clause.strip():
            out.append(clause)
        at = m.end() if m else end
    return out


def target_item(text: Piece) -> dict:
    """One target: its text, label, and what its text says of its figure."""
    item: dict = {"text": text}
    label = _label(text)
    if label:
        item["label"] = piece(label, text.line)
    try:
        fills = read_target(str(text), None, None, None, None)
    except FieldValueError:
        fills = {"kind": "qualitative"}
    for key in ("value", "unit", "qualifier", "kind"):
        if key in fills:
            item[key] = fills[key]
    return item if _valid(item) else {k: v for k, v in item.items() if k in ("text", "label")}


def _valid(item: dict) -> bool:
    """Whether the target as written validates: the fields read from its text are written
    out only when they say what the model reads again (else the model reads them at load)."""
    from ..model import Target

    try:
        Target.model_validate({k: str(v) if k in ("text", "label") else v for k, v in item.items()})
    except ValueError:
        return False
    return True


def _label(text: str) -> str | None:
    """What a target measures: the words before its figure (or its verb), as written."""
    figures = find_figures(text)
    end = figures[0].start if figures else None
    if end is None:
        m = re.search(r"增长|下降|提高|降低|同步|完成|保持|稳定|高于|低于|提升|上涨", text)
        end = m.start() if m else None
    if not end:
        return None
    label = re.sub(r"按$", "", _VERB.sub("", text[:end])).rstrip("，,、 的")
    label = _ADVERB.sub("", label)  # "二氧化碳排放量进一步下降": the label ends before 进一步
    if len(label) > 20 and (m := _RATIO.search(label)):
        label = label[: m.start()]  # "研发经费支出相当于…生产总值的比例": what is measured
    return label if 2 <= len(label) <= 20 and label != text else None


_ADVERB = re.compile(r"(?:进一步|持续|继续|稳步|不断|逐步|明显|有所)$")
_RATIO = re.compile(r"相当于|占")
