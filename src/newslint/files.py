"""Finding the files to lint.

Folders are walked in sorted order; hidden folders (``.git`` among them) are skipped,
as are paths excluded by the config that applies to them. Files named on the command
line are linted whatever their suffix, but config excludes still apply to them, so a
pre-commit hook passing file names respects them too.

Symbolic links in a walk: linked folders are not entered (no loops, no file seen twice),
and a linked file is linted only when it resolves to a file inside the walked folder, so
that a link in an untrusted tree cannot make newslint read /etc/passwd or loop forever.
Skipped links are reported through ``note``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from newslint.config import Config
from newslint.errors import UserError
from newslint.pathmatch import matches_any


def relative_to_root(path: Path, config: Config) -> str | None:
    try:
        return path.resolve().relative_to(config.root).as_posix()
    except ValueError:
        return None


def is_excluded(path: Path, config: Config) -> bool:
    if not config.exclude:
        return False
    relative = relative_to_root(path, config)
    return relative is not None and matches_any(config.exclude, relative)


def discover(
    paths: list[str],
    suffixes: tuple[str, ...],
    config_for: Callable[[Path], Config],
    note: Callable[[str], None] = lambda message: None,
) -> Iterator[Path]:
    """Yield the files to lint, in a stable order; a missing path is a UserError."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise UserError("no such file or directory", raw)
        if path.is_dir():
            yield from sorted(_walk(path, suffixes, config_for, note))
        elif not is_excluded(path, config_for(path.parent)):
            yield path


def _walk(
    top: Path, suffixes: tuple[str, ...], config_for: Callable[[Path], Config], note: Callable[[str], None]
) -> Iterator[Path]:
    inside = top.resolve()
    for folder, subfolders, filenames in os.walk(top):  # does not follow linked folders
        folder_path = Path(folder)
        config = config_for(folder_path)
        subfolders[:] = sorted(
            name for name in subfolders
            if not name.startswith(".") and not is_excluded(folder_path / name, config)
        )
        for name in sorted(filenames):
            path = folder_path / name
            if path.suffix.lower() in suffixes and not is_excluded(path, config):
                if path.is_symlink() and not _link_inside(path, inside, note):
                    continue
                yield path


def _link_inside(link: Path, top: Path, note: Callable[[str], None]) -> bool:
    """Whether a linked file may be linted: it resolves to a file inside the walked folder."""
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):  # dangling, or a loop of links
        note(f"{link.as_posix()}: skipped: broken symbolic link (missing target or a loop)")
        return False
    if not target.is_relative_to(top):
        note(f"{link.as_posix()}: skipped: symbolic link to {target.as_posix()}, outside {top.as_posix()}")
        return False
    return target.is_file()
