#!/usr/bin/env python3
"""What the browser test checks in Chromium's output, with nothing but
the standard library (no PIL on a fresh Debian):

  check.py png FILE    the screenshot is not blank: many colours, and
                       much of it not the background
  check.py pdf FILE    the PDF is a PDF with at least MIN_PAGES pages,
                       every one of them A4 (the page's @page size)
  check.py crop IN OUT the screenshot without the empty rows at its
                       bottom (for the PNG shipped in examples/)
  check.py html FILE.. each file parses as HTML5 without a single parse
                       error (html5lib, Debian's python3-html5lib);
                       exit 77 when html5lib is not installed

Each prints what it found and exits 1 when the check fails.
"""
import re
import struct
import sys
import zlib

MIN_COLOURS = 16        # text, lines, bars and tiles in several colours
MIN_INK = 0.02          # share of pixels that are not the background
MIN_PAGES = 4           # TBLS, HME and Användarresor each start a page


def chunks(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    i = 8
    while i < len(data):
        n, kind = struct.unpack(">I4s", data[i:i + 8])
        yield kind, data[i + 8:i + 8 + n]
        i += 12 + n


def read_png(path):
    """Width, height, bytes per pixel and the filtered scanlines."""
    idat = b""
    with open(path, "rb") as f:
        data = f.read()
    for kind, body in chunks(data):
        if kind == b"IHDR":
            w, h, depth, colour, _, _, interlace = struct.unpack(
                ">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError("unexpected PNG format %d/%d/%d" %
                         (depth, colour, interlace))
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = w * bpp + 1
    rows = [raw[r * stride:(r + 1) * stride] for r in range(h)]
    return w, h, bpp, colour, rows


def unfilter(rows, bpp):
    """The pixels of each row (PNG filters 0-4)."""
    prev = bytearray(len(rows[0]) - 1)
    for row in rows:
        kind, line = row[0], bytearray(row[1:])
        for i in range(len(line)):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xff
            elif kind == 2:
                line[i] = (line[i] + b) & 0xff
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xff
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 0xff
        yield bytes(line)
        prev = line


def check_png(path):
    w, h, bpp, _, rows = read_png(path)
    counts = {}
    for line in unfilter(rows, bpp):
        for i in range(0, len(line), bpp):
            px = line[i:i + 3]
            counts[px] = counts.get(px, 0) + 1
    background = max(counts.values())
    ink = 1 - background / (w * h)
    print("%s: %dx%d, %d colours, %.1f%% not background" %
          (path, w, h, len(counts), 100 * ink))
    if len(counts) < MIN_COLOURS or ink < MIN_INK:
        print("the screenshot is blank, or nearly")
        return 1
    return 0


def check_pdf(path):
    with open(path, "rb") as f:
        data = f.read()
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    print("%s: %d bytes, %d pages" % (path, len(data), pages))
    if not data.startswith(b"%PDF-") or pages < MIN_PAGES:
        print("not a PDF with at least %d pages" % MIN_PAGES)
        return 1
    # A4 is 210 x 297 mm, 595.3 x 841.9 points; Chromium rounds a little.
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]",
                       data)
    odd = [b for b in boxes
           if abs(float(b[0]) - 595.3) > 1 or abs(float(b[1]) - 841.9) > 1]
    if len(boxes) < pages or odd:
        print("not every page is A4: %r" % (odd or boxes))
        return 1
    return 0


def png_chunk(kind, body):
    crc = zlib.crc32(kind + body) & 0xffffffff
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def crop(src, dst, margin=32):
    """Drop the rows at the bottom that repeat the last one.  Cropping
    needs no unfiltering: a row's filter looks only at rows above it."""
    w, h, bpp, colour, rows = read_png(src)
    end = h
    while end > 1 and rows[end - 2] == rows[h - 1]:
        end -= 1
    end = min(h, end + margin)
    with open(dst, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, end, 8,
                                                colour, 0, 0, 0)))
        f.write(png_chunk(b"IDAT", zlib.compress(b"".join(rows[:end]), 9)))
        f.write(png_chunk(b"IEND", b""))
    print("%s: %dx%d" % (dst, w, end))
    return 0


def check_html(paths):
    """html5lib's parser, which follows the HTML5 parsing algorithm,
    finds no parse error in any of paths."""
    try:
        import html5lib
    except ImportError:
        print("html5lib is not installed (apt-get install python3-html5lib)")
        return 77
    bad = 0
    for path in paths:
        parser = html5lib.HTMLParser(strict=False)
        with open(path, "rb") as f:
            parser.parse(f, transport_encoding="utf-8")
        for (line, col), code, data in parser.errors:
            print("%s:%d:%d: html5lib: %s %s" % (path, line, col, code,
                                                 data or ""))
            bad = 1
    if not bad:
        print("html5lib: %d files, no parse error" % len(paths))
    return bad


def main(argv):
    if len(argv) == 3 and argv[1] == "png":
        return check_png(argv[2])
    if len(argv) == 3 and argv[1] == "pdf":
        return check_pdf(argv[2])
    if len(argv) >= 3 and argv[1] == "html":
        return check_html(argv[2:])
    if len(argv) == 4 and argv[1] == "crop":
        return crop(argv[2], argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
