"""Screen names of the core's codes (roles, office levels), translatable.

The core keeps Chinese labels for the CLI; the GUI shows these so that the
English interface says "Administrator" rather than 管理员.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bzdesk.roles import Can, Role
from ui.settings import QT_TRANSLATE_NOOP

_ROLES = {
    Role.ADMIN: QT_TRANSLATE_NOOP("labels", "管理员"),
    Role.CLERK: QT_TRANSLATE_NOOP("labels", "录入员"),
    Role.APPROVER: QT_TRANSLATE_NOOP("labels", "审核人"),
    Role.VIEWER: QT_TRANSLATE_NOOP("labels", "查看者"),
}

_CANS = {
    Can.READ: QT_TRANSLATE_NOOP("labels", "查看"),
    Can.WRITE: QT_TRANSLATE_NOOP("labels", "录入和修改"),
    Can.APPROVE: QT_TRANSLATE_NOOP("labels", "审核"),
    Can.ADMINISTER: QT_TRANSLATE_NOOP("labels", "系统管理"),
    Can.SEE_FULL_ID: QT_TRANSLATE_NOOP("labels", "查看完整身份证号"),
    Can.EXCHANGE: QT_TRANSLATE_NOOP("labels", "数据交换"),
}

_LEVELS = {
    "county": QT_TRANSLATE_NOOP("labels", "县级"),
    "city": QT_TRANSLATE_NOOP("labels", "市级"),
    "province": QT_TRANSLATE_NOOP("labels", "省级"),
}

# What each office level's data covers (DESIGN "Offices and scope").
_SCOPES = {
    "county": QT_TRANSLATE_NOOP("labels", "本县本级及所属单位"),
    "city": QT_TRANSLATE_NOOP("labels", "本市本级及所辖各县（市、区）"),
    "province": QT_TRANSLATE_NOOP("labels", "本省本级及所辖各市、县"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def role_label(role: Role) -> str:
    return _tr(_ROLES[role])


def roles() -> list[tuple[Role, str]]:
    return [(role, role_label(role)) for role in _ROLES]


def can_label(what: Can) -> str:
    return _tr(_CANS[what])


def level_label(level: str) -> str:
    return _tr(_LEVELS[level]) if level in _LEVELS else level


def scope_label(level: str) -> str:
    return _tr(_SCOPES.get(level, _SCOPES["county"]))
