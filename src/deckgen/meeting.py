"""Meeting profiles (``meetings/*.yaml``): who a build is for, and how it is shaped.

A profile names the meeting (shown in every slide's footer), its date, venue, audience and
presenter, the template, which parts in which order and which of their pieces to leave
out, how detailed, a marking such as
"内部资料 注意保存", the language of the fixed labels, the briefing's issue number, whether
the briefing has a table of contents, and its 抄送 lines. :meth:`Meeting.options` turns it
into the :class:`~deckgen.options.BuildOptions` both generators honour.
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import InputError
from .model import Language
from .options import BuildOptions, LabelWords, ProfileOptions, first_duplicate


class Meeting(ProfileOptions):
    """A meeting profile: one audience's build of a report (deck and briefing).

    Its fields are who the meeting is (below) and the build's options
    (:class:`~deckgen.options.ProfileOptions`: parts, omit, detail, title, subtitle, date,
    venue, presenter, marking, issue_number, toc, copy_to).
    """

    name: str
    """The meeting's name, e.g. "区政府常务会议"; shown in every slide's footer."""
    audience: str | None = None
    """Who attends, e.g. "区政府领导班子成员、各部门主要负责人"."""
    template: str | None = None
    """A built-in template name (``gov-red``) or a template folder or ``.pptx`` master;
    relative paths are read from the profile's folder. ``--template`` overrides it."""
    language: Language | None = None
    """The language of the fixed labels (目录, 续, 第N页…): ``zh`` or ``en``; by default the
    content's language."""
    labels: LabelWords = {}
    """This meeting's own fixed words, over the template's and deckgen's: ``review: 回顾总结``,
    or one per language (``review: {zh: 回顾总结, en: Looking back}``)."""

    def options(self) -> BuildOptions:
        """The build options this profile asks for."""
        shared = {name: getattr(self, name) for name in ProfileOptions.model_fields}
        return BuildOptions(**shared, meeting=self.name, labels=self.language, words=self.labels)


def load_meeting(path: str | Path) -> Meeting:
    """Load and validate a meeting profile; errors are located at file:line:column."""
    from .load import read_checked

    path = Path(path)
    return read_checked(path, Meeting, lambda data: _valid(data, path), what="meeting profile")[1]


def _valid(data: object, path: Path) -> Meeting:
    """A profile's parsed ``data`` validated: a part or piece listed twice is refused at the
    item (located where ``data`` know their lines)."""
    from .load import validate

    for key, what in (("parts", "part"), ("omit", "piece")):
        names = data.get(key) if isinstance(data, dict) else None
        if not (isinstance(names, list) and all(isinstance(p, str) for p in names)):
            continue
        # Checked here too so that the error points at the repeated item, not the whole list.
        twice = first_duplicate(names)
        if twice is not None:
            line, column = _position(names, twice)
            raise InputError(
                f"'{names[twice]}' is listed twice: name each {what} once",
                file=path,
                line=line,
                column=column,
                field=f"{key}[{twice}]",
            )
    return validate(data, Meeting, path)


def meeting_paths(pattern: str) -> list[Path]:
    """The meeting profiles a glob matches (``meetings/*.yaml``), sorted; refused when none
    does or when more than :data:`~deckgen.limits.MAX_MEETINGS` do (the glob stops there)."""
    import glob
    import itertools
    import os

    from .limits import MAX_MEETINGS

    found = (Path(p) for p in glob.iglob(os.path.expanduser(pattern)))
    paths = list(itertools.islice((p for p in found if p.is_file()), MAX_MEETINGS + 1))
    if not paths:
        raise InputError("no meeting profiles match", file=pattern)
    if len(paths) > MAX_MEETINGS:
        raise InputError(
            f"more than {MAX_MEETINGS} meeting profiles match: build them in smaller groups",
            file=pattern,
        )
    return sorted(paths)


def _position(node: object, key: int | str) -> tuple[int | None, int | None]:
    """1-based line and column of an item of a parsed YAML list or mapping, if known."""
    lc = getattr(node, "lc", None)
    try:
        line, column = lc.item(key) if isinstance(key, int) else lc.key(key)
    except (AttributeError, KeyError, IndexError, TypeError):
        return None, None
    return line + 1, column + 1


def meeting_template(meeting: Meeting, path: str | Path) -> str | Path | None:
    """The profile's template for :func:`deckgen.template.theme.load_theme`: a built-in name as is,
    a path resolved against the profile's folder (``path`` is the profile's file)."""
    name = meeting.template
    if name is None:
        return None
    given = Path(name)
    folder = Path(path).parent
    resolved = given if given.is_absolute() else folder / given
    path_like = "/" in name or "\\" in name or name.lower().endswith((".pptx", ".potx"))
    if resolved.is_dir() or (resolved.is_file() and resolved.suffix.lower() in (".pptx", ".potx")):
        return resolved
    if resolved.exists() or path_like:
        what = "is no template folder nor master (.pptx, .potx)" if resolved.exists() else None
        line, column = _template_position(Path(path))
        raise InputError(
            f"'{name}' {what}"
            if what
            else f"no template folder or file at '{name}' (read from {folder or '.'})",
            file=path,
            line=line,
            column=column,
            field="template",
        )
    from .template.theme import template_folder

    try:
        template_folder(name)  # a built-in name, or a folder: else the profile's fault
    except InputError as err:
        line, column = _template_position(Path(path))
        raise InputError(
            err.message, file=path, line=line, column=column, field="template"
        ) from None
    return name


def _template_position(path: Path) -> tuple[int | None, int | None]:
    from .load import read_yaml

    try:
        data = read_yaml(path, exact=True)
    except InputError:
        return None, None
    lc = getattr(data, "lc", None)
    try:
        line, column = lc.value("template")
    except (AttributeError, KeyError, TypeError):
        return None, None
    return line + 1, column + 1


def new_meeting_text(name: str) -> str:
    """A new profile for the meeting ``name``: every field, each with a comment in Chinese
    and English; it loads back as a valid :class:`Meeting`."""
    quoted = json.dumps(name, ensure_ascii=False)
    return _NEW_PROFILE.replace("@NAME@", quoted)


_NEW_PROFILE = """\
# 会议配置 · Meeting profile (deckgen)
# 用法 · Use:  deckgen build CONTENT --meeting THIS-FILE   (或 pptx / docx … --meeting)
# 留空的字段取默认值 · A field left empty takes its default.

# 会议名称（必填），显示在每页幻灯片的页脚
# The meeting's name (required); shown in every slide's footer.
name: @NAME@

# 会议日期，替换封面和简报上的日期，例如 2023年1月10日
# The meeting's date as printed; replaces the content's date, e.g. 2023年1月10日.
date:

# 会议地点，例如 区政府第一会议室 · Venue, e.g. 区政府第一会议室.
venue:

# 参会对象 · Who attends, e.g. 区政府领导班子成员、各部门主要负责人.
audience:

# 汇报人，替换内容文件里的汇报人 · Who presents the report; replaces the content's.
presenter:

# 模板：内置模板名（gov-red、ink-blue、minimal）或模板文件夹、.pptx 母版；
# 相对路径从本文件所在文件夹算起；命令行的 --template 优先。
# Template: a built-in name (gov-red, ink-blue, minimal), a template folder or a .pptx
# master; relative paths are read from this file's folder; --template on the command line wins.
template: gov-red

# 包含哪些部分、按什么顺序：review（回顾）、problems（存在的问题）、targets（主要目标）、
# plan（谋划）、closing（自身建设），每个最多一次，至少一个；problems 只在列出时才显示。
# Which parts, in which order: review, problems, targets, plan, closing; each once, at
# least one; problems is shown only when listed here.
parts:
  - review
  - targets
  - plan
  - closing

# 不显示的内容（幻灯片和简报都不显示），每个最多一次：summary（回顾的总体情况）、
# requirements（总体要求）、intro（谋划部分任务前的引言）、leads（各条亮点、任务的导语）、
# appeal（结束语）、presenter（汇报人）、occasion（会议场合）。例如 omit: [summary, appeal]
# Pieces to leave out of the deck and the briefing, each once: summary (the review's),
# requirements (the plan's 总体要求), intro (the plan's paragraphs before its tasks), leads
# (of highlights and commitments), appeal (the closing's), presenter, occasion.
omit: []

# 详略：full 全部内容；brief 只含封面、总览、数读、主要目标和结束页
# Detail: full (everything) or brief (cover, overview grids, key figures, targets, end).
detail: full

# 标题、副标题：留空则用内容文件里的 · Title and subtitle: empty keeps the content's.
title:
subtitle:

# 密级/标注，显示在每页幻灯片页脚和简报首页页眉，例如 内部资料 注意保存
# A marking on every slide's footer and the briefing's first page, e.g. 内部资料 注意保存.
marking:

# 固定用语（目录、续、第N页……）的语言：zh 中文、en 英文；留空则随内容语言
# Language of the fixed labels (agenda, (cont.), page…): zh or en; empty follows the content.
language:

# 本会议自己的固定用语，覆盖模板和默认的，例如 review: 回顾总结（deckgen 的用语见 README）
# This meeting's own fixed words, over the template's and deckgen's, e.g. review: Looking back.
labels: {}

# 简报期号（第N期），从 1 起；留空则不印期号
# The briefing's issue number (No. N), from 1; empty prints none.
issue_number:

# 简报是否带目录：true / false · Whether the briefing has a table of contents.
toc: false

# 版记抄送单位，每行一个，例如 - 区委办公室
# 抄送 lines for the briefing's 版记, one per item, e.g. - 区委办公室.
copy_to: []
"""
