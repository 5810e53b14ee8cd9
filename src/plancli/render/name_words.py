"""The words of a target's Chinese name, where a name too long for its line breaks: between
words as a reader reads them (`地区` over `生产总值`, `城镇居民` over `人均可支配收入`,
`单位地区生产总值` over `二氧化碳排放`), not wherever the line ends (`地区生产` over `总值`,
`…生产总值二` over `氧化碳排放`, session 38).

Chinese has no spaces: the words are those of the plans' indicator names (`WORDS`), found
longest first from the left; a run of characters no word matches breaks between characters,
as before. A word wider than the line is not a word there: the shorter words inside it are
(`人均可支配收入` on a line of six characters is `人均` and `可支配` and `收入`).

A name breaks between its terms where that takes no more lines than breaking between
characters, else between the words of its terms where that takes no more, else between its
words in at most one line more (`单位地区` / `生产总值` / `二氧化碳` / `排放` rather than
`单位地区生` / `产总值二氧` / `化碳排放`), else between characters (`KeepsRuns._breaks`)."""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len

# Words of the bundled plans' names (data/plan2022.toml, data/2026/*.toml), as a reader keeps
# them whole (`TERMS` the longer ones read as one, `城镇居民` over `人均可支配收入`; `ATOMS` their
# parts, where a term is too long for the line: `地方一般公共` over `预算收入`).
_ATOMS = """
    地区 全市 全省 全国 生产 总值 增加值 一产 二产 三产 规模以上 规上 工业 固定资产 投资
    社会 全社会 消费品 零售 总额 外贸 进出口 一般 公共 预算 收入 地方 城镇 农村 居民 常住
    人均 可支配 调查 登记 失业率 常住人口 城镇化率 消费 价格 涨幅 粮食 产量 碳排放 强度
    二氧化碳 排放 排放量 单位 能耗 生态环境 保护 约束性 指标 研发 经费 支出 投入 相当于
    比例 新增 就业 空气 质量 优良率 细颗粒物 年均 浓度 主要 污染物 减排 减排量 重点 工程
    节能 降碳 新建 改造 提升 建设 项目 企业 引进 培育 龙头 总部 高新技术 科技型 认定 新认定
    社会保险 参保 覆盖率 城市 道路 生活垃圾 无害化 处理率 户籍 儿童 少年 义务教育 巩固率
    保障性 租赁 住房 普惠性 托育 服务 试点 文化 创意 产业园 示范 园区 示范区 省级 打造
    完成 建成 启动 推进 医疗 养老 民生 保障 事业 教育 学校 片区 要素 交易 中心 市民 游园
    湿地 二期 完工 半岛 落户 基地 落地 健身 路径 绿地 机动车 泊位 写字楼 甲级 海绵城市
    老旧小区 背街小巷 主次干道 整治 装灯率 亮灯率 断头路 打通 到位 资金 市外 会展 入驻 校舍
    修缮 市政 水资源 能源 环境 改善 目标 综合 平均 水平 比较 增速 动态 清零 零就业 家庭
    核心 竞争力 未成年人 创建 政务 平台 权限 账号 政府 年度 计划 自贸 试验区 改革 任务
    完成率 公办园 民办园 在园 幼儿 充电 基础设施 特色 农产品 出口 通道 区域 专精特新 小巨人
    国际 金融 种子 企业库 旅游 幸福 食堂 老年 新时代 人民 医院 迁建 新院区 投用 中医院 文物
    竣工 初验 民居 数字 经济 协议 洽谈 签订 联展 治理 权责 清单 社区 部门 区级 会议 阶段
    大会 连片 开发 问题 补建 整改 元宇宙 产业 碳汇 东南亚 云南 国民经济 发展
"""
ATOMS = frozenset(_ATOMS.split())
_TERMS = """
    生产总值 地区生产总值 工业增加值 固定资产投资 社会消费品 零售总额 一般公共预算 可支配收入
    人均可支配收入 居民消费 居民消费价格 二氧化碳排放 约束性指标 研发投入 研发经费 空气质量
    进出口总值 预算收入 二氧化碳排放量
"""
TERMS = frozenset(_TERMS.split())
_WORDS = ATOMS | TERMS
_LONGEST = max(len(word) for word in _WORDS)


def name_words(run: str, width: int, terms: bool = True) -> Iterator[tuple[int, str]]:
    """A run of Chinese characters (no space, no digit) as its words no wider than `width`
    cells, and where each starts: the longest word from the left (`terms`: a term too, else
    only the words it is made of), else one character."""
    words = _WORDS if terms else ATOMS
    at = 0
    while at < len(run):
        for size in range(min(_LONGEST, len(run) - at), 0, -1):
            word = run[at : at + size]
            if size == 1 or (word in words and cell_len(word) <= width):
                yield at, word
                at += size
                break
