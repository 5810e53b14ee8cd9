"""What a count's name keeps of the words around its figure (`work_names` asks): not the work
a 和 adds after the counted things (6个百万羽蛋鸡养殖重点项目建设和奶业养殖加工一体化发展: the
count is of the projects, not of the dairy industry's development), and a verb inside a
project's name is its kind, not work of its own (社区改造省级项目, of 建设城市片区更新、社区改造
省级项目15个: the count is of both kinds of project, under 建设)."""

from __future__ import annotations

import re

from plancli.extract.work_forms import VERB

_AND_OTHER_WORK = re.compile(
    r"([^\d和、，,；;]{2,30}?(?:项目|工程)(?:建设|改造)?)和([^\d、，,；;]{2,30})$"
)
_EFFORT = re.compile(r"(?:发展|提升|升级|转型|融合)$")
_COUNTABLE = re.compile(r"项目|工程|基地|中心|园区")


def before_other_work(after: str) -> str:
    """What follows a count's figure without a second item of work 和 adds, one no figure
    counts (…重点项目建设和奶业养殖加工一体化发展: …重点项目建设)."""
    other = _AND_OTHER_WORK.match(after)
    if other and _EFFORT.search(other.group(2)) and not _COUNTABLE.search(other.group(2)):
        return other.group(1)
    return after


def no_verb_of_its_own(text: str) -> bool:
    """Whether a counted piece says no work of its own before its figure: a verb inside a
    project's name is its kind (社区改造省级项目), one that opens the piece is not
    (实施技改项目)."""
    return not VERB.search(text) or (
        re.search(r"(?:项目|工程)$", text) is not None and VERB.match(text) is None
    )
