"""Bundle sync (issue 11): a full bundle of a city demo (city → province) and an
incremental 1,000-change bundle, exported and imported, against the raw floor.

Goals: full export and full import each ≤ 10 s (200k people) and ≤ 3 × the raw
cost of age-encrypting (export) / decrypting (import) the same bytes plus one
sqlite3 ``executemany`` of the bundle's rows into the same tables of an empty
database; the export is also shown against its own floor (encrypt + one SELECT of
the rows). Incremental export + import of 1,000 changes ≤ 0.5 s. Peak RSS ≤ 500 MB:
each measured step runs in a forked child (it opens its own databases, as a CLI
call or the GUI's writer would) and its peak RSS is the child's. Key unlock,
process start and the safety backup before an import are reported apart.

The two prepared sites are built once per size and cached under /tmp (≈ 1–2 min
for 200k people; ``--fresh`` rebuilds); every run works on a copy.

Run: .venv/bin/python tests/bench/bench_sync.py [people] [--fresh]   (default 200000)
"""

from __future__ import annotations

import io
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pyrage
from _common import ROOT, report
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import configure_mappers

from bzdesk.backup import backup_database
from bzdesk.db import open_database
from bzdesk.models.staffing import Person
from bzdesk.paths import DataPaths
from bzdesk.roles import Actor, Role
from bzdesk.services import auth, office
from bzdesk.services.exchange import add_peer, export_bundle, import_bundle, make_card
from bzdesk.services.staffing import generate_staffing
from bzdesk.sync import keys
from bzdesk.sync.tables import registry
from bzdesk.uow import write_op

PASSWORD = "admin-pass-1"
PASSPHRASE = "bench-passphrase-1"
CACHE = Path("/tmp/bzdesk-bench-sync")


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
    found = {}
    for name in ("city", "province"):
        unlocked = keys.unlock(root / name / "keys", PASSPHRASE)
        found[name] = [str(unlocked.identity), unlocked.signing.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()).decode()]
    found["actor"] = [actor.user_id, actor.username, actor.display_name, actor.role.value]
    (root / "unlocked.json").write_text(json.dumps(found))


def prepared(people: int, fresh: bool) -> Path:
    """The two sites before any bundle, built once per size (≈ 2 min for 200k) and
    cached under /tmp: every run works on a copy."""
    base = CACHE / str(people)
    if fresh or not (base / "READY").exists():
        shutil.rmtree(base, ignore_errors=True)
        base.mkdir(parents=True)
        t0 = time.perf_counter()
        in_child(lambda: set_up(base, people))
        (base / "READY").write_text("ok")
        print(f"set-up (2 inits + {people} people demo, cached in {base}): "
              f"{time.perf_counter() - t0:.1f} s")
    return base


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


LOG_COLUMNS = "origin, origin_seq, table_name, row_id, office_id, hlc, fields, moved_from"


def raw_log(db_file: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db_file)
    try:
        return con.execute(f"SELECT {LOG_COLUMNS} FROM change_log").fetchall()
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
                names = f"({LOG_COLUMNS})" if table == "change_log" else ""
                con.executemany(f'INSERT INTO "{table}" {names} VALUES ({marks})', data)
        con.execute("COMMIT")
        return time.perf_counter() - t0
    finally:
        con.close()


def raw_floor(root: Path, tables: set[str]) -> dict[str, Any]:
    """One SELECT of the bundle's rows at the city, one executemany of them into an
    empty database, and the same with the city's change log beside them."""
    city = DataPaths(root / "city").database
    rows, select_s = raw_rows(city, tables)
    count = sum(len(v) for v in rows.values())
    for name in ("empty", "empty2"):
        open_database(DataPaths(root / name)).close()
    insert_s = raw_insert(DataPaths(root / "empty").database, rows)
    rows["change_log"] = raw_log(city)  # what the import keeps beyond the goal's floor
    with_log = raw_insert(DataPaths(root / "empty2").database, rows)
    return {"select": select_s, "insert": insert_s, "with_log": with_log, "rows": count}


def measured(work: Callable[[], dict[str, Any]]) -> tuple[dict[str, Any], float]:
    """Run ``work`` in a forked child (it opens its own databases); returns what it
    returned and the child's peak RSS in MB (the parent's few pages included)."""
    fd, name = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            Path(name).write_text(json.dumps(work()))
            code = 0
        finally:
            os._exit(code)
    _, status, usage = os.wait4(pid, 0)
    try:
        if status != 0:
            raise SystemExit("a measured step failed")
        result: dict[str, Any] = json.loads(Path(name).read_text())
    finally:
        Path(name).unlink()
    return result, usage.ru_maxrss / 1024


class Sites:
    def __init__(self, root: Path, data: dict[str, list[str]]) -> None:
        self.root = root
        self.keys = {n: unlocked(root, n, data) for n in ("city", "province")}
        user_id, username, display, role = data["actor"]
        self.actor = Actor(user_id, username, display, Role(role))  # logged in at set-up

    def export(self, frm: str, to: str) -> dict[str, Any]:
        src, dst = open_database(DataPaths(self.root / frm)), open_database(
            DataPaths(self.root / to))
        try:
            assert dst.site is not None
            t0 = time.perf_counter()
            made = export_bundle(src, self.actor, self.keys[frm], dst.site.site_id,
                                 self.root / "out")
            return {"s": time.perf_counter() - t0, "file": made.file, "changes": made.changes,
                    "bytes": made.bytes}
        finally:
            src.close()
            dst.close()

    def take(self, to: str, file: str) -> dict[str, Any]:
        db = open_database(DataPaths(self.root / to))
        try:
            t0 = time.perf_counter()
            got = import_bundle(db, self.actor, self.keys[to], Path(file))
            return {"s": time.perf_counter() - t0, "applied": got.applied}
        finally:
            db.close()

    def edit(self, n: int) -> dict[str, Any]:
        db = open_database(DataPaths(self.root / "city"))
        try:
            with db.write() as s, write_op(s, self.actor, "批量修改电话") as w:
                for i, person in enumerate(s.scalars(select(Person).limit(n))):
                    person.phone = f"1390000{i:04d}"
                s.flush()
                return {"changed": w.change_count}
        finally:
            db.close()


def unlock_once(root: Path) -> dict[str, Any]:
    t0 = time.perf_counter()
    keys.unlock(root / "province" / "keys", PASSPHRASE)
    return {"s": time.perf_counter() - t0}


def process_start() -> float:
    """A fresh interpreter importing what a CLI bundle command loads (no work)."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import bzdesk.cli.app, bzdesk.db, "
                    "bzdesk.services.exchange"], check=True, cwd=ROOT)
    return time.perf_counter() - t0


def main(people: int, fresh: bool) -> int:
    ok = True
    base = prepared(people, fresh)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        for name in ("city", "province"):
            shutil.copytree(base / name, root / name)
        shutil.copy(base / "unlocked.json", root / "unlocked.json")
        print(f"{people} people: copied the prepared sites in {time.perf_counter() - t0:.1f} s")
        data = json.loads((root / "unlocked.json").read_text())
        unlock, rss_unlock = measured(lambda: unlock_once(root))
        print(f"reported apart: key unlock {unlock['s']:.2f} s ({rss_unlock:.0f} MB peak, once "
              f"per session); process start (CLI imports) {process_start():.2f} s")
        sites = Sites(root, data)
        configure_mappers()  # as in a running program: the ORM and table registry are ready
        registry()
        print(f"this process before any bundle work: {rss_mb():.0f} MB")

        # -- full bundle ---------------------------------------------------------
        full, rss_export = measured(lambda: sites.export("city", "province"))
        sealed = Path(full["file"]).read_bytes()
        pk, ck = sites.keys["province"], sites.keys["city"]
        zip_bytes = pyrage.decrypt(sealed, [pk.identity])
        recipient = pyrage.x25519.Recipient.from_str(pk.public.recipient)
        t0 = time.perf_counter()
        pyrage.encrypt(zip_bytes, [recipient, ck.identity.to_public()])
        encrypt_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        pyrage.decrypt(sealed, [pk.identity])
        decrypt_s = time.perf_counter() - t0
        tables = bundle_tables(zip_bytes)
        print(f"full bundle: {full['changes']} changes, {full['bytes'] / 1e6:.1f} MB "
              f"(inner zip {len(zip_bytes) / 1e6:.1f} MB)")
        del zip_bytes, sealed
        t0 = time.perf_counter()
        backup_database(DataPaths(root / "province"), reason="before-bundle")
        print(f"safety backup before import (reported apart): {time.perf_counter() - t0:.2f} s")
        taken, rss_import = measured(lambda: sites.take("province", full["file"]))
        assert taken["applied"] == full["changes"], (taken, full)
        # the raw floor, in a child too (its rows in memory stay out of later steps)
        floor, _ = measured(lambda: raw_floor(root, tables))
        select_s, insert_s, rows_and_log_s = floor["select"], floor["insert"], floor["with_log"]
        print(f"rows in the bundle's tables: {floor['rows']}")
        # Goals (issue 11): each ≤ 3 × (age encrypt or decrypt of the same bytes + one
        # sqlite3 bulk insert of the rows) and ≤ 10 s; the export's own floor (encrypt +
        # one SELECT of the rows) is printed beside it.
        ok &= report("full export", full["s"], "s", encrypt_s + insert_s, limit=3.0)
        report("full export against encrypt + SELECT (information)", full["s"], "s",
               encrypt_s + select_s)
        ok &= report("full import", taken["s"], "s", decrypt_s + insert_s, limit=3.0)
        print(f"raw parts: encrypt {encrypt_s:.3f} s, decrypt {decrypt_s:.3f} s, "
              f"bulk insert {insert_s:.3f} s, select {select_s:.3f} s; the same insert "
              f"with the {full['changes']} change-log rows: {rows_and_log_s:.3f} s")
        if people >= 200_000:
            ok &= report("full export (absolute)", full["s"], "s", limit=10.0)
            ok &= report("full import (absolute)", taken["s"], "s", limit=10.0)
        ok &= report("peak RSS, full export", rss_export, "MB", limit=500.0)
        ok &= report("peak RSS, full import", rss_import, "MB", limit=500.0)

        # -- incremental: 1,000 changes ------------------------------------------
        # the province acknowledges first; these steps run in children too, so the
        # measured ones start from the same small parent
        ack, _ = measured(lambda: sites.export("province", "city"))
        measured(lambda: sites.take("city", ack["file"]))
        assert measured(lambda: sites.edit(1000))[0]["changed"] == 1000
        inc, rss_inc_export = measured(lambda: sites.export("city", "province"))
        got, rss_inc_import = measured(lambda: sites.take("province", inc["file"]))
        assert got["applied"] == inc["changes"] >= 1000, (inc, got)
        print(f"incremental: export {inc['s']:.3f} s, import {got['s']:.3f} s; peak RSS "
              f"export {rss_inc_export:.0f} MB, import {rss_inc_import:.0f} MB")
        ok &= report("incremental export + import (1,000 changes)", inc["s"] + got["s"], "s",
                     limit=0.5)
    return 0 if ok else 1


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--fresh"]
    raise SystemExit(main(int(args[0]) if args else 200_000, "--fresh" in sys.argv))
