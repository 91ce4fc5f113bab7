"""Bad input is refused with a Chinese sentence, and nothing is half-saved:
no change-log row, no audit entry, no visit row, no attachment row."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from visit_helpers import LINK_START, call, changes, visit_input

from bzdesk.db import Database
from bzdesk.errors import ValidationError
from bzdesk.models.attachments import Attachment
from bzdesk.models.visits import Visit, VisitIssue
from bzdesk.roles import Actor
from bzdesk.services import visits

TODAY = date.today()
DAY = LINK_START + timedelta(days=10)


def rows(db: Database) -> tuple[int, int, int]:
    with db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) or 0  # type: ignore[return-value]
                     for m in (Visit, VisitIssue, Attachment))


def text_file(tmp_path: Path) -> Path:
    file = tmp_path / "照片.jpg"  # named like a photo, but it is not one
    file.write_text("这不是图片", encoding="utf-8")
    return file


def huge_file(tmp_path: Path) -> Path:
    file = tmp_path / "扫描件.pdf"
    with open(file, "wb") as f:
        f.write(b"%PDF-1.4\n")
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    return file


CASES: list[tuple[str, dict[str, Any], str]] = [
    ("future start", dict(start_on=TODAY + timedelta(days=1), end_on=TODAY + timedelta(days=1)),
     "晚于今天，只能登记已经进行的走访"),
    ("future end", dict(start_on=TODAY, end_on=TODAY + timedelta(days=3)),
     f"结束日期 {TODAY + timedelta(days=3)} 晚于今天"),
    ("end before start", dict(start_on=DAY, end_on=DAY - timedelta(days=1)),
     "结束日期不能早于开始日期"),
    ("before the period", dict(start_on=LINK_START - timedelta(days=1),
                               end_on=LINK_START - timedelta(days=1)),
     f"王建国联系县教育体育局的时间是 {LINK_START} 至 今，这次走访"),
    ("deadline before visit", dict(issues=(visits.IssueInput("问题", "某局",
                                                             DAY - timedelta(days=1)),)),
     "第 1 个问题的办理时限"),
]


@pytest.mark.parametrize(("changes_", "message"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_bad_visits_are_refused_whole(db: Database, clerk: Actor, link: visits.AssignmentView,
                                      changes_: dict[str, Any], message: str) -> None:
    before, counts = changes(db), rows(db)
    values: dict[str, Any] = dict(start_on=DAY, end_on=DAY,
                                  issues=(visits.IssueInput("问题", "某局", DAY),))
    values.update(changes_)
    with pytest.raises(ValidationError) as err:
        call(db, visits.create_visit, clerk, db.paths, visit_input(link, DAY, **values))
    assert message in err.value.message
    assert changes(db) == before and rows(db) == counts


def test_a_visit_after_the_assignment_ended(db: Database, clerk: Actor,
                                            link: visits.AssignmentView) -> None:
    call(db, visits.end_assignment, clerk, link.id, DAY)
    before = changes(db)
    with pytest.raises(ValidationError) as err:
        call(db, visits.create_visit, clerk, db.paths,
             visit_input(link, DAY, end_on=DAY + timedelta(days=1)))
    assert err.value.problems[0].kind == "outside_period"
    assert f"{LINK_START} 至 {DAY}" in err.value.message
    assert changes(db) == before


@pytest.mark.parametrize(("make", "message"), [
    (text_file, "照片.jpg 不是图片或 PDF 文件"),
    (huge_file, "文件 扫描件.pdf 有 200.0 MB，超过 20 MB 的上限"),
], ids=["not an image", "200 MB"])
def test_bad_attachments_stop_the_whole_visit(
        db: Database, clerk: Actor, link: visits.AssignmentView, photo: Path, tmp_path: Path,
        make: Any, message: str) -> None:
    before, counts = changes(db), rows(db)
    with pytest.raises(ValidationError) as err:
        call(db, visits.create_visit, clerk, db.paths, visit_input(
            link, DAY, attachments=(photo, make(tmp_path)),
            issues=(visits.IssueInput("问题", "某局", DAY),)))
    assert message in err.value.message
    assert changes(db) == before and rows(db) == counts
    stored = [f for f in db.paths.attachments.rglob("*") if f.is_file()]
    assert all(f.stat().st_size < 1024 for f in stored)  # the 200 MB file was never copied
