"""Demo data: a realistic office for trying bzdesk and for benchmarks.

``run_demo`` initialises a demo office when the data dir is empty, logs in
as its admin, and asks every domain's generator to fill its part. Sizes:
small (a few hundred people), county (≈ 20,000), city (≈ 200,000).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bzdesk.db import open_database
from bzdesk.paths import DataPaths
from bzdesk.roles import Actor
from bzdesk.services import office
from bzdesk.workspace import Workspace

Progress = Callable[[int, int, str], None]

PEOPLE = {"small": 300, "county": 20_000, "city": 200_000}
DEMO_OFFICES = {
    "county": ("360121", "南昌县委机构编制委员会办公室"),
    "city": ("360100", "南昌市委机构编制委员会办公室"),
}


@dataclass(frozen=True)
class DemoResult:
    office: office.OfficeView
    people: int
    summary: str


def demo_office_for(size: str) -> tuple[str, str, str]:
    level = "city" if size == "city" else "county"
    code, name = DEMO_OFFICES[level]
    return code, name, level


def _staffing(session: Session, actor: Actor, *, size: str, people: int, seed: int,
              progress: Progress | None) -> str:
    from bzdesk.services.staffing.demo import generate_staffing

    done = generate_staffing(session, actor, people=people, seed=seed, progress=progress).value
    return (f"{done.units} 个机构、{done.people} 人（在编 {done.open_postings}，"
            f"已出编 {done.closed_postings}，超编入编 {done.overrides}）")


def _generators() -> list[Callable[..., str]]:
    """Each domain's demo generator: (session, actor, *, size, people, seed, progress) → summary.
    Staffing comes first: visits and party records refer to its units and people."""
    from bzdesk.services.party.demo import generate_party
    from bzdesk.services.visits.demo import generate_visits

    return [_staffing, generate_visits, generate_party]


def run_demo(
    paths: DataPaths, *, size: str, username: Callable[[], str], password: Callable[[], str],
    passphrase: Callable[[], str], progress: Progress | None = None, seed: int = 20261123,
) -> DemoResult:
    db = open_database(paths)
    created = False
    try:
        if not db.initialised:
            code, name, level = demo_office_for(size)
            user = os.environ.get("BZDESK_USER") or "admin"
            secret = password()
            office.initialise(db, code=code, name=name, level=level, admin_username=user,
                              admin_display_name="管理员", admin_password=secret,
                              key_passphrase=passphrase())
            created = True
            ws = Workspace(db)
            actor: Actor = ws.login(user, secret)
        else:
            actor = Workspace(db).login(username(), password())
        parts = []
        for generate in _generators():
            with db.write() as s:
                parts.append(generate(s, actor, size=size, people=PEOPLE[size], seed=seed,
                                      progress=progress))
        view = office.current_office_by_db(db)
    finally:
        db.close()
    head = f"已{'创建演示单位' if created else '向'}{view.name}（{view.code}）"
    body = "；".join(parts) if parts else "单位和管理员已就绪"
    return DemoResult(view, PEOPLE[size] if parts else 0, f"{head}生成演示数据：{body}。")
