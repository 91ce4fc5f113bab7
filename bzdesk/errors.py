"""The typed errors of bzdesk, each with a message a clerk understands.

The UI shows them in one place (ui/errors.py) and the CLI maps them to exit
codes in one place (bzdesk/cli/app.py); nothing else formats an error.
"""

from __future__ import annotations

from dataclasses import dataclass


class BzError(Exception):
    """Base of every error meant for the user. ``message`` is Chinese."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(BzError):
    """The command was called wrongly (missing variable, bad option)."""

    exit_code = 2


@dataclass(frozen=True)
class FieldProblem:
    """One bad value: where it is, what it was, and why it is wrong."""

    column: str
    value: str
    reason: str
    kind: str
    row: int | None = None


class ValidationError(BzError):
    """Input rejected; nothing was written. Carries every problem found."""

    exit_code = 3

    def __init__(self, message: str, problems: list[FieldProblem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []

    @classmethod
    def single(
        cls, column: str, value: object, reason: str, kind: str, row: int | None = None
    ) -> ValidationError:
        return cls(reason, [FieldProblem(column, "" if value is None else str(value), reason,
                                         kind, row)])


class NotFound(ValidationError):
    """The record asked for does not exist (or was deleted)."""


class IntegrityError(ValidationError):
    """A rule of the data would be broken (一人一编, duplicate ID, …)."""


class QuotaExceeded(ValidationError):
    """超编: the unit × 编制类型 has no vacancy left."""


class AlreadyInitialised(ValidationError):
    """``init`` on a data dir that already holds an office."""


class PermissionDenied(BzError):
    """The user's role does not allow this operation."""

    exit_code = 4


class LoginFailed(PermissionDenied):
    """Wrong user name or password."""


class AccountLocked(PermissionDenied):
    """Too many wrong passwords; the account waits until ``until``."""


class BundleRejected(BzError):
    """A bundle file was refused; the database is unchanged."""

    exit_code = 5


class DatabaseError(BzError):
    """The database cannot be opened as it is."""


class DatabaseTooNew(DatabaseError):
    """The file was written by a newer bzdesk."""


class DatabaseCorrupt(DatabaseError):
    """The file is damaged; ``backup`` names the newest backup, if any."""

    def __init__(self, message: str, backup: str | None = None) -> None:
        super().__init__(message)
        self.backup = backup


class DataDirUnusable(DatabaseError):
    """The data directory cannot be created or written."""


class AlreadyRunning(BzError):
    """Another bzdesk already uses this data directory."""


class Cancelled(BzError):
    """The user cancelled a long operation; everything was rolled back."""
