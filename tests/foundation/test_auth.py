"""Users: argon2id passwords, login with lockout, admin-only management, roles."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bzdesk.db import Database
from bzdesk.errors import (
    AccountLocked,
    IntegrityError,
    LoginFailed,
    PermissionDenied,
    ValidationError,
)
from bzdesk.models import AuditEntry, User
from bzdesk.roles import GRANTS, SYSTEM, Actor, Can, Role, require
from bzdesk.services import auth
from bzdesk.validation import mask_id
from bzdesk.workspace import Workspace


@dataclass(frozen=True)
class UserRow:
    id: str
    role: str
    password_hash: str
    failed_logins: int
    locked_until: datetime | None
    last_login: datetime | None


def _user(db: Database, username: str) -> UserRow:
    with db.read() as s:
        u = s.scalar(select(User).where(User.username == username))
        assert u is not None
        return UserRow(u.id, u.role, u.password_hash, u.failed_logins, u.locked_until,
                       u.last_login)


def _snapshot(db: Database) -> tuple[int, int, list[tuple[object, ...]]]:
    """Everything a refused user operation must leave as it was."""
    with db.read() as s:
        users = s.scalar(select(func.count()).select_from(User))
        audits = s.scalar(select(func.count()).select_from(AuditEntry))
        rows = [
            (u.username, u.role, u.active, u.password_hash, u.failed_logins, u.locked_until)
            for u in s.scalars(select(User).order_by(User.username))
        ]
    return int(users or 0), int(audits or 0), rows


@dataclass(frozen=True)
class AuditRow:
    op: str
    actor: str
    target: str
    detail: str


def _last_audit(db: Database) -> AuditRow:
    with db.read() as s:
        e = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert e is not None
        return AuditRow(e.op, e.actor, e.target, e.detail)


def _login(db: Database, username: str, password: str) -> Actor:
    with db.write() as s:
        return auth.login(s, username, password)


def _clock(monkeypatch: pytest.MonkeyPatch, at: datetime) -> None:
    monkeypatch.setattr(auth, "_now", lambda: at)


# -- passwords and login -----------------------------------------------------------


def test_passwords_are_argon2id(db: Database) -> None:
    for name in ("admin", "clerk", "viewer"):
        assert _user(db, name).password_hash.startswith("$argon2id$")
    assert auth.hash_password("pass-word-1").startswith("$argon2id$")
    assert auth.hash_password("pass-word-1") != auth.hash_password("pass-word-1")  # salted


def test_login_returns_the_actor_and_records_it(db: Database, creds: type) -> None:
    actor = _login(db, "admin", creds.admin_password)
    assert (actor.username, actor.role) == ("admin", Role.ADMIN)
    assert actor.user_id == _user(db, "admin").id
    assert _user(db, "admin").last_login is not None
    entry = _last_audit(db)
    assert (entry.op, entry.actor) == ("登录", "admin")


def test_wrong_password_says_how_many_tries_are_left(db: Database, creds: type) -> None:
    with pytest.raises(LoginFailed, match="再错 4 次"):
        _login(db, "clerk", "wrong-pass-1")
    with pytest.raises(LoginFailed, match="再错 3 次"):
        _login(db, "clerk", "wrong-pass-1")
    assert _user(db, "clerk").failed_logins == 2
    entry = _last_audit(db)
    assert (entry.op, entry.target) == ("登录失败", "clerk")
    _login(db, "clerk", creds.user_password)
    assert _user(db, "clerk").failed_logins == 0  # a good login clears the count


def test_unknown_user_is_refused_and_audited(db: Database) -> None:
    audits = _snapshot(db)[1]
    with pytest.raises(LoginFailed, match="用户名或密码不正确"):
        _login(db, "nobody", "whatever-1")
    assert _snapshot(db)[1] == audits + 1
    entry = _last_audit(db)
    assert (entry.op, entry.target) == ("登录失败", "nobody")


def test_five_wrong_passwords_lock_for_fifteen_minutes(
    db: Database, creds: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = datetime(2026, 3, 1, 9, 0, 0)
    _clock(monkeypatch, start)
    for _ in range(auth.MAX_FAILURES - 1):
        with pytest.raises(LoginFailed):
            _login(db, "clerk", "wrong-pass-1")
    with pytest.raises(AccountLocked, match="锁定 15 分钟"):
        _login(db, "clerk", "wrong-pass-1")
    assert auth.MAX_FAILURES == 5 and auth.LOCK_MINUTES == 15

    user = _user(db, "clerk")
    assert user.locked_until == start + timedelta(minutes=15)
    entry = _last_audit(db)
    assert (entry.op, entry.actor, entry.target) == ("账号锁定", "clerk", "clerk")
    assert '"minutes":15' in entry.detail

    # The right password is refused while locked, and nothing is recorded.
    _clock(monkeypatch, start + timedelta(minutes=14, seconds=59))
    before = _snapshot(db)
    with pytest.raises(AccountLocked, match="1 分钟后再试"):
        _login(db, "clerk", creds.user_password)
    assert _snapshot(db) == before

    # After the lock expires the right password works again.
    _clock(monkeypatch, start + timedelta(minutes=15, seconds=1))
    actor = _login(db, "clerk", creds.user_password)
    assert actor.role == Role.CLERK
    user = _user(db, "clerk")
    assert user.locked_until is None and user.failed_logins == 0


def _write_lock_is_free(db: Database) -> bool:
    """True when another connection could start a write now (no write lock is held)."""
    con = sqlite3.connect(db.paths.database, timeout=0)
    try:
        con.execute("BEGIN IMMEDIATE")
        con.rollback()
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        con.close()


@pytest.mark.parametrize("through", ["service", "workspace"])
def test_the_password_is_checked_with_no_write_transaction_open(
    db: Database, creds: type, monkeypatch: pytest.MonkeyPatch, through: str
) -> None:
    """argon2id is slow: while it runs, no write lock is held, so no writer waits."""
    sessions: list[Session] = []
    checked: list[bool] = []
    real = auth.verify_password

    def verify(password_hash: str, password: str) -> bool:
        assert _write_lock_is_free(db), "the password was checked inside a write"
        assert not any(s.in_transaction() for s in sessions)
        checked.append(True)
        return real(password_hash, password)

    monkeypatch.setattr(auth, "verify_password", verify)

    def login(password: str) -> Actor:
        if through == "workspace":
            return Workspace(db).login("clerk", password)
        with db.write() as s:
            sessions.append(s)
            return auth.login(s, "clerk", password)

    with pytest.raises(LoginFailed, match="再错 4 次"):
        login("wrong-pass-1")
    assert _user(db, "clerk").failed_logins == 1
    assert login(creds.user_password).username == "clerk"
    assert _user(db, "clerk").failed_logins == 0 and _last_audit(db).op == "登录"
    assert len(checked) == 2


def test_workspace_login_locks_after_five_wrong_passwords(
    db: Database, creds: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = datetime(2026, 3, 1, 9, 0, 0)
    _clock(monkeypatch, start)
    ws = Workspace(db)
    for left in range(auth.MAX_FAILURES - 1, 0, -1):
        with pytest.raises(LoginFailed, match=f"再错 {left} 次"):
            ws.login("clerk", "wrong-pass-1")
    with pytest.raises(AccountLocked, match="锁定 15 分钟"):
        ws.login("clerk", "wrong-pass-1")
    assert _user(db, "clerk").locked_until == start + timedelta(minutes=15)
    entry = _last_audit(db)
    assert (entry.op, entry.target) == ("账号锁定", "clerk")
    before = _snapshot(db)
    with pytest.raises(AccountLocked, match="分钟后再试"):
        ws.login("clerk", creds.user_password)
    assert _snapshot(db) == before and ws.actor is None
    _clock(monkeypatch, start + timedelta(minutes=15, seconds=1))
    assert ws.login("clerk", creds.user_password).role == Role.CLERK


def test_a_lock_set_while_the_password_is_checked_still_refuses(
    db: Database, creds: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock is checked again in the write that records the login: five wrong
    passwords typed elsewhere during the check lock out the right one too."""
    real = auth.verify_password

    def verify(password_hash: str, password: str) -> bool:
        monkeypatch.setattr(auth, "verify_password", real)
        for _ in range(auth.MAX_FAILURES - 1):
            with pytest.raises(LoginFailed):
                Workspace(db).login("clerk", "wrong-pass-1")
        with pytest.raises(AccountLocked):
            Workspace(db).login("clerk", "wrong-pass-1")
        return real(password_hash, password)

    monkeypatch.setattr(auth, "verify_password", verify)
    with pytest.raises(AccountLocked, match="分钟后再试"):
        Workspace(db).login("clerk", creds.user_password)
    user = _user(db, "clerk")
    assert user.locked_until is not None and user.last_login is None
    assert _last_audit(db).op == "账号锁定"


def test_admin_unlock_lifts_a_lock(db: Database, admin: Actor, creds: type) -> None:
    for _ in range(auth.MAX_FAILURES - 1):
        with pytest.raises(LoginFailed):
            _login(db, "viewer", "wrong-pass-1")
    with pytest.raises(AccountLocked):
        _login(db, "viewer", "wrong-pass-1")
    assert _user(db, "viewer").locked_until is not None
    with pytest.raises(AccountLocked):
        _login(db, "viewer", creds.user_password)
    with db.write() as s:
        auth.unlock(s, admin, _user(db, "viewer").id)
    assert _login(db, "viewer", creds.user_password).username == "viewer"
    assert _last_audit(db).op == "登录"


def test_disabled_user_cannot_log_in(db: Database, admin: Actor, creds: type) -> None:
    with db.write() as s:
        auth.set_active(s, admin, _user(db, "clerk").id, False)
    with pytest.raises(LoginFailed):
        _login(db, "clerk", creds.user_password)


# -- change password ------------------------------------------------------------------


def test_change_password(db: Database, clerk: Actor, creds: type) -> None:
    old_hash = _user(db, "clerk").password_hash
    with db.write() as s:
        auth.change_password(s, clerk, creds.user_password, "new-pass-456")
    assert _user(db, "clerk").password_hash != old_hash
    assert _last_audit(db).op == "修改密码"
    assert _login(db, "clerk", "new-pass-456").username == "clerk"
    with pytest.raises(LoginFailed):
        _login(db, "clerk", creds.user_password)


def test_change_password_with_wrong_old_password_is_refused(db: Database, clerk: Actor) -> None:
    before = _snapshot(db)
    with pytest.raises(LoginFailed, match="原密码不正确"), db.write() as s:
        auth.change_password(s, clerk, "not-my-pass-1", "new-pass-456")
    assert _snapshot(db) == before


@pytest.mark.parametrize("weak", ["short1", "onlyletters", "1234567890", ""])
def test_weak_new_password_is_refused(db: Database, clerk: Actor, creds: type,
                                      weak: str) -> None:
    before = _snapshot(db)
    with pytest.raises(ValidationError) as info, db.write() as s:
        auth.change_password(s, clerk, creds.user_password, weak)
    assert info.value.problems[0].kind == "weak_password"
    assert _snapshot(db) == before


# -- user management is for admins only ---------------------------------------------


def test_admin_creates_a_user(db: Database, admin: Actor) -> None:
    with db.write() as s:
        out = auth.create_user(s, admin, "  newbie ", "新人", Role.VIEWER, "pass-word-77")
    assert out.value.username == "newbie" and out.value.role == Role.VIEWER
    assert out.value.role_label == "查看者"
    assert _user(db, "newbie").password_hash.startswith("$argon2id$")
    entry = _last_audit(db)
    assert (entry.op, entry.actor, entry.target) == ("新建用户", "admin", "newbie")
    with db.read() as s:
        assert "newbie" in {u.username for u in auth.list_users(s, admin)}


@pytest.mark.parametrize("who", ["clerk", "approver", "viewer"])
def test_only_admins_manage_users(db: Database, who: str, request: pytest.FixtureRequest) -> None:
    actor: Actor = request.getfixturevalue(who)
    target = _user(db, "viewer" if who != "viewer" else "clerk").id
    before = _snapshot(db)
    attempts = [
        lambda s: auth.create_user(s, actor, "intruder", "外人", Role.ADMIN, "pass-word-77"),
        lambda s: auth.list_users(s, actor),
        lambda s: auth.set_role(s, actor, target, Role.ADMIN),
        lambda s: auth.set_active(s, actor, target, False),
        lambda s: auth.reset_password(s, actor, target, "pass-word-77"),
        lambda s: auth.unlock(s, actor, target),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied, match="系统管理"), db.write() as s:
            attempt(s)
    assert _snapshot(db) == before


def test_admin_changes_roles_and_resets_passwords(db: Database, admin: Actor) -> None:
    clerk_id = _user(db, "clerk").id
    with db.write() as s:
        auth.set_role(s, admin, clerk_id, Role.APPROVER)
        auth.reset_password(s, admin, clerk_id, "reset-pass-1")
    assert _user(db, "clerk").role == "approver"
    actor = _login(db, "clerk", "reset-pass-1")
    assert actor.role == Role.APPROVER and actor.can(Can.APPROVE)


def test_admin_cannot_demote_or_disable_themselves(db: Database, admin: Actor) -> None:
    before = _snapshot(db)
    with pytest.raises(ValidationError) as info, db.write() as s:
        auth.set_role(s, admin, admin.user_id, Role.CLERK)
    assert info.value.problems[0].kind == "self_demote"
    with pytest.raises(ValidationError) as info, db.write() as s:
        auth.set_active(s, admin, admin.user_id, False)
    assert info.value.problems[0].kind == "self_disable"
    assert _snapshot(db) == before
    with db.write() as s:  # keeping one's own admin role is not a demotion
        auth.set_role(s, admin, admin.user_id, Role.ADMIN)
    assert _user(db, "admin").role == "admin"


def test_duplicate_username_is_refused(db: Database, admin: Actor) -> None:
    before = _snapshot(db)
    with pytest.raises(IntegrityError) as info, db.write() as s:
        auth.create_user(s, admin, "clerk", "重名", Role.CLERK, "pass-word-77")
    assert info.value.problems[0].kind == "duplicate"
    assert "已经存在" in info.value.message
    assert _snapshot(db) == before


@pytest.mark.parametrize(
    ("username", "display", "password", "kind"),
    [
        ("", "姓名", "pass-word-77", "bad_format"),
        ("has space", "姓名", "pass-word-77", "bad_format"),
        ("x" * 41, "姓名", "pass-word-77", "bad_format"),
        ("fine", "  ", "pass-word-77", "missing"),
        ("fine", "姓名", "short", "weak_password"),
    ],
)
def test_bad_new_user_is_refused(db: Database, admin: Actor, username: str, display: str,
                                 password: str, kind: str) -> None:
    before = _snapshot(db)
    with pytest.raises(ValidationError) as info, db.write() as s:
        auth.create_user(s, admin, username, display, Role.CLERK, password)
    assert info.value.problems[0].kind == kind
    assert _snapshot(db) == before


# -- roles -------------------------------------------------------------------------------


def test_viewer_sees_masked_ids(viewer: Actor, clerk: Actor, approver: Actor,
                                admin: Actor) -> None:
    assert not viewer.can(Can.SEE_FULL_ID)
    assert all(a.can(Can.SEE_FULL_ID) for a in (clerk, approver, admin))
    with pytest.raises(PermissionDenied, match="查看完整身份证号"):
        require(viewer, Can.SEE_FULL_ID)
    assert mask_id("11010519491231002X") == "110105********002X"
    assert mask_id("11010519491231002x") == "110105********002X"


def test_role_grants() -> None:
    assert GRANTS[Role.VIEWER] == {Can.READ}
    assert Can.WRITE not in GRANTS[Role.VIEWER]
    assert Can.ADMINISTER not in GRANTS[Role.CLERK] | GRANTS[Role.APPROVER]
    assert Can.APPROVE in GRANTS[Role.APPROVER] and Can.APPROVE not in GRANTS[Role.CLERK]
    assert GRANTS[Role.ADMIN] == frozenset(Can)
    assert SYSTEM.can(Can.ADMINISTER)
    assert {r.label for r in Role} == {"管理员", "录入员", "审核人", "查看者"}
