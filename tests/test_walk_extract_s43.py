"""Walk 11 (session 43): a 发改委 analyst's first day, extract → review → track, in Chinese, on
浙江's 2026 report and 深圳罗湖区's 2023 targets paragraph (a news page): the friction fixed."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from conftest import CORPUS

# 罗湖区八届人大三次会议开幕 (a news page): the title names no place before a year, and the
# targets' lead names 罗湖 after it, so the draft's name opens with its year.
LUOHU = """首页 > 新闻

罗湖区八届人大三次会议开幕 奋力构建“三力三区”

来源: | 发布时间: 2023-01-10 18:31

报告提出,2023年罗湖经济社会发展主要预期目标是:地区生产总值增长6.5%左右,\
地方一般公共预算收入完成127亿元,固定资产投资完成380亿元,社会消费品零售总额增长5.0%,\
规模以上工业增加值增长3.0%,居民人均可支配收入增速与GDP增速基本同步。
"""


def _draft(invoke, tmp_path: Path, *lang: str) -> Path:  # type: ignore[no-untyped-def]
    text = tmp_path / "luohu.txt"
    text.write_text(LUOHU, encoding="utf-8")
    draft = tmp_path / "luohu.toml"
    result = invoke(*lang, "extract", str(text), "-o", str(draft), "--force")
    assert result.exit_code == 0, result.stderr
    return draft


def _plan_review(draft: Path) -> str:
    import tomllib

    return str(tomllib.loads(draft.read_text(encoding="utf-8"))["plan"]["review"])


def test_a_draft_whose_name_names_no_place_says_so_in_its_review(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """罗湖区's page: `2023年经济社会发展主要预期目标`, no place; the [plan] review had only the
    generic "check the place…" — it now says the place is missing and where it goes."""
    draft = _draft(invoke, tmp_path)
    text = draft.read_text(encoding="utf-8")
    assert 'name = "2023年经济社会发展主要预期目标"' in text
    review = _plan_review(draft)
    assert review.endswith(
        "; the name names no place (the report's title names none): write the place before "
        "the year, in name and in name_en"
    )
    chinese = _draft(invoke, tmp_path, "--lang", "zh")
    assert _plan_review(chinese).endswith(
        "。计划名称未写地名（报告标题中也没有）：请在 name 和 name_en 的年份前补上地名"
    )


def test_a_draft_naming_its_place_has_no_such_note(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """浙江's report names its province: the review is the generic one alone (its draft is
    byte for byte as before)."""
    draft = tmp_path / "zj.toml"
    result = invoke("extract", str(CORPUS / "浙江省.txt"), "-o", str(draft))
    assert result.exit_code == 0
    assert "浙江省2026年" in draft.read_text(encoding="utf-8")
    assert "names no place" not in _plan_review(draft)


def test_name_en_no_place_gives_the_plans_own_english_name(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The analyst wrote 深圳市罗湖区 into `name` and deleted the review: the warning's example
    was `Linfen 2020 …` for every plan; it is now the plan's own name_en, the place's slot
    before it."""
    draft = _draft(invoke, tmp_path)
    text = draft.read_text(encoding="utf-8")
    text = text.replace('name = "2023年', 'name = "深圳市罗湖区2023年', 1)
    text = "\n".join(line for line in text.splitlines() if not line.startswith("review = "))
    draft.write_text(text + "\n", encoding="utf-8")
    result = invoke("--plan", str(draft), "validate", "--json")
    (found,) = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "name_en_no_place"]
    assert "Linfen" not in found["message"]
    assert found["message"] == (
        "name names 深圳市罗湖区, name_en no place: write 深圳市罗湖区's English name before it "
        '(name_en = "… 2023 main expected targets of economic and social development"), or '
        "every English screen and report reads as the national plan's"
    )
    chinese = invoke("--lang", "zh", "--plan", str(draft), "validate", "--json")
    (found,) = [
        f for f in json.loads(chinese.stdout)["findings"] if f["code"] == "name_en_no_place"
    ]
    assert found["message"].startswith("name 写了深圳市罗湖区，name_en 未写地名：请在其前面补上")


def _bulletin(path: Path, name: str = "一般公共预算收入") -> Path:
    """罗湖区's 1-3月 table as the 统计局 exports it: 一般公共预算收入, not the report's 地方…
    (`name`: the budget row's name, as another bulletin writes it)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["罗湖区2023年1-3月主要经济指标"])
    sheet.append(["指标", "单位", "1-3月", "比上年同期增长（%）"])
    sheet.append(["地区生产总值", "亿元", 651.2, 6.1])
    sheet.append([name, "亿元", 35.1, 3.2])
    book.save(path)
    return path


def test_a_bulletins_other_name_of_a_target_is_answered_with_the_alias(
    invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The refusal asked `did you mean 地方一般公共预算收入 (budget_revenue_amount)?` and offered
    --skip-unknown, which drops the 35.1 亿元; it now says the alias that reads the row; with
    it added, the sheet imports as it comes."""
    draft = _draft(invoke, tmp_path)
    sheet = _bulletin(tmp_path / "罗湖1-3月.xlsx")
    refused = invoke("--plan", str(draft), "import", str(sheet))
    assert refused.exit_code == 2
    assert refused.stderr.splitlines()[-1] == (
        "hint: if 一般公共预算收入 is the bulletin's name of 地方一般公共预算收入 "
        "(budget_revenue_amount), add it to that target's aliases in the plan "
        '(aliases = ["一般公共预算收入"]) and import again: each month\'s bulletin is then read '
        "as it comes"
    )
    chinese = invoke("--lang", "zh", "--plan", str(draft), "import", str(sheet))
    assert '请在计划中把它加入该目标的 aliases（aliases = ["一般公共预算收入"]）' in chinese.stderr
    text = draft.read_text(encoding="utf-8").replace(
        'name = "地方一般公共预算收入"\n',
        'name = "地方一般公共预算收入"\naliases = ["一般公共预算收入"]\n',
    )
    draft.write_text(text, encoding="utf-8")
    imported = invoke("--plan", str(draft), "import", str(sheet))
    assert imported.exit_code == 0, imported.stderr
    shown = invoke("--plan", str(draft), "show", "budget_revenue_amount")
    assert "35.1" in shown.stdout


def test_no_alias_hint_where_no_target_is_close(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """浙江's draft tracks no 规模以上工业增加值: no target to alias, only --skip-unknown."""
    draft = tmp_path / "zj.toml"
    assert invoke("extract", str(CORPUS / "浙江省.txt"), "-o", str(draft)).exit_code == 0
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["指标", "单位", "1-3月", "比上年同期增长（%）"])
    sheet.append(["地区生产总值", "亿元", 22150.3, 5.6])
    sheet.append(["规模以上工业增加值", "亿元", None, 6.8])
    book.save(tmp_path / "浙江1-3月.xlsx")
    refused = invoke("--plan", str(draft), "import", str(tmp_path / "浙江1-3月.xlsx"))
    assert refused.exit_code == 2
    assert "--skip-unknown" in refused.stderr
    assert "aliases" not in refused.stderr


def test_no_alias_hint_for_another_statistic_close_in_its_name(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A bulletin's 城镇调查失业率 beside a plan's 城镇登记失业率 is another statistic: the refusal
    asks `did you mean …?` as before, never offers it as an alias."""
    draft = _draft(invoke, tmp_path)
    text = draft.read_text(encoding="utf-8").replace("地方一般公共预算收入", "城镇登记失业率")
    draft.write_text(text, encoding="utf-8")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["指标", "单位", "1-3月", "比上年同期增长（%）"])
    sheet.append(["地区生产总值", "亿元", 651.2, 6.1])
    sheet.append(["城镇调查失业率", "%", 5.2, None])
    book.save(tmp_path / "m.xlsx")
    refused = invoke("--plan", str(draft), "import", str(tmp_path / "m.xlsx"))
    assert refused.exit_code == 2
    assert "did you mean 城镇登记失业率" in refused.stderr
    assert "aliases" not in refused.stderr


def test_another_industrys_value_added_is_not_named_of_another_scope(
    invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """浙江's 1-3月 sheet: 规模以上工业增加值, which the draft does not track, was refused naming
    文旅产业增加值增长 (w8_t04) as the same statistic of another scope (城镇, 农村, 规上…); it
    is another industry: the refusal now says only to see `plancli targets`. A scope apart
    alone (城镇居民… beside 居民人均可支配收入) is still named so."""
    draft = tmp_path / "zj.toml"
    assert invoke("extract", str(CORPUS / "浙江省.txt"), "-o", str(draft)).exit_code == 0
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["指标", "单位", "1-3月", "比上年同期增长（%）"])
    sheet.append(["规模以上工业增加值", "亿元", None, 6.8])
    sheet.append(["城镇常住居民人均可支配收入", "元", 24000, 5.1])
    book.save(tmp_path / "浙江1-3月.xlsx")
    refused = invoke("--plan", str(draft), "import", str(tmp_path / "浙江1-3月.xlsx"))
    assert refused.exit_code == 2
    lines = refused.stderr.splitlines()
    assert lines[1].endswith(
        "unknown target '规模以上工业增加值' in plan zhejiang-2026; see `plancli targets`"
    )
    assert "居民人均可支配收入 (resident_income)" in lines[2]
    assert "not the same statistic" in lines[2]
