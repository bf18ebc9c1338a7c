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


@app.command()
@_reports_errors
def pptx(content: ContentArg, output: OutOption = None, template: TemplateOption = None) -> None:
    """Make the speed-read deck (.pptx)."""
    from . import api

    typer.echo(f"wrote {api.build_pptx(content, output, template, warn=_warn)}")


@app.command()
@_reports_errors
def docx(content: ContentArg, output: OutOption = None, template: TemplateOption = None) -> None:
    """Make the printable briefing (.docx)."""
    from . import api

    typer.echo(f"wrote {api.build_docx(content, output, template, warn=_warn)}")


template_app = typer.Typer(
    help="List, show and make templates (colours, fonts, logo, master, briefing switches).",
    no_args_is_help=True,
)
app.add_typer(template_app, name="template")


@template_app.command("list")
@_reports_errors
def template_list() -> None:
    """List the built-in templates: name and description."""
    from .template_tools import list_templates

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

    from .template_tools import describe
    from .theme import load_theme

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
    from .template_tools import scaffold

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
