"""数据交换: office cards, trusted peers, bundles out and in, merge conflicts."""

from bzdesk.services.exchange.bundles import (
    ExportResult,
    ImportResult,
    export_bundle,
    import_bundle,
)
from bzdesk.services.exchange.cards import (
    OfficeCard,
    PeerView,
    add_peer,
    export_identity,
    list_peers,
    make_card,
    read_card,
)
from bzdesk.services.exchange.conflicts import ConflictView, list_conflicts, resolve_conflict

__all__ = [
    "ConflictView",
    "ExportResult",
    "ImportResult",
    "OfficeCard",
    "PeerView",
    "add_peer",
    "export_bundle",
    "export_identity",
    "import_bundle",
    "list_conflicts",
    "list_peers",
    "make_card",
    "read_card",
    "resolve_conflict",
]
