"""The bundle file: format, writing and the checks made before anything is applied.

A bundle is an inner ZIP — ``manifest.json`` (canonical JSON), ``manifest.sig``
(Ed25519 over the manifest bytes), ``changes.jsonl``, ``blobs/<sha256>`` —
encrypted with age to the receiving office and to the sender's own key. The
manifest lists the SHA-256 and size of every other member; a member that is
missing, extra, oversized or different refuses the whole bundle.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from bzdesk.errors import BundleRejected

FORMAT = "bzdesk-bundle/1"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
CHANGES = "changes.jsonl"
BLOB_NAME = re.compile(r"^blobs/[0-9a-f]{64}$")
MAX_BUNDLE_BYTES = 2 * 1024**3        # decrypted size cap
MAX_MEMBER_BYTES = 1024**3
MAX_MANIFEST_BYTES = 16 * 1024**2
MAX_RATIO = 200                        # compressed → uncompressed, a zip bomb beyond this
CHUNK = 1024 * 1024


def canonical(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


FIELDS_JSON = "_fields_json"
_FIELDS_START = '{"fields":'
_decoder = json.JSONDecoder()


_STR = r'"([^"\\\x00-\x1f]*)"'  # a JSON string without escapes: its text is its value
_INT = r"(-?(?:0|[1-9][0-9]*))"
# The rest of a canonical line as bzdesk writes it (keys sorted, no escapes): read
# with one match instead of a second JSON parse. Anything else goes to json.loads.
_TAIL = re.compile(
    rf'"hlc":{_INT},"moved_from":(?:null|{_STR}),"office_id":{_STR},"origin":{_STR},'
    rf'"origin_seq":(?:null|{_INT}),"row_id":{_STR},"table":{_STR}}}[ \t\r\n]*')


def parse_line(line: str) -> Any:
    """One line of changes.jsonl. Canonical lines begin with the fields (keys are
    sorted): their text is kept beside the parsed entry."""
    if line.startswith(_FIELDS_START):
        fields, end = _decoder.raw_decode(line, len(_FIELDS_START))
        if line[end:end + 1] == ",":
            text = line[len(_FIELDS_START):end]
            m = _TAIL.fullmatch(line, end + 1)
            if m is not None:
                hlc, moved, office, origin, seq, row_id, table = m.groups()
                return {"fields": fields, FIELDS_JSON: text, "hlc": int(hlc),
                        "moved_from": moved, "office_id": office, "origin": origin,
                        "origin_seq": None if seq is None else int(seq), "row_id": row_id,
                        "table": table}
            entry = json.loads("{" + line[end + 1:])
            if isinstance(entry, dict) and "fields" not in entry:
                entry["fields"] = fields
                entry[FIELDS_JSON] = text
                return entry
    return json.loads(line)


def entry_line(entry: dict[str, Any]) -> bytes:
    """One line of changes.jsonl: the entry as canonical JSON. Fields still held as
    their logged (canonical) JSON text are copied in as they are: "fields" is the
    first key in sorted order."""
    text = entry.get(FIELDS_JSON)
    if not isinstance(text, str) or "fields" in entry:
        rest = {k: v for k, v in entry.items() if k != FIELDS_JSON}
        return canonical(rest) + b"\n"
    rest = {k: v for k, v in entry.items() if k != FIELDS_JSON}
    tail = canonical(rest)
    return (_FIELDS_START + text + ("," if len(tail) > 2 else "")).encode() + tail[1:] + b"\n"


def bundle_file_name(sender: str, receiver: str, stamp: str, seq: int) -> str:
    return f"{sender}-to-{receiver}-{stamp}-{seq}.bzb"


@dataclass(frozen=True)
class Opened:
    """A bundle that passed every check; ``zip_path`` is a private temp file."""

    manifest: dict[str, Any]
    manifest_hash: str
    zip_path: Path

    def changes(self, mentioning: str | None = None) -> Iterator[dict[str, Any]]:
        """The entries, read as they are decompressed; with ``mentioning``, only lines
        containing that text are parsed (a cheap pre-filter: callers still check what
        they get). An entry read from a canonical line also carries its fields' JSON
        text as ``FIELDS_JSON``, so the importer logs it without encoding it again."""
        wanted = None if mentioning is None else mentioning.encode()
        with zipfile.ZipFile(self.zip_path) as zf, zf.open(CHANGES) as fh:
            for line in _lines(fh):
                if line.strip() and (wanted is None or wanted in line):
                    try:
                        entry = parse_line(line.decode())
                    except ValueError as exc:  # not UTF-8, not JSON
                        raise BundleRejected("数据包中有格式不对的变更记录，已拒收。") from exc
                    yield entry

    def blob(self, sha: str) -> bytes:
        with zipfile.ZipFile(self.zip_path) as zf:
            return zf.read(f"blobs/{sha}")

    def blob_names(self) -> list[str]:
        return [n[6:] for n in self.manifest["members"] if n.startswith("blobs/")]

    def discard(self) -> None:
        self.zip_path.unlink(missing_ok=True)


def _lines(fh: IO[bytes]) -> Iterator[bytes]:
    """The lines of a stream, read in large pieces (a zip member's own readline is
    slow)."""
    rest = b""
    while chunk := fh.read(CHUNK):
        pieces = (rest + chunk).split(b"\n")
        rest = pieces.pop()
        yield from pieces
    if rest:
        yield rest


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_bundle(
    target: Path, manifest: dict[str, Any], lines: Iterable[bytes],
    blobs: Iterable[tuple[str, Path]], signing: Ed25519PrivateKey,
    recipients: list[pyrage.x25519.Recipient], tmp_dir: Path,
) -> tuple[str, int, int]:
    """Write ``target`` (.part, fsync, rename) from the changes.jsonl ``lines`` (see
    ``entry_line``), streaming: lines are hashed and compressed as they come, and the
    inner zip is encrypted from its temp file. ``blobs`` is read after the lines.
    Returns (manifest hash, changes, bytes)."""
    tmp_dir.mkdir(parents=True, exist_ok=True)
    members: dict[str, dict[str, Any]] = {}
    count = 0
    with tempfile.NamedTemporaryFile(dir=tmp_dir, suffix=".zip", delete=False) as raw:
        zip_path = Path(raw.name)
    try:
        with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED,
                             compresslevel=1) as zf:
            digest, size = hashlib.sha256(), 0
            with zf.open(CHANGES, "w", force_zip64=True) as fh:
                batch: list[bytes] = []
                held = 0
                for line in lines:
                    batch.append(line)
                    held += len(line)
                    count += 1
                    if held >= CHUNK:  # a few large writes: zlib and sha256 per call
                        size += _write_batch(fh, digest, batch)
                        batch, held = [], 0
                size += _write_batch(fh, digest, batch)
            members[CHANGES] = {"sha256": digest.hexdigest(), "size": size}
            for sha, path in blobs:
                zf.write(path, f"blobs/{sha}")
                members[f"blobs/{sha}"] = {"sha256": sha, "size": path.stat().st_size}
            full = {**manifest, "format": FORMAT, "members": members}
            body = canonical(full)
            zf.writestr(MANIFEST, body)
            zf.writestr(SIGNATURE, base64.b64encode(signing.sign(body)))
        part = target.with_name(target.name + ".part")
        with open(zip_path, "rb") as src, open(part, "wb") as out:
            pyrage.encrypt_io(src, out, recipients)  # streams (constant memory)
            out.flush()
            os.fsync(out.fileno())
        os.replace(part, target)
        _fsync(target.parent)
    finally:
        zip_path.unlink(missing_ok=True)
    return hashlib.sha256(body).hexdigest(), count, target.stat().st_size


def _write_batch(fh: IO[bytes], digest: Any, batch: list[bytes]) -> int:
    data = b"".join(batch)
    digest.update(data)
    fh.write(data)
    return len(data)


class _CappedWriter(io.RawIOBase):
    def __init__(self, fh: IO[bytes], cap: int) -> None:
        self.fh, self.cap, self.size = fh, cap, 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.size += len(data)
        if self.size > self.cap:
            raise BundleRejected("数据包解密后超过大小上限，已拒收。")
        return self.fh.write(data)


def decrypt_to_temp(file: Path, identities: list[pyrage.x25519.Identity], tmp_dir: Path,
                    cap: int = MAX_BUNDLE_BYTES) -> Path:
    tmp_dir.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=tmp_dir, suffix=".zip")
    path = Path(name)
    try:
        with os.fdopen(fd, "wb") as out, open(file, "rb") as src:
            pyrage.decrypt_io(src, _CappedWriter(out, cap), identities)
    except BundleRejected:
        path.unlink(missing_ok=True)
        raise
    except Exception as exc:  # age reports every damage (flipped byte, truncation) this way
        path.unlink(missing_ok=True)
        raise BundleRejected(
            "数据包无法解密：文件已损坏、被截断，或不是发给本单位的（请让对方重新导出）。"
        ) from exc
    return path


def _check_member_names(zf: zipfile.ZipFile) -> None:
    seen = set()
    for info in zf.infolist():
        name = info.filename
        if name in seen:
            raise BundleRejected(f"数据包中有重复的条目“{name}”，已拒收。")
        seen.add(name)
        if name.startswith(("/", "\\")) or ".." in name.split("/") or "\\" in name or ":" in name:
            raise BundleRejected(f"数据包中有非法路径“{name}”，已拒收。")
        if name not in (MANIFEST, SIGNATURE, CHANGES) and not BLOB_NAME.match(name):
            raise BundleRejected(f"数据包中有多余的条目“{name}”，已拒收。")
        if info.file_size > MAX_MEMBER_BYTES or (
            info.compress_size and info.file_size / info.compress_size > MAX_RATIO
            and info.file_size > CHUNK
        ):
            raise BundleRejected(f"数据包条目“{name}”过大（疑似压缩炸弹），已拒收。")


def _hash_member(zf: zipfile.ZipFile, name: str, limit: int) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with zf.open(name) as fh:
        while chunk := fh.read(CHUNK):
            size += len(chunk)
            if size > limit:
                raise BundleRejected(f"数据包条目“{name}”比清单所记大，已拒收。")
            digest.update(chunk)
    return digest.hexdigest(), size


def open_verified(zip_path: Path, verify_key_for: dict[str, str]) -> Opened:
    """Check the signature (against the registered key of the sending site) and
    every member; returns the manifest. ``verify_key_for``: site → base64 key."""
    try:
        zf = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BundleRejected("数据包内部格式不对（不是有效的数据包）。") from exc
    with zf:
        _check_member_names(zf)
        names = set(zf.namelist())
        if MANIFEST not in names or SIGNATURE not in names:
            raise BundleRejected("数据包缺少清单或签名，已拒收。")
        if zf.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES:
            raise BundleRejected("数据包清单过大，已拒收。")
        body = zf.read(MANIFEST)
        try:
            manifest = json.loads(body)
            signature = base64.b64decode(zf.read(SIGNATURE), validate=True)
            site = manifest["sender"]["site"]
        except (ValueError, KeyError, TypeError) as exc:
            raise BundleRejected("数据包清单无法读取，已拒收。") from exc
        key = verify_key_for.get(site)
        if key is None:
            raise BundleRejected(
                f"发送方 {site} 不在本单位信任的单位名单中，已拒收（请先添加对方的单位名片）。"
            )
        try:
            Ed25519PublicKey.from_public_bytes(base64.b64decode(key)).verify(signature, body)
        except (InvalidSignature, ValueError) as exc:
            raise BundleRejected(
                "数据包签名不符（不是由登记的发送方密钥签名，或已被改动），已拒收。"
            ) from exc
        if manifest.get("format") != FORMAT:
            raise BundleRejected(f"数据包格式“{manifest.get('format')}”不认识，已拒收。")
        members = manifest.get("members")
        if not isinstance(members, dict) or CHANGES not in members:
            raise BundleRejected("数据包清单缺少成员列表，已拒收。")
        expected = set(members) | {MANIFEST, SIGNATURE}
        if names != expected:
            missing = sorted(expected - names)
            extra = sorted(names - expected)
            raise BundleRejected(
                f"数据包内容与清单不符（缺少 {', '.join(missing) or '无'}；"
                f"多出 {', '.join(extra) or '无'}），已拒收。"
            )
        for name, meta in members.items():
            if name.startswith("blobs/") and meta.get("sha256") != name[6:]:
                raise BundleRejected(f"数据包条目“{name}”的名称与校验值不符，已拒收。")
            sha, size = _hash_member(zf, name, int(meta["size"]))
            if sha != meta["sha256"] or size != int(meta["size"]):
                raise BundleRejected(f"数据包条目“{name}”的校验值与清单不符（已被改动），已拒收。")
    return Opened(manifest, hashlib.sha256(body).hexdigest(), zip_path)
