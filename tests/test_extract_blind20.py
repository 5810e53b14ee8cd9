"""What the twentieth round taught (docs/extract.md, "Set S and round 20").

Round 20 studied set S (10 web pages, 2010–2025, seven of them districts', three in traditional
characters), run blind first after round 19 (80 %). Its faults, each tested here on the real
clauses of S's pages: a page's source line joined to the lead under it (…https://www.yybnet.net/
预期目标), series named a clause each before the predicate that says it is each one's (交通投资,
…,民间项目投资均增长12%以上; 文化产业、旅游产业…增加值增速均高于GDP增速), a group's heading with
its count (关于经济发展类目标(13个)), 保持适度增长 and 保持物价总体平稳.
"""

from __future__ import annotations

from decimal import Decimal

from extract_drafts import heads, lead

# 西安 2020 (set S's 274): a 解读 page; the source line ends in an address, the lead stands
# alone, a slogan under it.
XIAN = """政府工作报告解读 去年西安经济总量9321.19亿元 提前一年实现“十三五”目标

来源:西安晚报 2020-05-18 04:30   https://www.yybnet.net/

预期目标

四增一减一平稳

地区生产总值增长7.5%左右;规模以上工业增加值增长8%;全社会固定资产投资增长8%;城乡居民人均可支配收入与经济发展同步增长;保持物价总体平稳;主要污染物排放总量削减完成省上下达任务。

工作理念
"""


def test_a_source_line_ending_in_an_address_ends_there() -> None:
    """…https://www.yybnet.net/ and the lead 预期目标 under it stay two lines (before: joined, the
    lead lost and the page refused); 保持物价总体平稳 is a steady trend, the slogan no target."""
    found = heads(XIAN, 2020)
    assert [t["quote"] for t in found][:3] == [
        "地区生产总值增长7.5%左右",
        "规模以上工业增加值增长8%",
        "全社会固定资产投资增长8%",
    ]
    prices = next(t for t in found if t["quote"] == "保持物价总体平稳")
    assert (prices["kind"], prices["direction"]) == ("trend", "band")
    assert len(found) == 6


# 丽水 2020 (set S's 273), simplified here: a plan notice, its targets grouped under headings that
# count them.
LISHUI = lead(
    "——关于经济发展类目标(13个)。地区生产总值力争增长7.5%左右;"
    "交通投资,生态环保、城市更新和水利设施投资,高新技术产业投资,民间项目投资均增长12%以上;"
    "货物出口总额保持适度增长;"
    "文化产业、旅游产业、时尚产业增加值增速均高于GDP增速。"
)


def test_series_each_named_before_one_predicate() -> None:
    """均 says the predicate is each one's: four investments, a clause or a 、-list each, grow 12 %
    or more (before: only the last); three industries above GDP (before: one); the heading's
    (13个) is no target; 保持适度增长 a trend up."""
    found = heads(LISHUI, 2020)
    investments = [t["name"] for t in found if t.get("min") == Decimal(12)]
    assert sorted(investments) == sorted(
        ["交通投资", "生态环保、城市更新和水利设施投资", "高新技术产业投资", "民间项目投资"]
    )
    above = [t for t in found if t["kind"] == "relative" and t.get("relation") == "above"]
    assert len(above) == 3
    exports = next(t for t in found if t["quote"] == "货物出口总额保持适度增长")
    assert (exports["kind"], exports["direction"]) == ("trend", "up")
    assert not any("13个" in t["quote"] for t in found)
