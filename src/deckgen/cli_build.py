"""The commands that write files: ``new``, ``pptx``, ``docx``, ``build`` and ``watch``.

The output's name says its format: ``-o deck.pdf`` prints the deck to PDF through
LibreOffice; a name that fits neither the command nor PDF is refused before anything is read.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from .cli_base import app, detail, reports_errors, say, state, warn
from .errors import DeckgenError

ContentArg = Annotated[Path, typer.Argument(help="The content file (YAML or JSON).")]
OutOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Where to write; its suffix says the format (.pdf: printed by LibreOffice); "
        "default output/<content-stem>.<ext>.",
    ),
]
TemplateOption = Annotated[
    str | None,
    typer.Option("--template", "-t", help="A built-in template name or a template folder."),
]
MeetingOption = Annotated[
    Path | None,
    typer.Option(
        "--meeting",
        "-m",
        help="A meeting profile (a file, or a built-in's name: deckgen meeting list); "
        "output/<meeting-stem>/.",
    ),
]


@app.command()
@reports_errors
def new(
    file: Annotated[Path, typer.Argument(help="The content file to write, e.g. report.yaml.")],
    lang: Annotated[
        str, typer.Option("--lang", help="zh: a Chinese report; en: an English one.")
    ] = "zh",
    sample: Annotated[
        str | None,
        typer.Option("--from", help="Start from a whole sample report instead (liuhe-2023…)."),
    ] = None,
) -> None:
    """Write a commented starter content file that validates and builds: fill it in."""
    from .builtin import data_dir, schema
    from .builtin import sample as sample_file
    from .errors import InputError, OutputError
    from .files import atomic_write

    if lang not in ("zh", "en"):
        raise InputError(f"--lang is zh or en, not '{lang}'")
    if file.suffix.lower() not in (".yaml", ".yml"):
        raise InputError("a content file is written as .yaml: name it .yaml", file=file)
    if file.exists():
        raise OutputError("already exists; not overwritten (give another name)", file=file)
    if sample is not None:
        text = sample_file(sample).read_text(encoding="utf-8")
    else:
        text = data_dir("starters", f"{lang}.yaml").read_text(encoding="utf-8")
        output = Path("output") / f"{file.stem}.pptx"
        text = text.replace("{file}", str(file)).replace("{output}", str(output))
    # An editor with a YAML language server checks and completes it against the schema.
    lines = [ln for ln in text.splitlines() if "yaml-language-server" not in ln]
    text = "\n".join([f"# yaml-language-server: $schema={schema().as_uri()}", *lines]) + "\n"
    atomic_write(file, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    say(f"wrote {file}")
    say(f"next: deckgen validate {file}; deckgen build {file}")


@app.command()
@reports_errors
def pptx(
    content: ContentArg,
    output: OutOption = None,
    template: TemplateOption = None,
    meeting: MeetingOption = None,
) -> None:
    """Make the speed-read deck (.pptx, or .pdf with -o NAME.pdf)."""
    _make(".pptx", content, output, template, meeting)


@app.command()
@reports_errors
def docx(
    content: ContentArg,
    output: OutOption = None,
    template: TemplateOption = None,
    meeting: MeetingOption = None,
) -> None:
    """Make the printable briefing (.docx, or .pdf with -o NAME.pdf)."""
    _make(".docx", content, output, template, meeting)


def _used(template, meeting) -> None:
    """With -v: the template and the meeting a build uses."""
    detail(f"template: {template or 'gov-red'}; meeting: {meeting or 'none'}")


def _make(suffix: str, content: Path, output, template, meeting) -> None:
    """Build one file; a meeting's files go to output/<meeting-stem>/ by default."""
    from . import api

    started = time.perf_counter()
    options, template = api.for_meeting(meeting, template)
    _used(template, meeting)
    if output is None and meeting is not None:
        output = api.default_output(content, suffix, api.meeting_folder(meeting))
    written = api.build_file(suffix, content, output, template, options, warn)
    say(f"wrote {written}")
    detail(f"took {time.perf_counter() - started:.1f}s")


@app.command()
@reports_errors
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
    pdf: Annotated[
        bool,
        typer.Option(
            "--pdf", help="Also print both to PDF (<stem>-deck.pdf, <stem>-briefing.pdf)."
        ),
    ] = False,
) -> None:
    """Make both the deck and the briefing, for one meeting or for many."""
    from . import api

    if meeting is not None and meetings is not None:
        raise DeckgenError("give --meeting or --meetings, not both")
    if meetings is None:
        started = time.perf_counter()
        _used(template, meeting)
        for path in api.build(content, meeting, output, template, warn=warn, pdf=pdf):
            say(f"wrote {path}")
        detail(f"took {time.perf_counter() - started:.1f}s")
        return
    _build_meetings(content, meetings, output, template, pdf)


def _build_meetings(
    content: Path, pattern: str, output: Path | None, template: str | None, pdf: bool
) -> None:
    """Build every meeting matched by ``pattern`` on up to two processes, with a progress bar
    on a terminal (none with -q, or when stdout or stderr is a file or a pipe)."""
    import contextlib
    import os
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from .meeting import meeting_paths

    paths = meeting_paths(pattern)
    results: dict[Path, tuple[list[str], str | None, list[str]]] = {}
    workers = max(1, min(2, os.cpu_count() or 1, len(paths)))
    shown = _terminal() and not state["quiet"]
    with (
        _progress(len(paths)) if shown else contextlib.nullcontext(lambda: None) as advance,
        ProcessPoolExecutor(max_workers=workers) as pool,
    ):
        futures = {
            pool.submit(
                _build_meeting,
                str(content),
                str(path),
                str(output / path.stem) if output else None,
                template,
                pdf,
            ): path
            for path in paths
        }
        for future in as_completed(futures):
            path = futures[future]
            try:
                results[path] = future.result()
            except Exception as err:  # a crashed worker or a bug: report it with the rest
                results[path] = ([], f"{path}: {type(err).__name__}: {err}", [])
            advance()
    failed = False
    for path in paths:
        written, error, warnings = results[path]
        for message in warnings:
            warn(f"{path.stem}: {message}")
        if error is None:
            say(f"{path.stem}: wrote {', '.join(written)}")
        else:
            failed = True
            typer.echo(f"error: {path.stem}: {error}", err=True)
    if failed:
        raise typer.Exit(2)


def _terminal() -> bool:
    """Whether the user watches a terminal: stdout and stderr (where the bar is drawn) both
    one. A bar drawn into a log, a pipe or a CI's capture is noise."""
    return sys.stdout.isatty() and sys.stderr.isatty()


def _progress(total: int):
    """A progress bar on stderr, as a context giving the function that advances it."""
    import contextlib

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    @contextlib.contextmanager
    def bar():
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
        with Progress(*columns, console=Console(stderr=True), transient=False) as progress:
            task = progress.add_task("building meetings", total=total)
            yield lambda: progress.advance(task)

    return bar()


def _build_meeting(
    content: str, meeting: str, out_dir: str | None, template: str | None, pdf: bool = False
) -> tuple[list[str], str | None, list[str]]:
    """One meeting's build in a worker process: (files written, error or None, warnings);
    plain values only, so that they cross the process boundary."""
    from . import api

    warnings: list[str] = []
    try:
        written = api.build(content, meeting, out_dir, template, warn=warnings.append, pdf=pdf)
    except DeckgenError as err:
        return [], str(err), warnings
    return [str(p) for p in written], None, warnings


@app.command()
@reports_errors
def watch(
    content: ContentArg,
    template: TemplateOption = None,
    meeting: MeetingOption = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The folder to write to; as for build."),
    ] = None,
    interval: Annotated[
        float, typer.Option("--interval", min=0.1, help="Seconds between looks.")
    ] = 1.0,
) -> None:
    """Build the deck and the briefing, and again whenever an input changes.

    The inputs are the content (and its pictures), the template and the meeting profile;
    each change is printed, then the files written or the error. A failed build writes
    nothing: the last good files stay. Ctrl-C stops.
    """
    from .watch import Watcher, run

    watcher = Watcher(content, meeting, output, template, warn=warn)
    typer.echo(watcher.build_line(), err=watcher.error is not None)
    say(f"watching {', '.join(str(p) for p in watcher.inputs())} (Ctrl-C stops)")
    try:
        run(watcher, lambda line, error: typer.echo(line, err=error), interval)
    except KeyboardInterrupt:
        say("stopped")
