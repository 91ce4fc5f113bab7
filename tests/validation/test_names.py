"""People's names."""

from __future__ import annotations

import pytest

from bzdesk.validation import InvalidValue, normalise_person_name


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("张三", "张三"),
        ("  张三  ", "张三"),
        ("张  三", "张三"),
        ("张\u3000三", "张三"),
        ("张\t三\r\n", "张三"),
        ("欧 阳 娜 娜", "欧阳娜娜"),
        ("阿依古丽·买买提", "阿依古丽·买买提"),
        ("阿依古丽.买买提", "阿依古丽·买买提"),
        ("阿依古丽．买买提", "阿依古丽·买买提"),
        ("阿依古丽•买买提", "阿依古丽·买买提"),
        ("阿依古丽・买买提", "阿依古丽·买买提"),
        ("阿依古丽 · 买买提", "阿依古丽·买买提"),
        ("阿依古丽··买买提", "阿依古丽·买买提"),
        ("John   Smith", "John Smith"),
        ("Ｊｏｈｎ Ｓｍｉｔｈ", "John Smith"),
        ("张 John", "张 John"),
        ("张\u200b三", "张三"),
        ("\ufeff李四", "李四"),
        ("王〇", "王〇"),
        ("𠮷 野", "𠮷野"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise_person_name(raw) == expected


def test_is_idempotent() -> None:
    once = normalise_person_name(" 阿依古丽 . 买买提 ")
    assert normalise_person_name(once) == once


@pytest.mark.parametrize("raw", ["", "   ", "\u3000", "\u200b"])
def test_missing(raw: str) -> None:
    with pytest.raises(InvalidValue) as exc:
        normalise_person_name(raw)
    assert exc.value.kind == "missing"
    assert exc.value.reason == "请填写姓名"


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("张三3", "数字"),
        ("张三３", "数字"),
        ("张\x00三", "控制字符"),
        ("张\x07三", "控制字符"),
        ("张\x1c三", "控制字符"),
        ("张\x85三", "控制字符"),
        ("张\u202e三", "控制字符"),
        ("·张三", "开头或结尾"),
        ("张三.", "开头或结尾"),
        ("张" * 51, "过长"),
    ],
)
def test_bad_format(raw: str, fragment: str) -> None:
    with pytest.raises(InvalidValue) as exc:
        normalise_person_name(raw)
    assert exc.value.kind == "bad_format"
    assert fragment in exc.value.reason


def test_fifty_characters_is_the_limit() -> None:
    assert normalise_person_name("张" * 50) == "张" * 50
    # Whitespace that gets removed does not count.
    assert normalise_person_name(" ".join("张" * 50)) == "张" * 50


def test_chinese_numerals_are_not_digits() -> None:
    assert normalise_person_name("张三丰") == "张三丰"
    assert normalise_person_name("李一二") == "李一二"


def test_tidy_text_keeps_chinese_punctuation_and_folds_full_width_alphanumerics() -> None:
    from bzdesk.validation.text import tidy_text

    assert tidy_text("新增业务，申请补充人员（２人）") == "新增业务，申请补充人员（2人）"
    assert tidy_text("  南昌县编发〔２０２４〕　１号  ") == "南昌县编发〔2024〕 1号"
    assert tidy_text(None) == ""
