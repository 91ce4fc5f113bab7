"""导出机构名单 / 花名册 to .xlsx (styled, dropdowns, a 说明 sheet) or .csv.

Everything in the office's scope is exported (a city: all its counties), or one office
with ``office``. The columns are the importers' own headers, so an exported file can
be edited and imported again; a viewer's export has masked ID numbers and says so,
because such a file cannot be imported. Rows are streamed from one query into the
writer: a cancel (raised between rows) leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from bzdesk import audit
from bzdesk.errors import ValidationError
from bzdesk.excel import ColumnSpec, SheetSpec, write_csv, write_table
from bzdesk.models import Office
from bzdesk.models.staffing import Person, Posting, Unit
from bzdesk.roles import Actor, Can, require
from bzdesk.services.excel_io.common import Check, Progress, Steps
from bzdesk.services.excel_io.fields import KIND_LABELS, ImportKind
from bzdesk.services.excel_io.unit_index import UnitIndex, UnitInfo
from bzdesk.services.office import current_office
from bzdesk.services.staffing import _common as staffing_common
from bzdesk.services.staffing import measures
from bzdesk.services.staffing.catalog import load_categories
from bzdesk.services.staffing.dictionaries import choices
from bzdesk.sync.scope import within
from bzdesk.validation import mask_id

SUFFIXES: Final = (".xlsx", ".csv")
_STEP: Final = 2000


@dataclass(frozen=True)
class ExportReport:
    kind: ImportKind
    file: Path
    rows: int
    masked: bool
    office: str | None

    def summary(self) -> str:
        text = f"已导出{KIND_LABELS[self.kind]} {self.rows} 行到 {self.file}"
        if self.masked:
            text += "（身份证号码已隐藏，这个文件不能用于重新导入）"
        return text + "。"


def _target(out: str | Path, encoding: str | None) -> Path:
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError.single("导出文件", path.name,
                                     f"导出文件“{path.name}”应以 .xlsx 或 .csv 结尾。",
                                     "bad_suffix")
    if encoding and suffix != ".csv":
        raise ValidationError.single("编码", encoding, "只有导出 CSV 文件时才能选择编码。",
                                     "bad_encoding")
    return path


def _office(session: Session, code: str | None) -> tuple[str | None, str]:
    """The office filter (None: the whole scope) and the name for the title."""
    here = current_office(session)
    if code is None:
        return None, here.name
    code = code.strip()
    if not within(code, here.code):
        raise ValidationError.single("单位代码", code,
                                     f"{code} 不在本单位（{here.name}，{here.code}）的数据范围内。",
                                     "out_of_scope")
    office = session.get(Office, code)
    return code, office.name if office else code


def _write(path: Path, sheet: SheetSpec, encoding: str | None) -> None:
    if path.suffix.lower() == ".csv":
        write_csv(path, sheet, encoding=encoding or "utf-8-sig")
    else:
        write_table(path, [sheet])


def _notes(actor: Actor, scope: str, masked: bool, kind: ImportKind) -> list[str]:
    lines = [f"导出时间：{datetime.now():%Y-%m-%d %H:%M}；导出人：{actor.display_name}"
             f"（{actor.role.label}）；数据范围：{scope}。",
             "身份证号码和统一社会信用代码是文本格式，请不要改成数字或“常规”格式，否则 Excel 会"
             "丢掉末几位。",
             "只精确到月的日期（如 2019.07）按当月 1 日保存，显示为“2019.07”。"]
    if kind == "roster":
        lines.append("改好后可以直接导入：按身份证号码找到人员，只更新有变化的内容；空白单元格表示"
                     "不修改；表中没有的人员不受影响。工作单位或编制类型变了，按调动办理，"
                     "入编时间请填写调入日期。")
    else:
        lines.append("改好后可以直接导入：按统一社会信用代码（没有时按机构名称）找到机构，只更新有"
                     "变化的内容；核定编制数或领导职数变了，从导入当天起按新数执行。")
    if masked:
        lines.append("本表的身份证号码已隐藏（查看者账号导出），不能用于导入。")
    return lines


def _tree_order(units: list[UnitInfo]) -> list[tuple[UnitInfo, int]]:
    ids = {u.id for u in units}
    children: dict[str | None, list[UnitInfo]] = {}
    for u in units:
        children.setdefault(u.parent_id if u.parent_id in ids else None, []).append(u)
    out: list[tuple[UnitInfo, int]] = []
    stack = [(u, 0) for u in reversed(children.get(None, []))]
    while stack:
        u, depth = stack.pop()
        out.append((u, depth))
        stack.extend((c, depth + 1) for c in reversed(children.get(u.id, [])))
    return out


def export_units(session: Session, actor: Actor, out: str | Path, *, office: str | None = None,
                 encoding: str | None = None, progress: Progress | None = None,
                 cancelled: Check | None = None) -> ExportReport:
    """The normal units, in tree order, with today's approved counts and 领导职数."""
    require(actor, Can.READ)
    path = _target(out, encoding)
    code, scope = _office(session, office)
    steps = Steps(progress, cancelled)
    index = UnitIndex.load(session)
    units = [(u, d) for u, d in _tree_order([u for u in index.units.values() if u.active])
             if code is None or u.office_id == code]
    categories = load_categories(session)
    today = staffing_common.today()
    quotas = measures.quota_lines(session, today)
    leaders = measures.leader_lines(session, today)
    columns = [ColumnSpec("序号", 6, "int"), ColumnSpec("机构名称", 30), ColumnSpec("简称", 14),
               ColumnSpec("统一社会信用代码", 22, "id"), ColumnSpec("上级机构", 26),
               ColumnSpec("机构类别", 14, "choice", choices("unit_kind")),
               ColumnSpec("机构级别", 10, "choice", choices("unit_rank")),
               ColumnSpec("事业单位分类", 12, "choice", choices("shiye_class")),
               ColumnSpec("经费形式", 10, "choice", choices("funding")),
               ColumnSpec("批准文号", 20), ColumnSpec("批准时间", 12, "date"),
               *(ColumnSpec(c.name, 10, "int") for c in categories),
               ColumnSpec("领导职数（正职）", 10, "int"), ColumnSpec("领导职数（副职）", 10, "int")]

    def rows() -> Iterator[list[object]]:
        for n, (u, _) in enumerate(units, start=1):
            if n % _STEP == 0:
                steps.report(n, len(units), "正在导出")
            parent = index.units.get(u.parent_id) if u.parent_id else None
            chief, deputy = leaders.get(u.id, (0, 0))
            yield [n, u.name, u.short_name, u.uscc, parent.name if parent else None, u.kind,
                   u.rank, u.shiye_class, u.funding, u.approval_doc, u.approval_date,
                   *(quotas.get((u.id, c.id), 0) for c in categories), chief, deputy]

    sheet = SheetSpec("机构名单", columns, rows(), heading=f"{scope}机构名单",
                      notes=_notes(actor, scope, False, "units"))
    _write(path, sheet, encoding)
    return ExportReport("units", path, len(units), False, code)


_ROSTER_COLUMNS: Final = (
    Person.id, Person.name, Person.id_number, Person.sex, Person.birth_date, Person.ethnicity,
    Person.political, Person.education, Person.degree, Person.work_start,
    Person.work_start_precision, Person.phone, Unit.name.label("unit"), Posting.category_id,
    Posting.position, Posting.leader_kind, Posting.start_on, Posting.start_precision,
    Posting.start_route, Posting.start_doc)


def _roster_columns(unit_names: list[str], category_names: list[str]) -> list[ColumnSpec]:
    def pick(header: str, width: float, values: list[str] | tuple[str, ...]) -> ColumnSpec:
        return ColumnSpec(header, width, "choice", tuple(values)) if values else ColumnSpec(
            header, width)

    return [ColumnSpec("序号", 7, "int"), ColumnSpec("姓名", 10),
            ColumnSpec("公民身份号码", 21, "id"), pick("性别", 6, choices("sex")),
            ColumnSpec("出生年月", 10, "month"), pick("民族", 9, choices("ethnicity")),
            pick("政治面貌", 12, choices("political")), pick("学历", 10, choices("education")),
            pick("学位", 8, choices("degree")), ColumnSpec("参加工作时间", 12, "date"),
            ColumnSpec("联系电话", 14), pick("工作单位", 26, unit_names),
            pick("编制类型", 12, category_names), ColumnSpec("职务", 14),
            pick("领导职务", 9, choices("leader_kind")), ColumnSpec("入编时间", 11, "date"),
            pick("入编方式", 10, choices("start_route")), ColumnSpec("入编文号", 18)]


def _people(code: str | None) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Person.deleted.is_(False)]
    if code is not None:
        where.append(Person.office_id == code)
    return where


def _roster_query(code: str | None) -> Any:
    where = _people(code)
    return (select(*_ROSTER_COLUMNS).select_from(Person)
            .outerjoin(Posting, and_(Posting.person_id == Person.id, Posting.end_on.is_(None),
                                     Posting.deleted.is_(False)))
            .outerjoin(Unit, Unit.id == Posting.unit_id).where(*where)
            .order_by(Unit.sort_order.is_(None), Unit.sort_order, Unit.name, Person.name,
                      Person.id, Posting.start_on.desc()))


def _roster_rows(session: Session, code: str | None, masked: bool,
                 steps: Steps) -> Iterator[list[object]]:
    """The export's rows, streamed; one per person (一人多编: the latest open posting)."""
    categories = {c.id: c.name for c in load_categories(session)}
    total = session.scalar(select(func.count()).select_from(Person).where(*_people(code))) or 0
    seen: set[str] = set()
    for r in session.execute(_roster_query(code)).yield_per(_STEP):
        if r.id in seen:
            continue
        seen.add(r.id)
        if len(seen) % _STEP == 0:
            steps.report(len(seen), total, "正在导出")
        yield _roster_row(len(seen), r, categories, masked)


def _roster_sheet(session: Session, actor: Actor, code: str | None, scope: str,
                  steps: Steps) -> SheetSpec:
    masked = not actor.can(Can.SEE_FULL_ID)
    unit_names = sorted(set(session.scalars(select(Unit.name).where(
        Unit.deleted.is_(False), Unit.status == staffing_common.ACTIVE))))
    columns = _roster_columns(unit_names, [c.name for c in load_categories(session)])
    return SheetSpec("花名册", columns, _roster_rows(session, code, masked, steps),
                     heading=f"{scope}机构编制实名制人员花名册",
                     notes=_notes(actor, scope, masked, "roster"))


def export_roster(session: Session, actor: Actor, out: str | Path, *,
                  office: str | None = None, encoding: str | None = None,
                  progress: Progress | None = None,
                  cancelled: Check | None = None) -> ExportReport:
    """Every live person with their open posting (people not in post have the posting
    columns blank), by unit then name. Viewers get masked ID numbers."""
    require(actor, Can.READ)
    path = _target(out, encoding)
    code, scope = _office(session, office)
    counted = _Counted(_roster_sheet(session, actor, code, scope, Steps(progress, cancelled)))
    _write(path, counted.sheet, encoding)
    return ExportReport("roster", path, counted.rows, not actor.can(Can.SEE_FULL_ID), code)


class _Counted:
    """A sheet whose rows are counted as the writer takes them."""

    def __init__(self, sheet: SheetSpec) -> None:
        self.rows = 0
        self.sheet = replace(sheet, rows=self._count(sheet.rows))

    def _count(self, rows: Iterable[Sequence[object]]) -> Iterator[Sequence[object]]:
        for row in rows:
            self.rows += 1
            yield row


def roster_cells(session: Session, actor: Actor, office: str | None = None,
                 ) -> list[list[object]]:
    """The header and rows ``export_roster`` writes, as plain cell values (a date known
    to the month is its first day): what the benchmark's bare writer gets."""
    code, scope = _office(session, office)
    sheet = _roster_sheet(session, actor, code, scope, Steps(None, None))
    plain = [[v[0] if isinstance(v, tuple) else v for v in row] for row in sheet.rows]
    return [[c.header for c in sheet.columns], *plain]


def _roster_row(n: int, r: Any, categories: dict[str, str], masked: bool) -> list[object]:
    work = (r.work_start, r.work_start_precision) if r.work_start else None
    start = (r.start_on, r.start_precision) if r.start_on else None
    return [n, r.name, mask_id(r.id_number) if masked else r.id_number, r.sex, r.birth_date,
            r.ethnicity or None, r.political or None, r.education or None, r.degree or None,
            work, r.phone or None, r.unit, categories.get(r.category_id) if r.category_id
            else None, r.position or None, r.leader_kind, start, r.start_route,
            r.start_doc or None]


def record_export(session: Session, actor: Actor, report: ExportReport) -> None:
    """An audit entry: who exported what (personal data leaves the database)."""
    audit.append(session, actor=actor.username, op=f"导出{KIND_LABELS[report.kind]}",
                 target=report.file.name, detail={"rows": report.rows, "masked": report.masked,
                                                  "office": report.office})
