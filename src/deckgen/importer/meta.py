"""The report's head: title, occasion, date, presenter, organisation; and its opening words.

A report opens with its title, often the occasion (——2026年1月26日在河北省第十四届人民代表大会
第四次会议上), the presenter (河北省人民政府省长 王正谱), then the salutation (各位代表：) and
the opening formula (现在，我代表省人民政府向大会报告工作…). The head is the run of short
lines before the salutation or the first part; each of its lines is read for one of
these, every one verbatim (the occasion without the dashes or brackets around it; the
date, organisation and region as the words of the occasion or presenter line that say
them). A head line none of these fits is a kicker (a short line the title opens with:
"聚焦两会"), then a subtitle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .blocks import Block, Piece, piece
from .paragraphs import is_cjk

__all__ = ["Head", "read_head", "is_salutation", "is_opening", "is_part_label"]

_TITLE = re.compile(r"政府工作报告|工作报告|报告|Report|Speech|Budget|Address|Statement", re.I)
_OCCASION = re.compile(
    r"在.{2,60}(?:会议|大会|全会)(?:上|开幕式上)?"
    r"|at the .{3,80}(?:Session|Meeting|Congress|Council)",
    re.I,
)
_DATE = re.compile(
    r"\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2} (?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December) \d{4}|(?:January|February|March|April|May"
    r"|June|July|August|September|October|November|December) \d{1,2}, \d{4}"
)
_PRESENTER = re.compile(
    r"(?:省长|市长|区长|县长|州长|旗长|盟长|主席|总理|主任|代省长|代市长|代区长|代县长)\s*\S{2,4}$"
    r"|(?:Governor|Mayor|Premier|Secretary|Minister|President|Chief Executive)\b",
)
_ORGANISATION = re.compile(r"^(.+?(?:人民政府|政府))")
_SALUTATION = re.compile(
    r"^(?:各位代表|各位委员|同志们|女士们、先生们)[！!：:，,]?$|^(?:Mr|Madam) (?:President|Speaker)"
    r"|^(?:Fellow|Honourable|Honorable|Distinguished) ",
    re.I,
)
_OPENING = re.compile(
    r"我代表.{1,20}(?:向大会|作)?(?:报告|作报告)|I move that|on behalf of the .{3,40}, I"
    r"|I (?:will now )?(?:present|report)",
    re.I,
)
_LABEL = re.compile(r"^(回顾|总结|谋划|展望|部署|聚焦)\s*(\d{4})\s*年?$")
_DASHES = "——–—-－"


def is_salutation(text: str) -> bool:
    """ "各位代表：", "Mr President, Honourable Members…," (a line of its own)."""
    return len(text) <= 80 and bool(_SALUTATION.search(text))


def is_opening(text: str) -> bool:
    """The opening formula: "现在，我代表省人民政府，向大会报告工作，请予审议…"."""
    return len(text) <= 200 and bool(_OPENING.search(text))


def is_part_label(text: str) -> re.Match[str] | None:
    """A speed-read's part label: "回顾2022", "谋划2023"."""
    return _LABEL.match(text.strip())


@dataclass
class Head:
    """What the head says, each a verbatim piece, and the lines it could not read."""

    fields: dict[str, Piece] = field(default_factory=dict)
    unread: list[Piece] = field(default_factory=list)
    guesses: list[tuple[int, str]] = field(default_factory=list)


def read_head(blocks: list[Block], source: str | None, stem: str) -> tuple[Head, int]:
    """The head's fields, and how many blocks it takes. ``source`` is what a 来源：line of
    the page named; ``stem`` the file's name, the title's last resort."""
    head = Head()
    n = 0
    while n < len(blocks) and n < 12:
        b = blocks[n]
        text = b.para.text
        if is_salutation(text) or is_part_label(text) or (b.marker and b.marker.kind == "zh1"):
            break
        if n and b.heading:  # a heading after the title opens the body
            break
        if not (b.short or _OCCASION.search(text) or _PRESENTER.search(text)) or len(text) > 90:
            break
        n += 1
    lines = blocks[:n]
    title_at = next(
        (i for i, b in enumerate(lines) if _TITLE.search(b.para.text)), 0 if lines else None
    )
    f = head.fields
    for i, b in enumerate(lines):
        text = b.para.text
        if i == title_at:
            f["title"] = piece(text, b.line)
        elif "occasion" not in f and _OCCASION.search(text):
            occasion = text.strip(_DASHES + "（）() ")
            f["occasion"] = piece(occasion, b.line)
            if (date := _DATE.search(occasion)) and "date" not in f:
                f["date"] = piece(date.group(), b.line)
        elif "presenter" not in f and _PRESENTER.search(text) and len(text) <= 40:
            f["presenter"] = piece(text, b.line)
            if (org := _ORGANISATION.match(text)) and "organisation" not in f:
                f["organisation"] = piece(org.group(1), b.line)
                region = re.sub(r"(?:人民)?政府$", "", org.group(1))
                if region and is_cjk(region):
                    f["region"] = piece(region, b.line)
        elif "date" not in f and _DATE.fullmatch(text.strip(_DASHES + "（）() ")):
            f["date"] = piece(text.strip(_DASHES + "（）() "), b.line)
        elif (
            "kicker" not in f
            and title_at is not None
            and i > title_at
            and _opens(lines[title_at].para.text, text)
        ):
            f["kicker"] = piece(text, b.line)
        elif "subtitle" not in f and i > (title_at or 0):
            f["subtitle"] = piece(text, b.line)
            head.guesses.append((b.line, f"meta.subtitle: read {text!r} as the subtitle"))
        else:
            head.unread.append(piece(text, b.line))
    _place_from_title(head)
    if "title" not in f:
        f["title"] = Piece(stem, 0)
        head.guesses.append(
            (0, f"meta.title: the report names no title; {stem!r} (the file's name) stands in")
        )
    if source:
        f["source"] = Piece(source, 0)
    return head, n


_PLACE = re.compile(r"^(?:\d{4}年)?([\u4e00-\u9fff]{2,10}?(?:省|市|自治区|特别行政区))")
_BARE = {"省", "市", "自治区", "区", "县"}


def _place_from_title(head: Head) -> None:
    """A presenter line naming the government by its level only ("省人民政府省长 王清宪")
    gives no place: the region is the one the title names ("2026年安徽省政府工作报告"),
    and the organisation that region's 人民政府."""
    f = head.fields
    title = f.get("title")
    m = _PLACE.match(title) if title else None
    if m is None or str(f.get("region", "")) not in _BARE or "region" not in f:
        return
    f["region"] = piece(m.group(1), title.line)
    f["organisation"] = piece(m.group(1) + "人民政府", f["organisation"].line)
    head.guesses.append(
        (title.line, f"meta.region: the presenter names no place; {m.group(1)!r} of the title")
    )


def _opens(title: str, text: str) -> bool:
    """``text`` is the title's first words ("聚焦两会" of "聚焦两会!速读…")."""
    return len(text) < len(title) and title.startswith(text)
