"""A folder a command makes (`plancli init a/b/w`), removed again when the command fails after
making it, as `git clone` removes the folder it made: a full disk, a read-only place or Ctrl-C
half way through `init` left an empty (or half-filled) workspace that the next `init` met.

Only folders that did not exist before are removed, and only when the one found at the end is
still the one made (the same device and inode): a folder somebody else put there meanwhile is
left alone.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple


class MadeFolder(NamedTuple):
    """The outermost folder made (`a` of `a/b/w` when none of them was there), and its id."""

    path: Path
    device: int
    inode: int


def make_folder(directory: Path) -> MadeFolder | None:
    """`mkdir -p directory`; the outermost folder it made, or None when it made none.
    OSError as `Path.mkdir` raises it."""
    top: Path | None = None
    walked = directory  # as typed: the folder is named as the user named it
    while not walked.exists() and walked != walked.parent:
        top, walked = walked, walked.parent
    directory.mkdir(parents=True, exist_ok=True)
    if top is None:
        return None
    info = os.stat(top)
    return MadeFolder(top, info.st_dev, info.st_ino)


@contextmanager
def removed_on_failure(made: MadeFolder | None, removed: Callable[[Path], None]) -> Iterator[None]:
    """Run the block; if it raises (anything, Ctrl-C too), remove the folder `make_folder`
    made, with what the block wrote in it, and call `removed(path)` when that held anything (a
    caller says so: it said what it wrote there). The exception goes on as it was."""
    try:
        yield
    except BaseException:
        if made is not None:
            _remove(made, removed)
        raise


def _remove(made: MadeFolder, removed: Callable[[Path], None]) -> None:
    try:
        info = os.lstat(made.path)
        if (info.st_dev, info.st_ino) != (made.device, made.inode):
            return
        held = any(files for _, _, files in os.walk(made.path))
        shutil.rmtree(made.path)
    except OSError:  # the error being reported is the one that matters; the folder stays
        return
    if held:
        removed(made.path)
