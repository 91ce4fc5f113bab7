"""The header dictionary: which header texts name which field.

Sheets spell their headers loosely ("身份证号码（必填）", "出生\n年月", "职务(岗位)*"),
so both the dictionary and the sheet's headers are compared after
:func:`normalise_header`. Users can add their own spellings
(:meth:`Synonyms.extended`); keeping them is the settings' job, not this module's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Final

__all__ = ["DEFAULT_FIELDS", "FieldSpec", "Synonyms", "normalise_header"]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """A field a column can hold: a stable key, its Chinese label, its header spellings."""

    key: str
    label: str
    synonyms: tuple[str, ...] = ()

    def spellings(self) -> tuple[str, ...]:
        return (self.label, *self.synonyms)


def _leader(key: str, word: str) -> FieldSpec:
    return FieldSpec(key, f"领导职数（{word}职）", (
        f"领导职数{word}职", f"领导职数{word}", f"{word}职领导职数", f"{word}职职数",
        f"领导职数({word})", f"{word}职"))


DEFAULT_FIELDS: Final[tuple[FieldSpec, ...]] = (
    FieldSpec("id_number", "公民身份号码", (
        "身份证号", "身份证号码", "身份证", "证件号码", "公民身份证号码", "公民身份证号",
        "身份证件号码", "身份号码")),
    FieldSpec("name", "姓名", ("人员姓名",)),
    FieldSpec("gender", "性别"),
    FieldSpec("birth_date", "出生年月", ("出生日期", "出生年月日")),
    FieldSpec("ethnicity", "民族"),
    FieldSpec("political_status", "政治面貌"),
    FieldSpec("education", "学历", ("文化程度", "最高学历", "学历学位")),
    FieldSpec("work_start_date", "参加工作时间", ("参加工作日期", "工作时间")),
    FieldSpec("phone", "联系电话", ("电话", "手机", "手机号码", "联系方式")),
    FieldSpec("unit", "工作单位", ("单位名称", "所在单位", "单位", "机构名称", "现工作单位")),
    FieldSpec("category", "编制类型", ("编制性质", "人员类别", "编制类别")),
    FieldSpec("position", "职务", ("岗位", "职务(岗位)", "职务岗位", "职务/岗位", "现任职务",
                                   "岗位名称")),
    FieldSpec("start_date", "入编时间", ("进编时间", "入编日期")),
    FieldSpec("start_route", "入编方式", ("进编方式",)),
    FieldSpec("end_date", "出编时间", ("出编日期",)),
    FieldSpec("end_route", "出编方式"),
    FieldSpec("uscc", "统一社会信用代码", ("信用代码", "社会信用代码")),
    FieldSpec("short_name", "简称", ("机构简称", "单位简称")),
    FieldSpec("parent_unit", "上级机构", ("主管部门", "上级单位", "上级主管部门")),
    FieldSpec("unit_kind", "机构类别", ("机构类型",)),
    FieldSpec("unit_rank", "机构级别", ("规格", "机构规格", "级别")),
    FieldSpec("funding", "经费形式", ("经费来源", "经费渠道")),
    FieldSpec("public_class", "事业单位分类", ("类别", "事业单位类别")),
    FieldSpec("approval_doc", "批准文号", ("文号", "设立文号")),
    FieldSpec("approval_date", "批准时间", ("批准日期", "设立时间")),
    FieldSpec("admin_posts", "行政编制", ("行政编制数",)),
    FieldSpec("public_posts", "事业编制", ("事业编制数",)),
    FieldSpec("worker_posts", "工勤编制", ("工勤编制数",)),
    FieldSpec("legal_posts", "政法专项编制", ("政法专项编制数",)),
    _leader("leader_main", "正"),
    _leader("leader_deputy", "副"),
    FieldSpec("note", "备注"),
)

_ZERO_WIDTH: Final = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_DECORATION: Final = "*※★☆:"
# A trailing "(必填)" and its kind: markers of how to fill, not part of the name.
_FILL_MARK: Final = re.compile(r"[(\[](?:必填|必填项|必须填写|必须|选填|可选|非必填)[)\]]$")
_TRAILING_GROUP: Final = re.compile(r"[(\[][^()\[\]]*[)\]]$")


def normalise_header(text: str) -> str:
    """Fold a header for comparison: full-width → half-width ("（" → "("), no whitespace
    or line breaks anywhere, no "*"/"：" decoration, no trailing "(必填)", lower case."""
    folded = unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH)
    folded = "".join(folded.split())
    previous = None
    while previous != folded:
        previous = folded
        folded = _FILL_MARK.sub("", folded.strip(_DECORATION))
    return folded.casefold()


class Synonyms:
    """Normalised header text → field key, built from field specs.

    Two fields of the same dictionary may not share a spelling; a spelling added by
    :meth:`extended` replaces the built-in meaning (the user knows their sheets).
    """

    def __init__(self, fields: Iterable[FieldSpec]) -> None:
        self._fields: dict[str, FieldSpec] = {}
        self._lookup: dict[str, str] = {}
        for spec in fields:
            if spec.key in self._fields:
                raise ValueError(f"field {spec.key!r} defined twice")
            self._fields[spec.key] = spec
            for spelling in spec.spellings():
                norm = normalise_header(spelling)
                owner = self._lookup.setdefault(norm, spec.key)
                if owner != spec.key:
                    raise ValueError(f"{spelling!r} names both {owner!r} and {spec.key!r}")

    @classmethod
    def default(cls) -> Synonyms:
        return cls(DEFAULT_FIELDS)

    def extended(self, extra: Mapping[str, Iterable[str]]) -> Synonyms:
        """A copy with more spellings per field key (an unknown key becomes a new field)."""
        new = Synonyms(())
        new._fields = dict(self._fields)
        new._lookup = dict(self._lookup)
        for key, spellings in extra.items():
            added = tuple(spellings)
            old = new._fields.get(key) or FieldSpec(key, key)
            new._fields[key] = FieldSpec(key, old.label, (*old.synonyms, *added))
            for spelling in added:
                norm = normalise_header(spelling)
                if norm:
                    new._lookup[norm] = key
        return new

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(self._fields)

    def label(self, key: str) -> str:
        """The Chinese name of a field, for messages (the key itself if unknown)."""
        spec = self._fields.get(key)
        return spec.label if spec else key

    def spellings(self, key: str) -> tuple[str, ...]:
        spec = self._fields.get(key)
        return spec.spellings() if spec else ()

    def match(self, header: str, among: Collection[str] | None = None) -> str | None:
        """The field ``header`` names (restricted to ``among``), or None.

        Tries the whole text first, then without a trailing parenthesised note
        ("行政编制（名）", "身份证号码(18位)").
        """
        norm = normalise_header(header)
        while norm:
            key = self._lookup.get(norm)
            if key is not None and (among is None or key in among):
                return key
            stripped = _TRAILING_GROUP.sub("", norm)
            if stripped == norm:
                return None
            norm = stripped.strip(_DECORATION)
        return None
