"""IMS content packages: the zip with ``imsmanifest.xml`` that both QTI exports are delivered in.

The manifest lists each resource and its files; the quiz's title, language and seed ride in the manifest's
IEEE LOM metadata (title, language, keyword ``seed=N``). Zips are written with fixed timestamps so the same
quiz gives the same package.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from ..errors import FormatError
from ..model import Quiz
from .common import parse_xml, quiz_ident, sub, xml_bytes

MANIFEST = "imsmanifest.xml"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
LOM_NS = "http://ltsc.ieee.org/xsd/LOM"
_EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Resource:
    identifier: str
    type: str
    href: str
    files: tuple[str, ...]
    dependencies: tuple[str, ...] = field(default=())


def write_package(quiz: Quiz, schema: tuple[str, str], resources: list[Resource], files: dict[str, bytes]) -> bytes:
    """A zip holding ``imsmanifest.xml`` and ``files``. Raises :class:`FormatError` if a listed file is absent."""
    missing = [f for r in resources for f in r.files if f not in files]
    if missing:
        raise FormatError(f"package lists files it does not contain: {missing}")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in [(MANIFEST, _manifest(quiz, schema, resources)), *files.items()]:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()


def _manifest(quiz: Quiz, schema: tuple[str, str], resources: list[Resource]) -> bytes:
    root = ET.Element("manifest", {"xmlns": CP_NS, "xmlns:imsmd": LOM_NS, "identifier": f"MANIFEST-{quiz_ident(quiz)}"})
    meta = sub(root, "metadata")
    sub(meta, "schema", schema[0])
    sub(meta, "schemaversion", schema[1])
    general = sub(sub(meta, "imsmd:lom"), "imsmd:general")
    sub(sub(general, "imsmd:title"), "imsmd:string", quiz.title, language=quiz.lang)
    sub(general, "imsmd:language", quiz.lang)
    sub(sub(general, "imsmd:keyword"), "imsmd:string", f"seed={quiz.seed}")
    sub(root, "organizations")
    res = sub(root, "resources")
    for r in resources:
        el = sub(res, "resource", identifier=r.identifier, type=r.type, href=r.href)
        for f in r.files:
            sub(el, "file", href=f)
        for d in r.dependencies:
            sub(el, "dependency", identifierref=d)
    return xml_bytes(root)


def read_package(data: bytes) -> tuple[dict[str, str], list[Resource], dict[str, bytes]]:
    """Open a package: the quiz header (title, lang, seed), the resources, and every file.

    Raises :class:`FormatError` if it is not a zip, has no manifest, or lacks a file the manifest lists.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            files = {name: zf.read(name) for name in zf.namelist()}
    except zipfile.BadZipFile as exc:
        raise FormatError(f"not a zip package: {exc}") from None
    if MANIFEST not in files:
        raise FormatError("the package has no imsmanifest.xml")
    root = parse_xml(files[MANIFEST], MANIFEST)
    resources = [Resource(r.get("identifier", ""), r.get("type", ""), r.get("href", ""),
                          tuple(f.get("href", "") for f in r.findall("file")),
                          tuple(d.get("identifierref", "") for d in r.findall("dependency")))
                 for r in root.iter("resource")]
    missing = [f for r in resources for f in r.files if f not in files]
    if missing:
        raise FormatError(f"imsmanifest.xml lists files missing from the package: {missing}")
    header: dict[str, str] = {}
    general = root.find("metadata/lom/general")
    if general is not None:
        header["title"] = general.findtext("title/string", "")
        header["lang"] = general.findtext("language", "en")
        for kw in general.findall("keyword/string"):
            name, _, value = (kw.text or "").partition("=")
            header[name] = value
    return header, resources, files
