"""The ``deckgen`` command: parses options and calls :mod:`deckgen.api`; nothing more."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from . import __version__
from .errors import DeckgenError

app = typer.Typer(
    name="deckgen",
    help="Turn a report's content (YAML) into a branded speed-read deck and a briefing.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)

_state = {"debug": False}

F = TypeVar("F", bound=Callable[..., object])


def _reports_errors(command: F) -> F:
    """Turn a :class:`DeckgenError` into one line on stderr and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: object, **kwargs: object) -> object:
        try:
            return command(*args, **kwargs)
        except DeckgenError as err:
            if _state["debug"]:
                raise
            typer.echo(f"error: {err}", err=True)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def _warn(message: str) -> None:
    typer.echo(f"warning: {message}", err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"deckgen {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
) -> None:
    _state["debug"] = debug


ContentArg = Annotated[Path, typer.Argument(help="The content file (YAML or JSON).")]


@app.command()
@_reports_errors
def validate(content: ContentArg) -> None:
    """Check a content file and print what it holds."""
    from . import api

    summary = api.summarise(api.load(content))
    typer.echo(f"{content}: valid")
    for line in summary.lines():
        typer.echo(f"  {line}")
    for message in summary.warnings():
        _warn(message)


@app.command()
@_reports_errors
def cards(
    content: ContentArg,
    all_: Annotated[
        bool, typer.Option("--all", help="Also the cards left out for better ones.")
    ] = False,
    tsv: Annotated[bool, typer.Option("--tsv", help="Tab-separated, one card a line.")] = False,
) -> None:
    """Print every key-figure card the deck shows, beside its sentence, to review.

    A card is a figure as written and a caption taken from its own clause; a figure with no
    faithful caption gets no card. Set `cards:` on a highlight or point to choose them.
    """
    from . import api

    rows = [r for r in api.cards(api.load(content)) if r.shown or all_]
    if tsv:
        typer.echo("highlight\tpoint\tfigure\tcaption\tshown\tsentence")
        for r in rows:
            cells = (
                r.highlight,
                r.point,
                r.figure,
                r.caption,
                "yes" if r.shown else "no",
                r.sentence,
            )
            typer.echo("\t".join(" ".join(c.split()) for c in cells))
        return
    last = None
    for r in rows:
        if r.highlight != last:
            typer.echo(("\n" if last else "") + r.highlight)
            last = r.highlight
        mark = " " if r.shown else "-"
        typer.echo(f" {mark} {r.figure}  {r.caption}")
        typer.echo(f"      {r.point + ': ' if r.point else ''}{r.sentence}")
    shown = sum(r.shown for r in rows)
    typer.echo(f"\n{shown} cards shown" + (f", {len(rows) - shown} left out" if all_ else ""))


@app.command()
@_reports_errors
def schema() -> None:
    """Print the JSON Schema of the content model."""
    from . import api

    typer.echo(json.dumps(api.content_schema(), ensure_ascii=False, indent=2))


OutOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Where to write; default output/<content-stem>.<ext>."),
]
TemplateOption = Annotated[
    str | None,
    typer.Option("--template", "-t", help="A built-in template name or a template folder."),
]


MeetingOption = Annotated[
    Path | None,
    typer.Option(
        "--meeting", "-m", help="A meeting profile (meetings/NAME.yaml); output/<meeting-stem>/."
    ),
]


@app.command()
@_reports_errors
def pptx(
    content: ContentArg,
    output: OutOption = None,
    template: TemplateOption = None,
    meeting: MeetingOption = None,
) -> None:
    """Make the speed-read deck (.pptx)."""
    _make(".pptx", content, output, template, meeting)


@app.command()
@_reports_errors
def docx(
    content: ContentArg,
    output: OutOption = None,
    template: TemplateOption = None,
    meeting: MeetingOption = None,
) -> None:
    """Make the printable briefing (.docx)."""
    _make(".docx", content, output, template, meeting)


def _make(suffix: str, content: Path, output, template, meeting) -> None:
    """Build one file; a meeting's files go to output/<meeting-stem>/ by default."""
    from . import api

    options, template = api.for_meeting(meeting, template)
    if output is None and meeting is not None:
        output = api.default_output(content, suffix, api.meeting_folder(meeting))
    typer.echo(f"wrote {api.build_file(suffix, content, output, template, options, _warn)}")


@app.command()
@_reports_errors
def build(
    content: ContentArg,
    meeting: MeetingOption = None,
    meetings: Annotated[
        str | None,
        typer.Option(
            "--meetings",
            help="A glob of meeting profiles, e.g. 'meetings/*.yaml': builds each, in parallel.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="The folder to write to; default output/<meeting-stem>/ "
            "(with --meetings: DIR/<meeting-stem>/).",
        ),
    ] = None,
    template: TemplateOption = None,
) -> None:
    """Make both the deck and the briefing, for one meeting or for many."""
    from . import api

    if meeting is not None and meetings is not None:
        raise DeckgenError("give --meeting or --meetings, not both")
    if meetings is None:
        for path in api.build(content, meeting, output, template, warn=_warn):
            typer.echo(f"wrote {path}")
        return
    _build_meetings(content, meetings, output, template)


def _build_meetings(content: Path, pattern: str, output: Path | None, template: str | None) -> None:
    """Build every meeting matched by ``pattern`` on up to two processes, with a progress bar."""
    import glob
    import os
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    paths = sorted(Path(p) for p in glob.glob(os.path.expanduser(pattern)) if Path(p).is_file())
    if not paths:
        raise DeckgenError(f"no meeting profiles match '{pattern}'")
    results: dict[Path, tuple[list[str], str | None, list[str]]] = {}
    workers = max(1, min(2, os.cpu_count() or 1, len(paths)))
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with (
        Progress(*columns, console=Console(stderr=True), transient=False) as progress,
        ProcessPoolExecutor(max_workers=workers) as pool,
    ):
        task = progress.add_task("building meetings", total=len(paths))
        futures = {
            pool.submit(
                _build_meeting,
                str(content),
                str(path),
                str(output / path.stem) if output else None,
                template,
            ): path
            for path in paths
        }
        for future in as_completed(futures):
            path = futures[future]
            try:
                results[path] = future.result()
            except Exception as err:  # a crashed worker or a bug: report it with the rest
                results[path] = ([], f"{path}: {type(err).__name__}: {err}", [])
            progress.advance(task)
    failed = False
    for path in paths:
        written, error, warnings = results[path]
        for message in warnings:
            _warn(f"{path.stem}: {message}")
        if error is None:
            typer.echo(f"{path.stem}: wrote {', '.join(written)}")
        else:
            failed = True
            typer.echo(f"error: {path.stem}: {error}", err=True)
    if failed:
        raise typer.Exit(2)


def _build_meeting(
    content: str, meeting: str, out_dir: str | None, template: str | None
) -> tuple[list[str], str | None, list[str]]:
    """One meeting's build in a worker process: (files written, error or None, warnings);
    plain values only, so that they cross the process boundary."""
    from . import api

    warnings: list[str] = []
    try:
        written = api.build(content, meeting, out_dir, template, warn=warnings.append)
    except DeckgenError as err:
        return [], str(err), warnings
    return [str(p) for p in written], None, warnings


FileArg = Annotated[Path, typer.Argument(help="A deck (.pptx) or briefing (.docx) deckgen wrote.")]


@app.command()
@_reports_errors
def check(
    file: FileArg,
    content: Annotated[
        Path | None,
        typer.Option(
            "--content",
            help="The content the file was built from: each of its sentences and figures "
            "must then be findable in the file, verbatim.",
        ),
    ] = None,
) -> None:
    """Render a deck or briefing with LibreOffice and report what a reader would find wrong.

    Each finding names the slide, or the page and paragraph: runs without an East Asian
    font, invisible characters (word joiners, zero-width spaces, soft hyphens…), line
    breaks inside sentences, tabs in running text, full-width punctuation or East Asian
    quotes in English text, text spilling out of its shape, punctuation lost in the render,
    library defaults in the document properties, and, with --content, sentences and
    figures of the content not findable verbatim.

    Exit 1 if anything is found. A figure the render splits across two lines is a
    warning: it is printed but does not make the exit code 1.
    """
    from . import api

    findings = api.check_file(file, content)
    for finding in findings:
        typer.echo(f"{file}: {finding}")
    errors = [f for f in findings if not f.warning]
    if errors:
        raise typer.Exit(1)
    warned = len(findings) - len(errors)
    typer.echo(f"{file}: ok" + (f" ({warned} warning{'s' * (warned > 1)})" if warned else ""))


@app.command()
@_reports_errors
def preview(
    file: FileArg,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="The PNG; default output/<stem>.png.")
    ] = None,
    dpi: Annotated[int, typer.Option(min=20, max=200, help="Resolution of each page.")] = 50,
) -> None:
    """Render every slide or page into one PNG, to look at it."""
    from . import api

    typer.echo(f"wrote {api.preview_file(file, output, dpi)}")


meeting_app = typer.Typer(help="Make meeting profiles (meetings/*.yaml).", no_args_is_help=True)
app.add_typer(meeting_app, name="meeting")


@meeting_app.command("new")
@_reports_errors
def meeting_new(
    name: Annotated[str, typer.Argument(help="The meeting's name, e.g. 区政府常务会议.")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Where to write; default meetings/NAME.yaml."),
    ] = None,
) -> None:
    """Write a commented meeting profile to fill in."""
    from .errors import OutputError
    from .files import atomic_write
    from .meeting import new_meeting_text

    name = name.strip()
    if not name or "\n" in name or len(name) > 100:
        raise OutputError("give the meeting a name of one line, at most 100 characters")
    safe = name.replace("/", "-").replace("\\", "-")  # a name, not a path
    path = output or Path("meetings") / f"{safe}.yaml"
    if path.exists():
        raise OutputError("already exists; not overwritten (give another --output)", file=path)
    text = new_meeting_text(name)
    atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    typer.echo(f"wrote {path}")
    typer.echo(f"use it with: deckgen build CONTENT --meeting {path}")


template_app = typer.Typer(
    help="List, show and make templates (colours, fonts, logo, master, briefing switches).",
    no_args_is_help=True,
)
app.add_typer(template_app, name="template")


@template_app.command("list")
@_reports_errors
def template_list() -> None:
    """List the built-in templates: name and description."""
    from .template.inspect import list_templates

    found = list_templates()
    width = max((len(name) for name, _ in found), default=0)
    for name, description in found:
        typer.echo(f"{name:<{width}}  {description}".rstrip())


@template_app.command("show")
@_reports_errors
def template_show(
    template: Annotated[str, typer.Argument(help="A built-in template name or a folder.")],
) -> None:
    """Show a template: colour swatches, fonts, logo, footer, briefing, master layouts."""
    from rich.console import Console

    from .template.inspect import describe
    from .template.theme import load_theme

    Console(highlight=False).print(describe(load_theme(template)), soft_wrap=True)


@template_app.command("new")
@_reports_errors
def template_new(
    name: Annotated[str, typer.Argument(help="The new template's name (its folder's name).")],
    source: Annotated[
        str, typer.Option("--from", help="The template to start from (name or folder).")
    ] = "gov-red",
    primary: Annotated[
        str | None, typer.Option("--primary", help="Brand colour, e.g. '#0B5FA5'.")
    ] = None,
    accent: Annotated[
        str | None, typer.Option("--accent", help="Figure colour, e.g. '#C86400'.")
    ] = None,
    logo: Annotated[Path | None, typer.Option("--logo", help="A logo picture to copy in.")] = None,
    master: Annotated[
        Path | None, typer.Option("--master", help="A PowerPoint master (.pptx) to copy in.")
    ] = None,
    description: Annotated[
        str | None, typer.Option("--description", help="One line on what it is for.")
    ] = None,
    parent: Annotated[
        Path, typer.Option("--dir", help="Where to make the template's folder.")
    ] = Path("templates"),
) -> None:
    """Make a new template folder from an existing template."""
    from .template.scaffold import scaffold

    folder = scaffold(
        name,
        source,
        parent=parent,
        primary=primary,
        accent=accent,
        logo=logo,
        master=master,
        description=description,
    )
    typer.echo(f"made {folder}: {', '.join(sorted(p.name for p in folder.iterdir()))}")
    typer.echo(f"use it with: deckgen pptx CONTENT --template {folder}")


def main() -> None:
    """Console-script entry point."""
    app(prog_name="deckgen")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
