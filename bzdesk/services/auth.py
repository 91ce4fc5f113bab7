"""Users, passwords (argon2id), login with lockout, roles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bzdesk import audit
from bzdesk.changes import Area, Changed, Outcome
from bzdesk.errors import AccountLocked, IntegrityError, LoginFailed, NotFound, ValidationError
from bzdesk.models import User
from bzdesk.roles import Actor, Can, Role, require

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 8

_hasher = PasswordHasher()  # argon2id with the library's current defaults


@dataclass(frozen=True)
class UserView:
    id: str
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: datetime | None
    last_login: datetime | None

    @property
    def role_label(self) -> str:
        return self.role.label


def _now() -> datetime:
    return datetime.now()


def _view(u: User) -> UserView:
    return UserView(u.id, u.username, u.display_name, Role(u.role), u.active,
                    u.locked_until, u.last_login)


def _actor(u: User) -> Actor:
    return Actor(u.id, u.username, u.display_name, Role(u.role))


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError.single("密码", "", f"密码至少要 {MIN_PASSWORD} 位。", "weak_password")
    if password.isdigit() or password.isalpha():
        raise ValidationError.single("密码", "", "密码要同时包含字母和数字。", "weak_password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


@dataclass(frozen=True)
class LoginAttempt:
    """What a login reads before the password is checked."""

    username: str         # as typed (the audit names an unknown user by it)
    user_id: str | None   # None: no such active user
    password_hash: str


@dataclass(frozen=True)
class PasswordCheck:
    ok: bool
    new_hash: str | None = None  # the password hashed with today's parameters, if due


def verify_password(password_hash: str, password: str) -> bool:
    """argon2id: deliberately slow, so never called inside a write transaction."""
    try:
        return bool(_hasher.verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def _refuse_if_locked(user: User, now: datetime) -> None:
    if user.locked_until and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        raise AccountLocked(
            f"账号“{user.username}”因连续输错密码已被锁定，请 {minutes} 分钟后再试，"
            "或请管理员解锁。"
        )


def read_login(session: Session, username: str) -> LoginAttempt:
    """First step of a login (a read): the stored hash; a locked account is refused
    here, with nothing recorded."""
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is None or not user.active:
        return LoginAttempt(username, None, "")
    _refuse_if_locked(user, _now())
    return LoginAttempt(username, user.id, user.password_hash)


def check_password(attempt: LoginAttempt, password: str) -> PasswordCheck:
    """Second step, with no transaction open: the slow argon2id work (the check, and
    a new hash when the stored one uses outdated parameters) blocks no writer."""
    if attempt.user_id is None or not verify_password(attempt.password_hash, password):
        return PasswordCheck(False)
    if _hasher.check_needs_rehash(attempt.password_hash):
        return PasswordCheck(True, hash_password(password))
    return PasswordCheck(True)


def record_login(session: Session, attempt: LoginAttempt, check: PasswordCheck) -> Actor:
    """Last step, a short write: the user is read again (another login or an admin may
    have changed it meanwhile), the lock re-checked, the failure counted and 5 failures
    lock the account for 15 minutes (audited). Call inside ``Database.write()``."""
    now = _now()
    user = None if attempt.user_id is None else session.get(
        User, attempt.user_id, populate_existing=True)
    if user is None or not user.active:
        username = attempt.username
        audit.append(session, actor=username[:40] or "?", op="登录失败", target=username[:200],
                     detail={"reason": "unknown user"})
        session.commit()  # the refusal below rolls back: keep the audit entry
        raise LoginFailed("用户名或密码不正确。")
    _refuse_if_locked(user, now)
    if user.password_hash != attempt.password_hash:
        # changed (reset) while the old one was being checked: not a wrong password
        raise LoginFailed("用户名或密码不正确。")
    if not check.ok:
        user.failed_logins += 1
        left = MAX_FAILURES - user.failed_logins
        if left <= 0:
            user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            user.failed_logins = 0
            audit.append(session, actor=user.username, op="账号锁定", target=user.username,
                         detail={"minutes": LOCK_MINUTES})
            session.commit()
            raise AccountLocked(
                f"密码连续输错 {MAX_FAILURES} 次，账号“{user.username}”已锁定 "
                f"{LOCK_MINUTES} 分钟。"
            )
        audit.append(session, actor=user.username, op="登录失败", target=user.username,
                     detail={"failures": user.failed_logins})
        session.commit()
        raise LoginFailed(f"用户名或密码不正确。再错 {left} 次账号将被锁定。")
    user.failed_logins = 0
    user.locked_until = None
    user.last_login = now
    if check.new_hash is not None:
        user.password_hash = check.new_hash
    audit.append(session, actor=user.username, op="登录", target=user.username, detail={})
    return _actor(user)


def login(session: Session, username: str, password: str) -> Actor:
    """Check the password; 5 failures lock the account for 15 minutes (audited).

    With a session of ``Database.write()``: the session's transaction is ended (it
    holds the write lock from its first read) before the password is checked, and a
    new one records the outcome (see read_login, check_password, record_login)."""
    attempt = read_login(session, username)
    if session.in_transaction():
        session.commit()
    check = check_password(attempt, password)
    return record_login(session, attempt, check)


def create_user(session: Session, actor: Actor, username: str, display_name: str,
                role: Role, password: str) -> Outcome[UserView]:
    require(actor, Can.ADMINISTER)
    username = username.strip()
    if not username or len(username) > 40 or any(ch.isspace() for ch in username):
        raise ValidationError.single(
            "用户名", username, "用户名不能为空、不能含空格，最多 40 个字符。", "bad_format")
    if not display_name.strip():
        raise ValidationError.single("姓名", display_name, "请填写使用人的姓名。", "missing")
    check_password_strength(password)
    exists = session.scalar(select(func.count()).select_from(User).where(User.username == username))
    if exists:
        raise IntegrityError.single("用户名", username, f"用户名“{username}”已经存在。",
                                    "duplicate")
    user = User(username=username, display_name=display_name.strip(), role=role.value,
                password_hash=hash_password(password), created_at=_now(), active=True,
                failed_logins=0)
    session.add(user)
    session.flush()
    audit.append(session, actor=actor.username, op="新建用户", target=username,
                 detail={"role": role.value})
    return Outcome(_view(user), frozenset({Area.USERS}))


def list_users(session: Session, actor: Actor) -> list[UserView]:
    require(actor, Can.ADMINISTER)
    return [_view(u) for u in session.scalars(select(User).order_by(User.created_at))]


def _get(session: Session, user_id: str) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound.single("用户", user_id, "找不到这个用户。", "not_found")
    return user


def change_password(session: Session, actor: Actor, old: str, new: str) -> Changed:
    user = _get(session, actor.user_id)
    if not verify_password(user.password_hash, old):
        raise LoginFailed("原密码不正确。")
    check_password_strength(new)
    user.password_hash = hash_password(new)
    audit.append(session, actor=actor.username, op="修改密码", target=user.username, detail={})
    return frozenset({Area.USERS})


def reset_password(session: Session, actor: Actor, user_id: str, new: str) -> Changed:
    require(actor, Can.ADMINISTER)
    user = _get(session, user_id)
    check_password_strength(new)
    user.password_hash = hash_password(new)
    user.failed_logins = 0
    user.locked_until = None
    audit.append(session, actor=actor.username, op="重置密码", target=user.username, detail={})
    return frozenset({Area.USERS})


def set_role(session: Session, actor: Actor, user_id: str, role: Role) -> Changed:
    require(actor, Can.ADMINISTER)
    user = _get(session, user_id)
    if user.id == actor.user_id and role != Role.ADMIN:
        raise ValidationError.single("角色", role.label, "不能取消自己的管理员角色。",
                                     "self_demote")
    before = user.role
    user.role = role.value
    audit.append(session, actor=actor.username, op="修改角色", target=user.username,
                 detail={"from": before, "to": role.value})
    return frozenset({Area.USERS})


def set_active(session: Session, actor: Actor, user_id: str, active: bool) -> Changed:
    require(actor, Can.ADMINISTER)
    user = _get(session, user_id)
    if user.id == actor.user_id and not active:
        raise ValidationError.single("状态", "停用", "不能停用自己的账号。", "self_disable")
    user.active = active
    if active:
        user.locked_until = None
        user.failed_logins = 0
    audit.append(session, actor=actor.username, op="启用用户" if active else "停用用户",
                 target=user.username, detail={})
    return frozenset({Area.USERS})


def unlock(session: Session, actor: Actor, user_id: str) -> Changed:
    require(actor, Can.ADMINISTER)
    user = _get(session, user_id)
    user.locked_until = None
    user.failed_logins = 0
    audit.append(session, actor=actor.username, op="解锁用户", target=user.username, detail={})
    return frozenset({Area.USERS})
