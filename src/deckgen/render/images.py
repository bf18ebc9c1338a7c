"""Pictures prepared for a file: turned upright, in RGB(A), cropped to their frame, no larger
than they are shown, and compressed, so a 20 MB photo does not make a 200 MB deck.

Both renderers place what :func:`prepare` returns (python-pptx's and python-docx's
``add_picture`` take a file-like object); the plan says where and how large.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

DPI = 220
"""The most pixels an inch a picture keeps at the size it is shown."""
JPEG_QUALITY = 85


@dataclass(frozen=True)
class Prepared:
    """A picture ready to place: its bytes, pixel size and format (``JPEG`` or ``PNG``);
    ``width``/``height`` in points are the size it is shown at."""

    data: bytes
    pixels: tuple[int, int]
    format: str
    width: float
    height: float

    def stream(self) -> io.BytesIO:
        return io.BytesIO(self.data)


def prepare(path: str | Path, width: float, height: float, crop: bool = True) -> Prepared:
    """The picture at ``path`` for a frame of ``width`` × ``height`` points: upright (EXIF
    orientation), in RGB or RGBA, cropped around its centre to the frame's aspect (``crop``)
    or scaled to fit inside it, at most :data:`DPI` at that size, as JPEG (a photo) or PNG
    (a picture with transparency)."""
    with Image.open(path) as source:
        image = ImageOps.exif_transpose(source)
        image = _plain(image)
    if crop:
        image = _cropped(image, width / height)
        shown = (width, height)
    else:
        scale = min(width / image.width, height / image.height)
        shown = (image.width * scale, image.height * scale)
    most = (max(1, round(shown[0] / 72 * DPI)), max(1, round(shown[1] / 72 * DPI)))
    if image.width > most[0] or image.height > most[1]:
        image = image.resize(most, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if image.mode == "RGBA":
        image.save(out, "PNG", optimize=True)
        kind = "PNG"
    else:
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
        kind = "JPEG"
    return Prepared(out.getvalue(), image.size, kind, *shown)


def _plain(image: Image.Image) -> Image.Image:
    """``image`` in RGB, L or RGBA (RGBA only where something is transparent): CMYK and
    16-bit converted, a palette's transparency kept, an animation's first frame."""
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):  # 16-bit grey: scale to 8 bits
        image = image.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    elif mode == "F":
        image = image.convert("L")
    elif mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    elif mode in ("LA", "La", "PA", "RGBa"):
        image = image.convert("RGBA")
    elif mode == "1":
        image = image.convert("L")
    elif mode not in ("RGB", "RGBA", "L"):  # CMYK, YCbCr, LAB…
        image = image.convert("RGB")
    if image.mode == "RGBA" and image.getchannel("A").getextrema()[0] == 255:
        image = image.convert("RGB")  # an alpha channel with nothing transparent
    return image


def _cropped(image: Image.Image, aspect: float) -> Image.Image:
    """The largest part of ``image`` around its centre with the aspect ``aspect`` (w / h)."""
    w, h = image.size
    if w / h > aspect:
        cw, ch = max(1, round(h * aspect)), h
    else:
        cw, ch = w, max(1, round(w / aspect))
    left, top = (w - cw) // 2, (h - ch) // 2
    return image.crop((left, top, left + cw, top + ch))
