"""All ORM classes; importing this module registers every table on Base.metadata."""

from bzdesk.models import attachments, party, staffing, sync, visits  # noqa: F401  (registers their tables)
from bzdesk.models.base import Base, SyncRow, new_id
from bzdesk.models.system import AuditEntry, Change, LocalSite, Office, Setting, User

__all__ = [
    "AuditEntry",
    "Base",
    "Change",
    "LocalSite",
    "Office",
    "Setting",
    "SyncRow",
    "User",
    "new_id",
]
