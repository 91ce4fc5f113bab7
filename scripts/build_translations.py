"""Build the interface translations (Qt Linguist).

    python scripts/build_translations.py             .ts → .qm with pyside6-lrelease
    python scripts/build_translations.py --update    first refresh the .ts files from ui/
    python scripts/build_translations.py --check     list strings still untranslated (exit 1)

The texts in ui/ are written in Chinese; resources/translations/bzdesk_<lang>.ts
hold the other languages (edit them with pyside6-linguist). The .qm files are
build output, made by scripts/setup and the packaging build, and not kept in git.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"


def tool(name: str) -> str:
    """pyside6-<name> beside this Python, else the binary inside the PySide6 package."""
    bindir = Path(sys.executable).parent
    candidates = [bindir / f"pyside6-{name}", bindir / f"pyside6-{name}.exe"]
    try:
        import PySide6

        package = Path(PySide6.__file__).parent
        candidates += [package / name, package / f"{name}.exe"]
    except ImportError:
        pass
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials in this Python")


def sources() -> list[Path]:
    return sorted((ROOT / "ui").rglob("*.py"))


def update(ts: Path, files: list[Path] | None = None) -> None:
    """Add new ui strings to ``ts`` and drop the ones no longer in the code
    (``files``: only these sources; default: all of ui/)."""
    subprocess.run([tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete",
                    *map(str, files or sources()), "-ts", str(ts)], check=True)


def untranslated(ts: Path) -> list[str]:
    """Context/source of every message without a finished translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if (translation is None or translation.get("type") in ("unfinished", "vanished",
                                                                    "obsolete")
                    or not (translation.text or "").strip()):
                missing.append(f"{name}: {message.findtext('source', '')}")
    return missing


def release(ts: Path, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    qm = out_dir / ts.with_suffix(".qm").name
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="refresh the .ts from ui/ first")
    parser.add_argument("--check", action="store_true", help="report untranslated strings")
    parser.add_argument("--out", type=Path, default=TRANSLATIONS, help="where the .qm go")
    args = parser.parse_args(argv)
    files = sorted(TRANSLATIONS.glob("bzdesk_*.ts"))
    missing = []
    for ts in files:
        if args.update:
            update(ts)
        missing += [f"{ts.name}: {m}" for m in untranslated(ts)]
        if not args.check:
            print(f"{release(ts, args.out).relative_to(ROOT) if args.out == TRANSLATIONS else ts}")
    for line in missing:
        print(f"untranslated: {line}", file=sys.stderr)
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
