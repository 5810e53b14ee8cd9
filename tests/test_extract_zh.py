"""The draft `extract` writes speaks the analyst's language: with `--lang zh` (or a zh_* locale)
its header comment, `note` and `review` lines are Chinese, from the gettext catalog; in English
they are as they always were. Nothing else of the draft depends on the language."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS, REPORT, REPORTS

from extract_drafts import page
from plancli.extract import extract_plan
from plancli.extract.characters import tidy_name
from plancli.i18n import set_language

FORMS = (
    "2026年某某省政府工作报告\n各位代表：\n一、2025年工作回顾\n"
    "过去一年，全省经济社会发展取得新的成绩，地区生产总值增长5.1%。\n"
    "二、2026年重点工作\n"
    "今年经济社会发展主要预期目标是：地区生产总值增长5%—5.5%；城乡居民收入与经济增长基本同步；"
    "完成国家下达的节能降碳目标任务；粮食产量保持稳定。\n"
    "（一）扎实推进经济发展和民生工作\n新建5G基站3000个。\n"
)
# a copy that dropped its lead (主要预期目标是：) and its year: drafted, each target to review
LEADLESS = page(
    "会议强调，要坚定信心。地区生产总值增长6%左右，一般公共预算收入增长5%左右，"
    "固定资产投资增长8%以上。努力实现质的有效提升和量的合理增长。"
)
# a range of what is no growth floor: min and max, for review (GDP's is min + stretch: session 43)
BAND_RANGE = page("今年主要预期目标是：地区生产总值增长6%，能源消费总量增长2%—3%。", 2026)
HIGHER_AIM = FORMS.replace("5%—5.5%；", "5%—5.5%，在实际工作中努力争取更好结果；")


def _targets(text: str, lang: str, year: int | None = None) -> dict[str, dict[str, Any]]:
    set_language(lang)  # the fixture isolated_env sets English back after each test
    return {t["id"]: t for t in extract_plan(text, year=year).plan["targets"]}


def test_review_notes_and_notes_are_chinese_with_chinese_on() -> None:
    targets = _targets(FORMS, "zh")
    # a growth floor's range without 争取更好: min + stretch, as the bundled plans
    assert targets["gdp"]["note"] == (
        "5%—5.5%为增长目标区间：5为下沿（min），5.5为区间上沿（stretch），超过上沿不算偏离目标。"
        "基数取自上年工作回顾：“地区生产总值增长5.1%”"
    )
    # a range of what is no floor
    assert _targets(BAND_RANGE, "zh", year=2026)["energy_consumption"]["review"] == (
        "区间目标：已记为下限和上限；如报告另写“争取更好”，上限可改为争取目标（stretch）"
    )
    # a relation
    assert targets["resident_income"]["note"] == "“基本同步”按同步关系（relation = same）处理"
    # a pending national task, one target per indicator it names
    for pending in ("energy_intensity", "co2_intensity"):
        assert targets[pending]["pending"] is True
        assert targets[pending]["note"] == (
            "国家下达/国家要求：目标值为国家下达数，报告未列明；"
            "用 `plancli amend` 录入前为待下达（pending）"
        )
    # targets found without a lead
    leadless = _targets(LEADLESS, "zh", year=2024)
    assert list(leadless) == ["gdp", "budget_revenue", "fixed_asset_investment"]
    for target in leadless.values():
        assert target["review"] == (
            "未见“主要预期目标”等引导语和年份：请核实报告是否将其列为今年的目标"
        )


def test_the_same_drafts_in_english_are_as_before() -> None:
    targets = _targets(FORMS, "en")
    assert targets["gdp"]["note"].startswith("5%—5.5%: a growth's target range, 5 its floor")
    assert _targets(BAND_RANGE, "en", year=2026)["energy_consumption"]["review"] == (
        "a range: min and max; if the report adds 争取更好, the top is a stretch"
    )
    assert targets["resident_income"]["note"] == "基本同步 is read as relation same"
    assert targets["energy_intensity"]["note"].startswith("国家下达/国家要求: the bound is")
    leadless = _targets(LEADLESS, "en", year=2024)
    assert leadless["gdp"]["review"].startswith("found without a lead or a year: check")


def test_a_range_with_a_higher_aim_needs_no_review_in_chinese_either() -> None:
    """争取更好 after a range turns its top into a stretch and takes the range's review away:
    the review is recognised in the language it was written in."""
    for lang, note in (
        ("zh", "5%—5.5%并提出“在实际工作中努力争取更好结果”：5.5%为争取目标（stretch），不是上限"),
        ("en", "5%—5.5% with 在实际工作中努力争取更好结果: 5.5 is a higher aim, never a ceiling"),
    ):
        gdp = _targets(HIGHER_AIM, lang)["gdp"]
        assert (gdp["min"], gdp["stretch"], "review" in gdp) == (5, 5.5, False)
        separator = "。" if lang == "zh" else "; "
        assert gdp["note"].split(separator)[0] == note


@pytest.fixture
def forms(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(FORMS, encoding="utf-8")
    return path


@pytest.mark.parametrize("how", [("--lang", "zh"), ("LANG", "zh_CN.UTF-8")])
def test_the_cli_writes_the_chinese_draft(
    invoke: Any, forms: Path, monkeypatch: pytest.MonkeyPatch, how: tuple[str, str]
) -> None:
    if how[0] == "LANG":
        monkeypatch.setenv(*how)
        result = invoke("extract", str(forms))
    else:
        result = invoke(*how, "extract", str(forms))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        f"# 本计划草稿由 `plancli extract` 根据 {forms} 起草。\n"
        "# 每条原文摘录（quote）均逐字取自报告。请逐项核对带有 `review = …` 的目标，\n"
        "# 核对后删除该行；`plancli validate --source 报告.txt` 可检查原文摘录。\n\n[plan]\n"
    )
    plan = tomllib.loads(result.stdout)
    assert plan["targets"][0]["note"].startswith("5%—5.5%为增长目标区间：")
    english = invoke("--lang", "en", "extract", str(forms)).stdout
    assert english.startswith("# Draft plan drafted by `plancli extract` from ")
    assert tomllib.loads(english)["targets"][0]["note"].startswith("5%—5.5%: a growth's")


# ------------------------------------------------------------ the corpus, in both languages

# ASCII words a Chinese note may keep: plan keys, commands, the CPI; the report's own words
# (quoted “…”) are left out of the check
KEPT_ASCII = {"stretch", "pending", "indicator", "relation", "same", "opening", "plancli"}
KEPT_ASCII |= {"amend", "validate", "id", "name_en", "CPI"}
TEXTS = ("note", "review")


def _report(name: str) -> Path:
    path = REPORT if name == "seed" else CORPUS / f"{REPORTS[name]}.txt"
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return path


@pytest.mark.parametrize("name", ["seed", *REPORTS])
def test_corpus_drafts_differ_by_language_only_in_their_notes(name: str) -> None:
    text = _report(name).read_text(encoding="utf-8")
    english = _targets(text, "en")
    chinese = _targets(text, "zh")
    assert list(chinese) == list(english)
    for tid, target in chinese.items():
        assert {k: v for k, v in target.items() if k not in TEXTS} == {
            k: v for k, v in english[tid].items() if k not in TEXTS
        }
        for key in TEXTS:
            assert (key in target) == (key in english[tid]), (tid, key)
            if key in target:
                own = re.sub(r"“[^”]*”|`[^`]*`", "", target[key])
                own = " ".join(w for w in own.split(" ") if w not in chinese)  # `{id} 以此为参照`
                assert set(re.findall(r"[A-Za-z_]{2,}", own)) <= KEPT_ASCII, (tid, target[key])
                assert re.search(r"[\u4e00-\u9fff]", own), (tid, target[key])


def test_drafted_names_keep_tidy_name() -> None:
    """Names are read from the parse form, where ，（） are ASCII: in the draft they are the
    report's Chinese punctuation again (湖北's section heading, 四川's 老旧街区（厂区）改造)."""
    hubei = extract_plan(_report("hubei").read_text(encoding="utf-8")).plan
    sections = {s["name"] for s in hubei["sections"]}
    assert "坚持供需两端协同发力，努力推动经济稳定均衡可持续增长" in sections
    sichuan = extract_plan(_report("sichuan").read_text(encoding="utf-8")).plan
    names = {t["name"] for t in sichuan["targets"]}
    assert "老旧街区（厂区）改造" in names
    assert not any(re.search(r"[\u4e00-\u9fff][,;:()]|[,;:()][\u4e00-\u9fff]", n) for n in names)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("稳增长,促发展", "稳增长，促发展"),
        ("绿色(低碳)工厂", "绿色（低碳）工厂"),
        ("新建1,000套保障房", "新建1,000套保障房"),
        ("8:30前到岗;周末轮值", "8:30前到岗；周末轮值"),
        ("新建5G 基站", "新建5G基站"),  # a typesetter's space between Chinese and Latin
        ("服务保障 COP15大会", "服务保障COP15大会"),
        ("PM2.5 浓度", "PM2.5浓度"),
    ],
)
def test_tidy_name_leaves_figures_alone(name: str, expected: str) -> None:
    assert tidy_name(name) == expected
