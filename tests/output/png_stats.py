#!/usr/bin/python3
"""Pixel statistics of a PNG screenshot, for the browser test (standard library only).

    png_stats.py FILE.png [#rrggbb ...]

Prints one JSON object: width, height, distinct colors, the share of pixels
that differ from the most common (background) color, and for each color
given the number of pixels within a small distance of it. A blank or failed
render has one color and no "ink"; a rendered article has text and the
highlight colors of its marks.
"""
import json
import struct
import sys
import zlib
from collections import Counter


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    width, height, depth, color_type, _, _, interlace = header
    if depth != 8 or color_type not in (2, 6) or interlace != 0:
        raise ValueError("only 8-bit RGB/RGBA, non-interlaced PNGs are read")
    channels = 3 if color_type == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            upper_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - upper_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upper_left)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else upper_left
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def main():
    path, wanted = sys.argv[1], sys.argv[2:]
    width, height, channels, rows = read_png(path)
    counts = Counter()
    for line in rows:
        for x in range(0, len(line), channels):
            counts[line[x:x + 3]] += 1
    background, background_count = counts.most_common(1)[0]
    total = width * height
    targets = [bytes.fromhex(color.lstrip("#")) for color in wanted]
    near = {color: 0 for color in wanted}
    for rgb, n in counts.items():
        for color, target in zip(wanted, targets):
            if max(abs(a - b) for a, b in zip(rgb, target)) <= 6:
                near[color] += n
    print(json.dumps({
        "width": width,
        "height": height,
        "colors": len(counts),
        "background": "#" + background.hex(),
        "ink": round(1 - background_count / total, 4),
        "near": near,
    }))


if __name__ == "__main__":
    main()
