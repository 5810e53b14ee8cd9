"""Where things are: the plan a `--plan` value names, and the ledger that goes with it.

No Pydantic, TOML or Rich here, and no dataclass to compile at start-up: every command
resolves both files first (issue 15).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Literal, NamedTuple

from plancli.errors import InputError
from plancli.i18n import N_, _
from plancli.paths import check_readable, is_sqlite_file, refuse_folder_name
from plancli.safe import clip_path

LEDGER_SUFFIX = ".progress.toml"
# A bundled plan's id: `<place>-<year>`; anything else given to --plan is a path.
_BUNDLED_ID = re.compile(r"^[a-z][a-z0-9_]*-\d{4}$")

DEFAULT_PLAN = "guandu-2022"
BUNDLED = {"guandu-2022": "plan2022.toml", "guandu-2021": "plan2021.toml"}
# Bundled plans may ship a ledger of real figures (2021's year-end actuals from 附表1).
BUNDLED_LEDGERS = {"guandu-2021": "plan2021.progress.toml"}


def bundled_plans() -> dict[str, Path]:
    """Every bundled plan by id: the Guandu plans, then `data/<year>/<place>.toml` as
    `<place>-<year>` (the 2026 provinces: `zhejiang-2026`), in id order within a year."""
    folder = data_dir()
    plans = {plan_id: folder / name for plan_id, name in BUNDLED.items()}
    for year_dir in sorted(folder.iterdir()):
        if year_dir.is_dir() and year_dir.name.isdigit():
            for path in sorted(year_dir.glob("*.toml")):
                plans[f"{path.stem}-{year_dir.name}"] = path
    return plans


def bundled_hint(ref: str) -> str:
    """The bundled plans closest to a mistyped `--plan` (`jiangsu-2026.toml`: jiangsu-2026), or
    how many there are; `plancli plans` lists them."""
    import difflib

    ids = list(bundled_plans())
    stem = Path(ref).name.removesuffix(".toml").lower()
    close = [stem] if stem in ids else difflib.get_close_matches(stem, ids, n=3, cutoff=0.6)
    if close:
        return _("did you mean {ids}? `plancli plans` lists all {count}").format(
            ids=", ".join(close), count=len(ids)
        )
    return _("{count} are bundled: `plancli plans` lists them").format(count=len(ids))


def data_dir() -> Path:
    """Folder of the bundled plans: inside the installed package, or the repo's data/."""
    packaged = Path(__file__).parent / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"  # source checkout / editable install


def app_dir() -> Path:
    """Where a bundled plan's ledger is kept: `$XDG_CONFIG_HOME/plancli` (`~/.config/plancli`;
    Click's folder on Windows and macOS). An empty or relative XDG_CONFIG_HOME is ignored, as
    the XDG spec says and `cache.cache_dir` does: cron's `XDG_CONFIG_HOME=` made a ledger in
    `plancli/` of whichever folder a command ran in (audit Z D2)."""
    import sys

    base = os.environ.get("XDG_CONFIG_HOME")
    if base is not None and not os.path.isabs(base) and sys.platform not in ("win32", "darwin"):
        return Path.home() / ".config" / "plancli"
    from typer import get_app_dir  # Typer's vendored Click: `click` itself is no dependency

    return Path(get_app_dir("plancli"))


class PlanSource(NamedTuple):
    """Where a plan comes from: a bundled id or a file path."""

    path: Path
    bundled_id: str | None  # set when the plan was chosen by a bundled id
    # Set when the plan was found by the workspace marker (`.plancli.toml`, `workspace.py`)
    # of the current folder or a parent: the marker, as messages name it.
    marker: str | None = None


def resolve_plan(ref: str | None, discover: bool = True) -> PlanSource:
    """`--plan` value (or PLANCLI_PLAN, or the workspace's plan, or the default) → file to
    read. `discover=False`: no workspace looked for (`init`, which starts one)."""
    ref = ref or os.environ.get("PLANCLI_PLAN")
    if not ref and discover:
        from plancli.workspace import discover as find_workspace
        from plancli.workspace import shown_path

        found = find_workspace()
        if found is not None:
            marker, plan = found
            return PlanSource(Path(shown_path(plan)), None, shown_path(marker))
    ref = ref or DEFAULT_PLAN
    if ref in BUNDLED:
        return PlanSource(data_dir() / BUNDLED[ref], ref)
    if _BUNDLED_ID.match(ref):
        bundled = bundled_plans().get(ref)
        if bundled is not None:
            return PlanSource(bundled, ref)
    path = Path(ref).expanduser()
    if path.is_dir():
        raise InputError(
            _("--plan {ref}: is a folder; give the plan's .toml file").format(ref=clip_path(ref))
        )
    if not check_readable(path, N_("the plan")):  # a FIFO or a device is refused, never opened
        raise InputError(
            _("--plan {ref}: no such file and no bundled plan of that id ({known})").format(
                ref=clip_path(ref), known=bundled_hint(ref)
            )
        )
    return PlanSource(path, None)


# --------------------------------------------------------------------------- ledgers

SQLITE_SUFFIXES = (".sqlite", ".db")
LedgerFormat = Literal["toml", "sqlite", "postgres"]

# A PostgreSQL ledger is named by a libpq connection string: a URI (postgresql://…, postgres://…)
# or key=value pairs that name a server or a service (`service=bureau`, `dbname=plans host=…`).
_DATABASE_URI = re.compile(r"^postgres(?:ql)?://", re.IGNORECASE)
# Any URL: a scheme of two letters or more (`C://` stays a Windows drive), then `://`.
_ANY_URI = re.compile(r"^(?P<scheme>[a-z][a-z0-9+.\-]+)://", re.IGNORECASE)
# A URL with a `/` (or both) lost: `scheme:/…` of two letters or more, or `postgres(ql):…` with
# none. `C:/…` and `c:plan.toml` (one letter: a Windows drive) stay paths.
_URL_LIKE = re.compile(
    r"^(?:(?P<scheme>[a-z][a-z0-9+.\-]+):/|(?P<pg>postgres(?:ql)?):)", re.IGNORECASE
)
# A PostgreSQL URL as a Chinese input method or a lost `:` leaves it: a full-width colon
# (`postgresql：//`, any scheme), or `postgres(ql)//` with no colon. Names no file anyone means.
_URL_NEAR_MISS = re.compile(
    r"^(?:(?P<scheme>[a-z][a-z0-9+.\-]+)\s*[\uff1a\ufe55\ufe13]|(?P<pg>postgres(?:ql)?)\s*/{2})",
    re.IGNORECASE,
)
# Around a pasted value or a `.env` line: white space (ideographic too) and a byte order mark.
_SURROUNDING = " \t\r\n\v\f\u3000\ufeff\u200b"
_CONNINFO = re.compile(
    r"^\s*(?:service|dbname|host|hostaddr|port|user|password|passfile|sslmode|connect_timeout"
    r"|application_name|options|target_session_attrs)\s*=",
    re.IGNORECASE,
)


def is_database_ledger(text: str | Path) -> bool:
    """Does this `--ledger` value name a PostgreSQL database rather than a file?"""
    if isinstance(text, Path):
        return False  # a Path has lost the `//` of a URI: it names a file
    return bool(_DATABASE_URI.match(text) or _CONNINFO.match(text))


def ledger_format(path: Path | str) -> LedgerFormat:
    """The one place the storage is chosen: a connection string is PostgreSQL, `.sqlite` / `.db`
    is SQLite, an existing file of another name is SQLite when it opens with SQLite's header
    (`city.sqlite3`, a ledger renamed by hand, was read as TOML and refused as invalid TOML),
    anything else TOML."""
    if is_database_ledger(path):
        return "postgres"
    if Path(path).suffix.lower() in SQLITE_SUFFIXES or is_sqlite_file(Path(path)):
        return "sqlite"
    return "toml"


# The names a ledger file is created under: its suffix says its format (`ledger_format`). A
# file of another name that exists is read as SQLite if it opens with SQLite's header, else as
# TOML, as always (a ledger renamed by hand); a new
# one is never written under a name that hides its format (`out.txt`, `city.sqlite3`).
LEDGER_FILE_SUFFIXES = (".toml", *SQLITE_SUFFIXES)
# Suffixes other programs give SQLite files: the name to use instead is offered.
_SQLITE_ELSEWHERE = (".sqlite3", ".sqlite2", ".db3", ".s3db", ".sl3", ".sqlitedb")


def unknown_ledger_name(path: Path) -> str | None:
    """Why a ledger file may not be created at `path` (exit 2, nothing written), or None when
    its name says its format: `.toml`, `.sqlite` or `.db`, any case."""
    suffix = path.suffix.lower()
    if suffix in LEDGER_FILE_SUFFIXES:
        return None
    if path.name != path.name.rstrip() and path.name.rstrip().lower().endswith(
        LEDGER_FILE_SUFFIXES
    ):
        # `out.toml ` (pasted from a file with its space) was told `the suffix .toml  says no
        # ledger format`, the space unseen
        return _(
            "'{path}': the name ends in whitespace after {suffix}: remove it; nothing was written"
        ).format(path=clip_path(path), suffix=Path(path.name.rstrip()).suffix)
    if suffix in _SQLITE_ELSEWHERE:
        return _(
            "{path}: {suffix} is no ledger format plancli knows; a SQLite ledger is named "
            ".sqlite or .db: {example}; nothing was written"
        ).format(
            path=clip_path(path),
            suffix=clip_path(path.suffix),
            example=clip_path(path.with_suffix(".sqlite")),
        )
    what = (
        _("the suffix {suffix}").format(suffix=clip_path(path.suffix))
        if suffix
        else _("a name without a suffix")
    )
    return _(
        "{path}: {what} says no ledger format: name a ledger file .toml (TOML) or .sqlite, .db "
        "(SQLite), or give a PostgreSQL connection string (postgresql://…, service=…); nothing "
        "was written"
    ).format(path=clip_path(path), what=what)


MASK = "***"


def mask_password(conninfo: str) -> str:
    """The connection string (or any URL) as plancli shows it: every password replaced by
    `***`, found as libpq reads the string (`conninfo`: `alice:s3?cret@`, `?%70assword=`,
    `password=s3\\ cret`)."""
    from plancli.conninfo import find_passwords, masked

    lead = len(conninfo) - len(conninfo.lstrip(_SURROUNDING))  # ` postgresql://…` is a URL too
    head, body = conninfo[:lead], conninfo[lead:]
    return head + masked(body, find_passwords(body, uri=_is_uri(body)), MASK)


def masked_position(conninfo: str, position: int) -> int:
    """libpq's `at position N in URI` (1-based, in bytes of the string it was given) as the
    position in the string plancli shows (`mask_password`: characters, each password `***`):
    the number libpq says points elsewhere in the masked string, as soon as a password is not
    three bytes long or a character before it is not ASCII."""
    from plancli.conninfo import find_passwords, masked_index

    lead = len(conninfo) - len(conninfo.lstrip(_SURROUNDING))
    head, body = conninfo[:lead], conninfo[lead:]
    index = len(conninfo.encode("utf-8")[: max(position - 1, 0)].decode("utf-8", "ignore"))
    if index < lead:
        return index + 1
    found = find_passwords(body, uri=_is_uri(body))
    return len(head) + masked_index(found, MASK, index - lead) + 1


_POSITION = re.compile(r"(at position )(\d+)(?= in URI)")


def masked_positions(conninfo: str, message: str) -> str:
    """libpq's message with its `at position N in URI` counted in the masked string shown
    (libpq counts in the string it was given)."""
    return _POSITION.sub(
        lambda m: m[1] + str(masked_position(conninfo, int(m[2]))), message, count=1
    )


# In any text: a URL-shaped word (`postgresql://…`, `postgresql：//…`, `postgres//…`, `x:/…`,
# `postgres:…`), and a key=value password (`password=s3cret`, `password = 's3 cret'`).
_URL_IN_TEXT = re.compile(
    r"(?<![\w+.\-])(?:[a-z][a-z0-9+.\-]*(?:\s*[:\uff1a\ufe55\ufe13]/+|//)|postgres(?:ql)?:)"
    r"[^\s'\"`]*",
    re.IGNORECASE,
)
_KEY_PASSWORD_IN_TEXT = re.compile(
    r"(?<![\w%])(password\s*=\s*)('(?:\\.|[^'\\])*'?|(?:\\.|[^\s\\'\"`)\]])+)", re.IGNORECASE
)


def hide_passwords(text: str) -> str:
    """`text` with every password a connection string in it holds masked: a message that
    echoes what was typed (a connection string given to `--plan`, `import`, `show`, or its
    key=value pairs split by the shell into extra arguments) shows none (audit V D5)."""
    if "=" not in text and "@" not in text:
        return text  # no password can be written without one of them
    # a URL's `password=` is masked as libpq reads its query (up to `&`), and the key=value
    # pattern reads only the text between URLs: it took `password=***&x=%ZZ:` for one value,
    # hiding the `&x=%ZZ` a libpq error was about (session 30)
    pieces, at = [], 0
    for url in _URL_IN_TEXT.finditer(text):
        pieces.append(_KEY_PASSWORD_IN_TEXT.sub(_masked_value, text[at : url.start()]))
        word = url[0]
        # the message's own punctuation after the URL (`…?password=x: not a connection…`)
        kept = word[-1] if word[-1] in ";,:" else ""
        pieces.append(mask_password(word.removesuffix(kept) if kept else word) + kept)
        at = url.end()
    pieces.append(_KEY_PASSWORD_IN_TEXT.sub(_masked_value, text[at:]))
    return "".join(pieces)


def _masked_value(match: re.Match[str]) -> str:
    value = match[2]
    # the message's own punctuation after an unquoted value (`password=s3cret; see …`) stays
    kept = value[-1] if value[-1] in ";,:" and not value.startswith("'") else ""
    return match[1] + MASK + kept


def passwords_in(conninfo: str) -> list[str]:
    """The passwords written in a connection string (raw, %-decoded or unescaped, and the pieces
    libpq reads of one typed with an unencoded `@` or `/`), to scrub them from a message that
    might quote them (a libpq error quoting a mistyped part of the string). Longest first."""
    from plancli.conninfo import find_passwords

    conninfo = conninfo.lstrip(_SURROUNDING)
    found = find_passwords(conninfo, uri=_is_uri(conninfo)).secrets
    return sorted(found, key=lambda secret: (-len(secret), secret))


def _is_uri(conninfo: str) -> bool:
    return bool(
        _URL_LIKE.match(conninfo) or _DATABASE_URI.match(conninfo) or _URL_NEAR_MISS.match(conninfo)
    )


Origin = Literal["option", "beside-plan", "app-dir", "bundled"]


class LedgerLocation(NamedTuple):
    """Where the ledger of a plan is, why there, and whether plancli may write it."""

    path: Path  # a database ledger: its masked connection string, as a name (never opened)
    origin: Origin
    read_only: bool = False
    # Bundled plans: their id, for the read-only hint. A database ledger keeps many plans' records
    # apart by this id (the plan's `[plan] id`), which the command line fills in.
    plan_id: str | None = None
    url: str | None = None  # a database ledger's connection string (it may hold a password)
    # A database ledger: the plan's owner (牵头单位) of each target that names one, pushed to the
    # database with each write; None when not known (the store then leaves them as they are).
    # Listed when asked: a department's write never pushes them, and a city's plan has 100,000.
    owners: Callable[[], tuple[tuple[str, str], ...]] | None = None
    # A database ledger: the plan as `--plan` took it (shell-quoted), for a hint's command line
    # (`plancli --plan plan2022.toml ledger init …`: without it, init pushes no owners).
    plan_arg: str | None = None

    @property
    def format(self) -> LedgerFormat:
        return "postgres" if self.url is not None else ledger_format(self.path)

    @property
    def shown(self) -> str:
        """How messages and JSON name the ledger: its path, or the connection string with any
        password masked."""
        return mask_password(self.url) if self.url is not None else str(self.path)


def database_location(conninfo: str, origin: Origin = "option") -> LedgerLocation:
    """The location of a PostgreSQL ledger named by a connection string. One holding a byte
    that is not UTF-8 is refused: libpq takes UTF-8 text (it stopped with an internal error)."""
    from plancli.texts import text_problem

    if (problem := text_problem(conninfo, clip_path(mask_password(conninfo)))) is not None:
        raise InputError(problem)
    return LedgerLocation(Path(mask_password(conninfo)), origin, url=conninfo)


def _refuse_other_urls(text: str) -> None:
    """A value shaped like a URL (`scheme://…`, or `scheme:/…` with a `/` lost) names no file
    anyone means to create: one that is not a PostgreSQL URL (a mistyped `postgresq://`,
    `pg://`, `http://`, `postgresql:/…`) is refused, rather than recorded into a local file
    named after it (the figure would never reach the database). A scheme close to
    PostgreSQL's is answered with the right one."""
    match = _URL_LIKE.match(text) or _URL_NEAR_MISS.match(text)
    if match is None or _DATABASE_URI.match(text):
        return
    import difflib

    scheme = (match["scheme"] or match["pg"]).lower()
    near = scheme.startswith(("pg", "post", "psql")) or bool(
        difflib.get_close_matches(scheme, ("postgresql", "postgres"), n=1, cutoff=0.6)
    )
    full_width = re.search("[\uff1a\ufe55\ufe13]", text[: match.end()]) is not None
    if full_width:  # a Chinese input method's colon: say which character is wrong
        message = _(
            "{url}: not a PostgreSQL URL (a full-width colon ：); did you mean postgresql://…?"
        )
    elif near or match["pg"]:
        message = _("{url}: not a PostgreSQL URL; did you mean postgresql://…?")
    else:
        message = _(
            "{url}: not a PostgreSQL URL (a ledger is a file's path, postgresql://…, "
            "postgres://… or service=…)"
        )
    raise InputError(message.format(url=mask_password(text)))


def location_of(ledger: str | Path, origin: Origin = "option") -> LedgerLocation:
    """A ledger named on the command line: a connection string, or a file's path. A URL of
    another scheme is refused (`_refuse_other_urls`). White space or a byte order mark around
    a connection string or URL (a pasted value, `PLANCLI_LEDGER=" postgresql://…"`) is
    dropped before deciding: ` postgresql://…` is the database, never a folder named
    ` postgresql:`; a file's path is kept as given."""
    if isinstance(ledger, str):
        stripped = ledger.strip(_SURROUNDING)
        if stripped != ledger and (
            is_database_ledger(stripped)
            or _URL_LIKE.match(stripped)
            or _URL_NEAR_MISS.match(stripped)
        ):
            ledger = stripped
    if isinstance(ledger, str) and is_database_ledger(ledger):
        return database_location(ledger, origin)
    if isinstance(ledger, str):
        _refuse_other_urls(ledger)
        refuse_folder_name(ledger)  # `n.toml/` was written as n.toml
    return LedgerLocation(Path(ledger).expanduser(), origin)


def resolve_ledger(
    explicit: str | Path | None,
    plan: PlanSource,
    app_dir: Path,
    env_value: str | None = None,
) -> LedgerLocation:
    """DESIGN §5: `--ledger` > PLANCLI_LEDGER > beside a plan given by path > the app dir.

    A bundled plan that ships a ledger (guandu-2021 and its 2021 actuals) reads that file by
    default, read-only: it belongs to the installed package. `plancli init DIR` copies plan and
    ledger into a workspace where figures can be recorded.
    """
    if explicit is not None:
        location = location_of(explicit)
    elif env_value:
        location = location_of(env_value)
    elif plan.bundled_id is None:
        path = plan.path.with_name(plan.path.stem + LEDGER_SUFFIX)
        location = LedgerLocation(path, "beside-plan")
    elif plan.bundled_id in BUNDLED_LEDGERS:
        bundled = data_dir() / BUNDLED_LEDGERS[plan.bundled_id]
        return LedgerLocation(bundled, "bundled", read_only=True, plan_id=plan.bundled_id)
    else:
        location = LedgerLocation(app_dir / f"{plan.bundled_id}{LEDGER_SUFFIX}", "app-dir")
    if location.url is None:  # a name too long for the files beside it: alike in every command
        from plancli.ledger_names import check_ledger_name

        check_ledger_name(location.path, location.format)
    return location
