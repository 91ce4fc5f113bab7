"""字体设置: the office's own font files, checked before they are kept, applied to every
report, and a clear refusal when a kept file has gone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from report_helpers import pdf, read, write

from bzdesk.db import Database
from bzdesk.errors import PermissionDenied, ValidationError
from bzdesk.models import AuditEntry, Setting
from bzdesk.reports import fonts
from bzdesk.roles import Actor
from bzdesk.services import reports
from bzdesk.services.reports.office_fonts import SETTING_KEY


def _office_font(tmp_path: Path, name: str = "仿宋_GB2312.ttf") -> Path:
    target = tmp_path / name
    shutil.copy(fonts.fonts_dir() / "uming.ttc", target)  # a TrueType collection with CJK
    return target


def _stored(db: Database) -> str | None:
    with db.read() as s:
        row = s.get(Setting, SETTING_KEY)
        return row.value if row is not None else None


def _audit_count(db: Database) -> int:
    with db.read() as s:
        return s.query(AuditEntry).count()


def test_nothing_chosen_means_the_shipped_font(db: Database, admin: Actor) -> None:
    assert read(db, admin, reports.office_fonts) == reports.OfficeFonts()
    with db.read() as s:
        assert reports.apply_office_fonts(s).fangsong == fonts.SONG


def test_chosen_fonts_are_kept_audited_and_used(db: Database, admin: Actor,
                                                tmp_path: Path) -> None:
    chosen = _office_font(tmp_path)
    kept = write(db, admin, reports.set_office_fonts,
                 reports.OfficeFonts(fangsong=f' "{chosen}" ', heiti=str(chosen)))
    assert kept == reports.OfficeFonts(fangsong=str(chosen), heiti=str(chosen))
    assert json.loads(_stored(db) or "{}") == {"fangsong": str(chosen), "xiaobiaosong": None,
                                                "heiti": str(chosen)}
    with db.read() as s:
        last = s.query(AuditEntry.op, AuditEntry.target).order_by(AuditEntry.seq.desc()).first()
    assert last is not None and last.op == "字体设置" and "仿宋_GB2312.ttf" in last.target
    fonts.use_office_fonts(None, None, None)  # as after a restart: the report applies them
    out = tmp_path / "roster.pdf"
    read(db, admin, reports.write_report, "roster", out)
    now = fonts.faces()
    assert now.fangsong.startswith("BzOffice") and now.heiti == now.fangsong
    assert now.xiaobiaosong == fonts.SONG
    assert all(f.embedded for f in pdf.fonts(out))
    assert "说明" in pdf.text(out, 2)


@pytest.mark.parametrize(("make", "reason"), [
    (lambda d: d / "不存在.ttf", "不存在，请重新选择"),
    (lambda d: (d / "方正小标宋.otf").write_bytes(b"OTTO" + bytes(200)) and d / "方正小标宋.otf",
     "不是 TrueType 字体"),
    (lambda d: (d / "坏.ttf").write_bytes(b"\x00\x01\x00\x00" + bytes(50)) and d / "坏.ttf",
     "已损坏或无法识别"),
])
def test_a_bad_file_is_refused_and_nothing_kept(db: Database, admin: Actor, tmp_path: Path,
                                                make: object, reason: str) -> None:
    bad = make(tmp_path)  # type: ignore[operator]
    before = _audit_count(db)
    with pytest.raises(ValidationError, match=reason) as refused:
        write(db, admin, reports.set_office_fonts, reports.OfficeFonts(xiaobiaosong=str(bad)))
    assert Path(bad).name in refused.value.message
    assert _stored(db) is None and _audit_count(db) == before


def test_a_kept_file_that_has_gone_stops_the_report_clearly(db: Database, admin: Actor,
                                                            tmp_path: Path) -> None:
    chosen = _office_font(tmp_path, "黑体.ttf")
    write(db, admin, reports.set_office_fonts, reports.OfficeFonts(heiti=str(chosen)))
    chosen.unlink()
    out = tmp_path / "staffing.pdf"
    with pytest.raises(ValidationError, match=r"报表字体设置有误.*字体设置"):
        read(db, admin, reports.write_report, "staffing", out)
    assert not out.exists()
    # the workbook needs no fonts
    assert read(db, admin, reports.write_report, "staffing", tmp_path / "s.xlsx").rows == 0


def test_only_an_administrator_chooses_fonts(db: Database, clerk: Actor,
                                             tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        write(db, clerk, reports.set_office_fonts,
              reports.OfficeFonts(fangsong=str(_office_font(tmp_path))))
    assert _stored(db) is None
    assert read(db, clerk, reports.office_fonts) == reports.OfficeFonts()


def test_a_damaged_setting_reads_as_nothing_chosen(db: Database, admin: Actor) -> None:
    with db.write() as s:
        s.add(Setting(key=SETTING_KEY, value="not json"))
    assert read(db, admin, reports.office_fonts) == reports.OfficeFonts()
