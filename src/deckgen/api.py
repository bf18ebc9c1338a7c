"""The library's entry points: what each CLI command calls."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .look import check_file, check_files, preview_file  # noqa: F401  (part of the API)
from .model import Content
from .options import BuildOptions


@dataclass(frozen=True)
class Summary:
    """What a content file holds, counted."""

    highlights: int
    points: int
    figures: int
    targets: int
    commitments: int
    commitment_points: int
    closing_points: int
    summary: int = 0
    """Paragraphs of the review's summary."""
    problems: int | None = None
    """Paragraphs of the problems part; None without one."""
    requirements: int = 0
    plan_intro: int = 0
    leads: int = 0
    """Highlights and commitments that open with a lead sentence."""
    headless: int = 0
    """Points without a heading (review, plan and closing)."""
    appeal: int = 0
    presenter: str | None = None
    occasion: str | None = None
    unplaced: int = 0
    """Texts an importer could not place: never shown."""
    unplaced_sentences: int = 0
    """The sentences of those texts."""

    def lines(self) -> list[str]:
        """The summary as short lines for a terminal: the counts of the speed-read's parts,
        then each piece of a full report the content holds."""
        lines = [
            f"{_n(self.highlights, 'highlight')}, {_n(self.points, 'point')}",
            _n(self.figures, "figure"),
            _n(self.targets, "target"),
            f"{_n(self.commitments, 'commitment')}, {_n(self.commitment_points, 'point')}",
            _n(self.closing_points, "closing point"),
        ]
        pieces = (
            ("review summary", self.summary),
            ("problems part", self.problems),
            ("plan requirements", self.requirements),
            ("plan intro", self.plan_intro),
            ("closing appeal", self.appeal),
        )
        lines += [f"1 {noun} ({_n(n, 'paragraph')})" for noun, n in pieces if n]
        if self.leads:
            lines.append(_n(self.leads, "lead sentence"))
        if self.headless:
            lines.append(_n(self.headless, "point") + " without a heading")
        named = (("presenter", self.presenter), ("occasion", self.occasion))
        lines += [f"{key}: {value}" for key, value in named if value]
        lines.append(f"{_n(self.unplaced_sentences, 'sentence')} unplaced")
        return lines

    def warnings(self) -> list[str]:
        """What the author should see to: text left unplaced (it is on no slide or page)."""
        if not self.unplaced:
            return []
        return [
            f"{_n(self.unplaced, 'unplaced text')} in the file: on no slide and no page;"
            " move each into its part, or delete it"
        ]


def _n(count: int, noun: str) -> str:
    """ "1 highlight", "6 highlights"."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def load(content_path: str | Path, warn: Warn | None = None) -> Content:
    """Load and validate a content file; ``warn`` hears of what may be a slip but is kept."""
    from .load import load_content

    return load_content(content_path, warn)


def summarise(content: Content) -> Summary:
    """Count what a content holds; figures are counted in every text of it."""
    from .figures import find_figures
    from .sentences import sentences

    review, plan, closing = content.review, content.plan, content.closing
    highlights = review.highlights if review else []
    commitments = plan.commitments if plan else []
    points = [pt for item in (*highlights, *commitments) for pt in item.points]
    points += closing.points if closing else []
    return Summary(
        highlights=len(highlights),
        points=sum(len(h.points) for h in highlights),
        figures=sum(len(find_figures(text)) for text in texts(content)),
        targets=len(content.targets.items) if content.targets else 0,
        commitments=len(commitments),
        commitment_points=sum(len(c.points) for c in commitments),
        closing_points=len(closing.points) if closing else 0,
        summary=len(review.summary) if review else 0,
        problems=len(content.problems.points) if content.problems else None,
        requirements=len(plan.requirements) if plan else 0,
        plan_intro=len(plan.intro) if plan else 0,
        leads=sum(1 for item in (*highlights, *commitments) if item.lead),
        headless=sum(1 for pt in points if pt.heading is None),
        appeal=len(closing.appeal) if closing else 0,
        presenter=content.meta.presenter,
        occasion=content.meta.occasion,
        unplaced=len(content.unplaced),
        unplaced_sentences=sum(len(sentences(text)) for text in content.unplaced),
    )


def texts(content: Content) -> list[str]:
    """Every string the author wrote, in reading order (``unplaced`` text, which is never
    shown, left out)."""
    out: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(content.model_dump(mode="json", exclude_none=True, exclude={"unplaced"}))
    return out


def cards(content: Content) -> list:
    """Every key-figure card the content's highlights could show, each beside its sentence
    (:class:`deckgen.plan.choose.CardRow`); ``shown`` marks those the deck shows."""
    from .plan.choose import review_cards

    if content.review is None:
        return []
    language = content.meta.lang
    return [row for h in content.review.highlights for row in review_cards(h, language)]


def content_schema() -> dict:
    """The JSON Schema of the content model, for editors and other tools."""
    schema = Content.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "deckgen content"
    return schema


def default_output(content_path: str | Path, suffix: str, folder: str | Path = "output") -> Path:
    """``output/<content-stem><suffix>``."""
    return Path(folder) / (Path(content_path).stem + suffix)


Warn = Callable[[str], None]
"""Where a build reports what the user should know but that does not stop it."""


def build_docx(
    content_path: str | Path,
    out: str | Path | None = None,
    template: str | Path | None = None,
    options: BuildOptions | None = None,
    warn: Warn | None = None,
) -> Path:
    """Write the briefing (.docx) of a content file; returns the path written."""
    return _build(".docx", content_path, out, template, options, warn)


def build_pptx(
    content_path: str | Path,
    out: str | Path | None = None,
    template: str | Path | None = None,
    options: BuildOptions | None = None,
    warn: Warn | None = None,
) -> Path:
    """Write the speed-read deck (.pptx) of a content file; returns the path written."""
    return _build(".pptx", content_path, out, template, options, warn)


def plan(content_path, suffix: str, template=None, options: BuildOptions | None = None):
    """The plan (pure data: what is drawn where, at what size) of the ``suffix`` output of
    a content file."""
    return _plan(suffix, content_path, template, options)[1]


def _plan(suffix, content_path, template, options):
    from .outputs import OUTPUTS

    content, theme = _inputs(content_path, template)
    return theme, OUTPUTS[suffix].plan(content, theme, options or BuildOptions())


def _inputs(content_path, template, warn: Warn | None = None):
    """The content and its template (for the content's language); ``warn`` hears of what in
    the content may be a slip but is kept."""
    from .template.theme import load_theme

    content = _content(content_path, warn)
    return content, load_theme(template).for_language(content.meta.language)


def _content(source, warn: Warn | None = None) -> Content:
    """A content file's path, a dict of its data (errors name the field), or a Content."""
    from collections.abc import Mapping

    from .errors import InputError
    from .load import content_from

    if isinstance(source, Content):
        return source
    if not isinstance(source, Mapping):
        return load(source, warn)
    try:
        return content_from(dict(source), Path.cwd() / "<dict>")
    except InputError as err:
        err.file, err.line, err.column = "<dict>", None, None  # a dict has no lines
        raise


def build_file(
    suffix: str,
    content_path: str | Path,
    out: str | Path | None = None,
    template: str | Path | None = None,
    options: BuildOptions | None = None,
    warn: Warn | None = None,
) -> Path:
    """Write the ``suffix`` output (see :data:`deckgen.outputs.OUTPUTS`) of a content file;
    returns the path written."""
    return _build(suffix, content_path, out, template, options, warn)


def _build(suffix, content_path, out, template, options, warn) -> Path:
    """Load, plan, report the plan's warnings, and write atomically: the one build path.
    An ``out`` named .pdf is the output printed to PDF by LibreOffice."""
    from .files import write_all

    _check_suffix(suffix, out)
    out = Path(out) if out else default_output(_named(content_path, "out"), suffix)
    notes: list[str] = []  # told once the file is written: a failed run prints one line
    content, theme = _inputs(content_path, template, notes.append)
    job = _job(suffix, out, _named(content_path), content, theme, options)
    warnings: list[list[str]] = []
    job = _as_pdf(suffix, job) if out.suffix.lower() == ".pdf" else job
    written = write_all([job], returned=warnings)[0]
    for message in [*warnings[0], *notes]:
        (warn or _ignore)(message)
    return written


def _as_pdf(suffix: str, job):
    from .render.pdf import as_pdf

    return job[0], as_pdf(job[1], suffix, job[0])


def _check_suffix(suffix: str, out) -> None:
    """A .pptx is written as .pptx or .pdf, a .docx as .docx or .pdf; any other name of
    ``out`` is refused before anything is read or written."""
    from .errors import InputError
    from .outputs import OUTPUTS
    from .preview import need_soffice

    given = Path(out).suffix.lower() if out is not None else suffix
    if given == ".pdf":
        need_soffice("to write a PDF")
    elif given != suffix:
        noun = OUTPUTS[suffix].noun
        raise InputError(
            f"a {noun} is written as {suffix} or .pdf: name the output {suffix} or .pdf",
            file=out,
        )


def _named(content, need: str | None = None) -> Path | None:
    """The path a content was read from; None for a dict or a :class:`Content` (an error
    when the ``need`` argument has to be given instead)."""
    from .errors import InputError

    if isinstance(content, str | Path):
        return Path(content)
    if need is not None:
        raise InputError(f"a content not read from a file has no name: give {need}")
    return None


def _job(suffix, out: Path, content_path, content, theme, options, *inputs):
    """``(out, write)`` for one output, refused if ``out`` is one of the build's inputs or
    the template's file for it is refused (before anything is written); ``write(tmp)`` plans
    it, writes it and returns the plan's warnings."""
    from .files import refuse_inputs
    from .outputs import OUTPUTS

    pictures = [v for v in _values(content.model_dump()) if isinstance(v, Path)]
    folder = theme.folder / "theme.yaml" if theme.folder else None
    files = (theme.master_path, theme.reference_docx, theme.logo_path, folder)
    refuse_inputs(out, (content_path, *inputs, *files, *pictures))
    if suffix == ".pptx" and theme.master_path is not None:
        from .template.master import open_master

        open_master(theme.master_path)  # a template file refused names itself, before a plan
    if suffix == ".docx" and theme.reference_docx is not None:
        from .template.reference import read_reference

        read_reference(theme.reference_docx)
    plan = functools.partial(OUTPUTS[suffix].plan, content, theme, options or BuildOptions())
    template = {".pptx": theme.master_path, ".docx": theme.reference_docx}.get(suffix)
    return out, functools.partial(_write, plan, OUTPUTS[suffix].write, theme, template)


def _write(plan, write, theme, template: Path | None, tmp: Path) -> list[str]:
    """``write`` the ``plan()``; returns its warnings (a footer's once, not once a slide).
    What python-pptx or python-docx cannot make of an organisation's master or reference
    document is an error naming that file, not a traceback."""
    from .errors import DeckgenError, InputError

    planned = plan()
    try:
        write(planned, theme, tmp)
    except (DeckgenError, OSError):
        raise
    except Exception as err:
        if template is None:  # deckgen's own template: a fault of deckgen's, shown as such
            raise
        reason = (str(err).splitlines() or [""])[0][:120]
        message = f"cannot build on it ({type(err).__name__}: {reason})"
        raise InputError(message, file=template) from err
    return list(dict.fromkeys(planned.warnings))


def _values(value: object):
    """Every value in a model's dump: dicts and lists walked."""
    if isinstance(value, dict):
        for item in value.values():
            yield from _values(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _values(item)
    else:
        yield value


def _ignore(message: str) -> None:
    """The default for ``warn``: a library call stays quiet."""


# ---- importing a report -------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    """What ``deckgen import`` did: the file written and what to tell its user."""

    path: Path
    guesses: list[tuple[int, str]]
    """(report line, what was guessed), one for each reading to check."""
    left_out: str
    """What was left out as not the report's text, counted, with its lines; "" for none."""
    summary: str
    """What the written content holds: "6 highlights, 18 points, 7 targets, …; 0 sentences
    unplaced"."""
    error: str | None = None
    """Why the written content does not validate (a fault of the importer), or None."""


def import_report(
    report: str | Path, out: str | Path | None = None, force: bool = False
) -> ImportResult:
    """Read a report (.txt, .md, .docx) and write its content file (default
    ``content/<report-stem>.yaml``); refuses to replace an existing file unless ``force``."""
    from .errors import InputError
    from .importer import import_report as run
    from .importer.clutter import counted

    report = Path(report)
    out = Path(out) if out else default_output(report, ".yaml", "content")
    imported = run(report, out, force)
    groups: dict[str, list[int]] = {}
    for s in imported.skipped:
        groups.setdefault(s.why, []).append(s.line)
    left_out = ""
    if imported.skipped:
        kinds = ", ".join(counted(why, len(lines)) for why, lines in groups.items())
        lines = sorted({s.line for s in imported.skipped})
        shown = ", ".join(map(str, lines[:12])) + (", …" if len(lines) > 12 else "")
        left_out = f"{kinds} (lines {shown})"
    try:
        s = summarise(load(out))
    except InputError as err:
        return ImportResult(out, imported.guesses, left_out, "", str(err))
    summary = (
        f"{_n(s.highlights, 'highlight')}, {_n(s.points, 'point')}, {_n(s.targets, 'target')}, "
        f"{_n(s.commitments, 'commitment')}, {_n(s.commitment_points, 'point')}, "
        f"{_n(s.closing_points, 'closing point')}; {_n(s.unplaced_sentences, 'sentence')} unplaced"
    )
    return ImportResult(out, imported.guesses, left_out, summary)


# ---- meetings ----------------------------------------------------------------------


def meeting_folder(meeting_path: str | Path | None, folder: str | Path = "output") -> Path:
    """Where a meeting's files go by default: ``output/<meeting-stem>/`` (``output/`` without)."""
    return Path(folder) / Path(meeting_path).stem if meeting_path else Path(folder)


def for_meeting(
    meeting_path: str | Path | None, template: str | Path | None = None
) -> tuple[BuildOptions, str | Path | None]:
    """The build options and template for a meeting profile (a file, or a built-in
    profile's name). The template is ``template`` when given, else the profile's (relative
    to its folder), else the default."""
    if meeting_path is None:
        return BuildOptions(), template
    from .builtin import meeting_file
    from .meeting import load_meeting, meeting_template

    meeting_path = meeting_file(meeting_path)
    meeting = load_meeting(meeting_path)
    if template is None:
        template = meeting_template(meeting, meeting_path)
    return meeting.options(), template


def build(
    content_path: str | Path,
    meeting_path: str | Path | None = None,
    out_dir: str | Path | None = None,
    template: str | Path | None = None,
    warn: Warn | None = None,
    pdf: bool = False,
) -> tuple[Path, ...]:
    """Write the deck and the briefing of a content file for a meeting (or none) as
    ``<out_dir>/<content-stem>.pptx`` and ``.docx``; returns both paths. With ``pdf``, also
    their PDFs, ``<content-stem>-deck.pdf`` and ``-briefing.pdf`` (four paths).

    ``out_dir`` defaults to ``output/<meeting-stem>/`` (``output/`` without a meeting).
    """
    from .files import write_all
    from .outputs import OUTPUTS

    if pdf:
        _check_suffix(".pptx", "x.pdf")  # LibreOffice is there, before anything is read
    options, template = for_meeting(meeting_path, template)
    notes: list[str] = []  # told once the files are written: a failed run prints one line
    content, theme = _inputs(content_path, template, notes.append)
    folder = Path(out_dir) if out_dir else meeting_folder(meeting_path)
    stem = Path(content_path).stem
    jobs = [
        _job(s, folder / f"{stem}{s}", content_path, content, theme, options, meeting_path)
        for s in OUTPUTS
    ]  # every output refused or not before any is planned; then all written, or none
    if pdf:
        names = [folder / f"{stem}-{OUTPUTS[s].noun}.pdf" for s in OUTPUTS]
        jobs += [_as_pdf(s, (n, job[1])) for s, n, job in zip(OUTPUTS, names, jobs, strict=True)]
    warnings: list[list[str]] = []
    written = tuple(write_all(jobs, at_once=not pdf, returned=warnings))
    told = [m for found in warnings[: len(OUTPUTS)] for m in found]  # a PDF's are its file's
    for message in [*told, *notes]:
        (warn or _ignore)(message)
    return written


def build_bytes(
    suffix: str,
    content: str | Path | dict | Content,
    template: str | Path | None = None,
    options: BuildOptions | None = None,
    warn: Warn | None = None,
    pdf: bool = False,
) -> bytes:
    """The bytes of a deck (``suffix`` ".pptx") or a briefing (".docx"), or with ``pdf``
    of its PDF, built from a content file's path, a dict or a :class:`Content`; nothing is
    left on disk."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="deckgen-") as folder:
        out = Path(folder) / f"out{'.pdf' if pdf else suffix}"
        return _build(suffix, content, out, template, options, warn).read_bytes()
