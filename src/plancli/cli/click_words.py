"""Click's usage errors in plancli's words and language: Click words them in English only,
some with a full stop that plancli's `; see … --help` would follow."""

from __future__ import annotations

import ast
import difflib
import re
from typing import Any

from typer._click import exceptions as click_exceptions  # Typer >= 0.26 vendors Click

from plancli.i18n import N_, _, join_list
from plancli.locations import hide_passwords
from plancli.safe import clip, visible


def usage_message(exc: Any) -> str:
    """Click's usage errors in plancli's words (and language), with where to find help."""
    ctx = exc.ctx
    where = ctx.command_path if ctx is not None else "plancli"
    if isinstance(exc, click_exceptions.NoSuchOption):
        text = _("no such option: {option}").format(option=exc.option_name)
        sibling = None if exc.possibilities else _sibling_with(ctx, exc.option_name)
        if exc.possibilities:
            text += _(" (did you mean {options}?)").format(
                options=join_list(sorted(exc.possibilities))
            )
        elif sibling is not None:  # `ledger grants --revoke`: it is `ledger grant`'s
            where, usage = sibling
            text += _(" (did you mean {options}?)").format(options=usage)
    elif isinstance(exc, click_exceptions.MissingParameter):
        param = exc.param
        if param is not None and param.param_type_name == "argument":
            text = _("missing argument {name}").format(name=param.human_readable_name)
        else:
            name = param.opts[0] if param is not None and param.opts else "?"
            text = _("missing option {name}").format(name=name)
    elif isinstance(exc, click_exceptions.BadParameter):
        hint = exc.param_hint
        if hint is None and exc.param is not None:
            hint = exc.param.opts[0]
        named = hint if isinstance(hint, str) else " / ".join(hint or ["?"])
        text = _("invalid value for {param}: {message}").format(
            param=named, message=_bad_value(exc.message)
        )
    else:
        text = _stray_option(exc.message, ctx) or _click_text(exc.message)
    # The argument typed is quoted as given: a script's `plancli show "$id"` with an id from a
    # file would send its escape sequence, BEL or RLO to the terminal (audit P D8); a connection
    # string's key=value pairs split by the shell into extra arguments, with their passwords
    # masked (`unexpected extra argument: … password=***`, audit V D5).
    message = _("{message}; see `{command} --help`").format(message=text, command=where)
    return visible(hide_passwords(message))


def _sibling_with(ctx: Any, option: str) -> tuple[str, str] | None:
    """The command of the same group whose name is a slip away from the one typed and that
    takes `option` (`ledger grants --revoke`: `ledger grant` does): its path, and its usage
    with the option in place of the other options (`plancli ledger grant --revoke DEPARTMENT
    ROLE`). None when there is no such command, or more than one: a hint names the command
    meant, never one of another purpose that happens to take the option (`init --force` is
    not `convert --force`)."""
    group = ctx.parent.command if ctx is not None and ctx.parent is not None else None
    commands = getattr(group, "commands", None) or {}
    near = difflib.get_close_matches(ctx.info_name or "", list(commands), n=3, cutoff=0.75)
    found = []
    for name in near:
        command = commands[name]
        if command is ctx.command or getattr(command, "hidden", False):
            continue
        for param in command.params:
            if option in (*getattr(param, "opts", ()), *getattr(param, "secondary_opts", ())):
                found.append((name, command, param))
    if len(found) != 1:
        return None
    name, command, param = found[0]
    path = f"{ctx.parent.command_path} {name}"
    words = [path, option]
    if not getattr(param, "is_flag", True) and option not in param.secondary_opts:
        words.append(param.metavar or (param.name or "value").upper())
    words += [
        p.human_readable_name
        for p in command.params
        if p.param_type_name == "argument" and p.required
    ]
    return path, " ".join(words)


_EXTRA = re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((.+)\)$")
_NUMBER = re.compile(r"[-+]?[\d.,]+%?")


def _stray_option(message: str, ctx: Any) -> str | None:
    """A misspelt option Click took for an extra argument, in plancli's words (None when the
    extra arguments do not start with one): after an argument (`amend ID --drop`), or where the
    command takes unknown options as arguments so that a figure may be negative (`record …
    --sourc 省人社厅`: "--sourc 省人社厅", not an extra value). Like Click's own refusal of an
    unknown option, it names the command's options that are a slip away (--source)."""
    extra = _EXTRA.match(message)
    first = extra[1].split()[0] if extra else ""
    if not first.startswith("-") or first == "-" or _NUMBER.fullmatch(first):
        return None
    option = first.split("=", 1)[0]
    known = [
        opt
        for param in (ctx.command.params if ctx is not None else [])
        if param.param_type_name == "option"
        for opt in (*param.opts, *param.secondary_opts)
        if opt.startswith("--")
    ]
    text = _("no such option: {option}").format(option=option)
    near = difflib.get_close_matches(option, known, cutoff=0.75)
    if near:
        text += _(" (did you mean {options}?)").format(options=join_list(sorted(near)))
    return text


_NAME = r"'[^']*'|\"[^\"]*\""
_SUGGESTED = re.compile(
    rf"^(?P<base>.+?)\.? Did you mean (?P<near>(?:{_NAME})(?:, (?:{_NAME}))*)\?$"
)


def _click_text(message: str) -> str:
    """Click's other usage messages, which it words in English only."""
    slip = _SUGGESTED.match(message)
    if slip:  # Typer adds the commands a slip away: "…. Did you mean 'status', 'targets'?"
        near = [_unquoted(name) for name in re.findall(_NAME, slip["near"])]
        return _click_text(slip["base"]) + _(" (did you mean {options}?)").format(
            options=join_list(near)
        )
    command = re.match(rf"^No such command {_QUOTED}\.?$", message)
    if command:  # (plancli's catalog words it in Chinese before Typer adds its suggestion)
        return _("no such command: {0}").format(_unquoted(command["value"]))
    patterns = (
        (r"^Option '(.+)' requires an argument\.$", N_("option {0} needs a value")),
        (
            r"^Got unexpected extra argument(?:s|\(s\))? \((.+)\)$",
            N_("unexpected extra argument: {0}"),
        ),
        (r"^Option '(.+)' does not take a value\.$", N_("option {0} takes no value")),
        (r"^Missing command\.$", N_("missing command")),
    )
    for pattern, words in patterns:
        match = re.match(pattern, message)
        if match:
            return _(words).format(*(clip(group) for group in match.groups()))
    return message


# What Click's parameter types say of a bad value (typer/_click/types.py, typer/models.py's
# path type), the value or path quoted by repr().
_QUOTED = r"(?P<value>'.*'|\".*\")"
_BAD_VALUES = (
    (
        rf"^(?:File|Directory|Path) {_QUOTED} is a directory\.$",
        N_("{value} is a folder, not a file"),
    ),
    (rf"^(?:File|Directory|Path) {_QUOTED} is a file\.$", N_("{value} is a file, not a folder")),
    (rf"^(?:File|Directory|Path) {_QUOTED} does not exist\.$", N_("{value} does not exist")),
    (rf"^(?:File|Directory|Path) {_QUOTED} is not readable\.$", N_("{value} cannot be read")),
    (rf"^(?:File|Directory|Path) {_QUOTED} is not writable\.$", N_("{value} cannot be written")),
    (rf"^{_QUOTED} is not a valid int(?:eger)?\.$", N_("{value!r} is not a whole number")),
    (rf"^{_QUOTED} is not a valid float\.$", N_("{value!r} is not a number")),
    (rf"^{_QUOTED} is not one of (?P<choices>.+)\.$", N_("{value!r} is not one of {choices}")),
)


def _unquoted(text: str) -> str:
    """A name Click quoted by repr(), as typed."""
    try:
        return str(ast.literal_eval(text))
    except (ValueError, SyntaxError):
        return text[1:-1]


def _bad_value(message: str) -> str:
    """A bad parameter value as Click words it, in plancli's words: the path as plancli names
    files (unquoted), the value as typed; anything else without Click's closing full stop."""
    for pattern, words in _BAD_VALUES:
        match = re.match(pattern, message)
        if match:
            fields = match.groupdict()
            fields["value"] = _unquoted(fields["value"])
            return _(words).format(**fields)
    return message.removesuffix(".")
