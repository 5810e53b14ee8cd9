"""The parse form's character tables (`text.parse_form`): full-width ASCII as half-width,
traditional characters and Japanese forms as simplified, one character for one, so every offset
of the parse form is an offset of the report's text."""

from __future__ import annotations

import re
import unicodedata

from plancli.radicals import RADICALS

# Full-width ASCII (！ to ～) → ASCII, the ideographic space → space; the Chinese list comma 、,
# the full stop 。 and the curly quotes are left as they are (they carry meaning of their own).
FULL_TO_HALF = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
FULL_TO_HALF[0x3000] = 0x20
FULL_TO_HALF[ord("—")] = ord("—")  # kept: the report's range dash, matched as itself
# The small forms a big5 copy sets for punctuation (﹔ for ；, ﹐ for ，): read as the usual ones.
FULL_TO_HALF.update({0xFE50: ord(","), 0xFE51: ord("、"), 0xFE52: ord(".")})
FULL_TO_HALF.update({0xFE54: ord(";"), 0xFE55: ord(":"), 0xFE56: ord("?"), 0xFE57: ord("!")})
FULL_TO_HALF.update({0xFE59: ord("("), 0xFE5A: ord(")"), 0xFE6A: ord("%")})
# Traditional characters → simplified, one for one (the same length, so offsets hold): a copy
# of a report set in traditional characters (a Hong Kong or Taiwan site's page, a big5 gate) is
# parsed as the simplified report it copies. Only characters that simplified text does not use
# are mapped, so a simplified report's parse form is unchanged. Written for this genre's
# vocabulary (indicators, units, leads, places), not a full converter: an unmapped character
# only leaves that word unread. Checked against OpenCC's table (docs/extract.md, round 8).
TRADITIONAL = (
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
SIMPLIFIED = (
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
# Forms OpenCC's tables write that the table above lacks (session 27's audit TC: s2t's 考覈 for
# 考核, 啓动, 牀位, 託育, 瀋阳, 壁壘; every table's 儘快, 公頃, 4箇中小企業; s2hk's 衞, 閲, 鋭),
# and the Hong Kong and Taiwan variant forms of characters read above (衞 for 衛, 敍 for 敘):
# each a character of OpenCC's traditional→simplified table that is not its own simplified
# form, found in no simplified report of the corpus (docs/extract.md, session 27).
OPENCC_FORMS = (
    "託啓瀋掛樑叢願衞輻脈牀楓賃尋煥併壘澇韻覈礪儘夢繕禦捨篤靚濰驛壟盃鍥賡渾腫鋰頃塵嚮娛錳螄磚檻鈷宮媽蓮鈦蠻窪殲繡鑑蹟嵐鹹棗誰瑪傢烴籤"
    "獼釩撾剷馳釘喚蝦嶽澱鋅矚睏鈉薈嶗茲窯卹瀘閲鋭喫綏凍蠅蟻繆縈穫蕩締摺閔殭侖煩鱔盪鈞鈾狹釷銘錸蟬鉑丟甦撲鷺詔蒞瀨謙擰萊鄆鰲樺龐寵蘿鴿"
    "鯧鱸蠔湊撈樸飾蝸矯塗鏽蔣灃釀甕夾鎵銻鍺謨淵諫潁賈輟摯繹箇犛崍騏驥綻菸枱鐳鈎竈脣敍粧枴糭踴缽嫻簷洩痺睪韁鯰"
)
OPENCC_SIMPLIFIED = (
    "托启沈挂梁丛愿卫辐脉床枫赁寻焕并垒涝韵核砺尽梦缮御舍笃靓潍驿垄杯锲赓浑肿锂顷尘向娱锰蛳砖槛钴宫妈莲钛蛮洼歼绣鉴迹岚咸枣谁玛家烃签"
    "猕钒挝铲驰钉唤虾岳淀锌瞩困钠荟崂兹窑恤泸阅锐吃绥冻蝇蚁缪萦获荡缔折闵僵仑烦鳝荡钧铀狭钍铭铼蝉铂丢苏扑鹭诏莅濑谦拧莱郓鳌桦庞宠萝鸽"
    "鲳鲈蚝凑捞朴饰蜗矫涂锈蒋沣酿瓮夹镓锑锗谟渊谏颍贾辍挚绎个牦崃骐骥绽烟台镭钩灶唇叙妆拐粽踊钵娴檐泄痹睾缰鲇"
)
# Japanese forms of Chinese characters that an input method or a copy slips into a Chinese page
# (全省生产总值増长8-8.5%, 増 for 增: set M's 224), read as the simplified ones. Japanese use
# only: no Chinese text means anything else by them.
VARIANTS = "増収価総経済労続従児単発気図関実営圧鉄県険剰拡歩顕様帰観権変転軽戦厳"
VARIANTSSIMPLIFIED = "增收价总经济劳续从儿单发气图关实营压铁县险剩扩步显样归观权变转轻战严"
# Radicals a PDF's text layer gives for whole characters (地区⽣产总值增⻓: `plancli.radicals`):
# each Kangxi radical (U+2F00–U+2FD5) read as the one ideograph it is compatible with (NFKC), the
# supplement's whole-character radicals by the table, then simplified where traditional.
KANGXI = {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0x2F00, 0x2FD6)}
_SIMPLIFIED_OF = dict(zip(TRADITIONAL, SIMPLIFIED, strict=True))
_SIMPLIFIED_OF.update(zip(OPENCC_FORMS, OPENCC_SIMPLIFIED, strict=True))
PARSE_TABLE = str.maketrans(
    {
        **{chr(k): chr(v) for k, v in FULL_TO_HALF.items()},
        **_SIMPLIFIED_OF,
        **dict(zip(VARIANTS, VARIANTSSIMPLIFIED, strict=True)),
        # a radical read as its character, simplified where that is traditional (⾧ 長 → 长)
        **{r: _SIMPLIFIED_OF.get(c, c) for r, c in {**KANGXI, **RADICALS}.items()},
        # corner brackets, as Hong Kong and Taiwan pages set quotation marks (办好「十件民生实事」),
        # and their vertical forms: read as the curly quotes they stand for, so a label in
        # them is a label (「117项目」 names a project; 117 is no target)
        **dict(zip("「」『』﹁﹂﹃﹄", "“”‘’“”‘’", strict=True)),
    }
)

# Words a Taiwan-phrased copy (OpenCC s2twp, s2tw) writes for the mainland's, read as the
# mainland's where the length is the same (offsets hold) and the traditional word is none a
# simplified text writes: 專案 (项目: the seed's 政府投资重点專案91项 would read as projects
# counted, its 亿元 lost), 叢集 (集群); 著 as 着 in 着力, 着眼, 着重, 着手 (not after 显, 卓, 昭:
# 显著重要) and after 沿, 随, 接, 跟… (沿著, 隨著). 著 alone is a simplified character (显著,
# 著名), so it is read as 着 only there. Words simplified text also writes are left as they
# are: s2twp's 支援 (支持), 建立 (创建), 設定 (设置) — a report's own 对口支援, 建立健全, 设定
# read the same in every copy, so no one word can stand for the other. The verbs are read as
# verbs instead (`work_forms.VERB`: 支援, 建立, 设定 count as 支持, 创建, 设置 do), so an s2twp
# copy's 支援1萬名…, 建立…社群80個 draft the simplified report's targets (session 28).
# 水準 is s2twp's 水平 (保持上年水準, 高於全國平均水準: 安徽 2020's copy, set OO); the
# simplified 水准 (a surveyor's level) is never written 水準 in a simplified report.
_WORDS = {"專案": "项目", "叢集": "集群", "水準": "水平"}
_WORD = re.compile(
    "專案|叢集|水準|(?<![顯显卓昭])著(?=[力眼重手])|(?<=[沿隨随接跟迎頂顶載载枕誌志味繞绕帶带盯圍围])著"
)


def fold_words(text: str, folded: str) -> str:
    """`folded` (`text` through `PARSE_TABLE`) with a Taiwan-phrased copy's words as the
    mainland's (`_WORDS`, 著 as 着), each of the same length: offsets hold."""
    if not any(mark in text for mark in "專叢著準"):
        return folded
    parts: list[str] = []
    last = 0
    for match in _WORD.finditer(text):
        parts.append(folded[last : match.start()])
        parts.append(_WORDS.get(match.group(), "着"))
        last = match.end()
    if not parts:
        return folded
    parts.append(folded[last:])
    return "".join(parts)


# A drafted name (a section's heading, a target's words) is read from the parse form, where
# the report's ，；：（） became ASCII; in a Chinese name they are Chinese again (老旧街区（厂区）
# 改造, not 老旧街区(厂区)改造) — and so is a copy's ASCII punctuation. A comma or colon
# between digits (1,000, 8:30) stays as it is. The space a typesetter puts between Chinese and
# Latin letters or figures (LibreOffice's PDFs: 新建5G 基站, 服务保障 COP15大会) is taken out.
_NAME_PUNCTUATION = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"}
_CJK_LATIN_SPACE = re.compile(
    r"(?<=[\u4e00-\u9fff]) (?=[A-Za-z0-9])|(?<=[A-Za-z0-9%]) (?=[\u4e00-\u9fff])"
)


def tidy_name(name: str) -> str:
    """`name` with ASCII punctuation as the Chinese text around it writes it, and no space
    between Chinese and Latin letters or figures."""
    chars = list(_CJK_LATIN_SPACE.sub("", name))
    for index, char in enumerate(chars):
        full = _NAME_PUNCTUATION.get(char)
        if full is None:
            continue
        between_digits = (
            char in ",:"
            and 0 < index < len(chars) - 1
            and chars[index - 1].isdigit()
            and chars[index + 1].isdigit()
        )
        if not between_digits:
            chars[index] = full
    return "".join(chars)
