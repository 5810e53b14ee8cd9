"""Session 29 (what `gap`, `status` and `report` tell the 时间过半、任务过半 report's writer): a
relation's reference named under the table, gap's layout at narrow widths, a 左右 figure beyond
its stated figure said by how much, the government investment plan's projects in the report.
Real values: the bundled plans (data/plan2022.toml from the seed report, data/2026/*.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest


def _import(run, tmp_path: Path, rows: list[str]) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "f.csv"
    path.write_text("target,period,value,amount\n" + "\n".join(rows) + "\n", encoding="utf-8")
    run("import", str(path))


def _flat(text: str) -> str:
    """The output's lines joined, a legend wrapped at a narrow width read whole."""
    return "".join(line.strip() for line in text.splitlines())


# 广东: incomes quarterly, GDP for the year in; incomes' latest is the first three quarters'
GD = [
    "gdp,2026-Q3,4.7,103500",
    "gdp,2026-Q4,4.496,146000",
    "resident_income,2026-Q2,4.8,",
    "resident_income,2026-Q3,3.6,",
]


# ------------------------------------------- 1: which target a relation is compared with


@pytest.mark.parametrize("columns", ["60", "72", "80", "120"])
def test_gap_names_the_target_a_relation_is_compared_with(  # type: ignore[no-untyped-def]
    plan_run, tmp_path, monkeypatch, columns
) -> None:
    """`3.6%/≈4.7%（前三季度）`: 4.7 % of what? The row named no target; under the table a line
    says it is 地区生产总值's growth and that 居民收入 is to keep in step with it, at
    every width, the gap column where it was (80 and 72 columns)."""
    monkeypatch.setenv("COLUMNS", columns)
    run = plan_run("guangdong-2026")
    _import(run, tmp_path, GD)
    zh = run("--lang", "zh", "gap", "--as-of", "2026-12")
    assert "≈地区生产总值增速：居民收入与之同步" in _flat(zh)
    en = run("gap", "--as-of", "2026-12")
    assert "≈ Gross regional product (GDP) growth: Residents' income in step with it" in " ".join(
        en.split()
    )
    if columns in ("72", "80"):
        assert "差距" in zh.splitlines()[3]  # the header's second line, as before
    status = run("--lang", "zh", "status", "--as-of", "2026-12")
    assert "≈地区生产总值增速：居民收入与之同步" in _flat(status)


def test_a_reference_named_as_a_growth_is_not_said_twice(plan_run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """陕西 固定资产投资 不低于全国: its reference is 全国固定资产投资增速 (no 增速增速), sign ≥."""
    run = plan_run("shaanxi-2026")
    pair = ["fixed_asset_investment,2026-09,3.1,", "national_fai_growth,2026-09,2.5,"]
    _import(run, tmp_path, [*pair, "budget_revenue,2026-10,5,"])
    zh = _flat(run("--lang", "zh", "gap", "--as-of", "2026-10"))
    assert "≥全国固定资产投资增速：固定资产投资不低于此" in zh
    en = " ".join(run("gap", "--as-of", "2026-10").split())
    assert "≥ National fixed-asset investment growth: Fixed-asset investment not below it" in en


# ------------------- 3: a 左右 figure within its tolerance, on the wrong side of its figure


def _sentence(report: str, lead: str) -> str:
    return report[report.index(lead) :].split("。")[0]


@pytest.mark.parametrize(
    ("rate", "zh", "en"),
    [
        ("5.5", "，符合5.5%左右的控制目标", ", in line with the ceiling of about 5.5%"),
        (
            "5.8",
            "，高于5.5%左右的控制目标0.3个百分点，在合理区间内（按6%以内考核）",
            ", 0.3 pp above the ceiling of about 5.5%, within its tolerance (judged as at most 6%)",
        ),
        (
            "6",
            "，高于5.5%左右的控制目标0.5个百分点，在合理区间内（按6%以内考核）",
            ", 0.5 pp above the ceiling of about 5.5%, within its tolerance (judged as at most 6%)",
        ),
        (
            "6.2",
            "，高于5.5%左右的控制目标（按6%以内考核）0.2个百分点",
            ", 0.2 pp above the ceiling (about 5.5%, judged as at most 6%)",
        ),
    ],
)
def test_unemployment_above_its_about_figure_says_by_how_much(  # type: ignore[no-untyped-def]
    plan_run, rate: str, zh: str, en: str
) -> None:
    """四川 城镇调查失业率5.5%左右 at 5.8 %: `符合5.5%左右的控制目标` let a leader read 5.5 %, with
    0.2 points left to the edge (6 %) it is judged at; the sentence now says 0.3 above and where
    it is judged. At 5.5 as before; beyond 6 the gap to the edge, as before (docs/forms.md)."""
    run = plan_run("sichuan-2026")
    run("record", "surveyed_unemployment_rate", rate, "-p", "2026-06")
    report = run("--lang", "zh", "report", "-f", "md")
    assert _sentence(report, "城镇调查失业率为") == f"城镇调查失业率为{rate}%{zh}"
    report = run("--lang", "en", "report", "-f", "md")
    lead = f"Surveyed urban unemployment rate: {rate}%"
    assert report[report.index(lead) :].startswith(lead + en + ".")


# ------------------------- 4: the government investment plan's projects in the report


def test_the_report_states_the_investment_plans_projects_and_amounts(plan_run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """官渡区2022 (the seed report, 三): 91 projects, 续建45, 新开工46, 总投资415.05亿元, 58.72亿元
    for 2022, in six categories (城市道路建设项目45项，续建31项，新开工14项…). The plan holds them
    (`projects`); no report said them (audit Y D5). Now a line above the investment table and a
    column of each category's projects, beside the amounts done."""
    run = plan_run("guandu-2022")
    _import(
        run, tmp_path, ["investment_roads,2022-06,8.12,", "investment_health_elderly,2022-06,2.35,"]
    )
    zh = run("--lang", "zh", "report", "-f", "md")
    assert (
        "计划实施项目91项，其中续建45项、新开工46项，总投资415.05亿元，年度计划投资58.72亿元。"
        in zh
    )
    assert "| 类别 | 项目数（续建/新开工） | 完成值 | 目标 |" in zh
    assert "| 城市道路建设项目 | 45（31/14） | 8.12 | 15.92 | 51.01% |" in zh
    # 全部为新开工项目; the plan's 2.30 as the report prints it since session 43 (2.3 before)
    assert "| 医疗和养老项目 | 4（0/4） | 2.35 | 2.30 |" in zh
    assert "| 教育事业项目 | 17（2/15） | — | 13.53 |" in zh
    assert "| **政府投资重点项目年度计划投资** | 91（45/46） |" in zh
    en = run("--lang", "en", "report", "-f", "md")
    assert (
        "The plan: 91 projects, 45 continuing and 46 new, 415.05 亿元 of total investment, "
        "58.72 亿元 planned for the year." in en
    )
    assert "| Urban road projects | 45 (31/14) | 8.12 | 15.92 |" in en
    html = run("--lang", "zh", "report", "-f", "html")
    assert "<p>计划实施项目91项，其中续建45项、新开工46项，总投资415.05亿元" in html
    assert ">45（31/14）<" in html


def test_a_plan_without_projects_keeps_its_investment_table(invoke, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The seed's plan with its `projects` taken out: the table as before, no column of dashes
    and no line of projects."""
    source = Path(__file__).parents[1] / "data" / "plan2022.toml"
    lines = source.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not line.startswith("projects = ")]
    assert len(lines) - len(kept) == 7  # the six categories and their total
    plan = tmp_path / "plan.toml"
    plan.write_text("\n".join(kept) + "\n", encoding="utf-8")
    assert (
        invoke("--plan", str(plan), "record", "investment_roads", "8.12", "-p", "2022-06").exit_code
        == 0
    )
    zh = invoke("--plan", str(plan), "--lang", "zh", "report", "-f", "md").stdout
    assert "| 城市道路建设项目 | 8.12 | 15.92 | 51.01% |" in zh
    assert "项目数" not in zh and "计划实施项目" not in zh


# ----------------------------------------------- 2: gap's layout at narrow widths


def _lines_of(text: str, id_: str, count: int) -> list[str]:
    lines = text.splitlines()
    [at] = [i for i, line in enumerate(lines) if line.split()[:1] == [id_]]
    return lines[at : at + count]


def test_a_relations_period_keeps_the_gap_and_every_figure_whole_at_72_columns(  # type: ignore[no-untyped-def]
    plan_run, tmp_path, monkeypatch
) -> None:
    """广东 at 72 columns: 差距 kept, GDP's figure whole (not `4.496%/` over `4.5%—5%`), the
    reference's period (`（前三季度）`) whole beside its figure. Session 29 kept the names beside
    the ids; since session 30 the table counts its two edge cells, which leaves the names no
    room beside the figures: each goes under its id, every figure on one line."""
    monkeypatch.setenv("COLUMNS", "72")
    run = plan_run("guangdong-2026")
    _import(run, tmp_path, GD)
    zh = run("--lang", "zh", "gap", "--as-of", "2026-12")
    header = ["编号", "/", "名称", "状态", "完成值", "/", "目标", "差距"]
    assert zh.splitlines()[3].split() == header
    gdp, name = _lines_of(zh, "gdp", 2)
    assert gdp.split() == ["gdp", "未完成", "4.496%/4.5%—5%", "0.004个百分点"]
    assert name.strip() == "地区生产总值"
    first, under = _lines_of(zh, "resident_income", 2)
    assert first.split() == ["resident_income", "滞后", "3.6%/≈4.7%（前三季度）*", "0.1个百分点"]
    assert under.strip() == "居民收入"
    assert max(len(line.rstrip()) for line in zh.splitlines()) <= 72


@pytest.mark.parametrize("columns", ["50", "60", "72", "80"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_gap_cards_keep_names_whole_and_what_it_takes(  # type: ignore[no-untyped-def]
    invoke, tmp_path, monkeypatch, columns: str, lang: str
) -> None:
    """官渡区2022's ids (up to 35 cells) make each row a card below 100 columns. At 72 columns in
    English the name went beside the figures in 10 cells, a word a line (`Affordable` over
    `childcare` over `service` over `pilots`); at 50 the needs (尚需) were left out. Now the
    name is whole under its id unless it has its 16 cells beside the figures, and the needs
    stay while the figures can wrap to make room (not at 40 columns: no room). Since session
    41 the gap (差距) outlasts the needs: at 50 columns, no room for both, it is the gap."""
    monkeypatch.setenv("COLUMNS", columns)
    # `init --demo`'s figures: the README's first run (0 of 1–2 托育 pilots; 25 % of a platform)
    assert invoke("init", "--demo", str(tmp_path / "demo")).exit_code == 0
    plan = str(tmp_path / "demo" / "plan2022.toml")

    def run(*args: str) -> str:  # type: ignore[no-untyped-def]
        result = invoke("--plan", plan, *args)
        assert result.exit_code == 0, result.output
        return result.stdout  # type: ignore[no-any-return]

    text = run("--lang", lang, "gap")
    name = "Affordable childcare service pilots" if lang == "en" else "普惠性托育服务试点"
    needs = "1 个/6 mo" if lang == "en" else "1个/6个月"
    if columns == "50":  # no room for both: the gap, `gap`'s point, stays (session 41)
        needs = "1 个" if lang == "en" else "1个"
    card = _lines_of(text, "childcare_pilots", 3)  # a card: the id, the name whole, figures
    # (since session 35 the name beside the id where both fit whole on the card's first line,
    # else under it: never broken, `Affordable childcare service` over `pilots`)
    if card[0].split() == ["childcare_pilots", *name.split()]:
        card = [card[0], card[0], card[1]]
    assert card[1].strip().removeprefix("childcare_pilots").strip() == name
    assert card[2].split()[0] == ("behind" if lang == "en" else "滞后")
    assert card[2].rstrip().endswith(needs)
    other = _lines_of(text, "provincial_service_platform_access", 4)
    needed = "12.5 pp/mo" if lang == "en" else "12.5个百分点/月"
    if columns == "50":
        needed = "75 pp" if lang == "en" else "75个百分点"
    assert any(line.rstrip().endswith(needed) for line in other)
    if lang == "zh" and columns in ("72", "80"):  # the gap column as before (pace at 80)
        pace = ["-50"] if columns == "80" else []
        assert card[2].split() == ["滞后", "0/1–2个", "1个", "0%", *pace, "1个/6个月"]
    assert max(len(line.rstrip()) for line in text.splitlines()) <= int(columns)
