"""Test harness only: publishes a post and SIGKILLs this process at a chosen point.

    python -m tests.publishing.crash_driver DB POST_ID POINT

The kill is wired here by wrapping ``Bluesky.publish`` (no hook exists in the
app): POINT is one of

* ``before-first-send``: the intents are committed, the first request is not sent;
* ``after-first-send``: the first post is on the PDS, Tandem has not recorded it;
* ``between-languages``: the first post is recorded, the second is not sent;
* ``after-both``: both posts are on the PDS, the second is not recorded.

The acting user comes from ``TANDEM_USER``; the keyring from the environment.
"""

from __future__ import annotations

import os
import signal
import sys

from desktop.app.publishing import publish_service
from desktop.app.session import open_session
from desktop.publishing.bluesky import Bluesky
from desktop.publishing.channel import Outgoing, RemotePost

#: point → (which publish call, kill before or after it)
POINTS = {
    "before-first-send": (1, "before"),
    "after-first-send": (1, "after"),
    "between-languages": (2, "before"),
    "after-both": (2, "after"),
}


def arm(point: str) -> None:
    """Make the chosen ``Bluesky.publish`` call kill the process."""
    call, when = POINTS[point]
    original = Bluesky.publish
    calls = 0

    def publish(self: Bluesky, post: Outgoing) -> RemotePost:
        nonlocal calls
        calls += 1
        if calls == call and when == "before":
            os.kill(os.getpid(), signal.SIGKILL)
        posted = original(self, post)
        if calls == call and when == "after":
            os.kill(os.getpid(), signal.SIGKILL)
        return posted

    Bluesky.publish = publish


def main(db: str, post_id: str, point: str) -> int:
    arm(point)
    session = open_session(db)
    with publish_service(session) as service:
        service.publish(int(post_id))
    return 3  # not reached: the process was killed


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
