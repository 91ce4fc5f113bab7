"""import units|roster FILE, export units|roster --out FILE: Excel and CSV in and out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bzdesk.cli import context

KINDS = ("units", "roster")
_SHOWN = 200


def register(sub: Any) -> None:
    p = sub.add_parser("import", help="从 Excel/CSV 导入机构名单（units）或花名册（roster），"
                                      "全部正确才写入")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("file", metavar="FILE", help=".xlsx、.xls、.ods 或 .csv 文件")
    p.add_argument("--sheet", metavar="NAME", help="工作表名称（默认：第一个有数据的工作表）")
    p.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("export", help="导出机构名单（units）或花名册（roster）到 .xlsx 或 .csv")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("--out", required=True, metavar="FILE", help="FILE.xlsx 或 FILE.csv")
    p.add_argument("--office", metavar="CODE",
                   help="只导出这个县（市）的数据（默认：本单位全部范围）")
    p.add_argument("--encoding", choices=["utf-8-sig", "utf-8", "gbk", "gb18030"],
                   help="CSV 的编码（默认 UTF-8 带 BOM；老软件可用 gbk）")
    p.set_defaults(handler=cmd_export)


def _problem_lines(problems: list[Any]) -> list[str]:
    lines = []
    for p in problems[:_SHOWN]:
        where = f"第 {p.row} 行" if p.row else "文件"
        column = f"【{p.column}】" if p.column else ""
        value = f"“{p.value}”" if p.value else ""
        lines.append(f"  {where}{column}{value}：{p.reason}")
    if len(problems) > _SHOWN:
        lines.append(f"  ……共 {len(problems)} 处问题，其余的见错误报告。")
    return lines


def _refused(args: argparse.Namespace, file: Path, payload: dict[str, Any], message: str,
             problems: list[Any], workbook: Path | None) -> int:
    from bzdesk.services.excel_io import problem_json

    print(message, file=sys.stderr)
    # a refusal of the whole file is its one problem: say it once
    listed = [p for p in problems if p.row is not None or p.reason != message]
    if listed and not args.json:
        print("\n".join(_problem_lines(listed)), file=sys.stderr)
    if workbook is not None:
        print(f"错误报告已保存到 {workbook}：用 Excel 或 WPS 打开，按红色单元格的批注和最后一列"
              "“错误原因”改好后，可以直接用它重新导入。", file=sys.stderr)
    if args.json:
        context.emit_json({"ok": False, "file": str(file), **payload, "written": 0,
                           "errors": [problem_json(p) for p in problems],
                           **({"error_workbook": str(workbook)} if workbook else {})})
    return 3


def _error_workbook(data: Any, problems: Any) -> Path | None:
    from bzdesk.services.excel_io import write_errors

    try:
        return write_errors(data, problems)
    except OSError as exc:
        print(f"无法保存错误报告（{exc.strerror or exc}）。", file=sys.stderr)
        return None


def cmd_import(args: argparse.Namespace) -> int:
    from bzdesk.errors import FieldProblem, ValidationError
    from bzdesk.roles import Can, require
    from bzdesk.services import excel_io

    file = Path(args.file).resolve()
    ws = context.open_workspace(args)
    try:
        assert ws.actor is not None
        require(ws.actor, Can.WRITE)
        data, saved = None, None
        try:
            data = ws.read(excel_io.read_import_sheet, file, args.kind, args.sheet)
            if not args.dry_run:
                saved = excel_io.backup_before_import(ws.paths)
            outcome = ws.write(excel_io.import_sheet, data, dry_run=args.dry_run,
                               progress=context.progress_bar(not args.json))
        except excel_io.ImportRefused as exc:
            assert data is not None
            report = exc.report
            workbook = _error_workbook(data, report.problems)
            return _refused(args, file, {"sheet": report.sheet, "rows_read": report.rows_read},
                            report.summary(), list(report.problems), workbook)
        except ValidationError as exc:  # the file or its header, before any row was read
            payload = {"sheet": data.sheet.name if data else args.sheet, "rows_read": 0}
            problems = exc.problems or [FieldProblem("", file.name, exc.message, "invalid")]
            return _refused(args, file, payload, exc.message, problems, None)
    finally:
        ws.close()
    report = outcome.value
    if saved is not None:  # said only when something was written: a refusal writes nothing
        print(f"导入前已备份数据库：{saved}", file=sys.stderr)
    if args.json:
        context.emit_json({**report.to_json(), "file": str(file)})
    else:
        context.say(report.summary())
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from bzdesk.errors import UsageError
    from bzdesk.services import excel_io

    if args.encoding and not args.out.lower().endswith(".csv"):
        raise UsageError("--encoding 只用于导出 CSV 文件（--out 以 .csv 结尾）。")
    export = excel_io.export_roster if args.kind == "roster" else excel_io.export_units
    ws = context.open_workspace(args)
    try:
        report = ws.read(export, Path(args.out).resolve(), office=args.office,
                         encoding=args.encoding, progress=context.progress_bar())
        ws.write(excel_io.record_export, report)
    finally:
        ws.close()
    context.say(report.summary())
    return 0
