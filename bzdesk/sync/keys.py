"""The site's keys: an age X25519 identity (to receive bundles) and an
Ed25519 signing key (to sign them), stored under ``keys/`` age-encrypted with
the office passphrase, so a disaster-recovery copy opens with ``age -d``."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pyrage
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from bzdesk.errors import PermissionDenied, ValidationError

IDENTITY_FILE = "identity.age"
SIGNING_FILE = "signing.age"
PUBLIC_FILE = "public.json"
MIN_PASSPHRASE = 8


@dataclass(frozen=True)
class PublicKeys:
    recipient: str    # age1…
    verify_key: str   # base64 of the raw Ed25519 public key

    @property
    def fingerprint(self) -> str:
        """Groups of 4 for reading aloud on the phone."""
        raw = hashlib.sha256(f"{self.recipient}|{self.verify_key}".encode()).hexdigest()[:24]
        return " ".join(raw[i:i + 4].upper() for i in range(0, len(raw), 4))


@dataclass(frozen=True)
class UnlockedKeys:
    identity: pyrage.x25519.Identity
    signing: Ed25519PrivateKey
    public: PublicKeys


def _write_secret(path: Path, data: bytes) -> None:
    part = path.with_name(path.name + ".part")
    with open(part, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(part, 0o600)
    os.replace(part, path)


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError.single(
            "密钥口令", "", f"密钥口令至少要 {MIN_PASSPHRASE} 位，请牢记并妥善保管。",
            "weak_passphrase")


def generate(keys_dir: Path, passphrase: str) -> PublicKeys:
    """Create this site's keys (refuses to overwrite existing ones)."""
    check_passphrase(passphrase)
    keys_dir.mkdir(parents=True, exist_ok=True)
    if (keys_dir / IDENTITY_FILE).exists():
        raise ValidationError.single("密钥", str(keys_dir), "本机已有密钥，不能重新生成。",
                                     "exists")
    identity = pyrage.x25519.Identity.generate()
    signing = Ed25519PrivateKey.generate()
    pem = signing.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    _write_secret(keys_dir / IDENTITY_FILE,
                  pyrage.passphrase.encrypt(f"{identity}\n".encode(), passphrase))
    _write_secret(keys_dir / SIGNING_FILE, pyrage.passphrase.encrypt(pem, passphrase))
    public = PublicKeys(
        recipient=str(identity.to_public()),
        verify_key=base64.b64encode(signing.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw)).decode(),
    )
    (keys_dir / PUBLIC_FILE).write_text(
        json.dumps({"recipient": public.recipient, "verify_key": public.verify_key}, indent=2),
        encoding="utf-8",
    )
    return public


def load_public(keys_dir: Path) -> PublicKeys | None:
    path = keys_dir / PUBLIC_FILE
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return PublicKeys(recipient=data["recipient"], verify_key=data["verify_key"])


def unlock(keys_dir: Path, passphrase: str) -> UnlockedKeys:
    """Decrypt the keys (age scrypt: about a second, once per session)."""
    try:
        ident_text = pyrage.passphrase.decrypt((keys_dir / IDENTITY_FILE).read_bytes(), passphrase)
        pem = pyrage.passphrase.decrypt((keys_dir / SIGNING_FILE).read_bytes(), passphrase)
    except FileNotFoundError:
        raise PermissionDenied("本机还没有密钥（请先初始化单位）。") from None
    except pyrage.DecryptError:
        raise PermissionDenied("密钥口令不正确。") from None
    identity = pyrage.x25519.Identity.from_str(ident_text.decode().strip())
    signing = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(signing, Ed25519PrivateKey):
        raise PermissionDenied("签名密钥文件格式不对。")
    public = load_public(keys_dir) or PublicKeys(
        str(identity.to_public()),
        base64.b64encode(signing.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw)).decode(),
    )
    return UnlockedKeys(identity, signing, public)
