"""The fixed lists of the staffing domain and the loose spellings sheets use.

Each list has its canonical values (what is stored) and an alias map for
the usual variants (正科级 = 正科, 党委工作部门 = 党委工作机关, 全额 = 全额拨款).
``match_choice`` is the one place that turns what a clerk typed into a
canonical value; the Excel importer calls it too. 编制类型 is not here: it
is a table (see categories.py) because offices add their own entries.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Final, Literal

from bzdesk.errors import ValidationError

ChoiceKind = Literal[
    "unit_kind", "unit_rank", "shiye_class", "funding", "unit_status", "start_route",
    "end_route", "leader_kind", "sex", "ethnicity", "political", "education", "degree",
    "stage", "area", "pool_kind", "plan_status",
]


@dataclass(frozen=True)
class ChoiceList:
    label: str
    values: tuple[str, ...]
    aliases: dict[str, str] = field(default_factory=dict)


_ETHNIC_GROUPS: Final = (
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
    "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
    "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族",
    "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族",
    "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族",
    "保安族", "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族",
    "基诺族",
)

CHOICES: Final[dict[ChoiceKind, ChoiceList]] = {
    "unit_kind": ChoiceList(
        "机构类别",
        ("党委工作机关", "人大机关", "政府工作部门", "政协机关", "监察机关", "审判机关",
         "检察机关", "民主党派机关", "群团机关", "事业单位", "乡镇街道"),
        {"党委工作部门": "党委工作机关", "党委部门": "党委工作机关", "党委机关": "党委工作机关",
         "人大常委会机关": "人大机关", "人大": "人大机关", "政府部门": "政府工作部门",
         "政府工作机关": "政府工作部门", "政协": "政协机关", "纪委监委": "监察机关",
         "监委": "监察机关", "法院": "审判机关", "检察院": "检察机关",
         "民主党派": "民主党派机关", "群团组织": "群团机关", "群团": "群团机关",
         "事业": "事业单位", "乡镇": "乡镇街道", "乡镇人民政府": "乡镇街道", "街道": "乡镇街道",
         "街道办事处": "乡镇街道"},
    ),
    # "正科级" → "正科" is handled by the generic 级 rule in match_choice.
    "unit_rank": ChoiceList("机构级别", ("正处", "副处", "正科", "副科", "股级"),
                            {"股": "股级"}),
    "shiye_class": ChoiceList(
        "事业单位分类", ("公益一类", "公益二类", "生产经营类"),
        {"一类": "公益一类", "二类": "公益二类", "公益一类事业单位": "公益一类",
         "公益二类事业单位": "公益二类", "经营类": "生产经营类",
         "生产经营类事业单位": "生产经营类"},
    ),
    "funding": ChoiceList(
        "经费形式", ("全额拨款", "差额拨款", "自收自支"),
        {"全额": "全额拨款", "财政全额拨款": "全额拨款", "全供": "全额拨款", "差额": "差额拨款",
         "差额补助": "差额拨款", "差供": "差额拨款", "自收": "自收自支", "自筹": "自收自支"},
    ),
    "unit_status": ChoiceList("机构状态", ("正常", "已撤销", "已合并"),
                              {"撤销": "已撤销", "合并": "已合并", "在用": "正常"}),
    "start_route": ChoiceList(
        "入编方式", ("考录", "公开招聘", "选调", "调任", "转任", "军转安置", "遴选", "其他"),
        {"公务员考录": "考录", "考试录用": "考录", "公招": "公开招聘", "招聘": "公开招聘",
         "事业单位公开招聘": "公开招聘", "选调生": "选调", "调入": "调任", "军转": "军转安置",
         "军队转业": "军转安置", "军转干部安置": "军转安置", "公开遴选": "遴选", "其它": "其他"},
    ),
    "end_route": ChoiceList(
        "出编方式", ("退休", "调出", "辞职", "辞退", "开除", "死亡", "其他"),
        {"病故": "死亡", "去世": "死亡", "离世": "死亡", "调离": "调出", "其它": "其他"},
    ),
    "leader_kind": ChoiceList("领导职务", ("正", "副"), {"正职": "正", "副职": "副"}),
    "sex": ChoiceList("性别", ("男", "女"), {"男性": "男", "女性": "女"}),
    "ethnicity": ChoiceList("民族", tuple(_ETHNIC_GROUPS),
                            {g.removesuffix("族"): g for g in _ETHNIC_GROUPS}),
    "political": ChoiceList(
        "政治面貌",
        ("中共党员", "中共预备党员", "共青团员", "民革党员", "民盟盟员", "民建会员", "民进会员",
         "农工党党员", "致公党党员", "九三学社社员", "台盟盟员", "无党派人士", "群众"),
        {"党员": "中共党员", "中国共产党党员": "中共党员", "预备党员": "中共预备党员",
         "团员": "共青团员", "无党派": "无党派人士"},
    ),
    "education": ChoiceList(
        "学历", ("研究生", "大学本科", "大学专科", "中专", "高中", "初中及以下"),
        {"博士研究生": "研究生", "硕士研究生": "研究生", "本科": "大学本科",
         "大专": "大学专科", "专科": "大学专科", "中等专科": "中专", "中技": "中专",
         "初中": "初中及以下", "小学": "初中及以下"},
    ),
    "degree": ChoiceList("学位", ("博士", "硕士", "学士", "无"),
                         {"博士学位": "博士", "硕士学位": "硕士", "学士学位": "学士",
                          "无学位": "无"}),
    "stage": ChoiceList("学段", ("高中", "初中", "小学"),
                        {"普通高中": "高中", "高级中学": "高中", "初级中学": "初中"}),
    "area": ChoiceList("学校所在地", ("城市", "县镇", "农村"),
                       {"城区": "城市", "县城": "县镇", "镇区": "县镇", "乡村": "农村"}),
    "pool_kind": ChoiceList("周转池业务", ("收回", "借出", "归还")),
    "plan_status": ChoiceList("计划状态", ("待审核", "已批准", "已驳回", "已完成", "已过期")),
}


def _tidy(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def choices(kind: ChoiceKind) -> tuple[str, ...]:
    return CHOICES[kind].values


def match_choice(kind: ChoiceKind, text: str) -> str | None:
    """The canonical value a loosely written ``text`` means, or None."""
    entry = CHOICES[kind]
    word = _tidy(text)
    if not word:
        return None
    if word in entry.values:
        return word
    if word in entry.aliases:
        return entry.aliases[word]
    # Levels are written with or without 级 (正科级 = 正科); 股级 keeps it.
    if kind == "unit_rank" and word.endswith("级") and word[:-1] in entry.values:
        return word[:-1]
    return None


def require_choice(kind: ChoiceKind, text: str, column: str | None = None) -> str:
    """``match_choice`` or a ValidationError that names the allowed values."""
    found = match_choice(kind, text)
    if found is None:
        entry = CHOICES[kind]
        shown = "、".join(entry.values)
        reason = (f"请填写{entry.label}。" if not _tidy(text)
                  else f"{entry.label}“{text.strip()}”不在字典中，应为：{shown}。")
        raise ValidationError.single(column or entry.label, text, reason,
                                     "missing" if not _tidy(text) else "unknown_choice")
    return found


def optional_choice(kind: ChoiceKind, text: str | None, column: str | None = None) -> str | None:
    """Like ``require_choice`` but an empty value stays None."""
    if text is None or not _tidy(text):
        return None
    return require_choice(kind, text, column)
