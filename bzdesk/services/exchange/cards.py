"""Office cards (public keys exchanged once, fingerprint read aloud) and peers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyrage
from sqlalchemy import select
from sqlalchemy.orm import Session

from bzdesk import audit
from bzdesk.changes import Area, Outcome
from bzdesk.db import Database
from bzdesk.errors import ValidationError
from bzdesk.models.sync import Peer
from bzdesk.roles import Actor, Can, require
from bzdesk.services.office import LEVELS, current_office
from bzdesk.sync import keys, scope

CARD_FORMAT = "bzdesk-card/1"


@dataclass(frozen=True)
class OfficeCard:
    code: str
    name: str
    level: str
    site: str
    recipient: str
    verify_key: str

    @property
    def fingerprint(self) -> str:
        return keys.PublicKeys(self.recipient, self.verify_key).fingerprint

    def to_json(self) -> str:
        return json.dumps({
            "format": CARD_FORMAT, "office_code": self.code, "office_name": self.name,
            "level": self.level, "site": self.site, "recipient": self.recipient,
            "verify_key": self.verify_key, "fingerprint": self.fingerprint,
        }, ensure_ascii=False, indent=2)


@dataclass(frozen=True)
class PeerView:
    site_id: str
    office_code: str
    office_name: str
    level: str
    fingerprint: str
    added_at: datetime
    sent_seq: int
    taken_seq: int
    acked_seq: int
    relation: str  # how it stands to us in the office tree, i.e. what it receives


def relation(mine: str, theirs: str) -> str:
    if mine == theirs:
        return "本单位另一台电脑（全部本单位数据）"
    if scope.within(mine, theirs):
        return "上级单位（本单位及下级的数据）"
    if scope.within(theirs, mine):
        return "下级单位（该单位自己的数据和上级下发的字典、总额）"
    return "非上下级（只交换确认信息，不含数据）"


def make_card(db: Database) -> OfficeCard:
    """This site's card (no login needed: it holds only public keys)."""
    public = keys.load_public(db.paths.keys)
    if public is None or db.site is None:
        raise ValidationError.single("密钥", "", "本机还没有密钥，请先初始化单位。", "no_keys")
    with db.read() as s:
        office = current_office(s)
    return OfficeCard(office.code, office.name, office.level, office.site_id,
                      public.recipient, public.verify_key)


def read_card(path: Path) -> OfficeCard:
    def bad(reason: str) -> ValidationError:
        return ValidationError.single("单位名片", str(path), reason, "bad_card")

    try:
        raw = path.read_bytes()
        if len(raw) > 64 * 1024:
            raise bad("这不是单位名片文件（文件太大）。")
        data = json.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise bad(f"无法读取单位名片 {path.name}：不是有效的名片文件。") from exc
    if not isinstance(data, dict) or data.get("format") != CARD_FORMAT:
        raise bad(f"{path.name} 不是编制桌面的单位名片。")
    try:
        card = OfficeCard(str(data["office_code"]), str(data["office_name"]),
                          str(data["level"]), str(data["site"]), str(data["recipient"]),
                          str(data["verify_key"]))
        pyrage.x25519.Recipient.from_str(card.recipient)
        from base64 import b64decode

        if len(b64decode(card.verify_key, validate=True)) != 32:
            raise ValueError("verify key length")
    except (KeyError, ValueError, pyrage.RecipientError) as exc:
        raise bad(f"单位名片 {path.name} 内容不完整或已损坏。") from exc
    if card.level not in LEVELS or scope.site_office(card.site) != card.code:
        raise bad(f"单位名片 {path.name} 的单位代码与站点不符。")
    if data.get("fingerprint") and data["fingerprint"] != card.fingerprint:
        raise bad(f"单位名片 {path.name} 的指纹与密钥不符（文件被改动过）。")
    return card


def _view(p: Peer, my_code: str) -> PeerView:
    return PeerView(p.site_id, p.office_code, p.office_name, p.level, p.fingerprint,
                    p.added_at, p.sent_seq, p.taken_seq, p.acked_seq,
                    relation(my_code, p.office_code))


def add_peer(session: Session, actor: Actor, card: OfficeCard) -> Outcome[PeerView]:
    """Trust another site (after the fingerprint was confirmed by phone)."""
    require(actor, Can.ADMINISTER)
    me = current_office(session)
    if card.site == me.site_id:
        raise ValidationError.single("单位名片", card.site,
                                     "这是本机自己的名片，不能添加为交换对象。", "own_card")
    peer = session.get(Peer, card.site)
    if peer is not None and (peer.recipient, peer.verify_key) != (card.recipient,
                                                                   card.verify_key):
        raise ValidationError.single(
            "单位名片", card.site,
            f"站点 {card.site} 已登记了另一组密钥。若对方确实重装过，请先删除旧的交换对象。",
            "key_changed")
    if peer is None:
        peer = Peer(site_id=card.site, office_code=card.code, office_name=card.name,
                    level=card.level, recipient=card.recipient, verify_key=card.verify_key,
                    fingerprint=card.fingerprint, added_at=datetime.now(), known_vector="{}",
                    acked_seq=0, sent_seq=0, taken_seq=0)
        session.add(peer)
        session.flush()
        audit.append(session, actor=actor.username, op="添加交换对象", target=card.site,
                     detail={"office": card.code, "fingerprint": card.fingerprint})
    return Outcome(_view(peer, me.code), frozenset({Area.SYNC}))


def list_peers(session: Session, actor: Actor) -> list[PeerView]:
    require(actor, Can.READ)
    mine = current_office(session).code
    return [_view(p, mine) for p in session.scalars(select(Peer).order_by(Peer.office_code))]


def find_peer(session: Session, code_or_site: str) -> Peer:
    peer = session.get(Peer, code_or_site)
    if peer is not None:
        return peer
    found = list(session.scalars(select(Peer).where(Peer.office_code == code_or_site)))
    if not found:
        raise ValidationError.single(
            "交换对象", code_or_site,
            f"没有登记代码为 {code_or_site} 的交换对象，请先添加对方的单位名片。", "unknown_peer")
    if len(found) > 1:
        sites = "、".join(p.site_id for p in found)
        raise ValidationError.single(
            "交换对象", code_or_site,
            f"单位 {code_or_site} 有多台电脑（{sites}），请用站点编号指定。", "ambiguous_peer")
    return found[0]


def export_identity(db: Database, passphrase: str, out: Path) -> Path:
    """The age identity, encrypted under the key passphrase (``age -d`` opens it)."""
    unlocked = keys.unlock(db.paths.keys, passphrase)  # proves the passphrase
    data = pyrage.passphrase.encrypt(f"{unlocked.identity}\n".encode(), passphrase)
    part = out.with_name(out.name + ".part")
    part.write_bytes(data)
    part.replace(out)
    return out
