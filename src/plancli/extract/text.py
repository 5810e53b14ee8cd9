"""Reading a report's bytes: decoding, telling a report from other text, and its parse form.

Quotes must stay verbatim substrings of the decoded text, so the text itself is never changed.
Parsing works on a *parse form* of the same length, character for character: full-width
digits, letters, ％ and punctuation mapped to their half-width forms (`，` → `,`), so one regular
expression reads both spellings and every offset in it is an offset in the text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from plancli.errors import InputError
from plancli.extract.spaces import dropped_spaces
from plancli.i18n import _

# Full-width ASCII (！ to ～) → ASCII, the ideographic space → space; the Chinese list comma 、,
# the full stop 。 and the curly quotes are left as they are (they carry meaning of their own).
_FULL_TO_HALF = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_TO_HALF[0x3000] = 0x20
_FULL_TO_HALF[ord("—")] = ord("—")  # kept: the report's range dash, matched as itself
# The small forms a big5 copy sets for punctuation (﹔ for ；, ﹐ for ，): read as the usual ones.
_FULL_TO_HALF.update({0xFE50: ord(","), 0xFE51: ord("、"), 0xFE52: ord(".")})
_FULL_TO_HALF.update({0xFE54: ord(";"), 0xFE55: ord(":"), 0xFE56: ord("?"), 0xFE57: ord("!")})
_FULL_TO_HALF.update({0xFE59: ord("("), 0xFE5A: ord(")"), 0xFE6A: ord("%")})
# Traditional characters → simplified, one for one (the same length, so offsets hold): a copy
# of a report set in traditional characters (a Hong Kong or Taiwan site's page, a big5 gate) is
# parsed as the simplified report it copies. Only characters that simplified text does not use
# are mapped, so a simplified report's parse form is unchanged. Written for this genre's
# vocabulary (indicators, units, leads, places), not a full converter: an unmapped character
# only leaves that word unread. Checked against OpenCC's table (docs/extract.md, round 8).
_TRADITIONAL = (
    "國內產總長經濟發預標這為與業費價漲鎮調區規財進糧環質態穩當現實億萬計劃報會議體領導務員農鄉純資設項數據統籌彈適納節減約優"
    "氣護將並從來們個對過還達運遠選邊連關開間門問閉閩陝陽際隊階險隨雙難雜電靈響頭顯類頂須頻題額風飛飲館馬驗髮鬥魚鳥麥黃點齊齡"
    "龍貨貿賣買貸負購賬讓論證評識試詳認語說談請講謀謝譜讀變訊記許訪詞誌詢該誠誤課諾謹譯讚鋼鐵銷鏈錄鎖鑒針銀錢錯鍵鍋礦碼確礎紅"
    "級紀紐紙組細終結絕綜綠維網綱緊緒線編練縣績織繼續纖滿漢潔澤濕灣灑濤溝滬溫測漁潤儲償僅傳債傷側備倉偉係倫偵傾儀壓壞場塊墾壩"
    "擴擔擊擇擬撥損換揮攜搶擁擺攝慮憑應懷慣憂機構權樣樓橫檢棄極櫃條楊東車軍軌輕載較輔輸轉轄輛閃閱闊闡專養兩冊凱劉創劑勞勢勵勝"
    "動勳協單卻廠廣廳廢廟參號嚴團園圍圖圓聖夠奪奮婦學寧寶審寫屆層屬島嶺幣帶幫幹幾庫廈張彎彙後徑復徵憶戰戲戶拋採揚敵斷於時晉暢"
    "暫書樂歐歲歷歸殘殺殼決沒況準滅漸災烏無煉熱燈營爭牆狀獨獎獲獻畝畢異療盡監盤眾祿禮禍離種稅稱窮競筆範築簡籃簽罰羅義習聯聲聽"
    "職肅膽脅腦臉臨興舉舊艦藝莊華葉蒼蓋薦藥蘇蘭處虧蟲衛衝補裝製複襲見視覽觀覺親觸貝貢責貧販貫貼賀賓賞賢賴賽贊贏趕趙跡踐躍軟輪"
    "辦辭迴週違遞遺遷遲郵鄭醫釋釐鉅銳鋪錦鍊鐘陣陸陰陳隱雖雞雲靜韓頁順頒頗顧飯飼餘駐驅鬧齒噸鄰傑虛佈汙顆濃佔積匯縮穀兒脫訓寬絡"
    "橋樞徹鞏壯豐術聞燦爛歡墊鑄鏡憲檔韌滯緩紮裡裏麼嗎給亞臺夥麵鬆湧盜蘊擾獸瀕濱漿瀏顏燒煙爐崗峽嶼幟廬糾紛紡綿緯緻縱繩繪纜罷羈"
    "翹聰腳膚艱蕭薩藍蘆誕誇詐訴診註詩賤賠賦賜贈贓輯鄧醬鈴鉛銅鋁錫鎂鎳鑽閥閣閘闖隸雛霧顛颱饑饒驚騰騙驟髒鬱鳳鴻鶴鹽麗黨齋龜儉僑"
    "劍劇勸厲啟喪嗚噴嚇囑壇壽奧妝婁嬰孫屢巖帥師廂彥惡惱慶憤懇懲懶戀挾捲掃掙揀搖摟撐撫擋擠攔攤敗敘斂晝暈曆曉曬桿梘棟棧樁樹橢檯"
    "櫻欄殯毆毀氈氫沖洶涇涼淚淪渙渦湯溼滲滷漚漬潛潰澀瀉瀝濾瀾灘爺犧牽獄獅玀璣甌畫疊瘋癡盞睜礙禪稈稟窩竊篩糞紋紗紹絲綁綢緝緣縫"
    "繳罈羨翺脹膠膩臟艙蕎虜襪覓訂訐訛訝訟詛誘誨諒諧諷諸謊謎謠謬譏譴讒豎貞貪貯貳賄賊賑賭賺贍趨蹤軀軸輝輿轎辯遙邏釣鈔鉤銜鋒錘鍛"
    "鎊鏟鐮鑰閒閨闆闢陘隕雋韋頸頹顎顫飄餅餵饞馱駁駕駛騎騷驕驢骯髏鬍鯉鯨鰐鴨鵝鷹鹼黴亂勻遼魯粵瓊贛隴強堅龔話別繞陜邁爲淨凈恆滙"
    "綫兌奬爾彌隻僞偽悅愛懸攬暉榮槍淺滄滾潑濁濫猶獵盧碩祕紓繫纔罵羣聳腎艷莖薑蘋蝕衆誼諮謂譽豬貓遊錶鍾頑頓颳饋駝鮮鳴鵬峯崑廁廚"
    "嘆嘗傘傭擲棲疇岡屍壺産説則勁吳呂執嶄聶荊錨貴剛躋駿驊磯籠倖擼"
)
_SIMPLIFIED = (
    "国内产总长经济发预标这为与业费价涨镇调区规财进粮环质态稳当现实亿万计划报会议体领导务员农乡纯资设项数据统筹弹适纳节减约优"
    "气护将并从来们个对过还达运远选边连关开间门问闭闽陕阳际队阶险随双难杂电灵响头显类顶须频题额风飞饮馆马验发斗鱼鸟麦黄点齐龄"
    "龙货贸卖买贷负购账让论证评识试详认语说谈请讲谋谢谱读变讯记许访词志询该诚误课诺谨译赞钢铁销链录锁鉴针银钱错键锅矿码确础红"
    "级纪纽纸组细终结绝综绿维网纲紧绪线编练县绩织继续纤满汉洁泽湿湾洒涛沟沪温测渔润储偿仅传债伤侧备仓伟系伦侦倾仪压坏场块垦坝"
    "扩担击择拟拨损换挥携抢拥摆摄虑凭应怀惯忧机构权样楼横检弃极柜条杨东车军轨轻载较辅输转辖辆闪阅阔阐专养两册凯刘创剂劳势励胜"
    "动勋协单却厂广厅废庙参号严团园围图圆圣够夺奋妇学宁宝审写届层属岛岭币带帮干几库厦张弯汇后径复征忆战戏户抛采扬敌断于时晋畅"
    "暂书乐欧岁历归残杀壳决没况准灭渐灾乌无炼热灯营争墙状独奖获献亩毕异疗尽监盘众禄礼祸离种税称穷竞笔范筑简篮签罚罗义习联声听"
    "职肃胆胁脑脸临兴举旧舰艺庄华叶苍盖荐药苏兰处亏虫卫冲补装制复袭见视览观觉亲触贝贡责贫贩贯贴贺宾赏贤赖赛赞赢赶赵迹践跃软轮"
    "办辞回周违递遗迁迟邮郑医释厘巨锐铺锦炼钟阵陆阴陈隐虽鸡云静韩页顺颁颇顾饭饲余驻驱闹齿吨邻杰虚布污颗浓占积汇缩谷儿脱训宽络"
    "桥枢彻巩壮丰术闻灿烂欢垫铸镜宪档韧滞缓扎里里么吗给亚台伙面松涌盗蕴扰兽濒滨浆浏颜烧烟炉岗峡屿帜庐纠纷纺绵纬致纵绳绘缆罢羁"
    "翘聪脚肤艰萧萨蓝芦诞夸诈诉诊注诗贱赔赋赐赠赃辑邓酱铃铅铜铝锡镁镍钻阀阁闸闯隶雏雾颠台饥饶惊腾骗骤脏郁凤鸿鹤盐丽党斋龟俭侨"
    "剑剧劝厉启丧呜喷吓嘱坛寿奥妆娄婴孙屡岩帅师厢彦恶恼庆愤恳惩懒恋挟卷扫挣拣摇搂撑抚挡挤拦摊败叙敛昼晕历晓晒杆枧栋栈桩树椭台"
    "樱栏殡殴毁毡氢冲汹泾凉泪沦涣涡汤湿渗卤沤渍潜溃涩泻沥滤澜滩爷牺牵狱狮猡玑瓯画叠疯痴盏睁碍禅秆禀窝窃筛粪纹纱绍丝绑绸缉缘缝"
    "缴坛羡翱胀胶腻脏舱荞虏袜觅订讦讹讶讼诅诱诲谅谐讽诸谎谜谣谬讥谴谗竖贞贪贮贰贿贼赈赌赚赡趋踪躯轴辉舆轿辩遥逻钓钞钩衔锋锤锻"
    "镑铲镰钥闲闺板辟陉陨隽韦颈颓颚颤飘饼喂馋驮驳驾驶骑骚骄驴肮髅胡鲤鲸鳄鸭鹅鹰碱霉乱匀辽鲁粤琼赣陇强坚龚话别绕陕迈为净净恒汇"
    "线兑奖尔弥只伪伪悦爱悬揽晖荣枪浅沧滚泼浊滥犹猎卢硕秘纾系才骂群耸肾艳茎姜苹蚀众谊咨谓誉猪猫游表钟顽顿刮馈驼鲜鸣鹏峰昆厕厨"
    "叹尝伞佣掷栖畴冈尸壶产说则劲吴吕执崭聂荆锚贵刚跻骏骅矶笼幸撸"
)
# Japanese forms of Chinese characters that an input method or a copy slips into a Chinese page
# (全省生产总值増长8-8.5%, 増 for 增: set M's 224), read as the simplified ones. Japanese use
# only: no Chinese text means anything else by them.
_VARIANTS = "増収価総経済労続従児単発気図関実営圧鉄県険剰拡歩顕様帰観権変転軽戦厳"
_VARIANTS_SIMPLIFIED = "增收价总经济劳续从儿单发气图关实营压铁县险剩扩步显样归观权变转轻战严"
_PARSE_TABLE = str.maketrans(
    {
        **{chr(k): chr(v) for k, v in _FULL_TO_HALF.items()},
        **dict(zip(_TRADITIONAL, _SIMPLIFIED, strict=True)),
        **dict(zip(_VARIANTS, _VARIANTS_SIMPLIFIED, strict=True)),
    }
)

_CJK = re.compile(r"[\u4e00-\u9fff]")
# Characters of almost every Chinese report; GB18030 decodes random bytes into rare ideographs.
_COMMON = re.compile(r"[的发展年和在工作]")


def parse_form(text: str) -> str:
    """`text` with full-width ASCII as half-width and traditional characters as simplified:
    same length, same offsets."""
    return text.translate(_PARSE_TABLE)


def decode_report(data: bytes, name: str = "report") -> str:
    """The report's text from UTF-8 (with or without BOM) or GB18030 bytes.

    Raises InputError (one line) for an empty file, a binary file, or text that is not a
    Chinese report. A UTF-8 file cut inside its last character is read up to the cut.
    """
    if not data.strip():
        raise InputError(_("{name} is empty").format(name=name))
    if b"\x00" in data[:65536]:
        raise InputError(_("{name} is a binary file, not a report's text").format(name=name))
    text = _decode(data, name)
    check_chinese(text, name)
    return text


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[: exc.start].decode("utf-8")  # truncated inside the last character
        utf8_error = exc
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    raise InputError(
        _("{name} is neither UTF-8 nor GB18030 text (byte {position} is not UTF-8)").format(
            name=name, position=utf8_error.start
        )
    )


# The longest reports run to some 200,000 characters; ten times that is no single report (a
# site's whole archive, a log), and reading it would take many seconds to draft nonsense.
MAX_CHARS = 2_000_000


def check_chinese(text: str, name: str = "report") -> None:
    """InputError unless `text` reads as Chinese prose (a share of ideographs, common ones)
    of a report's length."""
    if len(text) > MAX_CHARS:
        raise InputError(
            _(
                "{name} has {size:,} characters, more than any report ({limit:,} at most); "
                "give one report's text"
            ).format(name=name, size=len(text), limit=MAX_CHARS)
        )
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 8:
        raise InputError(_("{name} is a binary file, not a report's text").format(name=name))
    sample = text[:200_000]
    letters = sum(1 for ch in sample if not ch.isspace())
    ideographs = len(_CJK.findall(sample))
    if ideographs < 20 or ideographs < 0.3 * letters or len(_COMMON.findall(sample)) < 5:
        raise InputError(
            _(
                "{name} is not a Chinese report: found {ideographs} Chinese characters "
                "in {letters} (a development plan or government work report is expected)"
            ).format(name=name, ideographs=ideographs, letters=letters)
        )


@dataclass(frozen=True)
class Line:
    """One line of the report: its offsets in the text and its parse form."""

    start: int
    end: int  # exclusive, before the newline
    text: str  # the parse form of the line

    @property
    def stripped(self) -> str:
        return self.text.strip()


def split_lines(parse: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines of `parse[start:end]` with their offsets."""
    stop = len(parse) if end is None else end
    lines: list[Line] = []
    pos = start
    while pos < stop:
        nl = parse.find("\n", pos, stop)
        line_end = stop if nl < 0 else nl
        lines.append(Line(pos, line_end, parse[pos:line_end]))
        pos = line_end + 1
    return lines


# Web-page furniture before and after the report: share buttons, font-size controls, the
# "related reports" list, QR-code prompts, page footers.
_TAIL_MARKERS = re.compile(
    r"^\s*(相关报道|相关新闻|相关链接|扫一扫在手机打开|责任编辑|【责任编辑|分享到|打印本页|关闭窗口|"
    r"【关闭】|【打印】|版权所有|主办单位|网站标识码|ICP备|上一篇|下一篇)"
)


def body_span(parse: str) -> tuple[int, int]:
    """Where the report itself is: after a `SOURCE:` line, before the web page's trailing
    furniture (related reports, QR-code prompt, footer) that follows its first paragraph.
    Furniture before the title (share and font-size buttons) holds no figures and needs no
    cutting."""
    start = 0
    if parse.startswith("SOURCE:"):
        nl = parse.find("\n")
        start = len(parse) if nl < 0 else nl + 1
    end = len(parse)
    started = False  # the same buttons stand above the title: a marker ends only a begun report
    for line in split_lines(parse, start):
        if started and _TAIL_MARKERS.match(line.text):
            end = line.start
            break
        started = started or len(line.stripped) >= 80
    return start, end


@dataclass(frozen=True)
class Reflowed:
    """A report's text as parsed — a copy's markup and soft line breaks taken out — and where
    each character came from: `origin[i]` is the offset in the report of `text[i]`
    (`origin[len(text)]` the end), `ends[i]` the end of what it stands for (an entity's `;`)."""

    text: str
    origin: list[int]
    ends: list[int]  # ends[i]: where the report's text `text[i]` stands for ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The report's span of `text[start:end]` (a quote over a removed break keeps it)."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.ends[end - 1]


# A list item's label: dashes, bullets, numbers (（一）, 一、, 1. but not a figure such as 5.5%),
# circled numbers, 一是.
LIST_LABEL = re.compile(
    r"\s*(?:——|—|-\s|[•·●■□◆※①-⑳]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
    r"|[一二三四五六七八九十]{1,3}[、.．](?![一二三四五六七八九十])|\d{1,2}[、.．)）](?!\d)"
    r"|[一二三四五六七八九十]是)\s*"
)
# What starts a line of its own: a list label, 第一部分, an appendix label.
_LINE_MARKER = re.compile(
    rf"{LIST_LABEL.pattern}|第[一二三四五六七八九十]{{1,3}}[部章节]|附表|附件"
)
_HEADING = re.compile(
    r"([（(]?[一二三四五六七八九十]{1,3}[）)、.．]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]{1,3}[部章节])"
)
# A clause goes on after these: a break after one is inside a sentence.
_OPEN_END = "，、,；;（(“‘《—-"

_INDENT = " \t\u3000\u00a0"


# What a copy adds: HTML tags (a block tag is a line break) and entities, Markdown headings and
# emphasis, thousands separators (3,000个), a converter's pinyin (經(jīng)濟), a forum's clutter
# (`~/ k6 `+ p) G+ G`: `_CLUTTER`); space runs for lost breaks; straight quotes read as curly.
_MARKUP = re.compile(
    r"(?P<jammer>(?<![!-~])(?:[!-~]{1,2}[ \t]){5,}[!-~]{1,2}(?![!-~]))"
    r"|(?P<block><(?:br|/?p|/?div|/?li|/?h[1-6]|/?tr)\b[^<>]{0,200}>)"
    r"|(?P<tag></?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,200})?/?>)"
    r"|(?P<entity>&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});)"
    r"|(?P<heading>(?:^|(?<=\n))[ \t]*(?:#{1,6}|>)[ \t]+)"
    r"|(?P<emphasis>\*\*|__)"
    r"|(?P<separator>(?<=\d),(?=\d{3}(?![\d.])))"
    # pinyin: tone marks or a tone's number (經(jīng), 經(jing1)), ASCII or full-width brackets
    r"|(?P<pinyin>(?<=[\u4e00-\u9fff])[(（](?=[a-z\u00e0-\u00fc\u0101-\u01dc]*"
    r"[aeiou\u00e0-\u00fc\u0101-\u01dc])[a-z\u00e0-\u00fc\u0101-\u01dc]{1,6}[1-5]? ?[)）])"
)
_CLUTTER = (r"[A-Za-z]", r"[^\w\s|]")
_SPACE_RUN = re.compile(r"(?<=\S)[ \u3000\u00a0]{2,}(?=\S)")


def _clean(text: str) -> tuple[str, list[int], list[int]]:
    """`text` without a copy's markup: the cleaned text, each character's offset in `text`
    and the end of what it stands for."""
    parts: list[str] = []
    origin: list[int] = []
    ends: list[int] = []
    pos = 0

    def keep(start: int, stop: int) -> None:
        parts.append(text[start:stop])
        origin.extend(range(start, stop))
        ends.extend(range(start + 1, stop + 1))

    def put(char: str, start: int, stop: int) -> None:
        parts.append(char)
        origin.append(start)
        ends.append(stop)

    for match in _MARKUP.finditer(text):
        keep(pos, match.start())
        kind, run = match.lastgroup, match.group()
        if kind == "jammer" and min(len(re.findall(p, run)) for p in _CLUTTER) < 3:
            keep(match.start(), match.end())  # not clutter (a table's | 1 | 2 | 3 |): kept
        elif kind == "block":
            put("\n", match.start(), match.end())
        elif kind == "entity":
            char = html.unescape(match.group())
            if len(char) == 1:
                put(" " if char == "\u00a0" else char, match.start(), match.end())
            elif char != match.group():
                pass  # an entity of several characters: dropped
            else:
                keep(match.start(), match.end())  # not an entity: kept as written
        pos = match.end()
    keep(pos, len(text))
    cleaned = "".join(parts)
    if '"' in cleaned:
        cleaned = _curly_quotes(cleaned)
    # Paragraphs a scrape ran together, set apart by runs of spaces in a very long line.
    if any(len(line) > 2000 for line in cleaned.split("\n")):
        runs = [
            m
            for m in _SPACE_RUN.finditer(cleaned)
            if cleaned.rfind("\n", 0, m.start()) < m.start() - 200
            or cleaned.find("\n", m.end()) < 0
            or cleaned.find("\n", m.end()) > m.end() + 200
        ]
        if runs:
            out: list[str] = []
            new_origin: list[int] = []
            new_ends: list[int] = []
            last = 0
            for m in runs:
                out.append(cleaned[last : m.start()])
                new_origin.extend(origin[last : m.start()])
                new_ends.extend(ends[last : m.start()])
                out.append("\n")
                new_origin.append(origin[m.start()])
                new_ends.append(ends[m.end() - 1])
                last = m.end()
            out.append(cleaned[last:])
            new_origin.extend(origin[last:])
            new_ends.extend(ends[last:])
            cleaned, origin, ends = "".join(out), new_origin, new_ends
    return cleaned, origin, ends


def _curly_quotes(text: str) -> str:
    """Straight double quotes as the report's curly ones, opening and closing by turns in each
    line ("十五五" → “十五五”): a label in quotation marks is read as a label, not a figure."""
    out: list[str] = []
    for line in text.split("\n"):
        if '"' not in line:
            out.append(line)
            continue
        chars = list(line)
        opening = True
        for index, char in enumerate(chars):
            if char == '"':
                chars[index] = "“" if opening else "”"
                opening = not opening
        out.append("".join(chars))
    return "\n".join(out)


def reflow(report: str) -> Reflowed:
    """The report as parsed: a copy's markup taken out (HTML tags and entities, Markdown
    heading and emphasis marks, thousands separators, runs of spaces for lost paragraph
    breaks), then its lines reflowed (`_reflow_lines`); offsets map back to `report`."""
    text, origin, ends = _clean(report)
    flow = _reflow_lines(text)
    return Reflowed(
        flow.text,
        [origin[i] if i < len(origin) else len(report) for i in flow.origin],
        [ends[i] if i < len(ends) else len(report) for i in flow.origin],
    )


def _reflow_lines(text: str) -> Reflowed:
    """The text as paragraphs, one a line, for parsing: CR, indentation, empty lines and
    spaces between Chinese and figures removed, and the breaks a copy puts inside a paragraph
    joined — after a clause's comma or semicolon (a web page's <br>), inside a figure
    (5.\\n5%, PM\\n2.5), at the end of a long line that stops mid-sentence, and in a text
    wrapped at a fixed width (a copy of a PDF) at the end of every full line — unless the next
    line starts with a list or section marker. Every kept character keeps its offset in
    `origin`, so a quote found in the reflowed text maps back to a verbatim span of `text`."""
    raw_lines: list[tuple[int, int]] = []  # (start, end) without CR and indentation
    pos = 0
    size = len(text)
    while pos <= size:
        nl = text.find("\n", pos)
        end = size if nl < 0 else nl
        start = pos
        while start < end and text[start] in _INDENT:
            start += 1
        stop = end
        while stop > start and text[stop - 1] in "\r" + _INDENT:
            stop -= 1
        if stop > start:
            raw_lines.append((start, stop))
        if nl < 0:
            break
        pos = nl + 1
    folded = parse_form(text)
    width = _wrap_width([folded[start:end] for start, end in raw_lines])
    parts: list[str] = []
    origin: list[int] = []
    joined = False  # the previous line's break was taken out
    for index, (start, end) in enumerate(raw_lines):
        pos = start
        for gap_start, gap_end in dropped_spaces(text, start, end):
            parts.append(text[pos:gap_start])
            origin.extend(range(pos, gap_start))
            pos = gap_end
        parts.append(text[pos:end])
        origin.extend(range(pos, end))
        if index + 1 == len(raw_lines):
            break
        joined = _soft_break(folded, (start, end), raw_lines[index + 1], width, joined)
        if not joined:
            parts.append("\n")
            origin.append(end)
    origin.append(raw_lines[-1][1] if raw_lines else 0)
    return Reflowed("".join(parts), origin, [i + 1 for i in origin])


_CLAUSE_END = re.compile(r"(?:\d\s*%|左右|以上|以内|以下)$")


def _wrap_width(lines: list[str]) -> int | None:
    """The width a text was wrapped at, when most of its lines are about that long."""
    long_lines = [line for line in lines if len(line) >= 15]
    counts: dict[int, int] = {}
    for line in long_lines:
        counts[len(line)] = counts.get(len(line), 0) + 1
    if not counts:
        return None
    width = max(counts, key=lambda n: (counts[n], n))
    near = [line for line in long_lines if width - 2 <= len(line) <= width + 2]
    # A report's paragraphs vary in length: three lines of one length, and two in five of the
    # long lines about as long, are a wrap. A wrap cuts sentences anywhere, so few of its full
    # lines end a sentence; and it is 20 characters wide at least: lines of a summary card
    # (headings over short targets, each closed by 。) are about as long, and no wrap.
    # A line that ends a sentence, or a target's clause (…8%左右, …以内: a digest's lines of
    # figures, one clause a line, without punctuation), ends where a wrap would seldom cut.
    closed = sum(1 for line in near if line[-1] in "。！？!?" or _CLAUSE_END.search(line))
    if counts[width] < 3 or len(near) < 0.4 * len(long_lines) or not 20 <= width <= 200:
        return None
    if closed * 2 >= len(near):
        return None
    return width


_BARE_LABEL = re.compile(r"[\u4e00-\u9fff]{2,16}")
_FIGURE_START = re.compile(
    r"(?:增长|增速|下降|降低|减少|控制在|稳定在|保持在|达到|提高|提升|突破|超过)?\s*\d+(?:\.\d+)?\s*"
    r"(?:%|‰|万|亿|个|元|家|项|户|人|套|吨|公里)"
)
_LABEL_LINE = re.compile(r"\s*(?:附件|附表|表|图|第)\s*\d")
_FRAGMENT = re.compile(r"[\d.]{1,4}")  # a subscript copied onto a line of its own: PM\n2.5
_CLOSED = "。！？!?：:”’）)》…"  # a paragraph may end after these, and after nothing else


def _soft_break(
    text: str,
    line: tuple[int, int],
    following: tuple[int, int],
    width: int | None,
    joined_before: bool = False,
) -> bool:
    start, end = line  # `text` is in its parse form
    if _LINE_MARKER.match(text, following[0], following[1]):
        return False
    last = text[end - 1]
    first = text[following[0]]
    nxt = text[following[0] : following[1]]
    current = text[start:end]
    if last == "|" or current.startswith("SOURCE:"):
        return False  # a table row ends with its cell separator; the page's source line
    if width is not None and end - start >= width - 2:
        return True  # a full line of a wrapped text
    if last in _OPEN_END:
        return True
    if _HEADING.match(current) and len(current) <= 40:
        return False  # a heading, however it ends
    # A figure cut by the break in a line of prose: "…增长5.\n5%", "…2\n%左右" (not a label
    # such as 附件1 above 2026年…); a subscript on a line of its own.
    cut = (last.isdigit() or last == ".") and (first.isdigit() or first in "%.")
    if cut and not _LABEL_LINE.match(current):
        return True
    if last.isascii() and last.isalpha() and _FRAGMENT.fullmatch(nxt):
        return True
    if joined_before and _FRAGMENT.fullmatch(current):
        return True
    # A list item's line (■…, ●…) before a short line without punctuation or figures — a
    # heading such as 今年重点工作 — ends there, however it ends.
    if LIST_LABEL.match(current) and len(nxt) <= 16 and not re.search(r"[\d,;。:、]", nxt):
        return False
    # An infographic's label over its figure (地区生产总值\n增长6%左右, 居民消费价格涨幅\n3%
    # 左右): one clause.
    if _BARE_LABEL.fullmatch(current) and _FIGURE_START.match(nxt):
        return True
    # A long line that stops mid-sentence, with no closing punctuation: a copy's break (四川's
    # "…带团队、带技术\n揭榜"), not the paragraph's end; headings and titles are shorter. A
    # line wholly in brackets after it (（编辑：…）, 【相关报道】) is a note of its own.
    if re.fullmatch(r"[（(【\[][^（(【\[]{0,40}[）)】\]]", nxt):
        return False
    if text.count("\n", end, following[0]) > 1 and _FIGURE_END.search(current):
        return False  # a list of targets broken over paragraphs: …力争完成65亿元, an empty line
    return len(current) > 40 and last not in _CLOSED


_FIGURE_END = re.compile(r"\d\s*(?:%|‰|[万亿]?元|个|家|项|户|人|吨)(?:左右|以上|以内)?$")
