"""What the visits services take: frozen dataclasses, as the form or CLI fills them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class AssignmentInput:
    """A leader (挂点领导) or liaison (联络专员) → one 联系点 for a period.

    ``target`` is the office code for a county, the unit id for a unit, or the
    sector's name (any known spelling) for a sector.
    """

    kind: str
    leader_name: str
    target_kind: str
    target: str
    start_on: date
    end_on: date | None = None
    person_id: str | None = None
    user_id: str | None = None
    required_per_quarter: int | None = None
    note: str = ""


@dataclass(frozen=True)
class IssueInput:
    """A problem found: what, which unit answers for it (责任单位), by when."""

    description: str
    responsible: str
    deadline: date
    responsible_unit_id: str | None = None


@dataclass(frozen=True)
class VisitInput:
    """A visit record. ``issues`` and ``attachments`` are added with it;
    ``remove_attachments`` (ids) only matters when editing; ``confirms`` names
    the problems a 回访 visit confirms as fixed (so they can be 销号)."""

    kind: str
    start_on: date
    end_on: date
    leader_name: str = ""
    assignment_id: str | None = None
    person_id: str | None = None
    user_id: str | None = None
    participants: tuple[str, ...] = ()
    places: str = ""
    unit_ids: tuple[str, ...] = ()
    purpose: str = ""
    findings: str = ""
    issues: tuple[IssueInput, ...] = ()
    attachments: tuple[Path, ...] = ()
    remove_attachments: tuple[str, ...] = ()
    confirms: tuple[str, ...] = ()


@dataclass(frozen=True)
class IssueStepInput:
    """Move a problem one step on. ``to_status`` is the step the clerk saw and
    chose: if someone else moved the problem meanwhile, the step is refused."""

    issue_id: str
    to_status: str
    note: str
    on: date | None = None
    confirm_visit_id: str | None = None


@dataclass(frozen=True)
class IssueEdit:
    issue_id: str
    description: str
    responsible: str
    deadline: date
    responsible_unit_id: str | None = None


@dataclass(frozen=True)
class VisitQuery:
    kind: str | None = None
    leader_key: str | None = None
    target_key: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""
    after: tuple[date, str] | None = None  # keyset: (start_on, id) of the last row shown
    limit: int = 200


@dataclass(frozen=True)
class IssueQuery:
    """Filters of the 问题清单. ``show``: all / open / overdue / done / closed
    (closed = 销号 in ``year`` when a year is given)."""

    show: str = "all"
    responsible_key: str | None = None
    visit_id: str | None = None
    year: int | None = None
    text: str = ""
    today: date | None = None
    after: tuple[date, str] | None = None  # keyset: (deadline, id)
    limit: int = 200
