"""A new password typed twice, checked by the service's own strength rule.

Apart from ui.widgets because it needs bzdesk.services.auth (and so SQLAlchemy),
which the start path must not import.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bzdesk.services import auth
from ui.widgets import Problems, pair_problems

CONFIRM = "确认密码"  # the form key of the second field


def password_problems(password: str, confirm: str) -> Problems:
    return pair_problems(password, confirm, auth.check_password_strength, CONFIRM,
                         QCoreApplication.translate("passwords", "密码", "typed twice"))
