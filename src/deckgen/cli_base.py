"""What every ``deckgen`` command shares: the app, its habits and how it reports.

* ``-h``/``--help`` everywhere; ``--show-completion``/``--install-completion`` for the shell.
* ``-q``/``--quiet`` (no "wrote …" lines, no progress), ``-v``/``--verbose`` (what was used,
  how long it took), ``--strict`` (a warning makes the exit code 1), before the command's
  name or after it.
* An option that takes one value, given twice (``-m A -m B``), is refused on one line, never
  silently the last.
* A :class:`~deckgen.errors.DeckgenError` is one line on stderr and exit code 2.
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from typer.completion import completion_init
from typer.core import TyperGroup

from .errors import DeckgenError

state = {"debug": False, "quiet": False, "verbose": False, "strict": False, "warned": 0}
"""This run's habits, set by the main callback and each command's own flags."""


def _once_options(command) -> dict[str, object]:
    """The command's options that take one value, by each name they go by. (Read by their
    attributes: typer's Click may be its own copy.)"""
    names: dict[str, object] = {}
    for param in command.params:
        if getattr(param, "param_type_name", "") != "option":
            continue
        if not (param.multiple or param.count or param.is_flag):
            names.update({name: param for name in param.opts})
    return names


def repeated_option(command, args: list[str]) -> str | None:
    """The first option of ``command`` that takes one value and is given more than once in
    ``args`` (as ``-m A``, ``-mA``, ``--meeting A`` or ``--meeting=A``), or None."""
    names = _once_options(command)
    seen: Counter[str] = Counter()
    for arg in args:
        if arg == "--":
            break
        name = arg.split("=", 1)[0] if arg.startswith("--") else arg[:2]
        option = names.get(name) if arg.startswith("-") else None
        if option is not None:
            key = max(option.opts, key=len)
            seen[key] += 1
            if seen[key] == 2:
                return key
    return None


class OnceGroup(TyperGroup):
    """Commands whose one-value options may each be given once: a repeated one is an error
    of one line (exit 2), not the last value silently taken."""

    def resolve_command(self, ctx, args: list[str]):
        name, command, rest = super().resolve_command(ctx, args)
        if command is not None and not hasattr(command, "commands"):  # a command, not a group
            twice = repeated_option(command, rest)
            if twice is not None:
                hint = " (to build for several meetings: --meetings 'GLOB')" * (
                    twice == "--meeting"
                )
                typer.echo(f"error: {twice} was given more than once: give it once{hint}", err=True)
                raise typer.Exit(2)
        return name, command, rest

    def main(self, *args, standalone_mode: bool = True, **kwargs):  # type: ignore[override]
        """Usage errors (a missing argument, an unknown option, a bad value) on one line,
        like every other error, in place of Click's framed box of usage, hint and message."""
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)
        except typer.TyperException as err:  # Click's errors: usage, a bad value, no file
            if type(err).__name__ == "NoArgsIsHelpError":  # `deckgen` alone: the help
                err.show()  # type: ignore[attr-defined]
                sys.exit(err.exit_code)
            ctx = getattr(err, "ctx", None)
            where = f"{ctx.command_path}: " if ctx is not None else ""
            message = " ".join(err.format_message().split())
            message = message if len(message) <= 200 else message[:199] + "…"
            typer.echo(f"error: {where}{message}", err=True)
            sys.exit(err.exit_code)
        except typer.Abort:  # ^C, or the end of input at a prompt
            typer.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


def typer_app(**settings) -> typer.Typer:
    """A Typer app (the main one or a group of subcommands) with deckgen's habits."""
    settings.setdefault("no_args_is_help", True)
    return typer.Typer(
        cls=OnceGroup,
        context_settings={"help_option_names": ["-h", "--help"]},
        rich_markup_mode=None,  # Click's plain help: rendering it with rich took 0.2 s more
        pretty_exceptions_enable=False,
        **settings,
    )


completion_init()  # the shells' completion classes, for _DECKGEN_COMPLETE=complete_bash …

app = typer_app(
    name="deckgen",
    help="Turn a report's content (YAML) into a branded speed-read deck and a briefing.",
    add_completion=False,  # ours below: --show-completion SHELL is honoured, not re-detected
)

F = TypeVar("F", bound=Callable[..., object])

QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print only warnings and errors.")]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="Also print what was used and how long it took.")
]
StrictOption = Annotated[
    bool, typer.Option("--strict", help="Exit 1 when anything was warned (files are written).")
]
_HABITS = (
    inspect.Parameter(
        "quiet", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=QuietOption
    ),
    inspect.Parameter(
        "verbose", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=VerboseOption
    ),
    inspect.Parameter(
        "strict", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=StrictOption
    ),
)


def reports_errors(command: F) -> F:
    """A command with ``-q``/``-v``/``--strict``, whose :class:`DeckgenError` is one line on
    stderr and exit code 2, and whose warnings make exit code 1 under ``--strict``."""
    signature = inspect.signature(command, eval_str=True)

    @functools.wraps(command)
    def wrapper(*args: object, quiet=False, verbose=False, strict=False, **kwargs: object):
        state["quiet"] = state["quiet"] or quiet
        state["verbose"] = (state["verbose"] or verbose) and not state["quiet"]
        state["strict"] = state["strict"] or strict
        try:
            result = command(*args, **kwargs)
        except DeckgenError as err:
            if state["debug"]:
                raise
            typer.echo(f"error: {err}", err=True)
            raise typer.Exit(2) from None
        except OSError as err:  # a file the system refuses (a name too long, no room…)
            if state["debug"]:
                raise
            where = f"{err.filename}: " if err.filename else ""
            typer.echo(f"error: {where}{err.strerror or err}", err=True)
            raise typer.Exit(2) from None
        if state["strict"] and state["warned"]:
            n = state["warned"]
            typer.echo(f"error: {n} warning{'s' * (n > 1)}, and --strict", err=True)
            raise typer.Exit(1)
        return result

    habits = {p.name for p in _HABITS}
    params = [p for p in signature.parameters.values() if p.name not in habits]
    wrapper.__signature__ = signature.replace(parameters=[*params, *_HABITS])  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def warn(message: str) -> None:
    """A warning on stderr: shown even with ``-q``; counted for ``--strict``."""
    state["warned"] += 1
    typer.echo(f"warning: {message}", err=True)


def say(message: str) -> None:
    """What was done ("wrote …"): on stdout, not with ``-q``."""
    if not state["quiet"]:
        typer.echo(message)


def detail(message: str) -> None:
    """What was used and how long it took: on stderr, only with ``-v``."""
    if state["verbose"] and not state["quiet"]:
        typer.echo(message, err=True)


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"deckgen {__version__}")
        raise typer.Exit()


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _shell(value: str) -> str:
    """The shell named, else the user's own (found by shellingham, else $SHELL's name)."""
    shell = value.strip().lower()
    if not shell:
        try:
            import shellingham

            shell = shellingham.detect_shell()[0]
        except Exception:  # not installed, or no shell above us: $SHELL says
            shell = Path(os.environ.get("SHELL", "bash")).name
    if shell not in SHELLS:
        typer.echo(f"error: no completion for the shell '{shell}': {', '.join(SHELLS)}", err=True)
        raise typer.Exit(2)
    return shell


def _show_completion(value: str | None) -> None:
    if value is not None:
        from typer.completion import get_completion_script

        script = get_completion_script(
            prog_name="deckgen", complete_var="_DECKGEN_COMPLETE", shell=_shell(value)
        )
        typer.echo(script)
        raise typer.Exit()


def _install_completion(value: bool) -> None:
    if value:
        from typer.completion import install

        shell, path = install(
            shell=_shell(""), prog_name="deckgen", complete_var="_DECKGEN_COMPLETE"
        )
        typer.echo(f"{shell} completion installed in {path}; it works in a new terminal")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
    strict: StrictOption = False,
    show_completion: Annotated[
        str | None,
        typer.Option(
            "--show-completion",
            metavar="SHELL",
            is_eager=True,
            callback=_show_completion,
            help="Print the completion script for SHELL: bash, zsh, fish or powershell.",
        ),
    ] = None,
    install_completion: Annotated[
        bool,
        typer.Option(
            "--install-completion",
            is_eager=True,
            callback=_install_completion,
            help="Install completion for your shell.",
        ),
    ] = False,
) -> None:
    state.update(debug=debug, quiet=quiet, verbose=verbose and not quiet, strict=strict, warned=0)
