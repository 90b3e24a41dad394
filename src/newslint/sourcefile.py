"""Reading article files: bytes -> text, remembering how to write them back.

Encoding, byte-order mark and line endings are kept so that a fix rewrites a file in
exactly the form it came in. Without a byte-order mark a file is read as UTF-8, and
failing that as Windows-1252, the legacy encoding of most Western news archives (a
superset of Latin-1's printable range); config can name another (``encoding``).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import regex

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


AUTO = "auto"
_BINARY = "binary file (contains NUL bytes), skipped"
LEGACY_FALLBACK = "cp1252"
# C0 controls other than tab, LF, FF and CR: text decoded through the legacy fallback that
# holds these was not text in that encoding either.
_CONTROL = regex.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class SourceText:
    """Decoded text plus what is needed to encode it back byte for byte."""

    text: str
    encoding: str
    bom: bytes = b""
    guessed: bool = False  # decoded with the legacy fallback, not the expected encoding

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def decode(data: bytes, encoding: str = AUTO) -> SourceText:
    """Decode article bytes; raise UnreadableFile for binary or undecodable data.

    ``encoding`` is "auto" (UTF-8, else the legacy fallback) or a codec name from config.
    A byte-order mark always wins: it says what the file is.
    """
    for bom, marked in _BOMS:
        if data.startswith(bom):
            try:
                return SourceText(data[len(bom):].decode(marked), marked, bom)
            except UnicodeDecodeError as exc:
                raise UnreadableFile("undecodable", _decode_message(exc, marked)) from None
    if encoding != AUTO:  # named in config (UTF-16 without a BOM among them): decode, then look for NULs
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise UnreadableFile("undecodable", _decode_message(exc, encoding)) from None
        if "\x00" in text:
            raise UnreadableFile("binary", _BINARY)
        return SourceText(text, encoding)
    if b"\x00" in data:
        raise UnreadableFile("binary", _BINARY)
    try:
        return SourceText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        not_utf8 = _invalid_byte(exc)
    try:
        text = data.decode(LEGACY_FALLBACK)
    except UnicodeDecodeError as exc:
        not_legacy = _invalid_byte(exc)
    else:
        control = _CONTROL.search(text)
        if control is None:
            return SourceText(text, LEGACY_FALLBACK, guessed=True)
        not_legacy = f"control character U+{ord(control[0]):04X} at byte offset {control.start()}"
    raise UnreadableFile("undecodable", f"neither UTF-8 ({not_utf8}) nor {LEGACY_FALLBACK} ({not_legacy}); "
                                        "set 'encoding' in config if it is in another encoding")


def _decode_message(exc: UnicodeDecodeError, encoding: str) -> str:
    return f"cannot decode as {encoding}: {_invalid_byte(exc)}"


def _invalid_byte(exc: UnicodeDecodeError) -> str:
    return f"invalid byte 0x{exc.object[exc.start]:02x} at byte offset {exc.start}"
