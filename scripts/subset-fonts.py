#!/usr/bin/env python3
"""Makes the web fonts of full screen and decks: PT Sans, regular and bold,
as woff2 subset to Latin and Cyrillic (assets/fonts/opeka-sans-*.woff2).

The outputs are committed, so a build needs no Python packages; run this only
when the fonts or the ranges change:

    pip install fonttools brotli
    python3 scripts/subset-fonts.py

PT Sans is under the ParaType Free Font Licence (assets/fonts/LICENSE-PTSans.txt).
It allows modified copies (a subset is one) only with the licence beside them
(`make dist` copies it) and not under the original name or that name with
other words: the subset's family is therefore renamed "Opeka Sans", and
pages load it under that name. The glyphs and metrics are PT Sans's.
"""
from pathlib import Path

from fontTools import subset

FONTS = Path(__file__).resolve().parent.parent / "assets" / "fonts"
# Basic Latin and Latin-1, Latin Extended-A, Cyrillic with its supplement,
# general punctuation (dashes, quotes, the thin and non-breaking spaces the
# ru formatting writes), currency signs (₽), letterlike (№), arrows, minus
# and the other mathematical operators a chart draws (−, ≈, ≤, ≥).
UNICODES = "U+0000-024F,U+0400-052F,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF"


FAMILY = "Opeka Sans"


def rename(table, style):
    """The family, full and PostScript names, in every platform and language."""
    names = {1: FAMILY, 2: style, 3: f"{FAMILY} {style}", 4: f"{FAMILY} {style}", 6: f"OpekaSans-{style}", 16: FAMILY, 17: style}
    for record in list(table.names):
        if record.nameID in (16, 17, 21, 22):
            table.removeNames(nameID=record.nameID)
    for record in table.names:
        if record.nameID in names:
            record.string = names[record.nameID]


def main():
    for style, name in (("Regular", "regular"), ("Bold", "bold")):
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["kern", "liga", "locl", "pnum", "tnum", "lnum", "case"]
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.hinting = False
        options.desubroutinize = True
        font = subset.load_font(str(FONTS / f"PTSans-{style}.ttf"), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
        subsetter.subset(font)
        rename(font["name"], style)
        out = FONTS / f"opeka-sans-{name}.woff2"
        subset.save_font(font, str(out), options)
        print(f"{out.name}: {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
