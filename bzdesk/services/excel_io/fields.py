"""Which fields a roster or unit sheet may hold, and the header spellings of each.

The generic dictionary (``bzdesk.excel.synonyms``) names most of them; this module adds
the few only these importers read (学位, 领导职务, 入编文号) and, for unit sheets, a
column per 编制类型 the office added itself (its name, its name + "数", its aliases).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Literal

from bzdesk.excel import FieldSpec, Synonyms, normalise_header
from bzdesk.excel.synonyms import DEFAULT_FIELDS
from bzdesk.services.staffing.views import CategoryView

ImportKind = Literal["units", "roster"]

KIND_LABELS: Final[dict[str, str]] = {"units": "机构名单", "roster": "花名册"}
OP_NAMES: Final[dict[str, str]] = {"units": "导入机构名单", "roster": "导入花名册"}

_EXTRA: Final = (
    FieldSpec("degree", "学位", ("学位名称", "最高学位")),
    FieldSpec("leader_kind", "领导职务", ("正副职", "领导职务类别", "领导正副职")),
    FieldSpec("start_doc", "入编文号", ("进编文号", "控编通知单号", "入编通知单号")),
)

#: Roster fields in the order the export writes them.
ROSTER_FIELDS: Final = (
    "name", "id_number", "gender", "birth_date", "ethnicity", "political_status",
    "education", "degree", "work_start_date", "phone", "unit", "category", "position",
    "leader_kind", "start_date", "start_route", "start_doc",
)
ROSTER_REQUIRED: Final = ("name", "id_number")
#: Fields that describe the posting: a row with none of them leaves the posting alone.
POSTING_FIELDS: Final = ("unit", "category", "position", "leader_kind", "start_date",
                         "start_route", "start_doc")

#: The four default 编制类型 (by code) and the generic field naming their column.
DEFAULT_POST_FIELDS: Final = {"XZ": "admin_posts", "ZF": "legal_posts", "SY": "public_posts",
                              "GQ": "worker_posts"}
UNIT_BASE_FIELDS: Final = (
    "unit", "short_name", "uscc", "parent_unit", "unit_kind", "unit_rank", "public_class",
    "funding", "approval_doc", "approval_date",
)
LEADER_FIELDS: Final = ("leader_main", "leader_deputy")
UNITS_REQUIRED: Final = ("unit",)

_CUSTOM_PREFIX: Final = "posts:"


def roster_synonyms() -> Synonyms:
    return Synonyms((*DEFAULT_FIELDS, *_EXTRA))


def post_field(category: CategoryView) -> str:
    """The field key of a 编制类型's approved-count column in a unit sheet."""
    return DEFAULT_POST_FIELDS.get(category.code) or f"{_CUSTOM_PREFIX}{category.code}"


def unit_synonyms(categories: Iterable[CategoryView]) -> Synonyms:
    """The default dictionary plus one field per office-defined 编制类型 (a spelling
    another field already owns stays with that field)."""
    base = Synonyms((*DEFAULT_FIELDS, *_EXTRA))
    seen: set[str] = set()
    custom = []
    for c in categories:
        if c.code in DEFAULT_POST_FIELDS:
            continue
        spellings = [s for s in dict.fromkeys((c.name, f"{c.name}数", *c.aliases))
                     if base.match(s) is None and normalise_header(s) not in seen]
        if c.name in spellings:
            seen.update(normalise_header(s) for s in spellings)
            custom.append(FieldSpec(post_field(c), c.name, tuple(spellings[1:])))
    return Synonyms((*DEFAULT_FIELDS, *_EXTRA, *custom)) if custom else base


def unit_fields(categories: Iterable[CategoryView], synonyms: Synonyms) -> tuple[str, ...]:
    """The fields a unit sheet may map: base fields, one per 编制类型 that has a column
    name of its own, the two 领导职数."""
    known = set(synonyms.fields)
    posts = tuple(f for f in (post_field(c) for c in categories) if f in known)
    return (*UNIT_BASE_FIELDS, *posts, *LEADER_FIELDS)
