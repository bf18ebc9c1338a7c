"""An Office package (a .pptx, .docx and their templates) read safely: a regular file of at
most :data:`MAX_FILE`, a zip whose entries, inflated bytes and compression ratio are checked
before anything is inflated, XML parsed with no DTD, no entities and no network; and the
names of its parts and relationships worked out as OPC does."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path, PurePosixPath

from lxml import etree

from ..errors import InputError
from ..files import read_capped

CONTENT_TYPES = "[Content_Types].xml"
MAX_FILE = 128 * 2**20
"""The largest template file read (bytes on disk)."""
MAX_ENTRIES = 4000
"""The most entries a template's zip may hold."""
MAX_INFLATED = 256 * 2**20
"""The most bytes a template's entries may inflate to, together."""
MAX_RATIO = 200
"""The most an entry larger than :data:`RATIO_FLOOR` may inflate, times its packed size."""
RATIO_FLOOR = 2**20

PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, dtd_validation=False
)
"""The one XML parser for a template's parts: no entities, no DTD, no network, no huge trees."""

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_parts(path: Path, noun: str) -> dict[str, bytes]:
    """Every entry of the zip at ``path`` by name, within the limits."""
    data = read_capped(path, MAX_FILE, "template file")
    if data.startswith(OLE):
        raise InputError(
            f"encrypted, or an old binary file (.doc, .ppt): save it as an unencrypted {noun}"
            f" ({'.pptx' if 'Power' in noun else '.docx'})",
            file=path,
        )
    if not data.startswith(b"PK"):
        raise InputError(f"not a {noun}: not a zip package", file=path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
        _check_entries(entries, path)
        return {entry.filename: archive.read(entry) for entry in entries}
    except InputError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as err:
        raise InputError(f"damaged or truncated {noun} ({first_line(err)})", file=path) from err
    except (NotImplementedError, RuntimeError) as err:  # a compression Office never writes
        raise InputError(f"cannot be read as a {noun} ({first_line(err)})", file=path) from err


def check_package(path: Path, noun: str) -> None:
    """Refuse, before anything reads it whole, a package past the limits (entries, inflated
    size, compression ratio), encrypted, or no zip at all."""
    try:
        with zipfile.ZipFile(path) as archive:
            _check_entries(archive.infolist(), path)
    except InputError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as err:
        raise InputError(f"damaged or truncated {noun} ({first_line(err)})", file=path) from err


def _check_entries(entries: list[zipfile.ZipInfo], path: Path) -> None:
    if len(entries) > MAX_ENTRIES:
        raise InputError(f"too many parts ({len(entries)}, at most {MAX_ENTRIES})", file=path)
    names = [e.filename.lower() for e in entries]
    if len(set(names)) != len(names):
        raise InputError("two parts of the same name: a damaged package", file=path)
    if sum(e.file_size for e in entries) > MAX_INFLATED:
        raise InputError(f"inflates to over {MAX_INFLATED // 2**20} MB: refused", file=path)
    for e in entries:
        if e.flag_bits & 0x1:
            raise InputError(f"part {e.filename} is encrypted", file=path)
        if e.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise InputError(f"part {e.filename}: a compression Office never writes", file=path)
        if e.file_size > RATIO_FLOOR and e.file_size > MAX_RATIO * max(e.compress_size, 1):
            raise InputError(
                f"part {e.filename} inflates {e.file_size // max(e.compress_size, 1)} times:"
                " refused as a zip bomb",
                file=path,
            )


def first_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return text[0][:120] if text else type(err).__name__


def parse(data: bytes, where: str, path: Path):
    """A part's XML root, parsed with :data:`PARSER`; a DTD or bad XML is refused."""
    try:
        root = etree.fromstring(data, PARSER)
    except etree.XMLSyntaxError as err:
        message = f"part {where} is not well-formed XML ({first_line(err)})"
        raise InputError(message, file=path) from err
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise InputError(f"part {where} declares a DTD, which Office files never do", file=path)
    return root


def serialise(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def write_zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(parts, key=lambda n: n != CONTENT_TYPES):
            archive.writestr(name, parts[name])
    return out.getvalue()


def rels_of(name: str) -> str:
    """The relationships part of part ``name`` ("" for the package)."""
    folder, _, base = name.rpartition("/")
    return f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"


def source_of(rels: str) -> str:
    """The part a relationships part belongs to ("" for the package's own)."""
    folder, _, base = rels.rpartition("/")
    parent = folder[: -len("_rels")].rstrip("/")
    base = base[: -len(".rels")]
    return f"{parent}/{base}" if parent else base


def target_of(source: str, target: str) -> str:
    """The part name an internal relationship's target names, seen from ``source``."""
    if target.startswith("/"):
        joined = PurePosixPath(target.lstrip("/"))
    else:
        joined = PurePosixPath(source).parent / target
    out: list[str] = []
    for piece in joined.parts:
        if piece == "..":
            if out:
                out.pop()
        elif piece not in (".", ""):
            out.append(piece)
    return "/".join(out)
