"""Builders for the Excel import/export tests: a county with units and quotas, roster
and unit sheets as clerks write them, and one-call import/export helpers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from excel_fixtures import write_xlsx
from sqlalchemy import func, select
from staffing_helpers import SY, XZ, Staff, count, id_card, uscc

from bzdesk.changes import Outcome
from bzdesk.db import Database
from bzdesk.models import AuditEntry, Change
from bzdesk.models.staffing import Person, Posting
from bzdesk.roles import Actor
from bzdesk.services import excel_io
from bzdesk.services import staffing as st
from bzdesk.services.excel_io import ImportReport, ImportSheet

ROSTER_HEADER = ["序号", "姓名", "身份证号码", "性别", "出生年月", "民族", "政治面貌", "学历",
                 "工作单位", "编制类型", "职务", "入编时间", "入编方式"]
TITLE = ["南昌县机构编制实名制人员花名册"]


def person_row(n: int, name: str, born: date, male: bool, unit: str = "县委办",
               category: str = "行政编制", start: object = "2019.07", route: str = "考录",
               **changes: object) -> list[object]:
    """One roster row (columns of ROSTER_HEADER); ``changes`` replace cells by header."""
    number = id_card(born, male, n % 500, region=f"3601{n // 500 + 21:02d}")
    row: list[object] = [n, name, number, "男" if male else "女",
                         f"{born:%Y.%m}", "汉族", "中共党员", "大学本科", unit, category, "科员",
                         start, route]
    for header, value in changes.items():
        row[ROSTER_HEADER.index(header)] = value
    return row


def people(n: int, **changes: object) -> list[list[object]]:
    """``n`` valid rows, alternating men and women, all to 县委办 行政编制."""
    return [person_row(i + 1, f"张{'一二三四五六七八九十'[i % 10]}{'甲乙丙丁'[i // 10 % 4]}",
                       date(1980 + i % 20, 1 + i % 12, 1 + i % 28), i % 2 == 0, **changes)
            for i in range(n)]


def roster_file(path: Path, rows: Sequence[Sequence[object]],
                header: Sequence[object] = tuple(ROSTER_HEADER)) -> Path:
    """A roster workbook; text stays text even when it starts with "=" (openpyxl would
    otherwise write it as a formula, which is not what a clerk typed)."""
    write_xlsx(path, [TITLE, list(header), *rows])
    if any(isinstance(v, str) and v.startswith("=") for row in rows for v in row):
        import openpyxl

        wb = openpyxl.load_workbook(path)
        ws = wb.worksheets[0]
        for line in ws.iter_rows():
            for cell in line:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"
        wb.save(path)
    return path


def read(db: Database, actor: Actor, path: Path, kind: str = "roster",
         sheet: str | None = None) -> ImportSheet:
    with db.read() as s:
        return excel_io.read_import_sheet(s, actor, path, kind, sheet)  # type: ignore[arg-type]


def check(db: Database, actor: Actor, path: Path, kind: str = "roster") -> ImportReport:
    data = read(db, actor, path, kind)
    with db.read() as s:
        return excel_io.check_sheet(s, actor, data)


def run(db: Database, actor: Actor, path: Path, kind: str = "roster", **kw: Any,
        ) -> Outcome[ImportReport]:
    data = read(db, actor, path, kind)
    with db.write() as s:
        return excel_io.import_sheet(s, actor, data, **kw)


def counts(db: Database) -> tuple[int, int, int, int]:
    """(people, postings, change records, audit entries)."""
    return count(db, Person), count(db, Posting), count(db, Change), count(db, AuditEntry)


def open_postings(db: Database) -> dict[str, tuple[str, str]]:
    """ID number → (unit name, 编制类型 code) of each open posting."""
    from bzdesk.models.staffing import StaffingCategory, Unit

    with db.read() as s:
        rows = s.execute(select(Person.id_number, Unit.name, StaffingCategory.code)
                         .join(Posting, Posting.person_id == Person.id)
                         .join(Unit, Unit.id == Posting.unit_id)
                         .join(StaffingCategory, StaffingCategory.id == Posting.category_id)
                         .where(Posting.end_on.is_(None))).all()
    return {r[0]: (r[1], r[2]) for r in rows}


def changes_of(db: Database, table: str) -> list[dict[str, Any]]:
    import json

    with db.read() as s:
        rows = s.scalars(select(Change.fields).where(Change.table_name == table)
                         .order_by(Change.seq)).all()
    return [json.loads(r) for r in rows]


def scalar(db: Database, query: Any) -> Any:
    with db.read() as s:
        return s.scalar(query)


def person_count(db: Database) -> int:
    return int(scalar(db, select(func.count()).select_from(Person)) or 0)


@dataclass
class County:
    """The clerk's county: units with quotas to import people into."""

    staff: Staff
    office: st.UnitView
    finance: st.UnitView
    archive: st.UnitView

    @classmethod
    def build(cls, db: Database, actor: Actor) -> County:
        staff = Staff(db, actor)
        office = staff.unit("县委办公室", kind="党委工作机关", short_name="县委办", uscc=uscc(1))
        finance = staff.unit("县财政局", uscc=uscc(3))
        archive = staff.unit("县档案馆", kind="事业单位", parent_id=office.id)
        staff.quota(office.id, XZ, 10)
        staff.quota(finance.id, XZ, 3)
        staff.quota(archive.id, SY, 4)
        return cls(staff, office, finance, archive)
