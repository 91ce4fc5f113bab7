"""Look at a PDF the way a person would, with the real poppler tools (pdftotext, pdffonts,
pdfinfo, pdftoppm; installed by scripts/setup) and Pillow."""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

MM = 72 / 25.4


def _run(*args: str) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True,
                          encoding="utf-8").stdout


def text(pdf: Path, page: int | None = None, *, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return _run(*args, str(pdf), "-")


def squeezed(s: str) -> str:
    """Text without any white space (wrapped lines joined again)."""
    return re.sub(r"\s+", "", s)


def pages(pdf: Path) -> int:
    match = re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(pdf)), re.M)
    assert match, "pdfinfo gave no page count"
    return int(match.group(1))


@dataclass(frozen=True)
class Font:
    name: str
    type: str
    embedded: bool


def fonts(pdf: Path) -> list[Font]:
    """pdffonts rows (columns cut at the widths of its dashed line)."""
    lines = _run("pdffonts", str(pdf)).splitlines()
    spans = [(m.start(), m.end()) for m in re.finditer(r"-+", lines[1])]
    out = []
    for line in lines[2:]:
        cols = [line[a:b + 1].strip() for a, b in spans]
        out.append(Font(cols[0], cols[1], cols[3] == "yes"))
    return out


@dataclass(frozen=True)
class Word:
    text: str
    x_min: float
    y_min: float  # from the top of the page, in points
    x_max: float
    y_max: float


def words(pdf: Path, page: int) -> tuple[float, float, list[Word]]:
    """Page width, height and the words of one page (``pdftotext -bbox``)."""
    out = _run("pdftotext", "-enc", "UTF-8", "-bbox", "-f", str(page), "-l", str(page),
               str(pdf), "-")
    size = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', out)
    assert size, "pdftotext -bbox gave no page"
    found = [
        Word(html.unescape(m.group(5)), float(m.group(1)), float(m.group(2)),
             float(m.group(3)), float(m.group(4)))
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                             r'yMax="([\d.]+)">(.*?)</word>', out)
    ]
    return float(size.group(1)), float(size.group(2)), found


def ink_fraction(pdf: Path, page: int, out_dir: Path, dpi: int = 60) -> float:
    """Render one page with pdftoppm and return the share of pixels that are not white."""
    from PIL import Image

    prefix = out_dir / f"page{page}"
    _run("pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page),
         "-singlefile", str(pdf), str(prefix))
    with Image.open(prefix.with_suffix(".png")) as img:
        grey = img.convert("L")
        histogram = grey.histogram()
        dark = sum(histogram[:200])
        return dark / (grey.width * grey.height)
