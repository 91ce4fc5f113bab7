"""The tables of the 数据交换 page: peers, conflicts, findings, bundle history."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt

from bzdesk.services.exchange import BundleView, ConflictView, PeerStatus
from bzdesk.services.staffing.views import Finding
from ui.models import Column, RowsModel

RIGHT = Qt.AlignmentFlag.AlignRight


def _tr(text: str) -> str:
    return QCoreApplication.translate("exchange", text)


def _when(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M") if at else "—"


def _value(v: object) -> str:
    return "（空）" if v is None or v == "" else str(v)


def peers_model() -> RowsModel[PeerStatus]:
    return RowsModel([
        Column(_tr("单位"), lambda p: p.peer.office_name),
        Column(_tr("代码"), lambda p: p.peer.office_code),
        Column(_tr("站点"), lambda p: p.peer.site_id),
        Column(_tr("关系"), lambda p: p.peer.relation),
        Column(_tr("待发送变更"), lambda p: str(p.pending), RIGHT),
        Column(_tr("已发包号"), lambda p: str(p.peer.sent_seq), RIGHT),
        Column(_tr("已收包号"), lambda p: str(p.peer.taken_seq), RIGHT),
        Column(_tr("最近导出"), lambda p: _when(p.last_sent)),
        Column(_tr("最近导入"), lambda p: _when(p.last_received)),
        Column(_tr("指纹"), lambda p: p.peer.fingerprint),
    ])


def conflicts_model() -> RowsModel[ConflictView]:
    return RowsModel([
        Column(_tr("数据表"), lambda c: c.table),
        Column(_tr("记录"), lambda c: c.row_id[:8]),
        Column(_tr("字段"), lambda c: c.field),
        Column(_tr("现在的值"), lambda c: _value(c.current_value)),
        Column(_tr("来自"), lambda c: c.current_origin),
        Column(_tr("另一方的值"), lambda c: _value(c.other_value)),
        Column(_tr("来自"), lambda c: c.other_origin),
    ])


def findings_model() -> RowsModel[Finding]:
    return RowsModel([
        Column(_tr("类别"), lambda f: f.title),
        Column(_tr("说明"), lambda f: f.message),
    ])


def history_model() -> RowsModel[BundleView]:
    return RowsModel([
        Column(_tr("时间"), lambda b: _when(b.at)),
        Column(_tr("方向"), lambda b: _tr("导出") if b.direction == "out" else _tr("导入")),
        Column(_tr("对方站点"), lambda b: b.peer_site),
        Column(_tr("包号"), lambda b: str(b.seq), RIGHT),
        Column(_tr("变更数"), lambda b: str(b.changes), RIGHT),
        Column(_tr("结果"), lambda b: b.result_label),
        Column(_tr("文件"), lambda b: b.file_name),
        Column(_tr("注意"), lambda b: "；".join(b.findings)),
    ])
