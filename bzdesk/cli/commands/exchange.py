"""office-card, peer, bundle, keys: exchanging data with other offices."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bzdesk.cli import context


def register(sub: Any) -> None:
    p = sub.add_parser("office-card", help="本单位名片（公钥）")
    cs = p.add_subparsers(dest="card_command", metavar="export", required=True)
    e = cs.add_parser("export", help="导出本单位名片文件 <代码>.bzcard")
    e.add_argument("--out", required=True, metavar="FILE")
    e.set_defaults(handler=cmd_card_export)

    p = sub.add_parser("peer", help="交换对象（信任另一单位）")
    ps = p.add_subparsers(dest="peer_command", metavar="add|list", required=True)
    a = ps.add_parser("add", help="添加交换对象（读出指纹核对后确认）")
    a.add_argument("card", metavar="CARDFILE")
    a.add_argument("--yes", action="store_true", help="不询问，直接确认（脚本用）")
    a.set_defaults(handler=cmd_peer_add)
    ls = ps.add_parser("list", help="列出交换对象")
    ls.set_defaults(handler=cmd_peer_list)

    p = sub.add_parser("bundle", help="数据包导出和导入")
    bs = p.add_subparsers(dest="bundle_command", metavar="export|import", required=True)
    x = bs.add_parser("export", help="为交换对象导出数据包")
    x.add_argument("--to", required=True, metavar="PEER_CODE")
    x.add_argument("--out", required=True, metavar="DIR")
    x.add_argument("--json", action="store_true")
    x.set_defaults(handler=cmd_bundle_export)
    i = bs.add_parser("import", help="导入数据包")
    i.add_argument("file", metavar="FILE.bzb")
    i.add_argument("--json", action="store_true")
    i.set_defaults(handler=cmd_bundle_import)

    p = sub.add_parser("keys", help="本机密钥")
    ks = p.add_subparsers(dest="keys_command", metavar="export-identity", required=True)
    k = ks.add_parser("export-identity", help="导出灾备用的密钥副本（可用 age -d 解开）")
    k.add_argument("--out", required=True, metavar="FILE")
    k.set_defaults(handler=cmd_export_identity)


def cmd_card_export(args: argparse.Namespace) -> int:
    from bzdesk.services.exchange import make_card

    ws = context.open_workspace(args, login=False)
    try:
        card = make_card(ws.db)
    finally:
        ws.close()
    out = Path(args.out)
    if out.is_dir():
        out = out / f"{card.code}.bzcard"
    out.write_text(card.to_json(), encoding="utf-8")
    context.say(f"已导出单位名片 {out}\n指纹（电话核对时读出）：{card.fingerprint}")
    return 0


def cmd_peer_add(args: argparse.Namespace) -> int:
    from bzdesk.errors import UsageError
    from bzdesk.services.exchange import add_peer, read_card

    card = read_card(Path(args.card))
    print(f"单位：{card.name}（{card.code}，站点 {card.site}）\n指纹：{card.fingerprint}")
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError("没有终端可以确认指纹：核对无误后请加 --yes。")
        answer = input("请与对方电话核对指纹，一致请输入 y：").strip().lower()
        if answer not in ("y", "yes", "是"):
            print("未添加。")
            return 0
    ws = context.open_workspace(args)
    try:
        peer = ws.write(add_peer, card).value
    finally:
        ws.close()
    context.say(f"已添加交换对象 {peer.office_name}（{peer.site_id}）：{peer.relation}")
    return 0


def cmd_peer_list(args: argparse.Namespace) -> int:
    from bzdesk.services.exchange import list_peers

    ws = context.open_workspace(args)
    try:
        peers = ws.read(list_peers)
    finally:
        ws.close()
    for p in peers:
        print("\t".join([p.office_code, p.site_id, p.office_name, f"已发 {p.sent_seq}",
                         f"已收 {p.taken_seq}", p.relation]))
    return 0


def _unlocked(ws: Any) -> Any:
    from bzdesk.sync.keys import unlock

    return unlock(ws.paths.keys, context.secret("BZDESK_KEY_PASSPHRASE", "密钥口令"))


def cmd_bundle_export(args: argparse.Namespace) -> int:
    from bzdesk.services.exchange import export_bundle

    ws = context.open_workspace(args)
    try:
        assert ws.actor is not None
        result = export_bundle(ws.db, ws.actor, _unlocked(ws), args.to, Path(args.out),
                               progress=context.progress_bar(not args.json))
    finally:
        ws.close()
    if args.json:
        context.emit_json(asdict(result))
    else:
        context.say(f"已导出第 {result.sequence} 号数据包：{result.file}（{result.changes} 条变更，"
                    f"{result.bytes} 字节）")
    return 0


def cmd_bundle_import(args: argparse.Namespace) -> int:
    from bzdesk.errors import BundleRejected
    from bzdesk.services.exchange import import_bundle

    ws = context.open_workspace(args)
    try:
        assert ws.actor is not None
        try:
            result = import_bundle(ws.db, ws.actor, _unlocked(ws), Path(args.file),
                                   progress=context.progress_bar(not args.json))
        except BundleRejected as exc:
            if args.json:
                context.emit_json({"ok": False, "sender": None, "sequence": None, "applied": 0,
                                   "already_known": False, "conflicts": 0, "findings": [],
                                   "reason": exc.message})
            raise
    finally:
        ws.close()
    if args.json:
        context.emit_json(asdict(result))
    elif result.already_known:
        context.say(f"第 {result.sequence} 号数据包（{result.sender}）已导入过，没有新内容。")
    else:
        context.say(f"已导入 {result.sender} 的第 {result.sequence} 号数据包："
                    f"写入 {result.applied} 条变更，冲突 {result.conflicts} 条。")
        for f in result.findings:
            context.say(f"  注意：{f}")
    return 0


def cmd_export_identity(args: argparse.Namespace) -> int:
    from bzdesk.services.exchange import export_identity

    ws = context.open_workspace(args)
    try:
        from bzdesk.roles import Can, require

        assert ws.actor is not None
        require(ws.actor, Can.ADMINISTER)
        out = export_identity(ws.db, context.secret("BZDESK_KEY_PASSPHRASE", "密钥口令"),
                              Path(args.out))
    finally:
        ws.close()
    context.say(f"已导出密钥灾备副本 {out}（用密钥口令加密，可用 age -d 解开）。")
    return 0
