"""A report's paragraphs recognised as a content: the parts put together.

:func:`recognise` cuts the report into parts (:mod:`.parts`), reads the head (:mod:`.meta`),
the items of the review and the plan (:mod:`.items`), the targets (:mod:`.targets`), and
writes each into the content's fields, every string a verbatim :class:`~.blocks.Piece` of
the report. What fits no field goes to ``unplaced``; every reading that is a guess is noted
with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .blocks import Block, Piece, piece, strings_in
from .clutter import Skipped, separate
from .fields import (
    heading_text,
    item_of,
    ordered,
    paragraph_items,
    points_of,
)
from .items import TURN_BACK, Items, find_items, segments
from .meta import is_salutation, read_head
from .paragraphs import Para, is_cjk, sentences
from .parts import Section, sections
from .targets import find_targets

__all__ = ["Imported", "recognise"]

_REQUIREMENT = re.compile(
    r"总体要求|指导思想|总基调|总体思路|工作要求|之年|稳中求进|overall requirements", re.I
)


@dataclass
class Imported:
    """A report recognised: the content (plain data, every string a piece) and the notes."""

    content: dict
    skipped: list[Skipped]
    guesses: list[tuple[int, str]] = field(default_factory=list)
    """(line, what was guessed) for each reading that is a guess."""

    @property
    def unplaced(self) -> list[Piece]:
        return self.content.get("unplaced", [])


def recognise(paras: list[Para], stem: str) -> Imported:
    """The content of a report's paragraphs (``stem``: the file's name, a last-resort title)."""
    kept, skipped, source = separate(paras)
    blocks = _blocks(kept)
    head, n = read_head(blocks, source, stem)
    out = Imported({}, skipped, list(head.guesses))
    meta = dict(head.fields)
    meta["language"] = "zh-CN" if is_cjk("".join(p.text for p in kept[:50])) else "en"
    content: dict = {
        "meta": ordered(
            meta,
            (
                "title",
                "kicker",
                "subtitle",
                "organisation",
                "region",
                "date",
                "presenter",
                "occasion",
                "source",
                "language",
            ),
        )
    }
    unplaced: list[Piece] = list(head.unread)
    parts = sections(blocks[n:])
    for sec in parts:
        if sec.part == "opening":
            unplaced += [b.piece(b.para.text) for b in sec.blocks]
            _organisation(content["meta"], sec.blocks)
    review = _review([s for s in parts if s.part == "review"], out)
    if review:
        content["review"] = review
    problems = [b for s in parts if s.part == "problems" for b in _all(s)]
    if problems:
        content["problems"] = {"points": [b.piece(b.para.text) for b in problems]}
    targets, plan = _plan([s for s in parts if s.part in ("outlook", "targets", "plan")], out)
    if targets:
        content["targets"] = targets
    if plan:
        content["plan"] = plan
    closing = _closing(
        next((s for s in parts if s.part == "closing"), None),
        [b for s in parts if s.part == "appeal" for b in s.blocks],
        out,
    )
    if closing:
        content["closing"] = closing
    _check_parts(blocks[n:], content, out)
    unplaced += _unaccounted(blocks[n:], content, unplaced, out)
    if unplaced:
        content["unplaced"] = unplaced
    out.content = content
    return out


_CLAUSE_CUT = re.compile(r"(?:[，,；;：:。！？!?、]|\.\s)+")


def _unaccounted(
    blocks: list[Block], content: dict, unplaced: list[Piece], out: Imported
) -> list[Piece]:
    """Every paragraph some words of which no field holds (a fault of the recogniser), so
    that nothing is lost silently: each is unplaced, with a warning."""
    hay = "\x00".join(strings_in([content, unplaced]))
    missing: list[Piece] = []
    for b in blocks:
        parts = [c for c in _CLAUSE_CUT.split(b.text) if c.strip()]
        if any(c.strip() not in hay for c in parts):
            missing.append(b.piece(b.para.text))
            out.guesses.append((b.line, "not placed: its text is under unplaced"))
    return missing


def _organisation(meta: dict, opening: list[Block]) -> None:
    """The organisation the opening formula names ("我代表北京市人民政府，向大会报告…"), when
    the head did not say it."""
    for b in opening:
        m = re.search(r"我代表(.{2,20}?人民政府)", b.text)
        if m and "organisation" not in meta:
            meta["organisation"] = piece(m.group(1), b.line)
            region = m.group(1).removesuffix("人民政府")
            if (
                "region" not in meta
                and len(region) >= 2
                and not region.startswith(("省", "市", "区", "县"))
            ):
                meta["region"] = piece(region, b.line)


def _blocks(kept: list[Para]) -> list[Block]:
    from .blocks import blocks_of

    return blocks_of(kept)


def _all(sec: Section) -> list[Block]:
    return ([sec.heading] if sec.heading else []) + sec.blocks


# --- review ---------------------------------------------------------------------------------


def _review(secs: list[Section], out: Imported) -> dict | None:
    if not secs:
        return None
    review: dict = {}
    first = secs[0]
    blocks = [
        b for s in secs for b in ([s.heading] if s.heading and s is not first else []) + s.blocks
    ]
    if first.label:
        review["label"] = first.heading.piece(first.label)
    elif first.heading:
        review["title"] = heading_text(first.heading)
    found = find_items(blocks)
    _part_titles(review, found, out)
    rest = found.head + found.tail
    highlights = [item_of(it, plan=False, guesses=out.guesses) for it in found.items]
    if not highlights and rest:  # no structure: the first paragraph sums up, each other is
        summing = rest[:1] if len(rest) > 1 else []  # a theme (a lone paragraph is one)
        highlights = paragraph_items(rest[len(summing) :], plan=False, guesses=out.guesses)
        rest = summing
    summary = [b.piece(b.para.text) for b in rest]
    if summary:
        review["summary"] = summary
    if highlights:
        review["highlights"] = highlights
    else:
        out.guesses.append(
            (
                blocks[0].line if blocks else 0,
                "review: found no highlights; its paragraphs are its summary",
            )
        )
    return ordered(review, ("label", "title", "subtitle", "summary", "highlights"))


def _part_titles(part: dict, found: Items, out: Imported) -> None:
    """A speed-read part's own title and subtitle lines (heading-lines rule)."""
    for b in found.part_head:
        key = "title" if "title" not in part else "subtitle" if "subtitle" not in part else None
        if key is None:
            found.head.append(b)
            continue
        part[key] = heading_text(b)
        out.guesses.append((b.line, f"{key}: read {b.text!r} as the part's {key}"))


# --- plan -----------------------------------------------------------------------------------


def _plan(secs: list[Section], out: Imported) -> tuple[dict | None, dict | None]:
    if not secs:
        return None, None
    plan: dict = {}
    intro: list[Piece] = []
    requirements: list[Piece] = []
    main = [s for s in secs if s.part == "plan"]
    for s in secs:  # the outlook's heading without its ordinal (二、), which is structure
        if s.part == "outlook":
            intro += [b.piece(b.para.text if b is not s.heading else b.text) for b in _all(s)]
    first = main[0] if main else None
    if len(main) > 1 and not is_cjk("".join(b.text for s in main for b in s.blocks[:3])):
        first = None  # an English plan in several headed sections: each heading a commitment
        for s in main:
            if s.heading is not None and s.heading.heading:
                s.heading = replace(s.heading, heading=1)
    if first is not None and first.label:
        plan["label"] = first.heading.piece(first.label)
    elif first is not None and first.heading:
        plan["title"] = heading_text(first.heading)
    outlook = next((s.heading for s in secs if s.part == "outlook" and s.heading), None)
    if "title" not in plan and "label" not in plan and outlook is not None and outlook.short:
        plan["title"] = heading_text(outlook)  # "Economic Outlook for 2021…" heads the plan
        intro = [p for p in intro if not (p.line == outlook.line and p == outlook.para.text)]
    blocks = [
        b for s in main for b in ([s.heading] if s.heading and s is not first else []) + s.blocks
    ]
    targets = None
    found_t = find_targets(blocks)
    if found_t is not None:
        at = min(found_t.used)
        lines: list[Block] = []
        k = at - 1
        while k >= 0 and blocks[k].short and not blocks[k].bullet:
            lines.insert(0, blocks[k])
            k -= 1
        for b in lines:
            key = "title" if "title" not in plan else "subtitle" if "subtitle" not in plan else None
            if key:
                plan[key] = heading_text(b)
                out.guesses.append((b.line, f"plan.{key}: read {b.text!r} as the plan's {key}"))
            else:
                found_t.intro.insert(len(found_t.intro) - 1, b.piece())
        before = blocks[: k + 1]
        requirements += found_t.before
        for b in before:
            (requirements if _REQUIREMENT.search(b.text) else intro).append(b.piece(b.para.text))
        intro += found_t.onward
        blocks = blocks[max(found_t.used) + 1 :]
        targets = ordered(
            {"intro": found_t.intro + found_t.after, "items": found_t.items}, ("intro", "items")
        )
        if found_t.after:
            out.guesses.append(
                (
                    found_t.after[0].line,
                    "targets.intro: the text after the targets is put in their intro",
                )
            )
    found = find_items(blocks)
    _part_titles(plan, found, out)
    _go_on(found)
    for b in found.head + found.tail:
        (requirements if not targets and _REQUIREMENT.search(b.text) else intro).append(
            b.piece(b.para.text)
        )
    commitments = [item_of(it, plan=True, guesses=out.guesses) for it in found.items]
    if not commitments and found.head + found.tail:
        commitments = paragraph_items(found.head + found.tail, plan=True, guesses=out.guesses)
        intro = [p for p in intro if not any(p.line == b.line for b in found.head + found.tail)]
    plan["requirements"] = requirements
    plan["intro"] = intro
    _check_intro(intro, {b.line for s in secs if s.part == "outlook" for b in _all(s)}, out)
    plan["commitments"] = commitments
    if not commitments:
        out.guesses.append((blocks[0].line if blocks else 0, "plan: found no commitments"))
    return targets, ordered(
        plan, ("label", "title", "subtitle", "requirements", "intro", "commitments")
    )


def _go_on(found: Items) -> None:
    """Paragraphs after the plan's last item of one paragraph that go on with its matter
    ("我们将一以贯之大力支持国防…" after "（十）更好统筹发展和安全…") are that item's, not
    the plan's intro; a paragraph turning back (各位代表…) or a line stays the plan's."""
    if not found.items or found.items[-1].body or not found.tail:
        return
    keep = next(
        (j for j, b in enumerate(found.tail) if b.short or TURN_BACK.match(b.text)),
        len(found.tail),
    )
    found.items[-1].body, found.tail = found.tail[:keep], found.tail[keep:]


_INTRO_MAX, _OUTLOOK_MAX = 5, 20
"""The most paragraphs a plan's intro holds, besides its five-year outlook, and in all,
before the import warns that the plan's parts look mis-read."""


def _check_intro(intro: list[Piece], outlook: set[int], out: Imported) -> None:
    own = [p for p in intro if p.line not in outlook]
    if len(own) > _INTRO_MAX or len(intro) > _OUTLOOK_MAX:
        at = (own or intro)[0].line
        out.guesses.append(
            (
                at,
                f"plan.intro: {len(intro)} paragraphs before the commitments"
                f" ({len(own)} besides the five-year outlook); are the report's parts read right?",
            )
        )


def _check_parts(blocks: list[Block], content: dict, out: Imported) -> None:
    """Warn where the parts look wrong: no targets though the report states its 主要预期目标,
    a closing titled with the appeal's words."""
    if "targets" not in content:
        stated = next((b for b in blocks if _YEAR_TARGETS.search(b.text)), None)
        if stated is not None:
            out.guesses.append(
                (
                    stated.line,
                    "targets: none read, though the report states its 主要预期目标 here;"
                    " are its parts read right?",
                )
            )
    title = content.get("closing", {}).get("title")
    if title is not None and _APPEAL_WORDS.match(title):
        out.guesses.append(
            (title.line, f"closing.title: {title!r} is the appeal's words, not a title")
        )


_YEAR_TARGETS = re.compile(r"主要预期目标")
_APPEAL_WORDS = re.compile(r"^(?:让我们|各位代表|同志们|Let us|Fellow)", re.I)


# --- closing -------------------------------------------------------------------------------


def _closing(sec: Section | None, appeal: list[Block], out: Imported) -> dict | None:
    if sec is None and not appeal:
        return None
    if sec is None:  # an appeal with no part before it: the closing is the appeal
        return _appeal_only(appeal, out)
    closing: dict = {}
    head, blocks, rest = sec.heading, sec.blocks, None
    if head is not None and is_salutation(head.text):
        closing["intro"] = head.piece()  # "各位代表！" on its own line opens the part
    elif head is not None and head.short:
        closing["title"] = heading_text(head)
    elif head is not None:  # "（十）突出政府履职效能，切实加强自身建设。坚持……"
        first = sentences(head.text)[0]
        closing["title"] = head.piece(first.rstrip("。.！!"))
        rest = head.piece(head.text[len(first) :]) if head.text[len(first) :].strip() else None
    if "title" not in closing and blocks:
        opening = sentences(blocks[0].text)
        first = opening[0]
        m = re.search(r"[^，,。！]*(?:自身建设|政府建设)[^，,。！]*", "".join(opening[:3]))
        text = re.sub(r"^(?:我们将|我们要|我们)", "", m.group()) if m else None
        if not text or is_salutation(text + "！"):
            text = re.split(r"[，,。！]", first)[0]
        closing["title"] = piece(text, blocks[0].line)
        out.guesses.append(
            (
                blocks[0].line,
                f"closing.title: the part has no title; {text!r} of its first sentence stands in",
            )
        )
    intro, points = _closing_points(blocks, rest)
    if intro and "intro" in closing:
        points.insert(0, {"text": intro})
    elif intro:
        closing["intro"] = intro
    if points:
        closing["points"] = points
    if appeal:
        closing["appeal"] = [b.piece(b.para.text) for b in appeal]
    return ordered(closing, ("title", "intro", "points", "appeal"))


def _closing_points(blocks: list[Block], rest: Piece | None) -> tuple[Piece | None, list[dict]]:
    """The closing's lead and points. Numbered paragraphs ("（一）坚持政治引领，…。坚持不懈…")
    are a point each, headed by their first sentence, when no paragraph stands between them;
    else the paragraphs are read for run-in headings."""
    found = find_items(blocks)
    if rest is None and found.how == "ordinals" and not any(it.body for it in found.items):
        lead = found.head[0].piece(found.head[0].para.text) if len(found.head) == 1 else None
        if lead is not None or not found.head:
            points = []
            for it in found.items:
                b = it.header
                first = sentences(b.text)[0]
                text = b.text[len(first) :]
                points.append(
                    {"heading": b.piece(first.rstrip("。.！!")), "text": b.piece(text)}
                    if text.strip()
                    else {"text": b.piece()}
                )
            tail = points_of(segments(found.tail), plan=False)[1]
            return lead, points + tail
    return points_of(segments(blocks, rest), plan=False)


def _appeal_only(appeal: list[Block], out: Imported) -> dict:
    """A report with an appeal but no closing part: the appeal is the closing's text."""
    last = appeal[-1]
    title = re.split(r"[，,。！!]", sentences(last.text)[0])[0]
    if is_salutation(title + "！"):
        title = (
            re.split(r"[，,。！!]", sentences(last.text)[1])[0]
            if len(sentences(last.text)) > 1
            else title
        )
    out.guesses.append(
        (last.line, f"closing: the report has no closing part; its appeal is, titled {title!r}")
    )
    return {
        "title": piece(title, last.line),
        "points": [{"text": b.piece(b.para.text)} for b in appeal],
    }
