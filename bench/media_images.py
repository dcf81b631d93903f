#!/usr/bin/env python3
"""Metadata stripping and re-encoding of a 12-megapixel JPEG, against plain Pillow.

    .venv/bin/python bench/media_images.py [--runs 7] [--write]

The input is a 4000 x 3000 photo-like JPEG (noise over gradients, quality 92) carrying
EXIF with GPS position, camera serial and author, and XMP. Timed, median of ``--runs``,
interleaved so load changes hit every path alike:

* baseline: ``Image.open(...).save(JPEG, quality=90)`` — a decode and an encode, no checks;
* Tandem ``sanitise`` (what is stored at attach time): magic bytes, pixel limit, full decode
  (truncation check), metadata dropped, same quantisation tables;
* Tandem ``fit`` for Bluesky (≤ 2000 px, ≤ 1 MB) and for the limits Takahē states (≤ 4 MP,
  ≤ 10 MB), from the sanitised image: scale down and re-encode until under the byte limit.

``--write`` replaces the "Media: 12-megapixel JPEG" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from publish import machine  # noqa: E402  (bench/publish.py)
from startup import write_section  # noqa: E402  (bench/startup.py)

from desktop.publishing import images  # noqa: E402


def photo() -> bytes:
    base = Image.linear_gradient("L").resize((4000, 3000)).convert("RGB")
    noise = Image.effect_noise((4000, 3000), 25).convert("RGB")
    picture = Image.blend(base, noise, 0.35)
    exif = Image.Exif()
    exif[0x013B] = "Jane Photographer"
    exif[0x0110] = "Camera Z9"
    exif.get_ifd(0x8769)[0xA431] = "SN-0042"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (45.0, 25.0, 17.5), "W", (75.0, 41.0, 58.2)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=92, exif=exif,
                 xmp=b"<x:xmpmeta><dc:creator>Jane Photographer</dc:creator></x:xmpmeta>")
    return out.getvalue()


def plain(data: bytes) -> bytes:
    out = io.BytesIO()
    Image.open(io.BytesIO(data)).save(out, "JPEG", quality=90)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    data = photo()
    clean = images.sanitise(data)
    paths = {
        "baseline: Pillow open + save(JPEG, quality=90), no checks": lambda: plain(data),
        "Tandem `sanitise` (checks, decode, strip, same tables)": lambda: images.sanitise(data),
        "Tandem `fit` to Bluesky (2000 px, 1 MB), from the sanitised image":
            lambda: images.fit(clean, images.NETWORK_LIMITS["bluesky"]),
        "Tandem `fit` to Takahē's stated limits (4 MP, 10 MB), from the sanitised image":
            lambda: images.fit(clean, images.ImageLimits(max_bytes=10_485_760,
                                                         max_pixels=4_000_000)),
    }
    times: dict[str, list[float]] = {name: [] for name in paths}
    outputs: dict[str, bytes] = {}
    for _ in range(args.runs):
        for name, run in paths.items():
            started = time.perf_counter()
            result = run()
            times[name].append(time.perf_counter() - started)
            outputs[name] = result if isinstance(result, bytes) else result.data
    base = statistics.median(times[next(iter(paths))])
    for needle in (b"Jane Photographer", b"SN-0042", b"Camera Z9"):
        assert needle in data and all(needle not in out for name, out in outputs.items()
                                      if name.startswith("Tandem")), needle
    rows = ["| path | median ms | ÷ baseline | output |", "|---|---:|---:|---:|"]
    for name, samples in times.items():
        out = Image.open(io.BytesIO(outputs[name]))
        rows.append(f"| {name} | {statistics.median(samples) * 1000:.0f} | "
                    f"{statistics.median(samples) / base:.2f} | {out.width}×{out.height}, "
                    f"{len(outputs[name]) / 1e6:.2f} MB |")
    head = (f"Input: 4000×3000 JPEG, {len(data) / 1e6:.2f} MB, EXIF (GPS, serial, author) + XMP; "
            f"{args.runs} interleaved runs. No Tandem output contains the author, serial or "
            "camera strings (checked by the bench).")
    print(head)
    print("\n".join(rows))
    if args.write:
        write_section("Media: 12-megapixel JPEG", f"""
Command: `.venv/bin/python bench/media_images.py --runs {args.runs} --write` ({machine()}).

{head}

{chr(10).join(rows)}
""")
    return 0


if __name__ == "__main__":
    sys.exit(main())
