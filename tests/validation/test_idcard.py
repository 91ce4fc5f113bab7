"""公民身份号码 (GB 11643-1999)."""

from __future__ import annotations

import pickle
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bzdesk.validation import (
    IdCardInfo,
    InvalidValue,
    Sex,
    check_digit,
    mask_id,
    normalise_id,
    upgrade_15_to_18,
    validate_id,
)

TODAY = date(2026, 1, 1)


@pytest.mark.parametrize(
    ("number", "born", "sex"),
    [
        ("11010519491231002X", date(1949, 12, 31), "女"),
        ("440524188001010014", date(1880, 1, 1), "男"),
        ("34052419800101001X", date(1980, 1, 1), "男"),
    ],
)
def test_valid_vectors(number: str, born: date, sex: Sex) -> None:
    info = validate_id(number, today=TODAY)
    assert info == IdCardInfo(number=number, birth_date=born, sex=sex)


def test_default_today_accepts_a_past_birth() -> None:
    assert validate_id("11010519491231002X").birth_date == date(1949, 12, 31)


def test_info_is_frozen() -> None:
    info = validate_id("11010519491231002X", today=TODAY)
    with pytest.raises(AttributeError):
        info.number = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    "raw",
    [
        "１１０１０５１９４９１２３１００２ｘ",
        " 11010519491231002x ",
        "\u3000110105 19491231 002X\t",
        "110105\u300019491231\n002x",
    ],
)
def test_normalise(raw: str) -> None:
    assert normalise_id(raw) == "11010519491231002X"
    assert validate_id(raw, today=TODAY).number == "11010519491231002X"


def test_normalise_is_idempotent_and_never_raises() -> None:
    assert normalise_id("") == ""
    assert normalise_id("abc x") == "abcX"
    assert normalise_id(normalise_id(" １x ")) == "1X"


def test_bad_checksum() -> None:
    with pytest.raises(InvalidValue) as exc:
        validate_id("110105194912310021", today=TODAY)
    assert exc.value.kind == "bad_checksum"
    assert exc.value.reason == "身份证号码校验位不正确，应为 X，请核对原件"
    assert str(exc.value) == exc.value.reason


def test_bad_date_not_a_real_date() -> None:
    with pytest.raises(InvalidValue) as exc:
        validate_id("11010519491331002X", today=TODAY)
    assert exc.value.kind == "bad_date"
    assert "19491331" in exc.value.reason
    assert "不存在" in exc.value.reason


def test_bad_date_february_29_in_a_common_year() -> None:
    first17 = "11010519490229001"
    with pytest.raises(InvalidValue) as exc:
        validate_id(first17 + check_digit(first17), today=TODAY)
    assert exc.value.kind == "bad_date"


def test_bad_date_in_the_future() -> None:
    first17 = "11010520260102001"
    number = first17 + check_digit(first17)
    with pytest.raises(InvalidValue) as exc:
        validate_id(number, today=TODAY)
    assert exc.value.kind == "bad_date"
    assert "晚于今天" in exc.value.reason
    # The same number is fine once that day has come.
    assert validate_id(number, today=date(2026, 1, 2)).birth_date == date(2026, 1, 2)


def test_bad_date_too_early() -> None:
    first17 = "11010517991231001"
    with pytest.raises(InvalidValue) as exc:
        validate_id(first17 + check_digit(first17), today=TODAY)
    assert exc.value.kind == "bad_date"
    assert "早于" in exc.value.reason


@pytest.mark.parametrize("raw", ["", "   ", "\u3000", "\t\n"])
def test_missing(raw: str) -> None:
    with pytest.raises(InvalidValue) as exc:
        validate_id(raw, today=TODAY)
    assert exc.value.kind == "missing"
    assert exc.value.reason == "请填写身份证号码"


def test_wrong_length_names_the_length() -> None:
    with pytest.raises(InvalidValue) as exc:
        validate_id("11010519491231002", today=TODAY)
    assert exc.value.kind == "bad_format"
    assert exc.value.reason == "身份证号码应为 18 位（现为 17 位）"


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("1101051949123100XX", "第 17 位“X”"),
        ("A1010519491231002X", "第 1 位“A”"),
        ("11010519491231002Y", "“Y”"),
        ("1101051949-231002X", "第 11 位“-”"),
        ("11010519491231002١", "“١”"),  # an Arabic-Indic digit is not a digit here
        ("11010549123100A", "第 15 位“A”"),  # old 15-digit number
    ],
)
def test_bad_characters(raw: str, fragment: str) -> None:
    with pytest.raises(InvalidValue) as exc:
        validate_id(raw, today=TODAY)
    assert exc.value.kind == "bad_format"
    assert fragment in exc.value.reason


def test_check_digit() -> None:
    assert check_digit("11010519491231002") == "X"
    assert check_digit("44052418800101001") == "4"
    with pytest.raises(InvalidValue) as exc:
        check_digit("1101051949123100")
    assert exc.value.kind == "bad_format"
    with pytest.raises(InvalidValue):
        check_digit("1101051949123100X")


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_check_digit_is_the_weighted_sum_of_the_standard(first17: str) -> None:
    # GB 11643-1999 as written: weights 2^(17-i) mod 11, check char "10X98765432"[sum mod 11]
    total = sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(first17))
    assert check_digit(first17) == "10X98765432"[total % 11]


@pytest.mark.parametrize("first17", ["1101051949123100a", "1101051949123100_", "+1101051949123100",
                                     "1101051949123 100", "1101051949123100١"])
def test_check_digit_takes_only_ascii_digits(first17: str) -> None:
    with pytest.raises(InvalidValue) as exc:
        check_digit(first17)
    assert exc.value.kind == "bad_format"


def test_upgrade_15_to_18() -> None:
    assert upgrade_15_to_18("110105491231002") == "11010519491231002X"
    info = validate_id("110105491231002", today=TODAY)
    assert info == IdCardInfo("11010519491231002X", date(1949, 12, 31), "女")
    assert validate_id(" 340524800101001 ", today=TODAY).number == "34052419800101001X"
    with pytest.raises(InvalidValue):
        upgrade_15_to_18("11010549123100")


def test_upgrade_15_with_bad_date() -> None:
    with pytest.raises(InvalidValue) as exc:
        validate_id("110105491331002", today=TODAY)
    assert exc.value.kind == "bad_date"
    assert "19491331" in exc.value.reason


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("11010519491231002X", "110105********002X"),
        (" 11010519491231002x ", "110105********002X"),
        ("110105491231002", "110105*****1002"),
        ("12345678", "12****78"),
        ("1234", "1**4"),
        ("123", "***"),
        ("", ""),
    ],
)
def test_mask_id(raw: str, masked: str) -> None:
    assert mask_id(raw) == masked


def test_invalid_value_pickles() -> None:
    err = InvalidValue("身份证号码应为 18 位（现为 17 位）", "bad_format")
    copy = pickle.loads(pickle.dumps(err))
    assert isinstance(copy, InvalidValue)
    assert (copy.reason, copy.kind) == (err.reason, err.kind)


# --- properties ------------------------------------------------------------------------

regions = st.text(alphabet="0123456789", min_size=6, max_size=6)
births = st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31))
sequences = st.integers(min_value=0, max_value=999)


@st.composite
def valid_ids(draw: st.DrawFn) -> tuple[str, date, int]:
    region = draw(regions)
    born = draw(births)
    seq = draw(sequences)
    first17 = f"{region}{born:%Y%m%d}{seq:03d}"
    return first17 + check_digit(first17), born, seq


@given(valid_ids())
def test_every_generated_id_is_valid(case: tuple[str, date, int]) -> None:
    number, born, seq = case
    info = validate_id(number, today=TODAY)
    assert info.number == number
    assert info.birth_date == born
    assert info.sex == ("男" if seq % 2 == 1 else "女")
    assert validate_id(number.lower(), today=TODAY) == info


@given(valid_ids(), st.integers(min_value=0, max_value=17), st.sampled_from("0123456789X"))
def test_any_single_change_is_caught(
    case: tuple[str, date, int], position: int, replacement: str
) -> None:
    number = case[0]
    assume(number[position] != replacement)
    changed = number[:position] + replacement + number[position + 1 :]
    assert changed != number
    with pytest.raises(InvalidValue) as exc:
        validate_id(changed, today=TODAY)
    assert exc.value.kind in {"bad_format", "bad_date", "bad_checksum"}


@given(
    st.text(alphabet="0123456789", min_size=6, max_size=6),
    st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31)),
    sequences,
)
def test_every_15_digit_number_upgrades(region: str, born: date, seq: int) -> None:
    old = f"{region}{born:%y%m%d}{seq:03d}"
    info = validate_id(old, today=TODAY)
    assert info.number[:6] == region
    assert info.number[6:8] == "19"
    assert info.number[17] == check_digit(info.number[:17])
    assert info.birth_date == born
    assert validate_id(info.number, today=TODAY) == info


@given(valid_ids())
def test_mask_hides_the_birth_date(case: tuple[str, date, int]) -> None:
    masked = mask_id(case[0])
    assert len(masked) == 18
    assert masked[6:14] == "********"
    assert masked[:6] + masked[14:] == case[0][:6] + case[0][14:]
