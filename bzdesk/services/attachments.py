"""Adding attachments: only images and PDFs, within a size limit, stored once
per content (SHA-256) however many records refer to them."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import NotFound, ValidationError
from bzdesk.models.attachments import Attachment
from bzdesk.paths import DataPaths
from bzdesk.roles import Actor, Can, require
from bzdesk.uow import write_op

MAX_BYTES = 20 * 1024 * 1024
# Magic numbers, not file name extensions: a renamed .exe is not a photo.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
    (b"%PDF-", "application/pdf"),
)


@dataclass(frozen=True)
class AttachmentView:
    id: str
    sha256: str
    size: int
    mime: str
    file_name: str
    caption: str
    owner_table: str
    owner_id: str

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")


def blob_path(paths: DataPaths, sha256: str) -> Path:
    return paths.attachments / sha256[:2] / sha256


def sniff_type(head: bytes) -> str | None:
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    for magic, mime in SIGNATURES:
        if head.startswith(magic):
            return mime
    return None


def store_blob(paths: DataPaths, source: Path, max_bytes: int = MAX_BYTES) -> tuple[str, int, str]:
    """Copy ``source`` into the store (atomically); returns (sha256, size, mime)."""
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise ValidationError.single("附件", str(source), f"无法读取文件 {source.name}。",
                                     "unreadable") from exc
    if size > max_bytes:
        raise ValidationError.single(
            "附件", source.name,
            f"文件 {source.name} 有 {size / 1024 / 1024:.1f} MB，"
            f"超过 {max_bytes // 1024 // 1024} MB 的上限。请压缩照片或拆分扫描件后再添加。",
            "too_big")
    with open(source, "rb") as fh:
        mime = sniff_type(fh.read(16))
    if mime is None:
        raise ValidationError.single(
            "附件", source.name,
            f"{source.name} 不是图片或 PDF 文件"
            "（只能添加 JPG、PNG、GIF、BMP、WEBP 照片和 PDF 扫描件）。", "bad_type")
    digest = hashlib.sha256()
    paths.attachments.mkdir(parents=True, exist_ok=True)
    with open(source, "rb") as src, tempfile.NamedTemporaryFile(
        dir=paths.attachments, delete=False, suffix=".part"
    ) as tmp:
        while chunk := src.read(1024 * 1024):
            digest.update(chunk)
            tmp.write(chunk)
        tmp.flush()
        os.fsync(tmp.fileno())
    sha = digest.hexdigest()
    target = blob_path(paths, sha)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        Path(tmp.name).unlink()
    else:
        shutil.move(tmp.name, target)
    return sha, size, mime


def add_attachment(session: Session, actor: Actor, paths: DataPaths, owner_table: str,
                   owner_id: str, source: Path, caption: str = "") -> Outcome[AttachmentView]:
    require(actor, Can.WRITE)
    sha, size, mime = store_blob(paths, source)
    with write_op(session, actor, "添加附件", target=f"{owner_table}:{owner_id}") as op:
        row = Attachment(sha256=sha, size=size, mime=mime, file_name=source.name[:200],
                         caption=caption.strip()[:200], owner_table=owner_table,
                         owner_id=owner_id)
        session.add(row)
    return Outcome(_view(row), frozenset(op.changed))


def remove_attachment(session: Session, actor: Actor, attachment_id: str) -> Outcome[None]:
    require(actor, Can.WRITE)
    row = session.get(Attachment, attachment_id)
    if row is None or row.deleted:
        raise NotFound.single("附件", attachment_id, "找不到这个附件。", "not_found")
    with write_op(session, actor, "删除附件", target=f"{row.owner_table}:{row.owner_id}") as op:
        op.delete(row)
    return Outcome(None, frozenset(op.changed))


def list_attachments(session: Session, actor: Actor, owner_table: str,
                     owner_id: str) -> list[AttachmentView]:
    require(actor, Can.READ)
    rows = session.scalars(select(Attachment).where(
        Attachment.owner_table == owner_table, Attachment.owner_id == owner_id,
        Attachment.deleted.is_(False)).order_by(Attachment.file_name))
    return [_view(r) for r in rows]


def _view(r: Attachment) -> AttachmentView:
    return AttachmentView(r.id, r.sha256, r.size, r.mime, r.file_name, r.caption,
                          r.owner_table, r.owner_id)
