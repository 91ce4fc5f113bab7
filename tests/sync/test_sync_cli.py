"""The exchange commands end to end, as scripts and clerks run them: ``python main.py``
in a subprocess with no terminal and the secrets in the environment.

The receiving site is county A's PC (a1), whose key files are real age passphrase
files: every command here pays the key unlock (scrypt), so the commands of one
test run side by side. A refused import must leave the database as it was; the
CLI itself logs the clerk in first (which writes the login time and an audit
entry "登录"), so here "unchanged" is checked as: every synced row, the change
log, the bundle records and the peers identical, and no audit entry but logins.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sync_kit import (
    ADMIN_PASSWORD,
    PASSPHRASE,
    Net,
    Site,
    add_person,
    counts,
    dump,
    open_bundle,
    reseal,
)

from bzdesk.services.exchange import make_card

REPO = Path(__file__).resolve().parents[2]
ENV = {"BZDESK_USER": "admin", "BZDESK_PASSWORD": ADMIN_PASSWORD,
       "BZDESK_KEY_PASSPHRASE": PASSPHRASE}


class Procs:
    """Commands started side by side; any still running at the end is killed."""

    def __init__(self) -> None:
        self.started: list[subprocess.Popen[str]] = []

    def start(self, data_dir: Path, *args: str,
              env: dict[str, str] | None = None) -> subprocess.Popen[str]:
        full = {k: v for k, v in os.environ.items() if not k.startswith("BZDESK_")}
        full.update({"PYTHONIOENCODING": "utf-8", **(ENV if env is None else env)})
        proc = subprocess.Popen(
            [sys.executable, "main.py", "--data-dir", str(data_dir), *args], cwd=REPO,
            env=full, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8")
        self.started.append(proc)
        return proc

    def close(self) -> None:
        for proc in self.started:
            if proc.poll() is None:
                proc.kill()
            proc.communicate()


@pytest.fixture
def procs() -> Iterator[Procs]:
    p = Procs()
    yield p
    p.close()


def finish(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=120)
    assert "Traceback" not in out + err, err
    return proc.returncode, out, err


def audit_ops(site: Site) -> list[str]:
    import sqlite3

    con = sqlite3.connect(site.paths.database)
    try:
        return [r[0] for r in con.execute("SELECT op FROM audit_entry ORDER BY seq")]
    finally:
        con.close()


def copy_site(site: Site, root: Path) -> Site:
    shutil.copytree(site.root, root)
    return site.moved_to(root)


@pytest.mark.slow
def test_bundle_commands_refuse_with_exit_5_and_take_good_bundles(
        seeded: Net, tmp_path: Path, procs: Procs) -> None:
    city, a1 = seeded["city"], seeded["a1"]
    add_person(city, "360121", "市里录入的人", 1)
    good = Path(seeded.export("city", "a1").file)
    inner = open_bundle(good, a1)
    forged = reseal(inner, city, a1, tmp_path / "forged.bzb", signer=Ed25519PrivateKey.generate())
    newer = reseal(inner, city, a1, tmp_path / "newer.bzb",
                   manifest={**inner.manifest, "schema": {"major": 7, "revision": "x"}})
    flipped = tmp_path / "flipped.bzb"
    data = bytearray(good.read_bytes())
    data[len(data) // 3] ^= 1
    flipped.write_bytes(bytes(data))
    taken = seeded.take("a1", good)  # taken once already (in-process)
    assert taken.applied >= 1
    seeded.close()

    # each refusal on its own copy: logins are written (and wait for each other)
    targets = {name: copy_site(a1, tmp_path / f"refusing-{name}")
               for name in ("forged", "newer", "flipped")}
    taker = copy_site(a1, tmp_path / "taking")
    sender = copy_site(a1, tmp_path / "sending")
    target = targets["forged"]
    before = {k: v for k, v in counts(target).items() if k not in ("app_user", "audit_entry")}
    rows_before, ops_before = dump(target), audit_ops(target)
    target.close()

    files = {"forged": forged, "newer": newer, "flipped": flipped}
    bad = {name: procs.start(site.root, "bundle", "import", str(files[name]), "--json")
           for name, site in targets.items()}
    again = procs.start(taker.root, "bundle", "import", str(good), "--json")
    out_dir = tmp_path / "usb"
    export = procs.start(sender.root, "bundle", "export", "--to", "360100", "--out",
                         str(out_dir), "--json")
    reasons = {}
    for name, proc in bad.items():
        code, out, err = finish(proc)
        assert code == 5, (name, out, err)
        answer = json.loads(out)
        assert answer["ok"] is False and answer["applied"] == 0
        assert set(answer) == {"ok", "sender", "sequence", "applied", "already_known",
                               "conflicts", "findings", "reason"}
        reasons[name] = answer["reason"]
        assert "\n" not in answer["reason"] and answer["reason"].endswith("。")
        site = targets[name]
        after = {k: v for k, v in counts(site).items() if k not in ("app_user", "audit_entry")}
        assert after == before and dump(site) == rows_before, name
        new_ops = audit_ops(site)[len(ops_before):]
        assert set(new_ops) == {"登录"}, new_ops
        log = (site.paths.logs / "bzdesk.log").read_text(encoding="utf-8")
        assert "refused" in log and answer["reason"] in log
    assert "签名不符" in reasons["forged"]
    assert "请升级编制桌面" in reasons["newer"]
    assert "无法解密" in reasons["flipped"]

    code, out, err = finish(export)
    assert code == 0, err
    made = json.loads(out)
    assert set(made) == {"ok", "file", "recipient", "sequence", "changes", "blobs", "bytes"}
    assert Path(made["file"]).is_absolute() and Path(made["file"]).parent == out_dir.resolve()
    assert made["recipient"] == "360100" and made["bytes"] == Path(made["file"]).stat().st_size

    code, out, err = finish(again)  # a bundle already taken: exit 0, nothing applied
    assert code == 0, err
    repeated: dict[str, Any] = json.loads(out)
    assert (repeated["ok"], repeated["already_known"], repeated["applied"]) == (True, True, 0)
    assert (repeated["sender"], repeated["sequence"]) == (city.site_id, taken.sequence)


@pytest.mark.slow
def test_cards_peers_and_the_identity_export(seeded: Net, tmp_path: Path,
                                             procs: Procs) -> None:
    age = shutil.which("age") or "/usr/bin/age"
    assert Path(age).exists(), "the standard `age` binary is missing: scripts/setup installs it"
    a1 = seeded["a1"]
    expected = make_card(a1.d)
    other_card = tmp_path / "360122.bzcard"
    other_card.write_text(make_card(seeded["b"].d).to_json(), encoding="utf-8")
    seeded.close()
    peers_before = counts(a1)["peer"]

    identity = tmp_path / "identity.age"
    export_id = procs.start(a1.root, "keys", "export-identity", "--out", str(identity))
    card = procs.start(a1.root, "office-card", "export", "--out", str(tmp_path), env={})
    no_tty = procs.start(a1.root, "peer", "add", str(other_card))

    code, out, err = finish(no_tty)
    assert code == 2 and "--yes" in err, (out, err)
    code, out, err = finish(card)
    assert code == 0, err
    data = json.loads((tmp_path / "360121.bzcard").read_text(encoding="utf-8"))
    assert (data["office_code"], data["office_name"], data["level"]) == (
        "360121", expected.name, "county")
    assert data["recipient"].startswith("age1")
    pyrage.x25519.Recipient.from_str(data["recipient"])
    assert len(base64.b64decode(data["verify_key"], validate=True)) == 32
    groups = data["fingerprint"].split()
    assert len(groups) == 6 and all(len(g) == 4 and g.upper() == g for g in groups)
    assert data["fingerprint"] == expected.fingerprint and data["fingerprint"] in out
    code, out, err = finish(export_id)
    assert code == 0, err
    assert counts(a1)["peer"] == peers_before

    sealed = identity.read_bytes()
    assert sealed.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert b"AGE-SECRET-KEY" not in sealed
    plain = tmp_path / "identity.txt"
    age_decrypt_on_a_terminal(age, identity, plain, PASSPHRASE)
    secret = plain.read_text(encoding="ascii").strip()
    assert secret.startswith("AGE-SECRET-KEY-1")
    assert str(pyrage.x25519.Identity.from_str(secret).to_public()) == data["recipient"]


def age_decrypt_on_a_terminal(age: str, file: Path, out: Path, passphrase: str) -> None:
    """``age -d`` reads the passphrase from its terminal, never from a pipe: run it
    on a pseudo-terminal (its controlling terminal) and type when it asks."""
    master, slave = os.openpty()
    try:
        proc = subprocess.Popen(["setsid", "--wait", "--ctty", age, "-d", "-o", str(out),
                                 str(file)], stdin=slave, stdout=slave, stderr=slave,
                                close_fds=True)
    finally:
        os.close(slave)
    shown, typed = b"", False
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], deadline - time.monotonic())
            if not ready:
                break
            try:
                chunk = os.read(master, 1024)
            except OSError:  # EIO: the last process holding the terminal is gone
                break
            if not chunk:
                break
            shown += chunk
            if not typed and b"passphrase" in shown.lower():
                os.write(master, passphrase.encode() + b"\n")
                typed = True
        assert proc.wait(timeout=60) == 0, shown
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    assert typed, f"age never asked for the passphrase: {shown!r}"
