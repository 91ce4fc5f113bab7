"""Rebuild HanaMinA-bz.ttf and HanaMinB-bz.ttf (see README.md in this folder).

The fallback fonts hold only the characters that the main font (AR PL UMing CN, uming.ttc
subfont 0) lacks, so that the three files stay under 60 MB together. Needs fontTools
(Debian: python3-fonttools) and the Debian packages fonts-arphic-uming and fonts-hanazono:

    apt-get download fonts-arphic-uming fonts-hanazono
    for f in fonts-*.deb; do dpkg-deb -x "$f" x; done
    python3 make_fallback_subsets.py x/usr/share/fonts/truetype .
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont


def _options() -> subset.Options:
    opts = subset.Options()
    opts.name_IDs = ["*"]  # keep the copyright and licence records
    opts.name_legacy = True
    opts.name_languages = ["*"]
    opts.layout_features = []  # reportlab uses neither GSUB nor GPOS
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "vhea", "vmtx", "VORG", "BASE", "JSTF", "DSIG"]
    opts.notdef_outline = True
    opts.recalc_bounds = True
    opts.prune_unicode_ranges = True
    return opts


def _subset(src: Path, keep: set[int], out: Path) -> None:
    font = TTFont(src)
    subsetter = subset.Subsetter(_options())
    subsetter.populate(unicodes=sorted(keep))
    subsetter.subset(font)
    font.save(out)
    print(out, out.stat().st_size, "bytes,", font["maxp"].numGlyphs, "glyphs")


def main(fonts_root: Path, out_dir: Path) -> None:
    uming = TTCollection(fonts_root / "arphic" / "uming.ttc").fonts[0]
    have_main = {cp for cp, glyph in uming.getBestCmap().items() if glyph != ".notdef"}
    src_a = fonts_root / "hanazono" / "HanaMinA.ttf"
    src_b = fonts_root / "hanazono" / "HanaMinB.ttf"
    have_a = set(TTFont(src_a).getBestCmap())
    have_b = set(TTFont(src_b).getBestCmap())
    _subset(src_a, have_a - have_main, out_dir / "HanaMinA-bz.ttf")
    _subset(src_b, have_b - have_main - have_a, out_dir / "HanaMinB-bz.ttf")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
