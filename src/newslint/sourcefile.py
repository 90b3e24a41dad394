"""Reading article files: bytes -> text, remembering how to write them back.

Encoding, byte-order mark and line endings are kept so that a fix rewrites a file in
exactly the form it came in.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass

# Longest BOM first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class UnreadableFile(Exception):
    """A file that cannot be linted; ``kind`` names why (binary, undecodable, unreadable)."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message


@dataclass(frozen=True)
class SourceText:
    """Decoded text plus what is needed to encode it back byte for byte."""

    text: str
    encoding: str
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def decode(data: bytes) -> SourceText:
    """Decode article bytes; raise UnreadableFile for binary or undecodable data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return SourceText(data[len(bom):].decode(encoding), encoding, bom)
            except UnicodeDecodeError as exc:
                raise UnreadableFile("undecodable", _decode_message(exc, encoding)) from None
    if b"\x00" in data:
        raise UnreadableFile("binary", "binary file (contains NUL bytes), skipped")
    try:
        return SourceText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableFile("undecodable", _decode_message(exc, "utf-8")) from None


def read_source(path: str | os.PathLike) -> SourceText:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise UnreadableFile("unreadable", f"cannot read file: {exc.strerror or exc}") from None
    return decode(data)


def _decode_message(exc: UnicodeDecodeError, encoding: str) -> str:
    return f"cannot decode as {encoding}: invalid byte 0x{exc.object[exc.start]:02x} at byte offset {exc.start}"
