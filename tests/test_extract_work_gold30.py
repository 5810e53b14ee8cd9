"""Work targets a blind gold of 山东 and 浙江 (session 30, s30-wgolda) found missed or drafted
wrongly, each on its report's own sentence and a variant another report could write: a start of
operation before its object (投运…特高压工程), a reservoir's impounding (实现官路水库蓄水), a thing
essentially completed (基本建成…“一张图”), a process sped up is no deliverable (加快科技成果转化
落地), people counted before their group (为80万重点群体…) and beneficiaries stated as they are
(待遇享受人数23万人以上)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from test_extract_work_kinds28 import _work


def _milestones(*sentences: str) -> dict[str, dict[str, Any]]:
    return {q: t for q, t in _work(*sentences).items() if t["kind"] == "milestone"}


def test_a_start_of_operation_before_its_object_is_a_milestone() -> None:
    """山东 投运烟威、海阳辛安核电送出特高压工程: 投运 opened no milestone (only 投用 and
    投入使用 did, and 投运 after its object); the lines put into operation this year are one."""
    found = _milestones(
        "投运烟威、海阳辛安核电送出特高压工程，建成国内首个省域特高压双环网。",
        "年内投运白鹤滩至浙江特高压直流工程。",
    )
    assert found["投运烟威、海阳辛安核电送出特高压工程"]["name"] == (
        "投运烟威、海阳辛安核电送出特高压工程"
    )
    assert found["年内投运白鹤滩至浙江特高压直流工程"]["due"] == "2026"
    assert "建成国内首个省域特高压双环网" in found


def test_impounding_and_first_water_are_end_states() -> None:
    """山东 完成双堠水库主体工程，实现官路水库蓄水: the reservoir's impounding this year had no
    target (蓄水 and 通水 were no end state); so is a canal's first water."""
    found = _milestones(
        "完成双堠水库主体工程，实现官路水库蓄水。",
        "确保引江补汉输水工程建成通水。",
    )
    assert found["实现官路水库蓄水"]["name"] == "官路水库蓄水"
    assert found["确保引江补汉输水工程建成通水"]["name"] == "引江补汉输水工程建成通水"
    assert "完成双堠水库主体工程" in found


def test_a_thing_essentially_completed_is_a_milestone() -> None:
    """山东 基本建成自然资源管理和国土空间规划“一张图”: 基本 before 建成 hid the verb; a thing
    基本建成 this year is checkable in December as one 建成 is (a 体系 or 机制 still is not)."""
    found = _milestones(
        "基本建成自然资源管理和国土空间规划“一张图”，推进碳排放权、排污权市场化交易。",
        "基本建成现代化产业体系。",
    )
    assert found["基本建成自然资源管理和国土空间规划“一张图”"]["name"] == (
        "建成自然资源管理和国土空间规划“一张图”"
    )
    assert "基本建成现代化产业体系" not in found


def test_a_process_sped_up_to_land_is_no_milestone() -> None:
    """浙江 新认定省级概念验证中心20家、省级中试平台10家，加快科技成果转化落地: drafted as the
    milestone 科技成果转化落地, due in December; 加快 is effort (as 加快创建…, 加快打通… are),
    what lands no named thing. A project brought to land (推动…项目落地) and one sped up to its
    end state (加快…建成投产) still are."""
    found = _work(
        "新认定省级概念验证中心20家、省级中试平台10家，加快科技成果转化落地。",
        "推动省中医院(环湖院区)项目落地。",
        "加快华能石岛湾二期建成投产。",
    )
    assert "加快科技成果转化落地" not in found
    assert found["推动省中医院(环湖院区)项目落地"]["kind"] == "milestone"
    assert found["加快华能石岛湾二期建成投产"]["kind"] == "milestone"
    assert found["新认定省级概念验证中心20家"]["min"] == Decimal(20)


def test_people_counted_before_their_group() -> None:
    """浙江 为80万重点群体提供就业帮扶: 80万 counted no noun the extractor knew as people, so the
    clause had no target; a group (重点群体, 困难群体), 残疾人 and 妇女 are people, in 万人."""
    found = _work(
        "为80万重点群体提供就业帮扶，开展就业帮扶1万人。",
        "为5万困难群体发放临时救助金，为2万残疾人提供康复服务。",
    )
    helped = found["为80万重点群体提供就业帮扶"]
    assert (helped["min"], helped["unit"], helped["kind"]) == (Decimal(80), "万人", "cumulative")
    relief = found["为5万困难群体发放临时救助金"]
    assert (relief["min"], relief["unit"]) == (Decimal(5), "万人")
    assert found["为2万残疾人提供康复服务"]["unit"] == "万人"
    assert found["开展就业帮扶1万人"]["min"] == Decimal(1)


def test_beneficiaries_stated_as_they_are() -> None:
    """浙江 将重度失能（重度失智）人员纳入长护险保障，待遇享受人数23万人以上: a number of people
    stated without a verb (as 产量…, 规模… are) had no target; it is how many there are, a
    level, as 持证人数达到4500人 is."""
    found = _work(
        "将重度失能（重度失智）人员纳入长护险保障，待遇享受人数23万人以上。",
        "全省养老机构护理员持证人数达到4500人以上。",
    )
    paid = next(t for q, t in found.items() if q.endswith("待遇享受人数23万人以上"))
    assert (paid["min"], paid["unit"], paid["kind"]) == (Decimal(23), "万人", "level")
    nurses = found["全省养老机构护理员持证人数达到4500人以上"]
    assert (nurses["min"], nurses["kind"]) == (Decimal(4500), "level")
