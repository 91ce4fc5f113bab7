"""The site's keys: age passphrase files under keys/, unlocked by the office
passphrase, and readable by the standard ``age`` tool for disaster recovery."""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import stat
import subprocess
import time
from pathlib import Path

import pyrage
import pytest
from cryptography.hazmat.primitives import serialization

from bzdesk.errors import PermissionDenied, ValidationError
from bzdesk.paths import DataPaths
from bzdesk.sync import keys

AGE_HEADER = b"age-encryption.org/v1"


def test_init_writes_age_passphrase_files(data_paths: DataPaths) -> None:
    for name in (keys.IDENTITY_FILE, keys.SIGNING_FILE):
        path = data_paths.keys / name
        data = path.read_bytes()
        assert data.startswith(AGE_HEADER)
        assert b"-> scrypt " in data  # a passphrase recipient, not a key recipient
        assert b"AGE-SECRET-KEY" not in data and b"PRIVATE KEY" not in data
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    public = json.loads((data_paths.keys / keys.PUBLIC_FILE).read_text(encoding="utf-8"))
    assert public["recipient"].startswith("age1")
    assert len(base64.b64decode(public["verify_key"])) == 32
    assert not list(data_paths.keys.glob("*.part"))


def test_unlock_gives_the_keys_public_json_describes(data_paths: DataPaths,
                                                     creds: type) -> None:
    unlocked = keys.unlock(data_paths.keys, creds.passphrase)
    public = keys.load_public(data_paths.keys)
    assert public is not None
    assert str(unlocked.identity.to_public()) == public.recipient
    raw = unlocked.signing.public_key().public_bytes(serialization.Encoding.Raw,
                                                      serialization.PublicFormat.Raw)
    assert base64.b64encode(raw).decode() == public.verify_key
    assert unlocked.public == public
    # the identity really opens what is encrypted to the recipient
    recipient = pyrage.x25519.Recipient.from_str(public.recipient)
    sealed = pyrage.encrypt(b"bundle bytes", [recipient])
    assert pyrage.decrypt(sealed, [unlocked.identity]) == b"bundle bytes"
    signature = unlocked.signing.sign(b"manifest")
    unlocked.signing.public_key().verify(signature, b"manifest")
    assert len(public.fingerprint.split()) == 6
    assert all(len(group) == 4 for group in public.fingerprint.split())


def test_wrong_passphrase_is_refused(data_paths: DataPaths) -> None:
    with pytest.raises(PermissionDenied, match="密钥口令不正确"):
        keys.unlock(data_paths.keys, "wrong-passphrase-1")


def test_missing_keys_are_refused(tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied, match="还没有密钥"):
        keys.unlock(tmp_path, "whatever-passphrase")


def test_generate_refuses_weak_passphrase_and_existing_keys(data_paths: DataPaths,
                                                            tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as info:
        keys.generate(tmp_path / "k", "short")
    assert info.value.problems[0].kind == "weak_passphrase"
    assert not (tmp_path / "k").exists() or not any((tmp_path / "k").iterdir())
    before = (data_paths.keys / keys.IDENTITY_FILE).read_bytes()
    with pytest.raises(ValidationError) as info:
        keys.generate(data_paths.keys, "another-passphrase-1")
    assert info.value.problems[0].kind == "exists"
    assert (data_paths.keys / keys.IDENTITY_FILE).read_bytes() == before


def _age_decrypt_on_a_terminal(age: str, file: Path, out: Path, passphrase: str) -> bytes:
    """Run ``age -d`` with a pseudo-terminal as its controlling terminal (age reads
    passphrases from the terminal, never from a pipe) and type the passphrase
    when it asks. Returns what age showed on the terminal."""
    master, slave = os.openpty()
    try:
        proc = subprocess.Popen(
            # setsid --ctty: a new session whose controlling terminal is stdin (the pty)
            ["setsid", "--wait", "--ctty", age, "-d", "-o", str(out), str(file)],
            stdin=slave, stdout=slave, stderr=slave, close_fds=True,
        )
    finally:
        os.close(slave)
    shown = b""
    typed = False
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
    return shown


def test_standard_age_tool_decrypts_the_identity(data_paths: DataPaths, creds: type,
                                                 tmp_path: Path) -> None:
    age = shutil.which("age")
    assert age is not None, (
        "the standard `age` binary is missing: run scripts/setup (it installs /usr/bin/age)")
    out = tmp_path / "identity.txt"
    _age_decrypt_on_a_terminal(age, data_paths.keys / keys.IDENTITY_FILE, out, creds.passphrase)
    secret = out.read_text(encoding="ascii").strip()
    assert secret.startswith("AGE-SECRET-KEY-1")
    public = keys.load_public(data_paths.keys)
    assert public is not None
    assert str(pyrage.x25519.Identity.from_str(secret).to_public()) == public.recipient
