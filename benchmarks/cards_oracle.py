"""Byte-for-byte oracle of plancli's fitted tables at every width 40..140 (cardspeed, s41).

Usage: PYTHONPATH=src python benchmarks/cards_oracle.py OUT.json (then compare two OUT.json)
Ledgers are built once in $CARDS_ORACLE_DIR/ledgers (kept: history shows when recorded, so
compare hashes from runs on the same ledgers, the same day).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
import time
from pathlib import Path

HERE = Path(os.environ.get("CARDS_ORACLE_DIR", "/tmp/cards-oracle"))
home = HERE / "home"
home.mkdir(parents=True, exist_ok=True)
os.environ.update(
    HOME=str(home),
    XDG_CONFIG_HOME=str(home / ".config"),
    XDG_CACHE_HOME=str(home / ".cache"),
    LANG="C.UTF-8",
    COLUMNS="140",
    NO_COLOR="1",
    PLANCLI_CEILING_DIRECTORIES="/tmp",
)
for var in (
    "PLANCLI_PLAN",
    "PLANCLI_LEDGER",
    "PLANCLI_LANG",
    "LC_ALL",
    "LC_MESSAGES",
    "FORCE_COLOR",
):
    os.environ.pop(var, None)

from rich.console import Console  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

import plancli.render.fitted as fitted_mod  # noqa: E402
from plancli.cli import app  # noqa: E402
from plancli.i18n import set_language  # noqa: E402

runner = CliRunner()
FIGURES = {
    "guandu-2022": [
        ("gdp", "2.5", "2022-Q2"),
        ("new_5g_base_stations", "120", "2022-Q2"),
        ("budget_revenue", "1.5", "2022-06"),
        ("old_compounds_renovated", "40", "2022-06"),
        ("childcare_pilots", "0", "2022-06"),
    ],
    "henan-2026": [
        ("gdp", "4.6", "2026-Q2"),
        ("grain_output", "1350", "2026"),
        ("fixed_asset_investment", "3.1", "2026-06"),
    ],
    "beijing-2026": [("gdp", "5.1", "2026-Q2"), ("cpi", "2.1", "2026-06")],
    "shaanxi-2026": [("gdp", "4.496", "2026-Q3"), ("fixed_asset_investment", "3.1", "2026-Q3")],
}
COMMANDS = [["status"], ["gap"], ["targets"], ["show", "gdp"], ["history"]]
WIDTHS = range(40, 141)


def invoke(*args: str):
    return runner.invoke(app, list(args))


def ledgers() -> dict[str, str]:
    out = {}
    (HERE / "ledgers").mkdir(exist_ok=True)
    for plan, figures in FIGURES.items():
        ledger = HERE / "ledgers" / f"{plan}.progress.toml"
        if not ledger.exists():
            for target, value, period in figures:
                r = invoke(
                    "--plan", plan, "--ledger", str(ledger), "record", target, value, "-p", period
                )
                assert r.exit_code == 0, (plan, target, r.output)
        out[plan] = str(ledger)
    return out


def main() -> None:
    out_path = sys.argv[1]
    seen: list = []
    printed = fitted_mod.FittedTable.__rich_console__

    def keep(self, console, options):
        seen.append(self)
        return printed(self, console, options)

    result: dict[str, object] = {}
    fit_cpu = print_cpu = stdout_cpu = 0.0
    for plan, ledger in ledgers().items():
        for lang in ("zh", "en"):
            for command in COMMANDS:
                case = f"{plan} {lang} {' '.join(command)}"
                args = ["--lang", lang, "--plan", plan, "--ledger", ledger, *command]
                seen.clear()
                fitted_mod.FittedTable.__rich_console__ = keep
                os.environ["COLUMNS"] = "140"
                r = invoke(*args)
                fitted_mod.FittedTable.__rich_console__ = printed
                assert r.exit_code == 0, (case, r.output)
                tables = list(seen)
                digest = hashlib.sha256()
                pdigest = hashlib.sha256()
                for table in tables:
                    for width in WIDTHS:
                        t0 = time.process_time()
                        fit = table.fitted(width)
                        t1 = time.process_time()
                        console = Console(
                            width=width,
                            color_system="truecolor",
                            force_terminal=True,
                            legacy_windows=False,
                        )
                        with console.capture() as captured:
                            console.print(table, crop=False, soft_wrap=False)
                        t2 = time.process_time()
                        fit_cpu += t1 - t0
                        print_cpu += t2 - t1
                        digest.update(f"{width}\n".encode() + captured.get().encode())
                        try:
                            pdigest.update(pickle.dumps(fit, protocol=pickle.HIGHEST_PROTOCOL))
                        except Exception as e:
                            pdigest.update(repr(type(e)).encode())
                # the whole stdout at a few widths
                sdigest = hashlib.sha256()
                t0 = time.process_time()
                for width in (40, 48, 60, 72, 80, 100, 140):
                    os.environ["COLUMNS"] = str(width)
                    r = invoke(*args)
                    assert r.exit_code == 0, (case, r.output)
                    sdigest.update(f"{width}\n".encode() + r.stdout.encode())
                stdout_cpu += time.process_time() - t0
                result[case] = {
                    "tables": len(tables),
                    "lines": digest.hexdigest()[:16],
                    "pickle": pdigest.hexdigest()[:16],
                    "stdout": sdigest.hexdigest()[:16],
                }
                set_language("en")
    Path(out_path).write_text(json.dumps(result, indent=1, ensure_ascii=False))
    print(
        f"cases {len(result)} fit {fit_cpu:.2f} print {print_cpu:.2f} stdout {stdout_cpu:.2f} CPU-s"
    )


if __name__ == "__main__":
    main()
