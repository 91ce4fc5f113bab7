"""Drafts of the visit form survive a process killed at any moment."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bzdesk.errors import ValidationError
from bzdesk.paths import DataPaths
from bzdesk.roles import Actor, Role
from bzdesk.services import visits

ROOT = Path(__file__).resolve().parents[2]
DRAFT_ID = "0b7c5a52-6a61-4c1e-9d7e-3f1b2f0a9c11"
CLERK = Actor("u-clerk", "clerk", "录入员甲", Role.CLERK)
OTHER = Actor("u-other", "other", "另一人", Role.CLERK)

EDITOR = textwrap.dedent(f"""
    import itertools, sys
    from pathlib import Path
    from bzdesk.paths import DataPaths
    from bzdesk.roles import Actor, Role
    from bzdesk.services.visits.drafts import save_draft

    paths = DataPaths(Path(sys.argv[1]))
    actor = Actor("u-clerk", "clerk", "录入员甲", Role.CLERK)
    for n in itertools.count(1):  # the clerk keeps typing until the battery dies
        save_draft(paths, actor, "{DRAFT_ID}", {{
            "kind": "挂点联系", "start_on": "2025-05-06", "leader_name": "王建国",
            "purpose": "了解编制使用情况" + "。" * n, "typed": n}})
        print(n, flush=True)
""")


def test_a_draft_survives_a_killed_editor_and_is_offered_again(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    editor = subprocess.Popen([sys.executable, "-c", EDITOR, str(paths.root)],
                              stdout=subprocess.PIPE, text=True, env=env)
    assert editor.stdout is not None
    typed = [int(editor.stdout.readline()) for _ in range(20)]  # it is saving, mid-stream
    os.kill(editor.pid, signal.SIGKILL)
    editor.wait(timeout=30)
    editor.stdout.close()
    assert editor.returncode == -signal.SIGKILL and typed[-1] == 20
    [draft] = visits.list_drafts(paths, CLERK)  # "restart": what the form offers
    assert draft.id == DRAFT_ID and draft.fields["leader_name"] == "王建国"
    n = draft.fields["typed"]
    assert n >= 20 and draft.fields["purpose"] == "了解编制使用情况" + "。" * n
    assert "2025-05-06 王建国 挂点联系" in draft.title


def test_drafts_save_list_load_and_discard(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    assert visits.list_drafts(paths, CLERK) == []
    first = visits.save_draft(paths, CLERK, DRAFT_ID, {"purpose": "甲"})
    visits.save_draft(paths, OTHER, "1" * 8, {"purpose": "乙"})
    again = visits.save_draft(paths, CLERK, DRAFT_ID, {"purpose": "甲乙"}, visit_id="v1")
    assert [d.fields["purpose"] for d in visits.list_drafts(paths, CLERK)] == ["甲乙"]
    loaded = visits.load_draft(paths, CLERK, DRAFT_ID)
    assert loaded is not None and loaded.visit_id == "v1" and loaded.saved_at >= first.saved_at
    assert again.title.startswith("（未填写）")
    assert visits.load_draft(paths, OTHER, DRAFT_ID) is None  # one user's typing only
    visits.discard_draft(paths, OTHER, DRAFT_ID)  # not theirs: left alone
    assert visits.load_draft(paths, CLERK, DRAFT_ID) is not None
    visits.discard_draft(paths, CLERK, DRAFT_ID)
    assert visits.list_drafts(paths, CLERK) == []
    assert [f.name for f in paths.drafts.iterdir()] == ["visit-11111111.json"]


def test_torn_and_foreign_files_are_never_offered(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    visits.save_draft(paths, CLERK, DRAFT_ID, {"purpose": "完整的草稿"})
    (paths.drafts / f"visit-{DRAFT_ID}.json.part").write_text('{"version": 1, "fie',
                                                              encoding="utf-8")
    (paths.drafts / "visit-22222222.json").write_text("not json", encoding="utf-8")
    (paths.drafts / "visit-33333333.json").write_text(json.dumps({"version": 99}),
                                                      encoding="utf-8")
    [draft] = visits.list_drafts(paths, CLERK)
    assert draft.fields == {"purpose": "完整的草稿"}


def test_a_draft_id_cannot_name_another_file(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    with pytest.raises(ValidationError, match="草稿编号不正确"):
        visits.save_draft(paths, CLERK, "../../bzdesk", {})
