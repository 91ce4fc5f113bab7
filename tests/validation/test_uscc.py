"""统一社会信用代码 (GB 32100-2015)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bzdesk.validation import InvalidValue, normalise_uscc, uscc_check_char, validate_uscc
from bzdesk.validation.uscc import USCC_CHARSET


def test_charset() -> None:
    assert len(USCC_CHARSET) == 31
    assert not set("IOZSV") & set(USCC_CHARSET)


@pytest.mark.parametrize("code", ["91350100M000100Y43", "112302070019030687", "91110108551385082Q"])
def test_valid_vectors(code: str) -> None:
    assert validate_uscc(code) == code
    assert uscc_check_char(code[:17]) == code[17]


@pytest.mark.parametrize(
    "raw",
    [" 91350100m000100y43 ", "９１３５０１００Ｍ０００１００Ｙ４３", "913501 00M000 100Y43\u3000"],
)
def test_normalise(raw: str) -> None:
    assert normalise_uscc(raw) == "91350100M000100Y43"
    assert validate_uscc(raw) == "91350100M000100Y43"


def test_char_outside_charset_is_named() -> None:
    with pytest.raises(InvalidValue) as exc:
        validate_uscc("91350100M000100Y4Z")
    assert exc.value.kind == "bad_format"
    assert "第 18 位“Z”" in exc.value.reason


def test_letter_o_suggests_zero() -> None:
    with pytest.raises(InvalidValue) as exc:
        validate_uscc("91350100MO00100Y43")
    assert exc.value.kind == "bad_format"
    assert "第 10 位“O”" in exc.value.reason
    assert "“0”" in exc.value.reason


@pytest.mark.parametrize("raw", ["9135010-M000100Y43", "91350100M000100Y4!"])
def test_punctuation_is_bad_format(raw: str) -> None:
    with pytest.raises(InvalidValue) as exc:
        validate_uscc(raw)
    assert exc.value.kind == "bad_format"


def test_bad_checksum() -> None:
    with pytest.raises(InvalidValue) as exc:
        validate_uscc("91310115MA1H8R7C6D")
    assert exc.value.kind == "bad_checksum"
    assert "应为 7" in exc.value.reason


@pytest.mark.parametrize("raw", ["", "  ", "\u3000"])
def test_missing(raw: str) -> None:
    with pytest.raises(InvalidValue) as exc:
        validate_uscc(raw)
    assert exc.value.kind == "missing"
    assert exc.value.reason == "请填写统一社会信用代码"


@pytest.mark.parametrize(
    ("raw", "length"), [("91350100M000100Y4", 17), ("91350100M000100Y433", 19)]
)
def test_wrong_length(raw: str, length: int) -> None:
    with pytest.raises(InvalidValue) as exc:
        validate_uscc(raw)
    assert exc.value.kind == "bad_format"
    assert exc.value.reason == f"统一社会信用代码应为 18 位（现为 {length} 位）"


def test_check_char_rejects_bad_input() -> None:
    with pytest.raises(InvalidValue) as exc:
        uscc_check_char("91350100M000100Y")
    assert exc.value.kind == "bad_format"
    with pytest.raises(InvalidValue) as exc:
        uscc_check_char("91350100M000100YI")
    assert "“I”" in exc.value.reason


# --- properties ------------------------------------------------------------------------

bodies = st.text(alphabet=USCC_CHARSET, min_size=17, max_size=17)


@given(bodies)
def test_every_generated_code_is_valid(body: str) -> None:
    code = body + uscc_check_char(body)
    assert validate_uscc(code) == code
    assert validate_uscc(code.lower()) == code


@given(bodies, st.integers(min_value=0, max_value=17), st.sampled_from(USCC_CHARSET))
def test_any_single_change_is_caught(body: str, position: int, replacement: str) -> None:
    code = body + uscc_check_char(body)
    assume(code[position] != replacement)
    changed = code[:position] + replacement + code[position + 1 :]
    with pytest.raises(InvalidValue) as exc:
        validate_uscc(changed)
    assert exc.value.kind == "bad_checksum"
