"""The material the demo generator draws from: names and a county's unit list.

Unit templates use {c} for the county's name (南昌县) and {t} for a town's
(莲塘); ``posts`` gives each 编制类型 code a weight: the share of the
county's people the unit gets per town or per county.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

SURNAMES: Final = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤"
)
MALE_GIVEN: Final = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林洋文建国志东海峰成亮"
FEMALE_GIVEN: Final = "芳娜敏静丽艳娟霞秀燕玲桂丹萍红琴云莉兰婷雪琳慧颖倩洁晶欣怡佳梅英华璐"
TOWNS: Final = (
    "莲塘", "向塘", "三江", "黄马", "幽兰", "塔城", "泾口", "南新", "广福", "武阳", "冈上", "富山",
    "东新", "蒋巷", "昌东", "凤凰", "石埠", "金湖", "龙津", "鼎湖",
)
COUNTIES: Final = (
    "青山县", "临江县", "白沙县", "桃源县", "清溪县", "安平县", "永宁县", "长乐县", "丰泽县",
    "景德县", "宁远县", "崇仁县",
)
ETHNIC_MINORITIES: Final = ("回族", "畲族", "壮族", "苗族", "满族", "土家族")
POLITICAL: Final = (("中共党员", 45), ("群众", 35), ("共青团员", 12), ("中共预备党员", 2),
                    ("民盟盟员", 2), ("九三学社社员", 1), ("无党派人士", 3))
EDUCATION: Final = (("大学本科", 62), ("研究生", 8), ("大学专科", 22), ("中专", 5), ("高中", 3))
DEGREE_FOR: Final = {"研究生": "硕士", "大学本科": "学士"}


@dataclass(frozen=True)
class UnitTemplate:
    pattern: str
    kind: str
    posts: str  # "XZ:1.0,GQ:0.1": 编制类型 code → weight
    rank: str | None = "正科"
    parent: str | None = None  # the pattern of the parent unit
    shiye_class: str | None = None
    funding: str | None = "全额拨款"
    leaders: tuple[int, int] = (1, 2)  # 正职, 副职
    stages: tuple[str, ...] = ()  # a school's 学段
    per_town: bool = False


_ORGAN = "XZ:1.0,GQ:0.1"
_SY = "SY:1.0"
COUNTY_UNITS: Final = (
    UnitTemplate("中共{c}委办公室", "党委工作机关", _ORGAN, leaders=(1, 3)),
    UnitTemplate("中共{c}委组织部", "党委工作机关", _ORGAN, leaders=(1, 3)),
    UnitTemplate("中共{c}委宣传部", "党委工作机关", _ORGAN),
    UnitTemplate("中共{c}委统一战线工作部", "党委工作机关", _ORGAN),
    UnitTemplate("中共{c}委政法委员会", "党委工作机关", _ORGAN),
    UnitTemplate("中共{c}委机构编制委员会办公室", "党委工作机关", "XZ:0.6"),
    UnitTemplate("中共{c}纪律检查委员会", "监察机关", "XZ:1.6", leaders=(1, 4)),
    UnitTemplate("{c}人大常委会办公室", "人大机关", _ORGAN),
    UnitTemplate("{c}政协办公室", "政协机关", _ORGAN),
    UnitTemplate("{c}人民政府办公室", "政府工作部门", "XZ:1.4,GQ:0.2", leaders=(1, 4)),
    UnitTemplate("{c}发展和改革委员会", "政府工作部门", _ORGAN, leaders=(1, 3)),
    UnitTemplate("{c}教育体育局", "政府工作部门", _ORGAN, leaders=(1, 3)),
    UnitTemplate("{c}公安局", "政府工作部门", "ZF:6.0,XZ:0.5,GQ:0.3", leaders=(1, 4)),
    UnitTemplate("{c}民政局", "政府工作部门", _ORGAN),
    UnitTemplate("{c}司法局", "政府工作部门", "ZF:0.8,XZ:0.3"),
    UnitTemplate("{c}财政局", "政府工作部门", _ORGAN, leaders=(1, 3)),
    UnitTemplate("{c}人力资源和社会保障局", "政府工作部门", _ORGAN),
    UnitTemplate("{c}自然资源局", "政府工作部门", _ORGAN),
    UnitTemplate("{c}住房和城乡建设局", "政府工作部门", _ORGAN),
    UnitTemplate("{c}交通运输局", "政府工作部门", _ORGAN),
    UnitTemplate("{c}农业农村局", "政府工作部门", _ORGAN, leaders=(1, 3)),
    UnitTemplate("{c}水利局", "政府工作部门", _ORGAN),
    UnitTemplate("{c}卫生健康委员会", "政府工作部门", _ORGAN),
    UnitTemplate("{c}退役军人事务局", "政府工作部门", _ORGAN),
    UnitTemplate("{c}应急管理局", "政府工作部门", _ORGAN),
    UnitTemplate("{c}审计局", "政府工作部门", _ORGAN),
    UnitTemplate("{c}市场监督管理局", "政府工作部门", "XZ:2.0,GQ:0.1", leaders=(1, 4)),
    UnitTemplate("{c}统计局", "政府工作部门", "XZ:0.5"),
    UnitTemplate("{c}医疗保障局", "政府工作部门", "XZ:0.5"),
    UnitTemplate("{c}人民法院", "审判机关", "ZF:2.5,GQ:0.2", leaders=(1, 3)),
    UnitTemplate("{c}人民检察院", "检察机关", "ZF:1.8,GQ:0.1", leaders=(1, 3)),
    UnitTemplate("{c}总工会", "群团机关", "XZ:0.4"),
    UnitTemplate("共青团{c}委员会", "群团机关", "XZ:0.3", leaders=(1, 1)),
    UnitTemplate("{c}妇女联合会", "群团机关", "XZ:0.3", leaders=(1, 1)),
    UnitTemplate("{c}融媒体中心", "事业单位", "SY:1.2", parent="中共{c}委宣传部",
                 shiye_class="公益一类"),
    UnitTemplate("{c}疾病预防控制中心", "事业单位", "SY:1.5", parent="{c}卫生健康委员会",
                 shiye_class="公益一类"),
    UnitTemplate("{c}人民医院", "事业单位", "SY:12.0,GQ:0.5", parent="{c}卫生健康委员会",
                 shiye_class="公益二类", funding="差额拨款", rank="副处", leaders=(1, 4)),
    UnitTemplate("{c}中医院", "事业单位", "SY:6.0", parent="{c}卫生健康委员会",
                 shiye_class="公益二类", funding="差额拨款", leaders=(1, 3)),
    UnitTemplate("{c}妇幼保健院", "事业单位", "SY:3.0", parent="{c}卫生健康委员会",
                 shiye_class="公益二类", funding="差额拨款"),
    UnitTemplate("{c}第一中学", "事业单位", "SY:7.0,GQ:0.2", parent="{c}教育体育局",
                 shiye_class="公益一类", leaders=(1, 3), stages=("初中", "高中")),
    UnitTemplate("{c}第二中学", "事业单位", "SY:5.5", parent="{c}教育体育局",
                 shiye_class="公益一类", stages=("初中", "高中")),
    UnitTemplate("{c}实验中学", "事业单位", "SY:4.0", parent="{c}教育体育局",
                 shiye_class="公益一类", stages=("初中",)),
    UnitTemplate("{c}实验小学", "事业单位", "SY:3.5", parent="{c}教育体育局",
                 shiye_class="公益一类", stages=("小学",)),
    UnitTemplate("{c}社会保险服务中心", "事业单位", "SY:0.8",
                 parent="{c}人力资源和社会保障局", shiye_class="公益一类", rank="副科"),
    UnitTemplate("{c}不动产登记中心", "事业单位", "SY:0.8", parent="{c}自然资源局",
                 shiye_class="公益一类", rank="副科"),
    UnitTemplate("{c}农业技术推广中心", "事业单位", "SY:1.0", parent="{c}农业农村局",
                 shiye_class="公益一类", rank="副科"),
    UnitTemplate("{c}自来水公司", "事业单位", "SY:0.6", parent="{c}住房和城乡建设局",
                 shiye_class="生产经营类", funding="自收自支", rank="股级"),
    UnitTemplate("{t}镇人民政府", "乡镇街道", "XZ:1.2,SY:0.2", per_town=True, leaders=(1, 5)),
    UnitTemplate("{t}镇便民服务中心", "事业单位", "SY:0.6", parent="{t}镇人民政府",
                 shiye_class="公益一类", rank="股级", per_town=True, leaders=(1, 1)),
    UnitTemplate("{t}镇卫生院", "事业单位", "SY:1.6", parent="{c}卫生健康委员会",
                 shiye_class="公益一类", rank="股级", per_town=True, leaders=(1, 2)),
    UnitTemplate("{t}镇中心小学", "事业单位", "SY:3.2", parent="{c}教育体育局",
                 shiye_class="公益一类", rank="股级", per_town=True, stages=("小学",)),
    UnitTemplate("{t}镇初级中学", "事业单位", "SY:2.4", parent="{c}教育体育局",
                 shiye_class="公益一类", rank="股级", per_town=True, stages=("初中",)),
)
