"""init, demo, backup, restore, audit verify, check."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bzdesk.cli import context


def register(sub: Any) -> None:
    p = sub.add_parser("init", help="初始化本单位：建库、管理员和密钥")
    p.add_argument("--office-code", required=True, metavar="C", help="6 位行政区划代码")
    p.add_argument("--office-name", required=True, metavar="N")
    p.add_argument("--level", required=True, choices=["county", "city"])
    p.add_argument("--admin", default="admin", metavar="NAME", help="管理员用户名（默认 admin）")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo",
                       help="生成演示数据（small 几百人，county 约 2 万人，city 约 20 万人）")
    p.add_argument("--size", choices=["small", "county", "city"], default="small")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("backup", help="备份数据库")
    p.add_argument("--out", metavar="FILE", help="备份文件（默认放在数据目录 backups/）")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="从备份恢复数据库（先备份当前数据库）")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("audit", help="审计日志")
    audit_sub = p.add_subparsers(dest="audit_command", metavar="verify", required=True)
    v = audit_sub.add_parser("verify", help="校验审计日志的哈希链")
    v.add_argument("--json", action="store_true")
    v.set_defaults(handler=cmd_audit_verify)

    p = sub.add_parser("check", help="校验身份证号或统一社会信用代码")
    p.add_argument("kind", choices=["id", "uscc"])
    p.add_argument("value")
    p.set_defaults(handler=cmd_check)


def cmd_init(args: argparse.Namespace) -> int:
    from bzdesk.db import open_database
    from bzdesk.services import office

    paths = context.data_paths(args).ensure()
    db = open_database(paths)
    try:
        office.refuse_if_initialised(db)  # before asking for any secret
        office.validate_office(args.office_code, args.office_name, args.level)
        password = context.secret("BZDESK_PASSWORD", "管理员密码", confirm=True)
        passphrase = context.secret("BZDESK_KEY_PASSPHRASE", "密钥口令", confirm=True)
        view = office.initialise(
            db, code=args.office_code, name=args.office_name, level=args.level,
            admin_username=args.admin, admin_display_name="管理员",
            admin_password=password, key_passphrase=passphrase,
        )
    finally:
        db.close()
    context.say(f"已初始化：{view.name}（{view.code}，{view.level_label}），"
                f"管理员 {args.admin}，数据目录 {paths.root}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from bzdesk.services import demo

    paths = context.data_paths(args).ensure()
    result = demo.run_demo(
        paths, size=args.size,
        username=lambda: context.username(),
        password=lambda: context.secret("BZDESK_PASSWORD", "管理员密码"),
        passphrase=lambda: context.secret("BZDESK_KEY_PASSPHRASE", "密钥口令"),
        progress=context.progress_bar(),
    )
    context.say(result.summary)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from bzdesk import audit
    from bzdesk.backup import backup_database
    from bzdesk.roles import Can, require

    ws = context.open_workspace(args)
    try:
        assert ws.actor is not None
        require(ws.actor, Can.ADMINISTER)
        out = Path(args.out).resolve() if args.out else None
        target = backup_database(ws.paths, reason="manual", out=out)
        with ws.db.write() as s:
            audit.append(s, actor=ws.actor.username, op="备份数据库", target=str(target.name),
                         detail={"file": str(target)})
    finally:
        ws.close()
    context.say(f"已备份到 {target}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from bzdesk import audit
    from bzdesk.backup import check_is_backup, restore_database
    from bzdesk.db import open_database
    from bzdesk.roles import Can, require

    file = Path(args.file).resolve()
    check_is_backup(file)
    ws = context.open_workspace(args)
    try:
        assert ws.actor is not None
        require(ws.actor, Can.ADMINISTER)
        actor = ws.actor
    finally:
        ws.close()
    safety = restore_database(context.data_paths(args), file)
    db = open_database(context.data_paths(args))
    try:
        with db.write() as s:
            audit.append(s, actor=actor.username, op="恢复数据库", target=file.name,
                         detail={"safety_backup": str(safety) if safety else None})
    finally:
        db.close()
    context.say(f"已从 {file.name} 恢复。恢复前的数据库已备份到 {safety}")
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from bzdesk import audit

    ws = context.open_workspace(args)
    try:
        with ws.db.read() as s:
            result = audit.verify(s)
    finally:
        ws.close()
    bad = result.first_bad
    if args.json:
        context.emit_json({
            "ok": result.ok, "entries": result.entries,
            "first_bad": None if bad is None else {"seq": bad.seq, "id": bad.id,
                                                   "reason": bad.reason},
        })
    elif bad is None:
        context.say(f"审计日志完好：共 {result.entries} 条，哈希链连续。")
    else:
        context.say(f"审计日志被改动：第一条有问题的记录 seq={bad.seq} id={bad.id}：{bad.reason}")
    return 0 if result.ok else 3


def cmd_check(args: argparse.Namespace) -> int:
    import sys

    from bzdesk.validation import InvalidValue, validate_id, validate_uscc

    try:
        value = validate_id(args.value).number if args.kind == "id" else validate_uscc(args.value)
    except InvalidValue as exc:
        print(exc.reason, file=sys.stderr)
        return 3
    print(value)
    return 0
