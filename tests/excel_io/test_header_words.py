"""The office's 表头词典 (header spellings kept from hand-mapped columns) and choosing
the header row by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from io_helpers import County, person_row, read, roster_file, run
from sqlalchemy import select

from bzdesk.db import Database
from bzdesk.errors import PermissionDenied, ValidationError
from bzdesk.models import AuditEntry
from bzdesk.roles import Actor
from bzdesk.services import excel_io

ODD_HEADER = ["姓名", "身份证号码", "编制身份", "工作单位", "入编时间", "入编方式"]


def audits(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry.op).order_by(AuditEntry.seq)))


def odd_sheet(tmp_path: Path) -> Path:
    row = person_row(1, "甲", date(1985, 1, 1), True)
    return roster_file(tmp_path / "odd.xlsx", [[row[1], row[2], "行政编制", "县委办",
                                                 "2019.07", "考录"]], ODD_HEADER)


def test_a_column_mapped_by_hand_is_recognised_next_time(db: Database, clerk: Actor,
                                                        county: County,
                                                        tmp_path: Path) -> None:
    path = odd_sheet(tmp_path)
    data = read(db, clerk, path)
    assert data.mapping.index("category") is None  # "编制身份" is not a built-in spelling
    data = data.with_column("category", 2)
    assert data.hand_mapped() == {"category": "编制身份"}
    with db.write() as s:
        outcome = excel_io.remember_headers(s, clerk, "roster", data.hand_mapped())
    assert outcome.value == {"category": ("编制身份",)}
    again = read(db, clerk, path)
    assert again.mapping.header("category") == "编制身份"
    assert again.hand_mapped() == {}
    assert run(db, clerk, path).value.added == 1  # the CLI and the wizard read the same
    with db.read() as s:
        assert excel_io.header_words(s, clerk, "roster") == {"category": ("编制身份",)}
    assert audits(db)[-2:] == ["表头词典", "导入花名册"]


def test_a_kept_spelling_moves_to_the_field_named_last(db: Database, clerk: Actor,
                                                      county: County) -> None:
    with db.write() as s:
        excel_io.remember_headers(s, clerk, "roster", {"position": ["岗位等级"]})
        outcome = excel_io.remember_headers(s, clerk, "roster",
                                            {"note": [" 岗位 等级 "], "phone": [""]})
        excel_io.remember_headers(s, clerk, "units", {"parent_unit": "单位"})
    assert outcome.value == {"note": ("岗位 等级",)}
    with db.read() as s:
        assert excel_io.header_words(s, clerk, "units") == {"parent_unit": ("单位",)}


def test_a_unit_lists_words_leave_rosters_alone(db: Database, clerk: Actor, county: County,
                                                tmp_path: Path) -> None:
    with db.write() as s:  # in this office's unit lists "单位" is the parent unit…
        excel_io.remember_headers(s, clerk, "units", {"parent_unit": "单位"})
    row = person_row(1, "甲", date(1985, 1, 1), True)
    path = roster_file(tmp_path / "r.xlsx", [[*row[1:3], row[8]]], ["姓名", "身份证号码", "单位"])
    assert read(db, clerk, path).mapping.index("unit") == 2  # …in its rosters, the unit


def test_remembering_refuses_unknown_fields_and_viewers(db: Database, clerk: Actor,
                                                        viewer: Actor) -> None:
    with db.write() as s, pytest.raises(ValidationError):
        excel_io.remember_headers(s, clerk, "roster", {"shoe_size": ["鞋码"]})
    with db.write() as s, pytest.raises(ValidationError):
        excel_io.remember_headers(s, clerk, "roster", {"note": ["长" * 51]})
    with db.write() as s, pytest.raises(ValidationError):
        excel_io.remember_headers(s, clerk, "people", {"note": ["附注"]})  # type: ignore[arg-type]
    with db.write() as s, pytest.raises(PermissionDenied):
        excel_io.remember_headers(s, viewer, "roster", {"note": ["附注"]})
    with db.read() as s:
        assert excel_io.header_words(s, clerk, "roster") == {}


def test_the_header_row_can_be_chosen_by_hand(db: Database, clerk: Actor, county: County,
                                              tmp_path: Path) -> None:
    row = person_row(1, "甲", date(1985, 1, 1), True)
    # Row 2 looks like a header to the detector (two known words), row 3 is the real one.
    path = roster_file(tmp_path / "r.xlsx", [["姓名", "身份证号码", None], ["序号", *row[1:3]],
                                             row[:3]], ["填表人", "职务", "备注"])
    data = read(db, clerk, path)
    assert data.mapping.header_rows == (3,)
    chosen = data.with_header_at(4)
    assert chosen.mapping.header_rows == (4,) and chosen.mapping.first_data_row == 5
    assert chosen.mapping.index("name") is None  # data as a header: nothing to map
    back = chosen.with_header_at(3)
    assert (back.mapping.index("name"), back.mapping.index("id_number")) == (0, 1)
    with pytest.raises(ValidationError) as refused:
        data.with_header_at(40)
    assert "空行" in refused.value.message
