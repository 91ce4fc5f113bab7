"""The one exception every validator in :mod:`bzdesk.validation` raises."""

from __future__ import annotations

from typing import Final

__all__ = [
    "KIND_BAD_CHECKSUM",
    "KIND_BAD_DATE",
    "KIND_BAD_FORMAT",
    "KIND_MISSING",
    "InvalidValue",
]

KIND_MISSING: Final = "missing"
KIND_BAD_FORMAT: Final = "bad_format"
KIND_BAD_DATE: Final = "bad_date"
KIND_BAD_CHECKSUM: Final = "bad_checksum"


class InvalidValue(ValueError):
    """A value a clerk typed (or imported) is not acceptable.

    ``reason`` is a complete Chinese sentence that can be shown to the clerk
    as is; ``kind`` is a stable machine code ("missing", "bad_format",
    "bad_date", "bad_checksum") for callers that branch on the failure.
    """

    reason: str
    kind: str

    def __init__(self, reason: str, kind: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind

    def __reduce__(self) -> tuple[type[InvalidValue], tuple[str, str]]:
        # Keep the exception picklable (e.g. across a worker process).
        return (type(self), (self.reason, self.kind))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(reason={self.reason!r}, kind={self.kind!r})"
