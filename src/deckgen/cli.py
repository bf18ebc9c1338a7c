"""The ``deckgen`` command: parses options and calls :mod:`deckgen.api`; nothing more."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from .cli_base import app, say, state, typer_app
from .cli_base import reports_errors as _reports_errors
from .cli_base import warn as _warn
from .cli_build import ContentArg


@app.command()
@_reports_errors
def validate(content: ContentArg) -> None:
    """Check a content file and print what it holds."""
    from . import api

    notes: list[str] = []
    summary = api.summarise(api.load(content, notes.append))
    typer.echo(f"{content}: valid")
    for line in summary.lines():
        typer.echo(f"  {line}")
    for message in [*notes, *summary.warnings()]:
        _warn(message)


@app.command("import")
@_reports_errors
def import_(
    report: Annotated[Path, typer.Argument(help="The report: a .txt, .md or .docx file.")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="The content file to write; default content/<stem>.yaml."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the content file if it exists.")
    ] = False,
) -> None:
    """Turn a report into a commented content file: its parts found, its words verbatim.

    Ends with what was found, and a warning at REPORT:LINE for each guess it made. Then
    read `deckgen validate`'s summary, fix what the warnings name, and build.
    """
    from . import api

    result = api.import_report(report, output, force)
    typer.echo(f"wrote {result.path}")
    for line, message in result.guesses:
        _warn(f"{report}:{line}: {message}" if line else f"{report}: {message}")
    if result.left_out:
        typer.echo(f"left out as not the report's text: {result.left_out}")
    if result.error:
        _warn(f"{result.path} does not validate yet: {result.error}")
        raise typer.Exit(1)
    typer.echo(f"{result.path}: {result.summary}")


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


FileArg = Annotated[Path, typer.Argument(help="A deck (.pptx) or briefing (.docx) deckgen wrote.")]


@app.command()
@_reports_errors
def check(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Decks (.pptx) or briefings (.docx) deckgen wrote: all rendered in one "
            "start of LibreOffice."
        ),
    ],
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
    warning: it is printed but does not make the exit code 1 (unless --strict). Exit 2
    if a file could not be checked (the others still are).
    """
    from . import api

    if len(files) == 1:  # its error is the command's, of one line
        results = [api.check_file(files[0], content)]
    else:
        results = api.check_files(files, content)
    broken = [r for r in results if isinstance(r, Exception)]
    found = False
    for file, findings in zip(files, results, strict=True):
        if isinstance(findings, Exception):
            typer.echo(f"error: {findings}", err=True)
            continue
        for finding in findings:
            typer.echo(f"{file}: {finding}")
        errors = [f for f in findings if not f.warning]
        found = found or bool(errors)
        if errors:
            continue
        warned = len(findings) - len(errors)
        state["warned"] += warned  # with --strict, exit 1
        typer.echo(f"{file}: ok" + (f" ({warned} warning{'s' * (warned > 1)})" if warned else ""))
    if broken or found:
        raise typer.Exit(2 if broken else 1)


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

    say(f"wrote {api.preview_file(file, output, dpi)}")


meeting_app = typer_app(help="List and make meeting profiles (meetings/*.yaml).")
app.add_typer(meeting_app, name="meeting")


@meeting_app.command("list")
@_reports_errors
def meeting_list() -> None:
    """List the built-in meeting profiles: name and meeting (use one with -m NAME)."""
    from .builtin import data_dir, meetings
    from .meeting import load_meeting

    for name in meetings():
        say(f"{name}  {load_meeting(data_dir('meetings', f'{name}.yaml')).name}")


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


template_app = typer_app(
    help="List, show and make templates (colours, fonts, logo, master, briefing switches).",
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
    """The command line, ending by SystemExit (as a program embedding it expects)."""
    # deckgen's models use no pydantic plugin; looking for them reads the metadata of every
    # installed package (~30 ms a start). One the user names stays named.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    app(prog_name="deckgen")


def run() -> None:
    """The ``deckgen`` console script: :func:`main`, then the process ends at once with its
    exit code, its output flushed. Every file is written and closed by then; what is skipped
    is Python freeing each of the run's objects one by one (~0.2 s after a build)."""
    try:
        main()
        code: object = 0
    except SystemExit as done:
        code = done.code
    if isinstance(code, str):  # as Python does: the message said, exit code 1
        print(code, file=sys.stderr)
    status = code if isinstance(code, int) else 0 if code is None else 1
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None: started with it closed (deckgen … >&-)
                stream.flush()
        except (OSError, ValueError):  # a closed pipe (deckgen … | head)
            status = status or 1
    os._exit(status)


if __name__ == "__main__":  # pragma: no cover
    run()
