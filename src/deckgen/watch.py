"""``deckgen watch``: build the deck and the briefing, then again whenever an input changes.

The inputs are the content file, the pictures it names, the meeting profile and the
template (every file of its folder, or the bare master). They are looked at by their
modification times and sizes, a few times a second at most: no file-system events, no new
dependency. A build that fails prints its one error line and writes nothing, so the last
good deck and briefing stay as they were.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from .api import Warn


class Watcher:
    """One content's build, redone when an input changes."""

    def __init__(
        self,
        content: str | Path,
        meeting: str | Path | None = None,
        out_dir: str | Path | None = None,
        template: str | Path | None = None,
        warn: Warn | None = None,
        pdf: bool = False,
    ) -> None:
        self.content = Path(content)
        self.meeting, self.out_dir, self.template = meeting, out_dir, template
        self.warn, self.pdf = warn, pdf
        self.error: str | None = None
        """The last build's error line, or None when it wrote its files."""
        self.stamps = self._stamps()
        self.last = self._build()

    def build_line(self) -> str:
        """What the last build did: the files written, or its error."""
        return self.last

    def inputs(self) -> list[Path]:
        """The files whose change means a new build, as far as they can be known now."""
        from . import api
        from .api import _values  # every value of a model's dump
        from .builtin import meeting_file
        from .errors import DeckgenError
        from .template.theme import template_folder

        found = [self.content]
        template = self.template
        try:
            if self.meeting is not None:
                found.append(meeting_file(self.meeting))
                template = api.for_meeting(self.meeting, self.template)[1]
            if template is not None and str(template).lower().endswith((".pptx", ".potx")):
                found.append(Path(template))
            else:
                folder = template_folder(template)
                found += sorted(p for p in folder.iterdir() if not p.name.startswith("."))
            content = api.load(self.content)
            found += [v for v in _values(content.model_dump()) if isinstance(v, Path)]
        except (DeckgenError, OSError):
            pass  # a broken input: its own file is watched, and the build says what is wrong
        return list(dict.fromkeys(found))

    def poll(self) -> str | None:
        """Build again if an input changed since the last look: a line saying what changed
        and what the build did; None if nothing changed."""
        stamps = self._stamps()
        changed = [p for p in {**self.stamps, **stamps} if self.stamps.get(p) != stamps.get(p)]
        self.stamps = stamps
        if not changed:
            return None
        names = ", ".join(str(p) for p in changed)
        return f"{time.strftime('%H:%M:%S')} changed: {names}\n{self._build()}"

    def _stamps(self) -> dict[Path, tuple[int, int] | None]:
        stamps: dict[Path, tuple[int, int] | None] = {}
        for path in self.inputs():
            try:
                stat = path.stat()
                stamps[path] = (stat.st_mtime_ns, stat.st_size)
            except OSError:
                stamps[path] = None  # gone: its coming back is a change too
        return stamps

    def _build(self) -> str:
        from . import api
        from .errors import DeckgenError

        try:
            written = api.build(
                self.content, self.meeting, self.out_dir, self.template, self.warn, self.pdf
            )
        except DeckgenError as err:
            self.error = f"error: {err}"
            return f"{self.error} (the last good files are kept)"
        self.error = None
        return f"wrote {', '.join(str(p) for p in written)}"


def run(
    watcher: Watcher,
    echo: Callable[[str, bool], None],
    interval: float = 1.0,
    rounds: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Look for changes every ``interval`` seconds, ``rounds`` times (for ever: None), and
    ``echo(line, is_error)`` what each new build did."""
    done = 0
    while rounds is None or done < rounds:
        sleep(interval)
        line = watcher.poll()
        if line:
            echo(line, watcher.error is not None)
        done += 1
