"""plancli's cache folder: results kept for inputs that have not changed since.

Two things are cached (issue 5): large validated plans (`plan.py`) and the status dashboard
(`views.py`). Both follow one rule: an entry is used only when the bytes of every input file,
plancli's own code and the libraries whose objects are stored are what they were when the
entry was written. Anything else (an edit, an upgrade, a torn or foreign file) is a miss, and
the caller computes and validates from the files as if there were no cache. Each cached thing
has one entry per input, replaced when it changes, so the folder does not grow with edits.

Entries are pickles: they hold only what plancli itself computed and wrote, in a folder only
the user can read (0700, files 0600), like the caches of pip or mypy.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

PACKAGE_DIR = Path(__file__).parent
# Bump when the layout of an entry changes.
FORMAT = b"plancli-cache-1"


def cache_dir(kind: str) -> Path:
    """`$XDG_CACHE_HOME/plancli/KIND` (default `~/.cache/plancli/KIND`)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "plancli" / kind


def entry_path(kind: str, *identity: str) -> Path:
    """The one entry of `kind` for these inputs (paths, options)."""
    name = hashlib.blake2b("\0".join(identity).encode(), digest_size=16).hexdigest()
    return cache_dir(kind) / f"{name}.pickle"


def fingerprint(files: Iterable[Path], parts: Iterable[str], libraries: Iterable[str]) -> bytes:
    """Digest of the files' bytes, the parts, plancli's code and the libraries' install.

    Raises OSError when a file exists but cannot be read (the caller then skips the cache, and
    reading the file for real reports the problem). A missing file counts as an empty one: a
    ledger not yet written and an empty one hold no records, and SQLite leaves an empty `-wal`
    file behind a reader where there was none.
    """
    digest = hashlib.blake2b(FORMAT, digest_size=32)
    digest.update(sys.version.encode())
    for part in parts:
        digest.update(b"\0part\0" + part.encode())
    for path in files:
        digest.update(b"\0file\0" + str(path).encode() + b"\0")
        try:
            with open(path, "rb") as handle:
                digest.update(hashlib.file_digest(handle, "blake2b").digest())
        except FileNotFoundError:  # as an empty file: no records, like an empty ledger
            digest.update(hashlib.blake2b().digest())
    for module in sorted(PACKAGE_DIR.rglob("*.py")):  # an edited or upgraded plancli
        info = module.stat()
        digest.update(f"\0{module}\0{info.st_size}\0{info.st_mtime_ns}".encode())
    for name in libraries:  # an upgrade replaces a library's files, which changes its folder
        library = Path(importlib.import_module(name).__file__ or name).parent
        info = library.stat()
        digest.update(f"\0{library}\0{info.st_ino}\0{info.st_mtime_ns}".encode())
    return digest.digest()


def read_entry(path: Path, key: bytes) -> object | None:
    """The value stored at `path` under `key`; None when absent, stale or unreadable."""
    try:
        stored_key, value = pickle.loads(path.read_bytes())
    except Exception:  # missing, torn, or written by other code: a miss
        return None
    return value if stored_key == key else None


def write_entry(path: Path, key: bytes, value: object) -> None:
    """Store `value` under `key`, atomically; without a cache (read-only home) do nothing."""
    try:
        data = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an object that cannot be pickled is simply not cached
        return
    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile(
            "wb", dir=path.parent, prefix=".", suffix=".tmp", delete=False
        ) as handle:  # mode 0600
            temp = handle.name
            handle.write(data)
        os.replace(temp, path)
        temp = None
    except OSError:
        pass  # plancli still works, only slower
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
