"""Render written decks and briefings to PDF and PNG with LibreOffice, for checks and eyeballing."""

from __future__ import annotations

import glob
import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

SOFFICE_TIMEOUT = 120  # seconds; a cold start plus a big deck is well under this
# Skip reason for tests that need LibreOffice (CI installs it, so they run there).
NO_SOFFICE = "LibreOffice (soffice/libreoffice) is not on PATH; PDF render tests need it"


def find_soffice() -> str | None:
    """Return the LibreOffice executable (soffice or libreoffice) on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


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
    path, outdir = Path(path).resolve(), Path(outdir).resolve()
    soffice = find_soffice()
    if soffice is None:
        raise RuntimeError("LibreOffice not found: neither soffice nor libreoffice is on PATH")
    outdir.mkdir(parents=True, exist_ok=True)
    pdf = outdir / f"{path.stem}.{fmt}"
    pdf.unlink(missing_ok=True)  # a stale output must not pass for a fresh one
    with tempfile.TemporaryDirectory(prefix="deckgen-lo-") as profile:
        cmd = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(path),
        ]
        # Own process group, so a timeout also kills soffice.bin behind the wrapper script.
        proc = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_render_env(),
            start_new_session=True,
        )
        try:
            out, err = proc.communicate(timeout=SOFFICE_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise RuntimeError(
                f"LibreOffice timed out after {SOFFICE_TIMEOUT}s converting {path}"
            ) from None
    if not pdf.is_file():
        raise RuntimeError(
            f"LibreOffice produced no {fmt.upper()} for {path} (exit {proc.returncode}): "
            f"{err.decode(errors='replace').strip() or out.decode(errors='replace').strip()}"
        )
    return pdf


def to_png(
    pdf: Path, outdir: Path, dpi: int = 60, first: int | None = None, last: int | None = None
) -> list[Path]:
    """Rasterise PDF pages first..last (1-based) with pdftoppm; return the PNGs in page order."""
    pdf, outdir = Path(pdf), Path(outdir)
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise RuntimeError("pdftoppm not found (install poppler-utils)")
    outdir.mkdir(parents=True, exist_ok=True)
    prefix = outdir / pdf.stem
    page_png = re.compile(re.escape(pdf.stem) + r"-(\d+)\.png")

    def pages() -> list[Path]:
        found = [
            p for p in outdir.glob(f"{glob.escape(pdf.stem)}-*.png") if page_png.fullmatch(p.name)
        ]
        return sorted(found, key=lambda p: int(page_png.fullmatch(p.name).group(1)))

    for old in pages():  # earlier renders of this PDF must not mix in
        old.unlink()
    cmd = [pdftoppm, "-png", "-r", str(dpi)]
    if first is not None:
        cmd += ["-f", str(first)]
    if last is not None:
        cmd += ["-l", str(last)]
    res = subprocess.run(
        [*cmd, str(pdf), str(prefix)], capture_output=True, timeout=SOFFICE_TIMEOUT
    )
    if res.returncode != 0:
        raise RuntimeError(f"pdftoppm failed on {pdf}: {res.stderr.decode(errors='replace')}")
    return pages()


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
