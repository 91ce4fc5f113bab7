"""Loose spellings of the fixed lists map to their canonical values."""

from __future__ import annotations

import pytest

from bzdesk.errors import ValidationError
from bzdesk.services.staffing.dictionaries import (
    CHOICES,
    choices,
    match_choice,
    optional_choice,
    require_choice,
)


@pytest.mark.parametrize(("kind", "text", "expected"), [
    ("unit_rank", "正科级", "正科"), ("unit_rank", "正科", "正科"), ("unit_rank", "股级", "股级"),
    ("unit_rank", "副处级", "副处"), ("unit_kind", "党委工作部门", "党委工作机关"),
    ("unit_kind", "人大常委会机关", "人大机关"), ("unit_kind", " 乡 镇 ", "乡镇街道"),
    ("funding", "全额", "全额拨款"), ("funding", "差额", "差额拨款"),
    ("shiye_class", "公益一类事业单位", "公益一类"), ("start_route", "公招", "公开招聘"),
    ("start_route", "军转", "军转安置"), ("end_route", "病故", "死亡"),
    ("ethnicity", "汉", "汉族"), ("ethnicity", "维吾尔族", "维吾尔族"),
    ("political", "党员", "中共党员"), ("education", "本科", "大学本科"),
    ("leader_kind", "副职", "副"), ("stage", "普通高中", "高中"), ("sex", "女性", "女"),
    ("unit_kind", "外星机关", None), ("unit_rank", "", None), ("funding", "全额拨款级", None),
])
def test_match_choice(kind: str, text: str, expected: str | None) -> None:
    assert match_choice(kind, text) == expected  # type: ignore[arg-type]


def test_every_alias_points_to_a_value() -> None:
    for entry in CHOICES.values():
        assert set(entry.aliases.values()) <= set(entry.values)
    assert len(choices("ethnicity")) == 56


def test_require_choice_names_the_allowed_values() -> None:
    with pytest.raises(ValidationError) as err:
        require_choice("funding", "财政拨款")
    assert err.value.message == "经费形式“财政拨款”不在字典中，应为：全额拨款、差额拨款、自收自支。"
    assert err.value.problems[0].kind == "unknown_choice"
    with pytest.raises(ValidationError, match="请填写入编方式"):
        require_choice("start_route", " ", "入编方式")
    assert optional_choice("degree", "  ") is None
