"""Session 33's walk of issue 13's "Done when", with the bundled plan of Guandu 2022: two
departments (统计局 and 住建局) import their bulletins, as Excel on a Chinese Windows saves
them (GB18030, Chinese headers and periods), into one PostgreSQL ledger at the same time, each
refused on the other's targets; `status`, `gap` and `report` read the ledger as they read the
file it converts to, and `ledger convert` goes both ways byte for byte. The walk found the
steps working; what it changed: docs/shared-ledger.md says how the departments' machines reach
the server and where a department's plan file comes from, and an import asks its store
whether it may refuse a target (`refuses_targets`, tests/test_store_capabilities.py) instead
of naming PostgreSQL.

The database tests run against the throwaway server of tests/pgcluster.py and skip, saying
why, where it cannot be started.
"""

# ruff: noqa: F811 - test_ledger_postgres's fixtures are imported, and taken by name

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forked import Forked
from ledgers import PgLedger
from test_ledger_postgres import ledger, roles  # noqa: F401 - the fixtures, used by name

REPO = Path(__file__).resolve().parents[1]
# The departments (牵头单位) the walk gives some of plan2022.toml's targets.
OWNERS = {
    "gdp": "统计局",
    "retail_sales": "统计局",
    "old_compounds_renovated": "住建局",
    "back_streets_improved": "住建局",
}
# The bulletins, as the README's june.csv gives the figures (区统计局, 区住建局).
TONGJI = (
    "指标,期间,数值,累计值,来源\n"
    "地区生产总值,1-6月,5.0,700,区统计局\n"
    "社会消费品零售总额,1-6月,6.5,330.8,区统计局\n"
)
ZHUJIAN = (
    "指标,期间,数值,来源\n老旧小区改造,2022年6月,40,区住建局\n背街小巷整治,2022年6月,12,区住建局\n"
)


@pytest.fixture
def guandu(tmp_path: Path) -> Path:
    """data/plan2022.toml with an owner (牵头单位) for the walk's four targets."""
    lines: list[str] = []
    target = None
    for line in (REPO / "data" / "plan2022.toml").read_text(encoding="utf-8").splitlines():
        lines.append(line)
        if line.startswith('id = "'):
            target = line[6:-1]
        elif line.startswith("name = ") and target in OWNERS:
            lines.append(f'owner = "{OWNERS[target]}"')
            target = None
    path = tmp_path / "plan2022.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_two_departments_import_chinese_bulletins_at_once_into_one_ledger(
    invoke,  # type: ignore[no-untyped-def]
    ledger: PgLedger,
    roles: None,
    guandu: Path,
    tmp_path: Path,
) -> None:
    guandu_ledger = ledger.of_plan("guandu-2022")

    def as_role(role: str, *args: str):  # type: ignore[no-untyped-def]
        where = ("--plan", str(guandu), "--ledger", ledger.as_user(role).url)
        return invoke(*where, *args)

    assert as_role("bureau", "ledger", "init").exit_code == 0
    # alice is in group role tongji, bob in gongxin: here 住建局's
    for department, role in (("统计局", "tongji"), ("住建局", "gongxin")):
        assert as_role("bureau", "ledger", "grant", department, role).exit_code == 0
    files = {
        "tongji.csv": TONGJI,
        "zhujian.csv": ZHUJIAN,
        # each department's bulletin with one row of the other's target, last
        "tongji-mixed.csv": TONGJI + "老旧小区改造,2022年6月,41,,区统计局\n",
        "zhujian-mixed.csv": ZHUJIAN.replace(",40,", ",39,") + "地区生产总值,1-6月,5.1,区住建局\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_bytes(text.encode("gb18030"))

    def importing(role: str, name: str) -> Forked:
        url = ledger.as_user(role).url
        args = ["--plan", str(guandu), "--ledger", url, "import", str(tmp_path / name)]
        return Forked(args, tmp_path / f"{role}-{name}.err")

    runs = {  # separate processes, at once
        (role, name): importing(role, name)
        for role, name in (
            ("alice", "tongji.csv"),
            ("bob", "zhujian.csv"),
            ("alice", "tongji-mixed.csv"),
            ("bob", "zhujian-mixed.csv"),
        )
    }
    done = {key: process.wait(timeout=120) for key, process in runs.items()}
    assert done["alice", "tongji.csv"][0] == 0, done["alice", "tongji.csv"]
    assert done["bob", "zhujian.csv"][0] == 0, done["bob", "zhujian.csv"]
    code, err = done["alice", "tongji-mixed.csv"]
    refused = err.splitlines()[-1]
    assert (code, refused) == (
        2,
        f"error: {tmp_path / 'tongji-mixed.csv'}:4: refused: old_compounds_renovated is owned "
        "by 住建局 (牵头单位); alice records for 统计局; nothing of this batch was written",
    )
    code, err = done["bob", "zhujian-mixed.csv"]
    assert (code, err.splitlines()[-1]) == (
        2,
        f"error: {tmp_path / 'zhujian-mixed.csv'}:4: refused: gdp is owned by 统计局 (牵头单位); "
        "bob records for 住建局; nothing of this batch was written",
    )
    rows = ledger.sql(
        "SELECT target, period, value::text, amount::text, recorded_by FROM plancli.records"
    )
    assert sorted(rows) == [  # 1-6月 in each target's rhythm: quarterly 2022-Q2, monthly 2022-06
        ("back_streets_improved", "2022-Q2", "12", None, "bob"),
        ("gdp", "2022-Q2", "5.0", "700", "alice"),
        ("old_compounds_renovated", "2022-Q2", "40", None, "bob"),
        ("retail_sales", "2022-06", "6.5", "330.8", "alice"),
    ]

    # Read as a file is read: the same gap and status as the TOML ledger it converts to
    backup = tmp_path / "backup.progress.toml"
    assert as_role("alice", "ledger", "convert", guandu_ledger.url, str(backup)).exit_code == 0
    file = ("--plan", str(guandu), "--ledger", str(backup))
    gap = as_role("alice", "gap", "--json")
    assert gap.exit_code == 0 and gap.stdout == invoke(*file, "gap", "--json").stdout
    judged = {t["id"]: (t["status"], t["actual"]) for t in json.loads(gap.stdout)["targets"]}
    assert judged["gdp"] == ("behind", 5) and judged["retail_sales"] == ("at_risk", 6.5)
    assert judged["old_compounds_renovated"] == ("behind", 40)
    status = json.loads(as_role("bob", "status", "--json").stdout)
    assert status == {
        **json.loads(invoke(*file, "status", "--json").stdout),
        "ledger": status["ledger"],
    }
    report = as_role("bureau", "report", "-o", str(tmp_path / "half.html"))
    assert report.exit_code == 0, report.stderr
    assert "from 4 recorded figures (plan guandu-2022)" in (tmp_path / "half.html").read_text()

    # and back: the file into the database, the database into a file, byte for byte
    forced = as_role("bureau", "ledger", "convert", str(backup), guandu_ledger.url, "--force")
    assert forced.exit_code == 0, forced.stderr
    again = tmp_path / "again.progress.toml"
    assert as_role("bob", "ledger", "convert", guandu_ledger.url, str(again)).exit_code == 0
    assert again.read_bytes() == backup.read_bytes()
    assert b'recorded_by = "alice"' in again.read_bytes()
