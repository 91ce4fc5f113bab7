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
from bzdesk.services.exchange.status import (
    BundleView,
    PeerStatus,
    bundle_history,
    exchange_overview,
)

__all__ = [
    "BundleView",
    "ConflictView",
    "ExportResult",
    "ImportResult",
    "OfficeCard",
    "PeerStatus",
    "PeerView",
    "add_peer",
    "bundle_history",
    "exchange_overview",
    "export_bundle",
    "export_identity",
    "import_bundle",
    "list_conflicts",
    "list_peers",
    "make_card",
    "read_card",
    "resolve_conflict",
]
