"""Writing output files atomically: a failed run never leaves half a file or clobbers an old one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import OutputError


def atomic_write(path: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` on a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"cannot create the folder: {err.strerror}", file=path.parent) from err
    if path.is_dir():
        raise OutputError("is a directory; give a file name", file=path)
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent
        )
    except OSError as err:
        raise OutputError(f"cannot write here: {err.strerror}", file=path) from err
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except OSError as err:
        raise OutputError(f"cannot write: {err.strerror}", file=path) from err
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _mode_for(path: Path) -> int:
    """The old file's mode, else what a plain ``open()`` would give (0666 less the umask);
    ``mkstemp`` makes its files private, which an output file should not be."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
