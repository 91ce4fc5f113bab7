"""Helpers the report tests import: the poppler-based PDF checks of tests/reports (one
copy of them), a thin service runner, and builders for the odd cases (rare characters,
a unit name far longer than the form allows)."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from bzdesk.db import Database
from bzdesk.models.staffing import Unit
from bzdesk.roles import Actor
from bzdesk.services import staffing as st
from bzdesk.uow import write_op
from bzdesk.validation import check_digit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reports"))
import pdf_helpers as pdf

__all__ = ["pdf"]

T = TypeVar("T")
XZ = st.default_category_id("XZ")
SY = st.default_category_id("SY")


def read(db: Database, actor: Actor, fn: Callable[..., T], *args: Any, **kw: Any) -> T:
    with db.read() as s:
        return fn(s, actor, *args, **kw)


def write(db: Database, actor: Actor, fn: Callable[..., Any], *args: Any) -> Any:
    with db.write() as s:
        return fn(s, actor, *args).value


def id_card(birth: date, male: bool, seq: int) -> str:
    first17 = f"360121{birth:%Y%m%d}{seq * 2 + (1 if male else 0):03d}"
    return first17 + check_digit(first17)


def unit_with_quota(db: Database, actor: Actor, name: str, posts: int = 5,
                    unit_id: str | None = None) -> str:
    if unit_id is None:
        unit_id = write(db, actor, st.create_unit, st.UnitInput(name, "政府工作部门")).id
    write(db, actor, st.set_quota, st.QuotaInput(unit_id, XZ, posts, date(2019, 1, 1)))
    return unit_id


def person_in_post(db: Database, actor: Actor, name: str, unit_id: str, seq: int,
                   category: str = XZ, position: str = "科员") -> st.PersonView:
    person = write(db, actor, st.create_person,
                   st.PersonInput(name, id_card(date(1985, 3, 7), True, seq)))
    write(db, actor, st.post_person, st.PostingInput(person.id, unit_id, category, "考录",
                                                     date(2020, 7, 1), position=position))
    return person


def merged_unit(db: Database, actor: Actor, name: str) -> str:
    """A unit row as a bundle from another site may bring it (names are not re-checked)."""
    with db.write() as s, write_op(s, actor, "测试：合并来的机构") as op:
        op.bulk_insert(Unit, [{"id": "unit-long-name", "name": name, "kind": "事业单位"}])
    return "unit-long-name"


def page_numbers(text: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in re.findall(r"第 (\d+) 页 共 (\d+) 页", text)]
