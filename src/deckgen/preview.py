"""Render written decks and briefings to PDF with LibreOffice and PDFs to PNG with PDFium, for
checks, PDF output and eyeballing.

LibreOffice is a system tool, not a Python package: it is found as ``$DECKGEN_SOFFICE`` (the
program, or its folder), else ``soffice`` or ``libreoffice`` on PATH, else in its usual
install places. Each conversion runs headless with a private profile in a temporary folder,
so it neither needs nor disturbs a desktop LibreOffice the user has open.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from .forks import deal

SOFFICE_TIMEOUT = 120  # seconds; a cold start plus a big deck is well under this
# Skip reason for tests that need LibreOffice (CI installs it, so they run there).
NO_SOFFICE = "LibreOffice (soffice/libreoffice) is not on PATH; PDF render tests need it"
INSTALL_SOFFICE = (
    "LibreOffice is needed {need} and was not found: install it (Debian/Ubuntu: "
    "apt install libreoffice-impress libreoffice-writer; macOS: brew install --cask "
    "libreoffice; Windows: libreoffice.org) or set DECKGEN_SOFFICE to its soffice program"
)
"""The one line a command prints when LibreOffice is missing; ``need`` says what for."""
_PLACES = (
    "/usr/bin/soffice",
    "/usr/local/bin/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "C:/Program Files/LibreOffice/program/soffice.exe",
)


def find_soffice() -> str | None:
    """The LibreOffice program: ``$DECKGEN_SOFFICE`` (a program or the folder holding it),
    else ``soffice`` or ``libreoffice`` on PATH, else its usual install places; or None."""
    given = os.environ.get("DECKGEN_SOFFICE", "").strip()
    if given:
        path = Path(given).expanduser()
        if path.is_dir():
            named = (path / n for n in ("soffice", "soffice.exe") if (path / n).is_file())
            path = next(named, path)
        return str(path) if path.is_file() and os.access(path, os.X_OK) else None
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    return next((p for p in _PLACES if os.path.isfile(p) and os.access(p, os.X_OK)), None)


def need_soffice(need: str) -> str:
    """The LibreOffice program, or an error of one line saying how to install it; ``need``
    says what for ("to check the layout")."""
    from .errors import InputError

    soffice = find_soffice()
    if soffice is None:
        raise InputError(INSTALL_SOFFICE.format(need=need))
    return soffice


def bundled_template(name: str) -> Path | None:
    """One of LibreOffice's bundled Impress templates (e.g. "Focus"), as its .otp file."""
    soffice = find_soffice()
    if soffice is None:
        return None
    program = Path(soffice).resolve().parent
    path = program.parent / "share" / "template" / "common" / "presnt" / f"{name}.otp"
    return path if path.is_file() else None


def _render_env() -> dict[str, str]:
    """Return the environment for soffice: deckgen's fontconfig setup if available, else ours."""
    env = dict(os.environ)
    try:
        from deckgen.text.fonts import fontconfig_env  # written in parallel; may not exist yet
    except ImportError:
        return env
    env.update(fontconfig_env())
    return env


def to_pdf(path: Path, outdir: Path) -> Path:
    """Convert a .pptx/.docx to PDF in outdir with headless LibreOffice and return the PDF path."""
    return convert(path, outdir, "pdf")


def convert(path: Path, outdir: Path, fmt: str) -> Path:
    """Convert ``path`` to format ``fmt`` (pdf, pptx, docx…) in outdir with headless LibreOffice."""
    path = Path(path).resolve()
    converted, err = _convert_all([path], Path(outdir).resolve(), fmt)
    if converted[0] is None:
        raise RuntimeError(f"LibreOffice produced no {fmt.upper()} for {path} {err}")
    return converted[0]


def to_pdfs(paths: Sequence[Path], outdir: Path) -> list[Path | None]:
    """Convert several .pptx/.docx files to PDF in one start of LibreOffice (it takes a list of
    files to convert): each file's PDF in outdir, in order, or None where LibreOffice made
    none (a file it cannot open). Files of the same name in different folders each get
    their own PDF."""
    paths = [Path(p).resolve() for p in paths]
    outdir = Path(outdir).resolve()
    if len({p.stem.lower() for p in paths}) == len(paths):
        return _convert_all(paths, outdir, "pdf")[0]
    with tempfile.TemporaryDirectory(prefix="deckgen-in-") as names:
        links = [Path(names) / f"{i}-{p.stem}{p.suffix}" for i, p in enumerate(paths)]
        for link, path in zip(links, paths, strict=True):
            try:
                link.symlink_to(path)
            except OSError:  # no symbolic links here (Windows without the right)
                shutil.copyfile(path, link)
        return _convert_all(links, outdir, "pdf")[0]


def _convert_all(paths: Sequence[Path], outdir: Path, fmt: str) -> tuple[list[Path | None], str]:
    """Convert ``paths`` (of distinct stems) to ``fmt`` in outdir, the files dealt by size
    among as many LibreOffice processes as there are cores (each converts its share in one
    start, with a profile of its own): each one's output or None, and the exit codes and
    what they said, as "(exit N): …"."""
    soffice = need_soffice(f"to convert to {fmt.upper()}")
    outdir.mkdir(parents=True, exist_ok=True)
    outs = [outdir / f"{path.stem}.{fmt}" for path in paths]
    for out in outs:
        out.unlink(missing_ok=True)  # a stale output must not pass for a fresh one
    costs = [path.stat().st_size if path.is_file() else 0 for path in paths]
    shares = [[paths[i] for i in share] for share in deal(costs, os.cpu_count() or 1)]
    deadline = time.monotonic() + SOFFICE_TIMEOUT * max(len(share) for share in shares)
    said: list[str] = []
    with contextlib.ExitStack() as stack:
        procs: list[subprocess.Popen] = []
        try:
            with terminated_raises():
                for share in shares:
                    profile = stack.enter_context(tempfile.TemporaryDirectory(prefix="deckgen-lo-"))
                    procs.append(_soffice(soffice, Path(profile), fmt, outdir, share))
                for proc in procs:
                    left = max(0.0, deadline - time.monotonic())
                    out, err = proc.communicate(timeout=left)
                    text = err.decode(errors="replace").strip() or out.decode(errors="replace")
                    said.append(f"(exit {proc.returncode}): {text.strip()}")
        except subprocess.TimeoutExpired:
            _kill(procs)
            names = ", ".join(str(p) for p in paths)
            timeout = SOFFICE_TIMEOUT * max(len(share) for share in shares)
            raise RuntimeError(
                f"LibreOffice timed out after {timeout}s converting {names}"
            ) from None
        except BaseException:  # interrupted or terminated: LibreOffice goes too
            _kill(procs)
            raise
    return [o if o.is_file() else None for o in outs], "; ".join(said)


def _soffice(soffice: str, profile: Path, fmt: str, outdir: Path, paths: list[Path]):
    """A headless LibreOffice converting ``paths`` to ``fmt`` in ``outdir``, started in a
    process group of its own (so that ending it ends soffice.bin behind the wrapper)."""
    cmd = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        fmt,
        "--outdir",
        str(outdir),
        *map(str, paths),
    ]
    return subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_render_env(),
        start_new_session=True,
    )


def _kill(procs: list[subprocess.Popen]) -> None:
    """End every converter and wait for it."""
    for proc in procs:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    for proc in procs:
        proc.communicate()


@contextlib.contextmanager
def terminated_raises():
    """While LibreOffice converts (or files are checked): SIGTERM and SIGHUP end deckgen by an
    exception (as Ctrl+C does), so the converters and checkers it started are ended too and
    no temporary folder is left."""

    def _raise(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = {sig: signal.signal(sig, _raise) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)


def to_png(
    pdf: Path, outdir: Path, dpi: int = 60, first: int | None = None, last: int | None = None
) -> list[Path]:
    """Rasterise PDF pages first..last (1-based) with PDFium into ``<stem>-<n>.png`` in outdir;
    return the PNGs in page order."""
    import pypdfium2 as pdfium

    pdf, outdir = Path(pdf), Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    page_png = re.compile(re.escape(pdf.stem) + r"-(\d+)\.png")
    for old in outdir.glob(f"{glob.escape(pdf.stem)}-*.png"):  # earlier renders must not mix in
        if page_png.fullmatch(old.name):
            old.unlink()
    doc = pdfium.PdfDocument(str(pdf))
    try:
        numbers = range(max(1, first or 1), min(len(doc), last or len(doc)) + 1)
        pngs = []
        for number in numbers:
            page = doc[number - 1]
            try:
                image = page.render(scale=dpi / 72).to_pil()
            finally:
                page.close()
            png = outdir / f"{pdf.stem}-{number}.png"
            image.save(png)
            pngs.append(png)
        return pngs
    finally:
        doc.close()


def contact_sheet(
    pngs: Sequence[Path], out: Path, columns: int = 4, gap: int = 8, label: bool = True
) -> Path:
    """Tile page PNGs into one grid image (row-major, numbered 1.. in the corner) and save it."""
    from PIL import Image, ImageDraw, ImageFont

    if not pngs:
        raise ValueError("contact_sheet needs at least one page image")
    images = [Image.open(p).convert("RGB") for p in pngs]
    cell_w = max(im.width for im in images)
    cell_h = max(im.height for im in images)
    cols = max(1, min(columns, len(images)))
    rows = -(-len(images) // cols)
    sheet = Image.new(
        "RGB", (cols * cell_w + (cols + 1) * gap, rows * cell_h + (rows + 1) * gap), (128, 128, 128)
    )
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=max(10, cell_h // 24))
    for i, im in enumerate(images):
        x = gap + (i % cols) * (cell_w + gap)
        y = gap + (i // cols) * (cell_h + gap)
        sheet.paste(im, (x, y))
        if label:
            text = str(i + 1)
            box = draw.textbbox((x + 3, y + 2), text, font=font)
            draw.rectangle((box[0] - 2, box[1] - 1, box[2] + 2, box[3] + 1), fill=(0, 0, 0))
            draw.text((x + 3, y + 2), text, fill=(255, 255, 0), font=font)
        im.close()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(out)
    return out
