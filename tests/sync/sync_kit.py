"""Helpers for the sync tests: sites of a small office tree, bundles between them,
canonical dumps of what each site holds, and crafted (tampered) bundles.

The office tree used throughout::

    province 360000
      └ city 360100
          ├ county A 360121: site a1 (the county PC) ── site a2 (a field laptop,
          │                  same office code, its own keys)
          └ county B 360122: site b

Key generation and unlocking are age scrypt (about a second each). Only site a1
has real passphrase-encrypted key files (it is a copy of the session template
of tests/conftest.py, so the CLI can unlock it); the other sites are created
with their key files encrypted to a throwaway X25519 key instead, and the tests
hold their unlocked keys in memory (``Site.keys``), exactly what the services
take. Nothing here weakens what is tested: every bundle is really signed,
encrypted, decrypted and verified.
"""

from __future__ import annotations

import base64
import hashlib
import io
import itertools
import json
import shutil
import sqlite3
import types
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pyrage
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from bzdesk.db import Database, open_database
from bzdesk.models import Change, SyncRow
from bzdesk.models.staffing import Person
from bzdesk.paths import DataPaths
from bzdesk.roles import Actor
from bzdesk.services import auth, office
from bzdesk.services.exchange import (
    ExportResult,
    ImportResult,
    add_peer,
    export_bundle,
    import_bundle,
    make_card,
)
from bzdesk.sync import bundle as bfmt
from bzdesk.sync import keys as keymod
from bzdesk.sync import scope
from bzdesk.sync.tables import registry
from bzdesk.uow import write_op

ADMIN_PASSWORD = "admin-pass-1"       # as tests/conftest.py
PASSPHRASE = "office-passphrase-1"    # as tests/conftest.py

# name → (office code, office name, level)
OFFICES = {
    "province": ("360000", "江西省委机构编制委员会办公室", "province"),
    "city": ("360100", "南昌市委机构编制委员会办公室", "city"),
    "a1": ("360121", "南昌县委机构编制委员会办公室", "county"),
    "a2": ("360121", "南昌县委机构编制委员会办公室", "county"),
    "b": ("360122", "新建区委机构编制委员会办公室", "county"),
}
# The tree edges bundles travel along (both ways).
EDGES = [("province", "city"), ("city", "a1"), ("city", "b"), ("a1", "a2")]
# Rows of the seeded tree (tests/sync/conftest.py): the city's 编制类型 entry and
# one unit per county.
CATEGORY_ID = "c0000000-0000-4000-8000-000000000001"
UNIT = {"360121": "u0000000-0000-4000-8000-360121000000",
        "360122": "u0000000-0000-4000-8000-360122000000"}


# -- sites ------------------------------------------------------------------------


@dataclass
class Site:
    name: str
    root: Path
    code: str
    site_id: str
    keys: keymod.UnlockedKeys
    actor: Actor
    db: Database | None = None

    @property
    def paths(self) -> DataPaths:
        return DataPaths(self.root)

    def open(self) -> Database:
        if self.db is None:
            self.db = open_database(self.paths)
        return self.db

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    @property
    def d(self) -> Database:
        return self.open()

    def moved_to(self, root: Path) -> Site:
        """The same site (keys, actor) whose data dir was copied to ``root``."""
        return Site(self.name, root, self.code, self.site_id, self.keys, self.actor)


def unlocked_from(identity_text: str, signing_pem: bytes, keys_dir: Path) -> keymod.UnlockedKeys:
    public = keymod.load_public(keys_dir)
    assert public is not None
    signing = serialization.load_pem_private_key(signing_pem, password=None)
    assert isinstance(signing, Ed25519PrivateKey)
    return keymod.UnlockedKeys(pyrage.x25519.Identity.from_str(identity_text.strip()),
                               signing, public)


def create_site(name: str, root: Path) -> Site:
    """Initialise an office site whose key files are encrypted to a throwaway key
    (no scrypt); the unlocked keys are kept in memory."""
    code, office_name, level = OFFICES[name]
    captured: list[bytes] = []
    throwaway = pyrage.x25519.Identity.generate().to_public()

    def encrypt(data: bytes, _passphrase: str) -> bytes:
        captured.append(data)
        return pyrage.encrypt(data, [throwaway])

    cheap = types.SimpleNamespace(
        x25519=pyrage.x25519, DecryptError=pyrage.DecryptError,
        passphrase=types.SimpleNamespace(encrypt=encrypt, decrypt=pyrage.passphrase.decrypt))
    db = open_database(DataPaths(root))
    real = keymod.pyrage
    keymod.pyrage = cheap  # type: ignore[assignment]
    try:
        office.initialise(db, code=code, name=office_name, level=level, admin_username="admin",
                          admin_display_name="管理员", admin_password=ADMIN_PASSWORD,
                          key_passphrase=PASSPHRASE)
    finally:
        keymod.pyrage = real
    try:
        with db.write() as s:
            actor = auth.login(s, "admin", ADMIN_PASSWORD)
        assert db.site is not None
        site_id = db.site.site_id
    finally:
        db.close()
    keys = unlocked_from(captured[0].decode(), captured[1], DataPaths(root).keys)
    return Site(name, root, code, site_id, keys, actor)


def adopt_site(name: str, root: Path) -> Site:
    """A site made by ``office.initialise`` with real passphrase-encrypted keys."""
    code = OFFICES[name][0]
    db = open_database(DataPaths(root))
    try:
        with db.write() as s:
            actor = auth.login(s, "admin", ADMIN_PASSWORD)
        assert db.site is not None and db.site.office_id == code
        site_id = db.site.site_id
    finally:
        db.close()
    return Site(name, root, code, site_id, keymod.unlock(DataPaths(root).keys, PASSPHRASE),
                actor)


def trust(a: Site, b: Site) -> None:
    """a and b add each other's office card (the fingerprint check is the test's)."""
    for me, other in ((a, b), (b, a)):
        card = make_card(other.d)
        with me.d.write() as s:
            add_peer(s, me.actor, card)


class Net:
    """Sites of one office tree, each with its own open database."""

    def __init__(self, sites: dict[str, Site]) -> None:
        self.sites = sites

    def __getitem__(self, name: str) -> Site:
        return self.sites[name]

    def close(self) -> None:
        for site in self.sites.values():
            site.close()

    @classmethod
    def copy_of(cls, template: dict[str, Site], root: Path) -> Net:
        sites = {}
        for name, site in template.items():
            target = root / name
            shutil.copytree(site.root, target)
            sites[name] = site.moved_to(target)
        return cls(sites)

    def export(self, frm: str, to: str, out: Path | None = None) -> ExportResult:
        src, dst = self.sites[frm], self.sites[to]
        out = out or src.root.parent / "outbox"
        return export_bundle(src.d, src.actor, src.keys, dst.site_id, out)

    def take(self, to: str, file: Path | str) -> ImportResult:
        dst = self.sites[to]
        return import_bundle(dst.d, dst.actor, dst.keys, Path(file))

    def send(self, frm: str, to: str) -> ImportResult:
        return self.take(to, self.export(frm, to).file)

    def full_exchange(self, max_rounds: int = 8) -> int:
        """Rounds up and down the tree until nothing changes; returns the rounds."""
        order = EDGES + [(b, a) for a, b in reversed(EDGES)]
        for n in range(1, max_rounds + 1):
            before = {name: fingerprint_state(s) for name, s in self.sites.items()}
            for frm, to in order:
                self.send(frm, to)
            # a final pass back up and down so every ack has been seen
            after = {name: fingerprint_state(s) for name, s in self.sites.items()}
            if before == after:
                return n
        raise AssertionError(f"no quiescence after {max_rounds} rounds")


# -- what a site holds --------------------------------------------------------------


def scope_owner(table: str, row: dict[str, Any]) -> str:
    info = registry()[table]
    return str(row[info.scope_column])


def dump(site: Site) -> dict[tuple[str, str], tuple[Any, ...]]:
    """Every syncable row (all columns, hlc and origin included) by (table, id)."""
    out: dict[tuple[str, str], tuple[Any, ...]] = {}
    with site.d.read() as s:
        for name, info in sorted(registry().items()):
            cols = [info.model.__table__.c[c] for c in info.columns]
            for row in s.execute(select(*cols)):
                values = dict(zip(info.columns, row, strict=True))
                out[(name, str(values["id"]))] = tuple(sorted(values.items()))
    return out


def synced(table: str, row: tuple[Any, ...]) -> bool:
    """False for the built-in dictionary rows every site makes itself (never sent)."""
    return str(dict(row)[registry()[table].scope_column]) != scope.NATIONAL


def holds_in_scope(site_code: str, table: str, row: tuple[Any, ...]) -> bool:
    info = registry()[table]
    owner = str(dict(row)[info.scope_column])
    return owner == scope.NATIONAL or scope.in_scope(site_code, owner, info.shared)


def check_converged(net: Net) -> None:
    """Every two sites agree on every synced row both may hold (all columns, hlc and
    origin included), and no site holds a row outside its scope."""
    dumps = {name: {key: row for key, row in dump(site).items() if synced(key[0], row)}
             for name, site in net.sites.items()}
    for name, rows in dumps.items():
        code = net[name].code
        outside = [key for key, row in rows.items() if not holds_in_scope(code, key[0], row)]
        assert not outside, f"{name} holds rows outside its scope: {outside}"
    for (n1, d1), (n2, d2) in itertools.combinations(dumps.items(), 2):
        c1, c2 = net[n1].code, net[n2].code
        both = {key: row for key, row in d1.items()
                if holds_in_scope(c2, key[0], row)}
        other = {key: row for key, row in d2.items()
                 if holds_in_scope(c1, key[0], row)}
        missing = sorted(set(both) ^ set(other))
        assert not missing, f"{n1}/{n2} disagree on which rows exist: {missing[:5]}"
        differ = [key for key in both if both[key] != other[key]]
        assert not differ, (f"{n1}/{n2} differ: {differ[:3]}: "
                            f"{both[differ[0]]} vs {other[differ[0]]}")


def fingerprint_state(site: Site) -> tuple[int, str]:
    """Cheap summary for quiescence: change-log size and a hash of every row."""
    rows = dump(site)
    with site.d.read() as s:
        changes = s.scalar(select(func.count()).select_from(Change)) or 0
    digest = hashlib.sha256(repr(sorted(rows.items())).encode()).hexdigest()
    return int(changes), digest


def counts(site: Site) -> dict[str, int]:
    """Rows per table (domain and sync bookkeeping)."""
    con = sqlite3.connect(f"file:{site.paths.database}?mode=ro", uri=True)
    try:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


def db_files_hash(root: Path) -> dict[str, str]:
    """Hashes of the database file and its -wal/-shm companions (absent = '-')."""
    base = DataPaths(root).database
    out = {}
    for suffix in ("", "-wal", "-journal"):
        p = base.with_name(base.name + suffix)
        out[suffix or "db"] = hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else "-"
    return out


# -- domain writes at one site (through the unit of work, as services do) ----------


@contextmanager
def op(site: Site, name: str = "测试操作") -> Iterator[Any]:
    with site.d.write() as s, write_op(s, site.actor, name) as w:
        yield s, w


def add_person(site: Site, office_code: str, name: str, n: int, **extra: Any) -> str:
    with op(site, "新增人员") as (s, _):
        p = Person(office_id=office_code, name=name, id_number=f"36012119800101{n:04d}",
                   sex="男", birth_date=date(1980, 1, 1), **extra)
        s.add(p)
        s.flush()
        return p.id


def set_fields(site: Site, model: type[SyncRow], row_id: str, **values: Any) -> None:
    with op(site, "修改") as (s, _):
        row = s.get(model, row_id)
        assert row is not None, (site.name, model.__tablename__, row_id)
        for k, v in values.items():
            setattr(row, k, v)


def tombstone(site: Site, model: type[SyncRow], row_id: str) -> None:
    with op(site, "删除") as (s, w):
        row = s.get(model, row_id)
        assert row is not None
        w.delete(row)


# -- opening and re-making bundles (for the tampering tests) -------------------------


@dataclass
class Inner:
    """A decrypted bundle: its zip members in order, as bytes."""

    members: dict[str, bytes] = field(default_factory=dict)

    @property
    def manifest(self) -> dict[str, Any]:
        value: dict[str, Any] = json.loads(self.members[bfmt.MANIFEST])
        return value

    @property
    def changes(self) -> list[dict[str, Any]]:
        text = self.members[bfmt.CHANGES].decode("utf-8")
        return [json.loads(line) for line in text.splitlines() if line.strip()]


def open_bundle(file: Path, receiver: Site) -> Inner:
    """Decrypt a bundle with the receiver's identity (unlocked as the app does)."""
    raw = pyrage.decrypt(file.read_bytes(), [receiver.keys.identity])
    inner = Inner()
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        for name in zf.namelist():
            inner.members[name] = zf.read(name)
    return inner


def member_meta(data: bytes) -> dict[str, Any]:
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def reseal(inner: Inner, sender: Site, receiver: Site, out: Path, *,
           manifest: dict[str, Any] | None = None, fix_members: bool = True,
           signer: Ed25519PrivateKey | None = None,
           extra: list[tuple[zipfile.ZipInfo | str, bytes]] | None = None,
           omit: tuple[str, ...] = (), compress: int = zipfile.ZIP_DEFLATED) -> Path:
    """Write ``inner`` (possibly modified) as a bundle again: members re-hashed into
    the manifest (unless ``fix_members`` is false), re-signed with the sender's key
    (or ``signer``), re-encrypted to the receiver."""
    body_manifest = dict(manifest if manifest is not None else inner.manifest)
    members = {n: d for n, d in inner.members.items()
               if n not in (bfmt.MANIFEST, bfmt.SIGNATURE)}
    if fix_members:
        body_manifest["members"] = {n: member_meta(d) for n, d in members.items()}
    body = bfmt.canonical(body_manifest)
    sig = base64.b64encode((signer or sender.keys.signing).sign(body))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compress) as zf:
        for n, d in members.items():
            if n not in omit:
                zf.writestr(n, d)
        for info, data in extra or []:
            zf.writestr(info, data)
        zf.writestr(bfmt.MANIFEST, body)
        zf.writestr(bfmt.SIGNATURE, sig)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pyrage.encrypt(buf.getvalue(), [
        pyrage.x25519.Recipient.from_str(receiver.keys.public.recipient)]))
    return out


def changes_bytes(entries: list[dict[str, Any]]) -> bytes:
    return b"".join(bfmt.canonical(e) + b"\n" for e in entries)


Mutator = Callable[[Inner], None]
