"""Roles, the acting user, and the one role check every service uses."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bzdesk.errors import PermissionDenied


class Role(StrEnum):
    ADMIN = "admin"        # 管理员
    CLERK = "clerk"        # 录入员
    APPROVER = "approver"  # 审核人
    VIEWER = "viewer"      # 查看者

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.ADMIN: "管理员",
    Role.CLERK: "录入员",
    Role.APPROVER: "审核人",
    Role.VIEWER: "查看者",
}


class Can(StrEnum):
    """What an operation needs. Services name one of these."""

    READ = "read"
    WRITE = "write"              # enter and edit records
    APPROVE = "approve"          # approve plans, override 超编, 销号 without 回访
    ADMINISTER = "administer"    # users, backups, restore, settings, keys
    SEE_FULL_ID = "see_full_id"  # unmasked 公民身份号码
    EXCHANGE = "exchange"        # bundles to and from other offices


GRANTS: dict[Role, frozenset[Can]] = {
    Role.VIEWER: frozenset({Can.READ}),
    Role.CLERK: frozenset({Can.READ, Can.WRITE, Can.SEE_FULL_ID, Can.EXCHANGE}),
    Role.APPROVER: frozenset({Can.READ, Can.WRITE, Can.APPROVE, Can.SEE_FULL_ID,
                              Can.EXCHANGE}),
    Role.ADMIN: frozenset(Can),
}

CAN_LABELS = {
    Can.READ: "查看", Can.WRITE: "录入和修改", Can.APPROVE: "审核",
    Can.ADMINISTER: "系统管理", Can.SEE_FULL_ID: "查看完整身份证号",
    Can.EXCHANGE: "数据交换",
}


@dataclass(frozen=True)
class Actor:
    """The logged-in user as services see it (never an ORM object)."""

    user_id: str
    username: str
    display_name: str
    role: Role

    def can(self, what: Can) -> bool:
        return what in GRANTS[self.role]


# Used by init, demo generation and migrations: acts before any user exists.
SYSTEM = Actor(user_id="system", username="system", display_name="系统", role=Role.ADMIN)


def require(actor: Actor, what: Can) -> None:
    if not actor.can(what):
        raise PermissionDenied(
            f"{actor.display_name}（{actor.role.label}）没有“{CAN_LABELS[what]}”的权限。"
            "请联系管理员。"
        )
