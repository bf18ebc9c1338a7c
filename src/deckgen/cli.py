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


def main() -> None:
    """Console-script entry point."""
    app(prog_name="deckgen")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
