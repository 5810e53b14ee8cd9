"""Shell completion: `plancli completion bash|zsh|fish|powershell`, and target ids completed
from the current plan.

Typer's own `--install-completion`/`--show-completion` options are not used: declaring them
imports Typer's completion machinery on every run (18 ms, a quarter of `plancli --help`).
The shell asks plancli for candidates through `_PLANCLI_COMPLETE`, which Typer answers
whichever way the script was installed.
"""

from typing import Annotated

import typer

from plancli.cli.app import command, say
from plancli.errors import InputError
from plancli.i18n import _, language
from plancli.safe import clip_path

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
COMPLETE_VAR = "_PLANCLI_COMPLETE"


def complete_target(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Target ids of the plan the command line names (`--plan`, PLANCLI_PLAN, the default),
    with their names as the shell's help (zsh and fish show it). Nothing when the plan does
    not load: completion must never print an error into the shell."""
    plan_ref = ctx.find_root().params.get("plan")
    try:
        from plancli.locations import resolve_plan
        from plancli.plan import load_plan_file

        plan = load_plan_file(resolve_plan(plan_ref).path)
    except Exception:  # any failure (no such plan, a plan that does not load): no candidates
        return []
    zh = language() == "zh"
    return [
        (target.id, target.name if zh else target.name_en)
        for target in plan.targets
        if target.id.startswith(incomplete)
    ]


def complete_status(incomplete: str) -> list[tuple[str, str]]:
    """`gap --status` / `--fail-on`'s words (`assess.select.complete_status`: met … seasonal),
    the last after a comma, their Chinese words as the shell's help."""
    from plancli.assess.select import complete_status as words

    return words(incomplete)


def complete_shell(incomplete: str) -> list[str]:
    return [shell for shell in SHELLS if shell.startswith(incomplete)]


@command(
    "completion",
    help=_(
        "Print the shell completion script (commands, options, target ids); "
        "--install adds it to the shell's start-up file."
    ),
)
def completion_cmd(
    shell: Annotated[
        str,
        typer.Argument(
            metavar="bash|zsh|fish|powershell",
            help=_("The shell."),
            autocompletion=complete_shell,
        ),
    ],
    install: Annotated[
        bool,
        typer.Option("--install", help=_("Add the script to the shell's start-up file instead.")),
    ] = False,
) -> None:
    if shell not in SHELLS:
        raise InputError(
            _("no completion for the shell {shell}; choose bash, zsh, fish or powershell").format(
                shell=shell
            )
        )
    from typer._completion_shared import get_completion_script
    from typer._completion_shared import install as install_script

    if install:
        _shell, path = install_script(shell=shell, prog_name="plancli", complete_var=COMPLETE_VAR)
        say(
            _("installed {shell} completion in {path}; it works in a new shell").format(
                shell=shell, path=clip_path(path)
            )
        )
        return
    script = get_completion_script(prog_name="plancli", complete_var=COMPLETE_VAR, shell=shell)
    from plancli.cli.streams import emit

    emit(script)  # a full disk (`> ~/.bashrc.d/plancli` on one): exit 74, not a bug's 70
