from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from visit_helpers import LINK_START, call, changes, visit_input

from bzdesk.changes import Area
from bzdesk.db import Database
from bzdesk.errors import IntegrityError, NotFound, ValidationError
from bzdesk.models import AuditEntry
from bzdesk.models.visits import Visit, VisitIssue
from bzdesk.roles import Actor
from bzdesk.services import visits
from bzdesk.services.attachments import blob_path

DAY = LINK_START + timedelta(days=40)


def two_problems(units: list[str]) -> tuple[visits.IssueInput, ...]:
    return (visits.IssueInput("空编率偏高，未及时申报用编计划", "", DAY + timedelta(days=30),
                              responsible_unit_id=units[0]),
            visits.IssueInput("借调人员未按期返回", "莲塘镇", DAY + timedelta(days=60)))


def test_a_visit_with_a_photo_and_two_problems_is_one_operation(
        db: Database, clerk: Actor, link: visits.AssignmentView, units: list[str],
        photo: Path) -> None:
    before = changes(db)
    outcome = call(db, visits.create_visit, clerk, db.paths, visit_input(
        link, DAY, end_on=DAY + timedelta(days=1), participants=(" 李海燕 ", "", "张志强"),
        places="莲塘镇中心小学", unit_ids=(units[0], units[2]), findings="人手紧张",
        issues=two_problems(units), attachments=(photo,)))
    v = outcome.value
    assert outcome.changed == {Area.VISITS, Area.ATTACHMENTS}
    assert (v.leader_name, v.target_name, v.participants) == (
        "王建国", "县教育体育局", ("李海燕", "张志强"))
    assert v.unit_names == ("县教育体育局", "莲塘镇人民政府")
    assert [(i.responsible_name, i.status, i.overdue) for i in v.issues] == [
        ("县教育体育局", "待交办", True), ("莲塘镇", "待交办", True)]
    assert v.issues[0].responsible_key == f"unit:{units[0]}"
    assert v.issues[1].responsible_key == "name:莲塘镇"
    [attachment] = v.attachments
    assert attachment.is_image and attachment.file_name == "现场照片.png"
    assert blob_path(db.paths, attachment.sha256).read_bytes() == photo.read_bytes()
    after = changes(db)
    assert after[1] == before[1] + 1  # one audit entry for the whole visit
    assert after[0] == before[0] + 4  # visit, two problems, attachment
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry is not None and entry.op == "新增走访记录"


def test_a_study_visit_needs_no_contact_point_but_a_link_visit_does(
        db: Database, clerk: Actor, link: visits.AssignmentView) -> None:
    study = call(db, visits.create_visit, clerk, db.paths, visits.VisitInput(
        "专题调研", DAY, DAY, leader_name="王建国", purpose="乡镇机构改革后运行情况")).value
    assert (study.target_key, study.leader_key) == (None, "name:王建国")
    with pytest.raises(ValidationError, match="挂点联系须选择联系点"):
        call(db, visits.create_visit, clerk, db.paths, visits.VisitInput(
            "挂点联系", DAY, DAY, leader_name="王建国", purpose="了解情况"))
    with pytest.raises(ValidationError, match="走访类型应为"):
        call(db, visits.create_visit, clerk, db.paths, visit_input(link, DAY, kind="座谈"))


def test_the_leader_must_be_the_contact_points_leader(
        db: Database, clerk: Actor, link: visits.AssignmentView) -> None:
    with pytest.raises(ValidationError) as err:
        call(db, visits.create_visit, clerk, db.paths,
             visit_input(link, DAY, leader_name="张志强"))
    assert err.value.problems[0].kind == "leader_mismatch"
    assert "与带队领导张志强不符" in err.value.message


def test_a_visit_is_corrected_and_its_files_changed(
        db: Database, clerk: Actor, link: visits.AssignmentView, units: list[str],
        photo: Path, tmp_path: Path) -> None:
    first = call(db, visits.create_visit, clerk, db.paths,
                 visit_input(link, DAY, attachments=(photo,))).value
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n%minimal\n")
    edited = call(db, visits.update_visit, clerk, db.paths, first.id, visit_input(
        link, DAY, purpose="督导整改", attachments=(scan,),
        remove_attachments=(first.attachments[0].id,), issues=two_problems(units)[:1])).value
    assert edited.purpose == "督导整改"
    assert [(a.file_name, a.mime) for a in edited.attachments] == [("scan.pdf",
                                                                    "application/pdf")]
    assert len(edited.issues) == 1
    with pytest.raises(ValidationError, match="走访日期不能晚于它"):
        call(db, visits.update_visit, clerk, db.paths, first.id,
             visit_input(link, DAY + timedelta(days=45)))


def test_deleting_a_visit_leaves_tombstones_and_stops_once_problems_moved(
        db: Database, clerk: Actor, link: visits.AssignmentView, units: list[str]) -> None:
    v = call(db, visits.create_visit, clerk, db.paths,
             visit_input(link, DAY, issues=two_problems(units))).value
    call(db, visits.advance_issue, clerk,
         visits.IssueStepInput(v.issues[0].id, "办理中", "已交办", DAY))
    with pytest.raises(IntegrityError, match="不能删除"):
        call(db, visits.delete_visit, clerk, v.id)
    other = call(db, visits.create_visit, clerk, db.paths,
                 visit_input(link, DAY, issues=two_problems(units)[1:])).value
    call(db, visits.delete_visit, clerk, other.id)
    with db.read() as s:
        row = s.get(Visit, other.id)
        issue = s.get(VisitIssue, other.issues[0].id)
        assert row is not None and row.deleted and issue is not None and issue.deleted
    with pytest.raises(NotFound, match="找不到这个走访记录"):
        call(db, visits.get_visit, clerk, other.id)
    assert [r.id for r in call(db, visits.list_visits, clerk, visits.VisitQuery())] == [v.id]


def test_visits_are_listed_newest_first_a_page_at_a_time(
        db: Database, clerk: Actor, viewer: Actor, link: visits.AssignmentView) -> None:
    made = [call(db, visits.create_visit, clerk, db.paths,
                 visit_input(link, DAY + timedelta(days=n % 3),
                             purpose=f"第{n}次走访")).value for n in range(5)]
    seen: list[visits.VisitRow] = []
    query = visits.VisitQuery(limit=2)
    while page := call(db, visits.list_visits, viewer, query):
        seen += page
        query = visits.VisitQuery(limit=2, after=(page[-1].start_on, page[-1].id))
    assert sorted(r.id for r in seen) == sorted(v.id for v in made)
    assert [r.start_on for r in seen] == sorted((r.start_on for r in seen), reverse=True)
    found = call(db, visits.list_visits, viewer, visits.VisitQuery(text="第3次"))
    assert [r.purpose for r in found] == ["第3次走访"]
    assert call(db, visits.list_visits, viewer, visits.VisitQuery(
        target_key=link.target_key, leader_key=link.leader_key, kind="挂点联系",
        date_from=DAY + timedelta(days=2), date_to=DAY + timedelta(days=2)))[0].issues == 0


def test_a_follow_up_visit_confirms_problems(
        db: Database, clerk: Actor, link: visits.AssignmentView, units: list[str]) -> None:
    found = call(db, visits.create_visit, clerk, db.paths,
                 visit_input(link, DAY, issues=two_problems(units))).value
    ids = tuple(i.id for i in found.issues)
    with pytest.raises(ValidationError, match="只有回访记录能确认问题已整改"):
        call(db, visits.create_visit, clerk, db.paths, visit_input(link, DAY, confirms=ids))
    with pytest.raises(ValidationError, match="晚于这次回访"):
        call(db, visits.create_visit, clerk, db.paths, visit_input(
            link, DAY - timedelta(days=1), kind="回访", confirms=ids))
    follow = call(db, visits.create_visit, clerk, db.paths,
                  visit_input(link, DAY + timedelta(days=20), kind="回访", confirms=ids)).value
    assert sorted(follow.confirms) == sorted(ids)
    issue = call(db, visits.get_issue, clerk, ids[0])
    assert issue.confirm_visit_id == follow.id


def test_unknown_units_and_long_texts_are_refused(
        db: Database, clerk: Actor, link: visits.AssignmentView) -> None:
    with pytest.raises(ValidationError) as err:
        call(db, visits.create_visit, clerk, db.paths, visit_input(
            link, DAY, unit_ids=("gone",), purpose="", places="地" * 501,
            participants=("名" * 41,)))
    assert {p.column for p in err.value.problems} == {"走访单位", "走访目的", "走访地点",
                                                      "参加人员"}


def test_visits_of_today_are_accepted(db: Database, clerk: Actor,
                                      link: visits.AssignmentView) -> None:
    today = date.today()
    v = call(db, visits.create_visit, clerk, db.paths, visit_input(link, today)).value
    assert v.start_on == v.end_on == today
