#!/usr/bin/env python3
"""A 3-part thread with 4 images per language: Tandem's publish against the raw API calls.

    .venv/bin/python bench/media_thread.py [--runs 5] [--no-takahe] [--write]

One approved post: English and French, each a 3-part thread with 4 images of its own
(1200 x 900 JPEGs, already within both networks' limits, so no resizing is timed here;
bench/media_images.py times that). Per run, interleaved, on the same server and accounts:

* Tandem: ``PublishService.publish`` — preflight (sign-in, per-part counts, image limits,
  review and approval checks), intents committed, per language 4 uploads recorded in the
  outbox and 3 parts written ahead and recorded, replies chained, the post settled;
* raw (the baseline): the same bytes and texts over one HTTP client with tokens obtained
  beforehand — Bluesky: 4 ``uploadBlob`` + 3 ``createRecord`` (with embed and reply refs)
  per language; Mastodon (Takahē): 4 ``POST /api/v2/media`` + 3 ``POST /api/v1/statuses``.

Servers: the local PDS (tests/publishing/pds_server.py) and Takahē
(tests/publishing/takahe_server.py, unless ``--no-takahe``); passwords and tokens in a private
Secret Service. ``--write`` replaces the "Media: thread with images" section of RESULTS.md.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from publish import create_account, machine  # noqa: E402  (bench/publish.py)
from startup import write_section  # noqa: E402  (bench/startup.py)

from desktop.app.publishing import publish_service  # noqa: E402
from desktop.core.model import Lang  # noqa: E402
from desktop.core.threads import join  # noqa: E402
from desktop.publishing import images  # noqa: E402
from tests.publishing.keyring_env import ensure_private_secret_service  # noqa: E402
from tests.publishing.pds_server import LocalPds  # noqa: E402
from tests.publishing.publish_desk import PublishDesk  # noqa: E402
from tests.publishing.takahe_server import LocalTakahe, unavailable_reason  # noqa: E402

PARTS = 3
IMAGES = 4


def photo(seed: int) -> bytes:
    picture = Image.blend(Image.linear_gradient("L").resize((1200, 900)).convert("RGB"),
                          Image.effect_noise((1200, 900), 20 + seed).convert("RGB"), 0.3)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=85)
    return out.getvalue()


def texts(tag: str) -> dict[Lang, list[str]]:
    return {Lang.EN: [f"Update {tag}: part {i} of the announcement. {i}/{PARTS}"
                      for i in range(1, PARTS + 1)],
            Lang.FR: [f"Mise à jour {tag} : partie {i} de l'annonce. {i}/{PARTS}"
                      for i in range(1, PARTS + 1)]}


def approved_post(desk: PublishDesk, pictures: dict[Lang, list[bytes]], targets: tuple[str, str]
                  ) -> int:
    parts = texts(uuid.uuid4().hex[:8])
    post_id = desk.alice.posts.create(join(parts[Lang.EN]), join(parts[Lang.FR])).post.id
    for lang in Lang:
        for n, data in enumerate(pictures[lang]):
            desk.alice.attachments.attach(post_id, data, lang, alt={lang: f"Chart {n} ({lang})"})
    desk.signed(post_id)
    desk.carol.approvals.approve(post_id)
    desk.targets(post_id, *targets)
    return post_id


def tandem(desk: PublishDesk, post_id: int) -> float:
    with publish_service(desk.alice) as service:
        started = time.perf_counter()
        service.publish(post_id)
        return time.perf_counter() - started


def raw_bluesky(http: httpx.Client, sessions: dict[str, dict], pictures, tag: str) -> float:
    parts = texts(tag)
    started = time.perf_counter()
    for lang in Lang:
        auth = {"Authorization": f"Bearer {sessions[lang.value]['accessJwt']}"}
        blobs = [http.post("/xrpc/com.atproto.repo.uploadBlob", content=data,
                           headers={**auth, "Content-Type": "image/jpeg"}).json()["blob"]
                 for data in pictures[lang]]
        root = parent = None
        for index, text in enumerate(parts[lang]):
            record = {"$type": "app.bsky.feed.post", "text": text, "langs": [lang.value],
                      "createdAt": datetime.now(UTC).isoformat(timespec="milliseconds")
                      .replace("+00:00", "Z")}
            if index == 0:
                record["embed"] = {"$type": "app.bsky.embed.images", "images": [
                    {"image": blob, "alt": f"Chart {n}", "aspectRatio": {"width": 1200,
                                                                         "height": 900}}
                    for n, blob in enumerate(blobs)]}
            else:
                record["reply"] = {"root": root, "parent": parent}
            answer = http.post("/xrpc/com.atproto.repo.createRecord", headers=auth, json={
                "repo": sessions[lang.value]["did"], "collection": "app.bsky.feed.post",
                "record": record})
            answer.raise_for_status()
            ref = {"uri": answer.json()["uri"], "cid": answer.json()["cid"]}
            root, parent = root or ref, ref
    return time.perf_counter() - started


def raw_mastodon(http: httpx.Client, token: str, pictures, tag: str) -> float:
    parts = texts(tag)
    auth = {"Authorization": f"Bearer {token}"}
    started = time.perf_counter()
    for lang in Lang:
        media = [http.post("/api/v2/media", headers=auth, data={"description": f"Chart {n}"},
                           files={"file": ("c.jpg", data, "image/jpeg")}).json()["id"]
                 for n, data in enumerate(pictures[lang])]
        previous = None
        for index, text in enumerate(parts[lang]):
            body = {"status": text, "language": lang.value, "visibility": "public"}
            if index == 0:
                body["media_ids"] = media
            else:
                body["in_reply_to_id"] = previous
            answer = http.post("/api/v1/statuses", headers=auth, json=body)
            answer.raise_for_status()
            previous = answer.json()["id"]
    return time.perf_counter() - started


def measure(name: str, runs: int, desk, pictures, targets, raw) -> list[str]:
    ours, base = [], []
    for run in range(runs):
        post_id = approved_post(desk, pictures, targets)
        ours.append(tandem(desk, post_id))
        base.append(raw(f"raw{run}{uuid.uuid4().hex[:6]}"))
    t, r = statistics.median(ours), statistics.median(base)
    return [f"| {name} | {t * 1000:.0f} | {r * 1000:.0f} | {t / r:.2f} |"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-takahe", action="store_true")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    ensure_private_secret_service()
    os.environ.setdefault("TANDEM_POLICY", str(Path(tempfile.mkdtemp()) / "no-policy.toml"))
    pictures = {lang: [images.sanitise(photo(n + 10 * i)).data for n in range(IMAGES)]
                for i, lang in enumerate(Lang)}
    desk = PublishDesk(Path(tempfile.mkdtemp(prefix="tandem-bench-")) / "bench.sqlite3")
    rows = ["| server | Tandem `publish`, median ms | raw API calls, median ms | Tandem ÷ raw |",
            "|---|---:|---:|---:|"]
    with LocalPds() as pds:
        accounts = {lang: create_account(pds.url, f"media-{lang}") for lang in ("en", "fr")}
        for lang, (handle, _did, password) in accounts.items():
            desk.account("bluesky", f"bsky-{lang}", lang, password, service_url=pds.url,
                         handle=handle)
        with httpx.Client(base_url=pds.url, timeout=60) as http:
            sessions = {lang: http.post("/xrpc/com.atproto.server.createSession", json={
                "identifier": handle, "password": password}).json()
                for lang, (handle, _did, password) in accounts.items()}
            rows += measure("Bluesky PDS 0.5 (local)", args.runs, desk, pictures,
                            ("bsky-en", "bsky-fr"),
                            lambda tag: raw_bluesky(http, sessions, pictures, tag))
    skipped = ""
    if not args.no_takahe and unavailable_reason() is None:
        with LocalTakahe() as takahe:
            for lang in ("en", "fr"):
                desk.account("mastodon", f"tk-{lang}", lang, takahe.token, service_url=takahe.url,
                             handle="@alice@takahe.test")
            with httpx.Client(base_url=takahe.url, timeout=60) as http:
                rows += measure("Takahē 0.11 (local, Mastodon API)", args.runs, desk, pictures,
                                ("tk-en", "tk-fr"),
                                lambda tag: raw_mastodon(http, takahe.token, pictures, tag))
    else:
        skipped = f"Takahē not run: {unavailable_reason() or '--no-takahe'}."
    desk.close()
    print("\n".join(rows))
    if args.write:
        write_section("Media: thread with images", f"""
Command: `.venv/bin/python bench/media_thread.py --runs {args.runs} --write` ({machine()}).

One approved post, English and French, each a {PARTS}-part thread with {IMAGES} images of its own \
(1200×900 JPEGs within both networks' limits: no resizing timed here). Per run: Tandem's \
`PublishService.publish` of a fresh post against the same uploads and posts made with raw API \
calls over one HTTP client (tokens obtained beforehand), median of {args.runs} interleaved runs. \
{skipped}

{chr(10).join(rows)}

Tandem's extra time is the preflight (sign-in of both accounts, per-part counts, image limits, \
review and approval checks), the outbox (intents committed; each upload and each part recorded, \
parts written ahead), Bluesky's read-before-write per part and reading the stored images.
""")
    return 0


if __name__ == "__main__":
    sys.exit(main())
