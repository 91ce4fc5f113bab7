"""The meeting record PDF, read back with poppler's pdftotext / pdffonts."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from party_helpers import OFFICE, Party, type_id

from bzdesk.errors import Cancelled, NotFound
from bzdesk.paths import DataPaths
from bzdesk.services import party
from bzdesk.services.party.printing import print_activity

OFFICE_NAME = "南昌县委机构编制委员会办公室"
A = party.AttendanceEntry


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True, encoding="utf-8").stdout


def _record(p: Party, content: str) -> party.ActivityView:
    inp = party.ActivityInput(
        p.orgs["第一党支部"], type_id("ZBDH"), date(2024, 3, 15), "学习贯彻全会精神",
        place="三楼会议室", host="张三", recorder="李四", content=content,
        resolutions="一、同意接收𠙶某某为入党积极分子。", first_topic=True,
        attendance=(A(p.members["张三"], "出席"), A(p.members["李四"], "请假", "下乡调研")))
    return p.write(party.record_activity, inp).value


def test_one_page_record(tree: Party, tmp_path: Path) -> None:
    view = _record(tree, "传达学习重要讲话精神。\n讨论本季度工作。")
    result = tree.read(print_activity, view.id, tmp_path / "记录.pdf")
    text = _text(result.path)
    squeezed = re.sub(r"\s+", "", text)
    for words in (OFFICE_NAME, "支部党员大会记录", "第一党支部", "2024年3月15日", "三楼会议室",
                  "应到3人，实到1人，请假1人，缺席1人", "李四（下乡调研）", "王五",
                  "传达学习重要讲话精神。", "讨论本季度工作。", "第一议题", "𠙶某某",
                  "第1页共1页"):
        assert words in squeezed, words
    assert result.pages == 1 and OFFICE == "360121"
    fonts = subprocess.run(["pdffonts", str(result.path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts)  # every font embedded


def test_attachments_are_listed_on_the_record(tree: Party, data_paths: DataPaths,
                                              tmp_path: Path) -> None:
    view = _record(tree, "内容")
    scan = tmp_path / "签到表.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    tree.write(party.add_activity_attachment, data_paths, view.id, scan, "会议签到表")
    again = tree.read(party.get_activity, view.id)
    assert [(a.file_name, a.caption) for a in again.attachments] == [("签到表.png", "会议签到表")]
    result = tree.read(print_activity, view.id, tmp_path / "附件.pdf")
    assert "1.签到表.png（会议签到表）" in re.sub(r"\s+", "", _text(result.path))
    with pytest.raises(NotFound):
        tree.write(party.add_activity_attachment, data_paths, "no-such-record", scan)


def test_long_minutes_run_over_pages(tree: Party, tmp_path: Path) -> None:
    line = "项：与会同志结合工作实际逐一发言，交流学习体会。"
    content = "\n".join(f"第{i}{line}" for i in range(1, 121))
    view = _record(tree, content)
    result = tree.read(print_activity, view.id, tmp_path / "长记录.pdf")
    assert result.pages >= 3
    pages = _text(result.path).split("\f")
    for n in range(1, result.pages + 1):
        page = re.sub(r"\s+", "", pages[n - 1])
        assert f"第{n}页共{result.pages}页" in page and OFFICE_NAME in page
    assert "第120项" in re.sub(r"\s+", "", _text(result.path))


def test_cancel_leaves_no_file(tree: Party, tmp_path: Path) -> None:
    view = _record(tree, "内容")
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(Cancelled):
        tree.read(print_activity, view.id, folder / "取消.pdf", cancelled=lambda: True)
    assert list(folder.iterdir()) == []
