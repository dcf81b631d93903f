"""A 3-part thread with 2 images per language, published through the real service to the real
PDS and SIGKILLed between uploads, between parts and between languages; after the resume each
part is on the PDS exactly once per language, replies in order, with its images.

Run as ``python -m tests.publishing.test_media_crash DB POST_ID POINT`` it is the child that
gets killed (the kill is wired by wrapping ``Bluesky.upload``/``publish``; no hook exists in
the app).
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PIL import Image

from desktop.core.model import Lang, PostState
from desktop.core.threads import join

ROOT = Path(__file__).resolve().parents[2]

#: point → (call counted, its number, kill before or after it). Uploads: EN 1-2, FR 3-4;
#: publishes: EN parts 1-3, FR parts 4-6 (English goes first).
POINTS = {
    "between-uploads": ("upload", 2, "before"),
    "after-upload-unrecorded": ("upload", 2, "after"),
    "between-parts": ("publish", 2, "before"),
    "after-part-unrecorded": ("publish", 2, "after"),
    "between-languages": ("upload", 3, "before"),
    "mid-second-thread": ("publish", 5, "after"),
}


def arm(point: str) -> None:
    from desktop.publishing.bluesky import Bluesky

    what, number, when = POINTS[point]
    original = getattr(Bluesky, what)
    calls = 0

    def wrapped(self, *args):
        nonlocal calls
        calls += 1
        if calls == number and when == "before":
            os.kill(os.getpid(), signal.SIGKILL)
        result = original(self, *args)
        if calls == number and when == "after":
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    setattr(Bluesky, what, wrapped)


def child(db: str, post_id: str, point: str) -> int:
    from desktop.app.publishing import publish_service
    from desktop.app.session import open_session

    arm(point)
    session = open_session(db)
    with publish_service(session) as service:
        service.publish(int(post_id))
    return 3  # not reached


if __name__ == "__main__":
    sys.exit(child(*sys.argv[1:]))


# -- the tests ------------------------------------------------------------------------------------
from .keyring_env import secret_service  # noqa: E402,F401 (fixture)
from .publish_desk import PUBLISHER, PublishDesk  # noqa: E402

pytestmark = [pytest.mark.pds, pytest.mark.slow, pytest.mark.usefixtures("secret_service")]


def picture(colour) -> bytes:
    exif = Image.Exif()
    exif[0x013B] = "Secret Author"
    out = io.BytesIO()
    Image.new("RGB", (90, 60), colour).save(out, "JPEG", exif=exif)
    return out.getvalue()


@pytest.fixture
def desk(tmp_path):
    desk = PublishDesk(tmp_path / "media-crash.sqlite3")
    yield desk
    desk.close()


@pytest.fixture
def thread(desk, pds, en_account, fr_account):
    for name, account, lang in (("bsky-en", en_account, "en"), ("bsky-fr", fr_account, "fr")):
        desk.account("bluesky", name, lang, account.password, service_url=pds.url,
                     handle=account.handle)
    tag = uuid.uuid4().hex[:8]
    parts = {Lang.EN: [f"Thread {tag} part {i}/3" for i in (1, 2, 3)],
             Lang.FR: [f"Fil {tag} partie {i}/3" for i in (1, 2, 3)]}
    post_id = desk.alice.posts.create(join(parts[Lang.EN]), join(parts[Lang.FR])).post.id
    media = desk.alice.attachments
    media.attach(post_id, picture((200, 0, 0)), alt={Lang.EN: "Red", Lang.FR: "Rouge"})
    media.attach(post_id, picture((0, 0, 200)), Lang.EN, alt={Lang.EN: "Blue, English words"})
    media.attach(post_id, picture((0, 200, 0)), Lang.FR, alt={Lang.FR: "Vert, mots français"})
    desk.signed(post_id)
    desk.carol.approvals.approve(post_id)
    desk.targets(post_id, "bsky-en", "bsky-fr")
    return post_id, parts


def records(pds, did: str, tag_text: str) -> list[dict]:
    return [r for r in pds.list_posts(did) if r["value"]["text"].startswith(tag_text)]


def check_published(pds, account, texts, alts):
    found = records(pds, account.did, texts[0].rsplit(" ", 2)[0])
    by_text = {r["value"]["text"]: r for r in found}
    assert sorted(r["value"]["text"] for r in found) == sorted(texts)   # each part exactly once
    first, second, third = (by_text[t] for t in texts)
    assert [i["alt"] for i in first["value"]["embed"]["images"]] == alts
    assert "embed" not in second["value"] and "embed" not in third["value"]
    assert second["value"]["reply"]["parent"]["uri"] == first["uri"]
    assert third["value"]["reply"] == {"root": {"uri": first["uri"], "cid": first["cid"]},
                                       "parent": {"uri": second["uri"], "cid": second["cid"]}}
    blob = pds.xrpc("GET", "com.atproto.sync.getBlob", params={
        "did": account.did, "cid": first["value"]["embed"]["images"][0]["image"]["ref"]["$link"]})
    assert blob.status_code == 200 and b"Secret Author" not in blob.content


def test_publish_without_a_crash(desk, thread, pds, en_account, fr_account):
    from desktop.app.publishing import publish_service

    post_id, parts = thread
    with publish_service(desk.alice) as service:
        service.publish(post_id)
    assert desk.alice.store.get_post(post_id).state is PostState.PUBLISHED
    check_published(pds, en_account, parts[Lang.EN], ["Red", "Blue, English words"])
    check_published(pds, fr_account, parts[Lang.FR], ["Rouge", "Vert, mots français"])


@pytest.mark.parametrize("point", list(POINTS))
def test_killed_anywhere_then_resumed_each_part_once_with_its_images(
        point, desk, thread, pds, en_account, fr_account):
    from desktop.app.publishing import publish_service

    post_id, parts = thread
    killed = subprocess.run([sys.executable, "-m", "tests.publishing.test_media_crash",
                             str(desk.db), str(post_id), point], cwd=ROOT, capture_output=True,
                            text=True, timeout=300, env={**os.environ, "TANDEM_USER": PUBLISHER})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert desk.alice.store.get_post(post_id).state is PostState.PUBLISHING
    with publish_service(desk.alice) as service:
        report = service.resume_all()
    assert [s.post_id for s in report.finished] == [post_id] and not report.attention
    assert desk.alice.store.get_post(post_id).state is PostState.PUBLISHED
    check_published(pds, en_account, parts[Lang.EN], ["Red", "Blue, English words"])
    check_published(pds, fr_account, parts[Lang.FR], ["Rouge", "Vert, mots français"])
