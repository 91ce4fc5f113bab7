"""Bundle sync: a full bundle of a city demo (city → province) and an incremental
1,000-change bundle, exported and imported, against the raw floor of that work.

Raw floor (same run, same bytes): age-encrypting (export) or age-decrypting
(import) the bundle's inner zip with pyrage, plus one sqlite3 ``executemany``
of the bundle's rows into the same tables of an empty database (import) or one
``SELECT`` of them (export). Goals (DESIGN.md "What a speed goal measures"):
full import ≤ 10 s for 200k people and ≤ 3× raw. Key unlock and the safety
backup before an import are measured and reported apart. Peak RSS is this
process's: the set-up (office init, password hashing, key unlock, demo data) runs
in a child process, so only opening the databases and the bundle work count.

Run: .venv/bin/python tests/bench/bench_sync.py [people]   (default 200000)
"""

from __future__ import annotations

import io
import json
import os
import resource
import sqlite3
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pyrage
from _common import report
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from bzdesk.backup import backup_database
from bzdesk.db import open_database
from bzdesk.models.staffing import Person
from bzdesk.paths import DataPaths
from bzdesk.roles import Actor, Role
from bzdesk.services import auth, office
from bzdesk.services.exchange import add_peer, export_bundle, import_bundle, make_card
from bzdesk.services.staffing import generate_staffing
from bzdesk.sync import keys
from bzdesk.uow import write_op

PASSWORD = "admin-pass-1"
PASSPHRASE = "bench-passphrase-1"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def init(root: Path, code: str, name: str, level: str) -> None:
    db = open_database(DataPaths(root))
    try:
        office.initialise(db, code=code, name=name, level=level, admin_username="admin",
                          admin_display_name="管理员", admin_password=PASSWORD,
                          key_passphrase=PASSPHRASE)
    finally:
        db.close()


def in_child(work: Callable[[], None]) -> None:
    """Run ``work`` in a forked child: its memory (argon2, scrypt, the generator's
    rows) does not count in this process's peak RSS."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            work()
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    if status != 0:
        raise SystemExit("set-up failed")


def set_up(root: Path, people: int) -> None:
    """Two offices that trust each other, the city filled with demo data, and their
    keys unlocked once (timed) and kept in a file only this benchmark reads."""
    init(root / "city", "360100", "南昌市委机构编制委员会办公室", "city")
    init(root / "province", "360000", "江西省委机构编制委员会办公室", "province")
    city, province = (open_database(DataPaths(root / n)) for n in ("city", "province"))
    with city.write() as s:
        actor = auth.login(s, "admin", PASSWORD)
        add_peer(s, actor, make_card(province))
    with province.write() as s:
        add_peer(s, auth.login(s, "admin", PASSWORD), make_card(city))
    with city.write() as s:
        generate_staffing(s, actor, people=people, seed=20261123)
    city.close()
    province.close()
    t0 = time.perf_counter()
    found = {}
    for name in ("city", "province"):
        unlocked = keys.unlock(root / name / "keys", PASSPHRASE)
        found[name] = [str(unlocked.identity), unlocked.signing.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()).decode()]
    found["unlock_s"] = [str((time.perf_counter() - t0) / 2)]
    found["actor"] = [actor.user_id, actor.username, actor.display_name, actor.role.value]
    (root / "unlocked.json").write_text(json.dumps(found))


def unlocked(root: Path, name: str, data: dict[str, list[str]]) -> keys.UnlockedKeys:
    ident, pem = data[name]
    signing = serialization.load_pem_private_key(pem.encode(), password=None)
    assert isinstance(signing, Ed25519PrivateKey)
    public = keys.load_public(root / name / "keys")
    assert public is not None
    return keys.UnlockedKeys(pyrage.x25519.Identity.from_str(ident), signing, public)


def bundle_tables(zip_bytes: bytes) -> set[str]:
    import json

    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as zf, zf.open("changes.jsonl") as fh:
        return {json.loads(line)["table"] for line in fh if line.strip()}


def raw_rows(db_file: Path, tables: set[str]) -> tuple[dict[str, list[tuple[object, ...]]], float]:
    con = sqlite3.connect(db_file)
    try:
        t0 = time.perf_counter()
        rows = {t: con.execute(f'SELECT * FROM "{t}"').fetchall() for t in sorted(tables)}
        return rows, time.perf_counter() - t0
    finally:
        con.close()


def raw_insert(empty_db: Path, rows: dict[str, list[tuple[object, ...]]]) -> float:
    con = sqlite3.connect(empty_db, isolation_level=None)
    try:
        con.execute("PRAGMA foreign_keys=OFF")
        con.execute("PRAGMA cache_size=-65536")
        t0 = time.perf_counter()
        con.execute("BEGIN")
        for table, data in rows.items():
            if data:
                marks = ",".join("?" * len(data[0]))
                con.executemany(f'INSERT INTO "{table}" VALUES ({marks})', data)
        con.execute("COMMIT")
        return time.perf_counter() - t0
    finally:
        con.close()


def main(people: int) -> int:
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        in_child(lambda: set_up(root, people))
        print(f"set-up (2 inits + {people} people demo): {time.perf_counter() - t0:.1f} s")
        data = json.loads((root / "unlocked.json").read_text())
        print(f"key unlock (once per session, reported apart): "
              f"{float(data['unlock_s'][0]):.2f} s per site")
        ck, pk = unlocked(root, "city", data), unlocked(root, "province", data)
        city, province = open_database(DataPaths(root / "city")), open_database(
            DataPaths(root / "province"))
        user_id, username, display, role = data["actor"]
        ca = pa = Actor(user_id, username, display, Role(role))  # logged in (in set-up)
        rss_ready = rss_mb()
        assert province.site is not None

        # -- full bundle ---------------------------------------------------------
        out = root / "out"
        t0 = time.perf_counter()
        full = export_bundle(city, ca, ck, province.site.site_id, out)
        export_s = time.perf_counter() - t0
        rss_export = rss_mb()
        sealed = Path(full.file).read_bytes()
        zip_bytes = pyrage.decrypt(sealed, [pk.identity])
        recipient = pyrage.x25519.Recipient.from_str(pk.public.recipient)
        t0 = time.perf_counter()
        pyrage.encrypt(zip_bytes, [recipient, ck.identity.to_public()])
        encrypt_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        pyrage.decrypt(sealed, [pk.identity])
        decrypt_s = time.perf_counter() - t0
        tables = bundle_tables(zip_bytes)
        rows, select_s = raw_rows(city.paths.database, tables)
        n_rows = sum(len(v) for v in rows.values())
        empty = open_database(DataPaths(root / "empty"))
        empty.close()
        insert_s = raw_insert(DataPaths(root / "empty").database, rows)
        del rows
        print(f"full bundle: {full.changes} changes, {n_rows} rows, {full.bytes / 1e6:.1f} MB "
              f"(inner zip {len(zip_bytes) / 1e6:.1f} MB)")
        del zip_bytes, sealed
        ok &= report("full export", export_s, "s", encrypt_s + select_s)
        t0 = time.perf_counter()
        backup_database(province.paths, reason="before-bundle")
        print(f"safety backup before import (reported apart): {time.perf_counter() - t0:.2f} s")
        t0 = time.perf_counter()
        taken = import_bundle(province, pa, pk, Path(full.file))
        import_s = time.perf_counter() - t0
        assert taken.applied == full.changes, (taken.applied, full.changes)
        ok &= report("full import", import_s, "s", decrypt_s + insert_s, limit=3.0)
        if people >= 200_000:
            ok &= report("full import (absolute)", import_s, "s", limit=10.0)
        print(f"peak RSS: {rss_ready:.0f} MB with the databases open and keys unlocked, "
              f"{rss_export:.0f} MB after the full export, {rss_mb():.0f} MB after the import")

        # -- incremental: 1,000 changes ------------------------------------------
        assert city.site is not None  # the province acknowledges the full bundle first
        ack = export_bundle(province, pa, pk, city.site.site_id, out)
        import_bundle(city, ca, ck, Path(ack.file))
        with city.write() as s, write_op(s, ca, "批量修改电话") as w:
            for i, person in enumerate(s.scalars(select(Person).limit(1000))):
                person.phone = f"1390000{i:04d}"
            s.flush()
            changed = w.change_count
        t0 = time.perf_counter()
        inc = export_bundle(city, ca, ck, province.site.site_id, out)
        inc_export = time.perf_counter() - t0
        t0 = time.perf_counter()
        got = import_bundle(province, pa, pk, Path(inc.file))
        inc_import = time.perf_counter() - t0
        assert changed == 1000 and got.applied == inc.changes >= 1000, (changed, inc, got)
        report("incremental export (1,000 changes)", inc_export, "s")
        report("incremental import (1,000 changes)", inc_import, "s")
        print(f"peak RSS at the end: {rss_mb():.0f} MB")
        city.close()
        province.close()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000))
