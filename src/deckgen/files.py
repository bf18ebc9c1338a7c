"""Files read safely (a regular file, at most so large) and written atomically (a failed run
never leaves half a file or clobbers an old one)."""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .errors import InputError, OutputError

_KINDS = (
    (stat.S_ISDIR, "is a directory, not a file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a file"),
    (stat.S_ISCHR, "is a device, not a file"),
    (stat.S_ISBLK, "is a device, not a file"),
    (stat.S_ISSOCK, "is a socket, not a file"),
)


def read_capped(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file ``path``, refused at once (an :class:`InputError`) if it
    is missing, not a regular file (a directory, a FIFO, a device: nothing waits on it) or
    over ``limit`` bytes (``what`` names the kind of file in the message); never more than
    ``limit`` bytes are read, whatever the file claims."""
    from .limits import size_text

    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError("no such file", file=path) from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}", file=path) from err
    status = os.fstat(fd)
    for is_kind, message in _KINDS:
        if is_kind(status.st_mode):
            os.close(fd)
            raise InputError(message, file=path)
    too_big = f"too large a {what} (over {size_text(limit)})"
    if status.st_size > limit:
        os.close(fd)
        raise InputError(too_big, file=path)
    with os.fdopen(fd, "rb", buffering=0) as stream:
        data = b""
        try:
            while len(data) <= limit and (chunk := stream.read(limit + 1 - len(data))):
                data += chunk
        except OSError as err:
            raise InputError(f"cannot read: {err.strerror}", file=path) from err
    if len(data) > limit:
        raise InputError(too_big, file=path)
    return data


def atomic_write(path: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` on a temporary file beside ``path``, then rename it into place."""
    return write_all([(Path(path), write)])[0]


def write_all(
    jobs: list[tuple[Path, Callable[[Path], Any]]],
    at_once: bool = False,
    returned: list | None = None,
) -> list[Path]:
    """Write several files all or none: each ``write(tmp)`` on a temporary file beside its
    path, then every one renamed into place; if a write or a rename fails, or SIGINT, SIGTERM
    or SIGHUP comes, no temporary file stays and every old file is as it was. ``at_once``:
    the writes run at once, each but the first in a forked process (:mod:`deckgen.forks`);
    ``returned`` gets what each write returned."""
    from .forks import run_all

    paths = [Path(path) for path, _ in jobs]
    temps: list[Path] = []
    with _Signals() as signals:
        made = _folders(paths)
        done = False
        try:
            for path in paths:
                signals.hold()  # a temporary file is made and known at once
                temps.append(_temp_beside(path))
                signals.release()
            writes = [
                functools.partial(_write, write, tmp, path)
                for (path, write), tmp in zip(jobs, temps, strict=True)
            ]
            values = run_all(writes, at_once)
            if returned is not None:
                returned.extend(values)
            signals.go_on()  # every file renamed into place, or none
            _commit(paths, temps)
            done = True
        finally:
            signals.hold()
            for tmp in temps:
                tmp.unlink(missing_ok=True)
            for folder in reversed(made if not done else []):  # made for this run, left empty
                with contextlib.suppress(OSError):
                    folder.rmdir()
    return paths


def _write(write: Callable[[Path], Any], tmp: Path, path: Path) -> Any:
    """``write(tmp)``, the file given ``path``'s mode; what cannot be written is an error
    naming ``path``."""
    try:
        value = write(tmp)
        os.chmod(tmp, _mode_for(path))
    except OSError as err:
        raise OutputError(f"cannot write: {err.strerror or err}", file=path) from err
    return value


def refuse_inputs(out: Path, inputs: Iterable[Path | str | None]) -> None:
    """An :class:`OutputError` if ``out`` is one of ``inputs`` (the same file by any name:
    a link, another spelling of the path), which writing it would destroy."""
    for source in inputs:
        if source is not None and _same_file(Path(out), Path(source)):
            raise OutputError(f"is an input of this run ({source}): give another output", file=out)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare where they would be
        return os.path.realpath(a) == os.path.realpath(b)


def _folders(paths: list[Path]) -> list[Path]:
    """Make each path's folder; return those made, outermost first. Refuse a path that is a
    folder."""
    made: list[Path] = []
    for path in paths:
        missing = [p for p in (path.parent, *path.parent.parents) if not p.exists()]
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise OutputError(
                f"cannot create the folder: {err.strerror}", file=path.parent
            ) from err
        made += [p for p in reversed(missing) if p not in made]
        if path.is_dir():
            raise OutputError("is a directory; give a file name", file=path)
        if path.exists() and not path.is_file():  # /dev/null, a FIFO: never replaced
            raise OutputError("is a device or pipe, not a file; give a file name", file=path)
    return made


def _temp_beside(path: Path) -> Path:
    """An empty temporary file in ``path``'s folder, its name short whatever ``path``'s is
    (a 255-byte name stays writable), ending in ``path``'s suffix for writers that read it."""
    suffix = path.suffix if len(path.suffix) <= 16 else ".tmp"
    try:
        fd, name = tempfile.mkstemp(prefix=".deckgen-", suffix=suffix, dir=path.parent)
    except OSError as err:
        raise OutputError(f"cannot write here: {err.strerror}", file=path) from err
    os.close(fd)
    return Path(name)


def _commit(paths: list[Path], temps: list[Path]) -> None:
    """Rename each temporary file onto its path; if one rename fails, put back the files
    already replaced (from hard links to the old ones) and remove those that were new."""
    done: list[tuple[Path, bool, Path | None]] = []
    try:
        for path, tmp in zip(paths, temps, strict=True):
            existed = path.is_file()
            old = _link_to(path) if existed and len(paths) > 1 else None
            try:
                os.replace(tmp, path)
            except OSError as err:
                if old is not None:
                    old.unlink(missing_ok=True)
                raise OutputError(f"cannot write: {err.strerror}", file=path) from err
            done.append((path, existed, old))
    except BaseException:
        for path, existed, old in reversed(done):
            with contextlib.suppress(OSError):
                if old is not None:
                    os.replace(old, path)
                elif not existed:
                    path.unlink()
        raise
    finally:
        for _, _, old in done:
            if old is not None:
                old.unlink(missing_ok=True)


def _link_to(path: Path) -> Path | None:
    """A hard link beside ``path`` to the file there (None if none can be made)."""
    link = _temp_beside(path)
    link.unlink()
    try:
        os.link(path, link)
    except OSError:
        return None
    return link


class _Signals:
    """SIGINT, SIGTERM and SIGHUP while files are written: each raises (KeyboardInterrupt,
    SystemExit 128+n) so that temporary files are removed, except while held (a temporary
    file being made, files being renamed into place, temporary files being removed): then it
    waits until release, or until the end. Only the main thread can take signals."""

    KINDS = tuple(getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n))

    def __init__(self) -> None:
        self.held = False
        self.caught: list[int] = []
        self.old: dict = {}
        self.raised: int | None = None
        """The signal raised, kept: a raise inside a weakref callback or ``__del__`` is
        swallowed by Python, and the run must not go on to rename its files in place."""

    def __enter__(self) -> _Signals:
        if threading.current_thread() is threading.main_thread():
            self.old = {kind: signal.signal(kind, self._handle) for kind in self.KINDS}
        return self

    def __exit__(self, *exc: object) -> None:
        for kind, previous in self.old.items():
            signal.signal(kind, previous)
        if exc[0] is None and (self.caught or self.raised is not None):
            self._raise(self.caught[0] if self.caught else self.raised)

    def hold(self) -> None:
        self.held = True

    def go_on(self) -> None:
        """Hold, unless a signal came: then raise it again (it was raised, but swallowed
        where it was raised)."""
        if self.raised is not None:
            self._raise(self.raised)
        self.hold()

    def release(self) -> None:
        self.held = False
        if self.caught:
            self._raise(self.caught.pop(0))

    def _handle(self, signum: int, frame: object) -> None:
        if self.held:
            self.caught.append(signum)
        else:
            self.held = True  # one signal raises; the clean-up runs held
            self.raised = signum
            self._raise(signum)

    @staticmethod
    def _raise(signum: int) -> None:
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise SystemExit(128 + signum)


def _mode_for(path: Path) -> int:
    """The old file's mode, else what a plain ``open()`` would give (0666 less the umask);
    ``mkstemp`` makes its files private, which an output file should not be."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
