"""Session 23's audits S and P: a footnote mark glued to a figure (S D0), long names echoed
whole (S D4), a bulletin's names of 节能/降碳 (P D2), a rate under 当月 (P D3), a fall typed
as a rise for a 下降 target (P D9)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from plancli.stores.toml import read_toml_ledger


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return tmp_path / "plan2022.progress.toml"


def _import(invoke, ledger: Path, path: Path, *args: str):  # type: ignore[no-untyped-def]
    return invoke("--ledger", str(ledger), "import", str(path), "--lang", "en", *args)


# ------------------------------------------------ S D4: a long name is echoed cut short


def test_a_long_sheet_name_is_cut_in_the_prefix_and_the_hint(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A cover sheet named 封×5,000 made a 15,738-byte error line: the name whole as the
    FILE:SHEET prefix and the other sheet's 300 characters whole in the --sheet hint."""
    from openpyxl import Workbook

    book = Workbook()
    cover = book.active
    assert cover is not None
    with warnings.catch_warnings():  # openpyxl warns of a title past Excel's 31 characters
        warnings.simplefilter("ignore")
        cover.title = "封" * 5000
        cover["A1"] = "封面"
        sheet = book.create_sheet("D" * 300)
    sheet.append(["指标", "期间", "累计增长（%）"])
    sheet.append(["地区生产总值", "2022年6月", 5.2])
    path = tmp_path / "cover_long.xlsx"
    book.save(path)
    result = _import(invoke, ledger, path, "--dry-run")
    # the cover passed over for the data sheet (imp23): the notice names both, cut
    assert result.exit_code == 0, result.stderr
    notice = [line for line in result.stderr.splitlines() if "has no header row" in line]
    assert len(notice) == 1 and len(notice[0].encode()) < 1000, result.stderr
    assert "'" + "封" * 60 + "'…(5,000 characters)" in notice[0]
    assert "'" + "D" * 60 + "'…(300 characters)" in notice[0] and "D" * 61 not in notice[0]
    # and where no sheet has a header, the error cuts both the same way
    book = Workbook()
    cover = book.active
    assert cover is not None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cover.title = "封" * 5000
        cover["A1"] = "封面"
        other = book.create_sheet("D" * 300)
        other["A1"] = "说明"
    path = tmp_path / "covers_long.xlsx"
    book.save(path)
    result = _import(invoke, ledger, path, "--dry-run")
    assert result.exit_code == 2
    assert len(result.stderr.encode()) < 1000, len(result.stderr.encode())
    assert result.stderr.startswith(f"error: {path}:{'封' * 60}…(5,000 characters): no header")
    assert result.stderr.endswith(f"e.g. --sheet '{'D' * 60}'…(300 characters)\n")
    assert "封" * 61 not in result.stderr and "D" * 61 not in result.stderr


def test_a_skipped_rows_long_name_is_cut(invoke, ledger: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`skipped:` printed the whole cell (3,637 bytes for 1,200 characters), where the same
    row's refusal without --skip-unknown cut it at 60."""
    path = tmp_path / "skip.csv"
    name = "产值" * 600
    path.write_text(f"指标,期间,累计值\n{name},2022年6月,1\n新增城镇就业,2022年6月,1.1\n")
    result = _import(invoke, ledger, path, "--skip-unknown")
    assert result.exit_code == 0, result.output
    assert f"skipped: {path}:2: {name[:60]}…(1,200 characters)\n" in result.stderr
    assert name[:61] not in result.stderr


def test_a_long_owner_is_cut_in_a_refusal() -> None:
    """A plan `owner` of 5,000 characters was printed whole in every refused write."""
    from plancli.stores.postgres.refusals import refusal

    owner = "局" * 5000
    message = str(refusal(("grade_a_office_space", owner, 1, "统计局", "alice"), "p"))
    assert f"grade_a_office_space is owned by {'局' * 60}…(5,000 characters) (牵头单位)" in message
    assert len(message) < 300, len(message)


# ------------------------------------------- S D0: a footnote mark glued to a figure

FOOTNOTED = ["5.2¹", "10⁵", "120²", "5.2₁", "①", "㉑", "⒌2", "𝟓"]


@pytest.mark.parametrize("figure", FOOTNOTED)
def test_record_refuses_a_footnote_mark_by_name(invoke, ledger: Path, figure: str) -> None:  # type: ignore[no-untyped-def]
    """NFKC read 5.2¹ as 5.21, 120² as 1202 and ① as 1, recorded without a word."""
    args = ("--ledger", str(ledger), "record", "tech_smes_certified", figure, "-p", "2022-06")
    result = invoke(*args, "--lang", "en")
    assert result.exit_code == 2, result.output
    mark = next(ch for ch in figure if not ch.isascii())
    assert result.stderr == (
        f"error: value '{figure}': {mark} is not a digit: a footnote mark after the figure? "
        "give the figure alone\n"
    )
    result = invoke(*args, "--lang", "zh")
    assert result.exit_code == 2
    assert result.stderr == (
        f"错误：数值 '{figure}'：{mark} 不是数字，是数字后的注释标记吗？请只填数字\n"
    )
    assert not ledger.exists()


@pytest.mark.parametrize(("typed", "recorded"), [("５", "5"), ("４.１", "4.1"), ("1,234", "1234")])
def test_full_width_and_grouped_figures_are_still_read(
    invoke, ledger: Path, typed: str, recorded: str
) -> None:  # type: ignore[no-untyped-def]
    result = invoke(
        "--ledger", str(ledger), "record", "tech_smes_certified", typed, "-p", "2022-06"
    )
    assert result.exit_code == 0, result.output
    assert [str(r.value) for r in read_toml_ledger(ledger).records] == [recorded]


def test_import_refuses_footnoted_cells_in_csv_and_xlsx(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """`5.2¹` and `1441.3²` were imported as 5.21 % and 1441.32 亿元."""
    from openpyxl import Workbook

    rows = [
        ["指标", "期间", "累计增长（%）", "本年累计（亿元）"],
        ["地区生产总值", "2022年6月", "5.2¹", "1441.3²"],
    ]
    csv = tmp_path / "sup.csv"
    csv.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "主要指标"
    for row in rows:
        sheet.append(row)
    book.save(tmp_path / "sup.xlsx")
    for path, where in (
        (csv, f"{csv}:2"),
        (tmp_path / "sup.xlsx", f"{tmp_path}/sup.xlsx:主要指标:2"),
    ):
        result = _import(invoke, ledger, path)
        assert result.exit_code == 2, result.output
        assert result.stderr.splitlines()[1] == (
            f"{where}: target gdp: value '5.2¹', amount '1441.3²': ¹ ² are not digits: footnote "
            "marks "
            "after the figures? give each figure alone"  # both cells named (session 24)
        )
    typed = tmp_path / "typed.csv"  # full-width digits, as a CJK input method types them
    typed.write_text(
        "指标,期间,累计增长（%）,本年累计（亿元）\n地区生产总值,2022年6月,５.２,１441.3\n"
    )
    result = _import(invoke, ledger, typed)
    assert result.exit_code == 0, result.output
    [record] = read_toml_ledger(ledger).records
    assert (str(record.value), str(record.amount)) == ("5.2", "1441.3")


# --------------------------- P D2: a bulletin's names of the 节能 and 降碳 indicators

# Every bundled plan with an energy or a CO2 target, named as the plan names it (节能指标,
# 降碳约束性指标, 节能（单位地区生产总值能耗）…): the bulletin's name is read for it.
ENERGY_CO2 = [
    ("beijing", "energy_intensity"),
    ("beijing", "co2_intensity"),
    ("fujian", "co2_intensity"),
    ("gansu", "co2_intensity"),
    ("henan", "co2_intensity"),
    ("hubei", "co2_intensity"),
    ("jiangsu", "co2_intensity"),
    ("liaoning", "co2_intensity"),
    ("shaanxi", "co2_intensity"),
    ("shandong", "energy_intensity"),
    ("shandong", "co2_intensity"),
    ("shanghai", "co2_intensity"),
    ("sichuan", "energy_intensity"),
    ("sichuan", "co2_intensity"),
    ("tianjin", "energy_intensity"),
    ("tianjin", "co2_intensity"),
]
BULLETIN_NAMES = {
    "energy_intensity": "单位地区生产总值能耗",
    "co2_intensity": "单位地区生产总值二氧化碳排放",
}


@pytest.mark.parametrize(("place", "target"), ENERGY_CO2)
def test_the_bulletins_energy_and_co2_names_find_every_bundled_target(
    place: str, target: str
) -> None:
    from plancli.bulletin_names import names_index, target_id
    from plancli.plan import load_plan_file

    plan = load_plan_file(Path(__file__).parents[1] / "data" / "2026" / f"{place}.toml")
    index = names_index(plan)
    assert target_id(plan, BULLETIN_NAMES[target], index) == target
    assert target_id(
        plan, "单位生产总值能耗" if "energy" in target else "单位GDP二氧化碳排放", index
    ) == (
        target
        if plan.target("energy_intensity" if "energy" in target else "co2_intensity")
        else None
    )


def test_sichuans_year_end_bulletin_imports_its_energy_and_co2_rows(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Both rows were refused (`no target '单位地区生产总值能耗'`), or skipped with
    --skip-unknown while the rest of the 年报 imported."""
    ledger = tmp_path / "sichuan.progress.toml"
    path = tmp_path / "全年.csv"
    path.write_text(
        "指标,期间,累计增长,累计值\n地区生产总值,2026年,5.2,71210.3\n"
        "单位地区生产总值能耗,2026年,下降2.7,\n单位地区生产总值二氧化碳排放,2026年,下降3.1,\n",
        encoding="utf-8",
    )
    result = invoke("--plan", "sichuan-2026", "--ledger", str(ledger), "import", str(path))
    assert result.exit_code == 0, result.output
    values = {(r.target, r.period): str(r.value) for r in read_toml_ledger(ledger).records}
    assert values == {
        ("gdp", "2026-Q4"): "5.2",  # 2026年 in quarterly gdp's rhythm, as `template` writes it
        ("energy_intensity", "2026"): "-2.7",
        ("co2_intensity", "2026"): "-3.1",
    }


# ------------------------------------------- P D3: a rate under 当月, its 累计 cells empty


def _monthly_sheet(path: Path, *rows: list[object]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "主要指标"
    sheet.append(["四川省2026年1-4月主要经济指标"])
    sheet.append(["指标", "计量单位", "当月", None, "累计", None])
    sheet.append([None, None, "绝对值", "增长（%）", "绝对值", "增长（%）"])
    for cells in ("C2:D2", "E2:F2", "A2:A3", "B2:B3"):
        sheet.merge_cells(cells)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_level_under_the_month_column_is_its_figure(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """城镇调查失业率 5.5 under 当月, 累计 blank, was refused '没有数值', 当月 unmentioned."""
    ledger = tmp_path / "sichuan.progress.toml"
    path = _monthly_sheet(
        tmp_path / "四川省2026年4月月报.xlsx",
        ["城镇新增就业", "万人", 7.5, None, 30.1, None],
        ["城镇调查失业率", "%", 5.5, None, None, None],
    )
    result = invoke("--plan", "sichuan-2026", "--ledger", str(ledger), "import", str(path))
    assert result.exit_code == 0, result.output
    values = {(r.target, r.period): str(r.value) for r in read_toml_ledger(ledger).records}
    assert values == {
        ("new_urban_jobs", "2026-04"): "30.1",
        ("surveyed_unemployment_rate", "2026-04"): "5.5",
    }


def test_a_months_flow_under_the_month_column_is_refused_naming_it(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A cumulative target's 当月 figure is the month's alone: still refused, now naming the
    column of a two-row header (`当月/绝对值`), zh and en."""
    ledger = tmp_path / "sichuan.progress.toml"
    path = _monthly_sheet(
        tmp_path / "四川省2026年4月月报.xlsx", ["城镇新增就业", "万人", 7.5, None, None, None]
    )
    args = ("--plan", "sichuan-2026", "--ledger", str(ledger), "import", str(path))
    result = invoke(*args, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1] == (
        f"{path}:主要指标:4: target new_urban_jobs: '城镇新增就业': no year-to-date figure "
        "('累计/绝对值', '累计/增长（%）' empty); the '当月/绝对值' column's '7.5' is the "
        "month's alone, not recorded"
    )
    result = invoke(*args, "--lang", "zh")
    assert result.stderr.splitlines()[1] == (
        f"{path}:主要指标:4：目标 new_urban_jobs：'城镇新增就业'：没有累计数"
        "（'累计/绝对值', '累计/增长（%）' 列为空）；'当月/绝对值' 列的 '7.5' 是当月数，不录入"
    )
    assert not ledger.exists()


def test_a_level_in_a_one_row_headers_month_column_is_read(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "sichuan.progress.toml"
    path = tmp_path / "四川省2026年4月月报.csv"
    path.write_text(
        "指标,本月,本年累计,累计增长（%）\n城镇调查失业率,5.5,,\n新增城镇就业,7.5,,\n",
        encoding="utf-8",
    )
    result = invoke(
        "--plan", "sichuan-2026", "--ledger", str(ledger), "import", str(path), "--lang", "zh"
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [
        f"{path}:3：目标 new_urban_jobs：'新增城镇就业'：没有累计数（'本年累计', '累计增长（%）' "
        "列为空）；"
        "'本月' 列的 '7.5' 是当月数，不录入"
    ]
    path.write_text("指标,本月,本年累计,累计增长（%）\n城镇调查失业率,5.5,,\n", encoding="utf-8")
    result = invoke("--plan", "sichuan-2026", "--ledger", str(ledger), "import", str(path))
    assert result.exit_code == 0, result.output
    [record] = read_toml_ledger(ledger).records
    assert (record.target, record.period, str(record.value)) == (
        "surveyed_unemployment_rate",
        "2026-04",
        "5.5",
    )


# ----------------------------------------- P D9: a fall, typed for a 下降 target


@pytest.mark.parametrize(
    ("lang", "hint"), [("zh", "降幅%：填 下降2.7 或 -2.7"), ("en", "fall %: type 下降2.7 or -2.7")]
)
def test_the_template_says_how_to_type_a_fall(invoke, lang: str, hint: str) -> None:  # type: ignore[no-untyped-def]
    """It said `增速%（amount列：%）`: a growth, and an amount in % that does not exist."""
    result = invoke(
        "--plan", "sichuan-2026", "--lang", lang, "template", "-", "--period", "2026-12"
    )
    assert result.exit_code == 0, result.output
    lines = {line.split(",")[0]: line.split(",")[7] for line in result.stdout.splitlines()}
    assert lines["energy_intensity"] == hint
    assert lines["co2_intensity"] == hint
    # a growth target with an amount keeps its hint (对应总量, as headed in Chinese: session 43)
    assert ("对应总量" if lang == "zh" else "amount") in lines["gdp"]


RISE = (
    "energy_intensity 2026 = 2.7 %: a rise recorded for a 下降 (decline) target; if it was a "
    "fall, type 下降2.7 or -2.7"
)
RISE_ZH = "energy_intensity 2026 = 2.7 %：下降目标录入的是增长数；如为下降，请填 下降2.7 或 -2.7"


def test_a_rise_recorded_for_a_decline_target_is_warned_of(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """2.7 for a 2.7 % fall was recorded without a word and judged 增长2.7% → 未完成."""
    ledger = tmp_path / "sichuan.progress.toml"
    plan = ("--plan", "sichuan-2026", "--ledger", str(ledger))
    record = (*plan, "record", "energy_intensity", "2.7", "--period", "2026")
    result = invoke(*record, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert f"warning: {RISE}" in result.stderr.splitlines()
    result = invoke(*record, "--lang", "zh", "--dry-run")
    assert f"警告：{RISE_ZH}" in result.stderr.splitlines()
    for fall in ("-2.7", "下降2.7"):
        result = invoke(*plan, "record", "energy_intensity", fall, "--period", "2026")
        assert result.exit_code == 0, result.output
        assert "警告" not in result.stderr and "warning" not in result.stderr
    path = tmp_path / "全年.csv"
    path.write_text(
        "指标,期间,累计增长\n单位地区生产总值能耗,2026年,2.7\n单位地区生产总值二氧化碳排放,2026年,-3.1\n",
        encoding="utf-8",
    )
    fresh = tmp_path / "import.progress.toml"
    result = invoke("--plan", "sichuan-2026", "--ledger", str(fresh), "import", str(path))
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if "warning" in line] == [
        f"warning: {path}:2: {RISE}"
    ]
    values = {r.target: str(r.value) for r in read_toml_ledger(fresh).records}
    assert values == {"energy_intensity": "2.7", "co2_intensity": "-3.1"}


@pytest.mark.parametrize("typed", ["－－３", "５．２．１"])
def test_record_quotes_a_figure_it_cannot_read_as_typed_not_folded(
    invoke, ledger: Path, typed: str
) -> None:  # type: ignore[no-untyped-def]
    """Folded, －－３ was quoted as '--3': the analyst is shown what they typed."""
    result = invoke(
        "--ledger", str(ledger), "record", "tech_smes_certified", typed, "-p", "2022-06"
    )
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: value '{typed}' is not a number (e.g. 310, 5.2, -0.3)\n"
