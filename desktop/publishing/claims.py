"""Per-post claims: which of several publishing processes works on a post right now.

Any number of windows and ``tandem publisher`` processes may publish from one
team store. Before it publishes, resumes, retries or retracts a post, a process
takes that post's claim without waiting (`PostClaim`): if another process holds
it, this one leaves the post alone (a publisher pass reports it as skipped, a
person's request is refused as busy) and moves on to the next, so publishers
work on different posts at the same time. The claim is released as soon as
that post's pair is done.

Claims spare the others a wasted attempt; they are not what makes a pair go out
once: the post's move to ``publishing`` is a serialised, state-checked write and
each publication is driven under a lease (`desktop.publishing.outbox`), so a
store without claims (SQLite, one person: `no_claim`) stays exactly-once.
The team store's claim is `PgStore.claim_post` (a session-level advisory
lock), handed in by `desktop.app.publishing`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol


class PostClaim(Protocol):
    def __call__(self, post_id: int) -> AbstractContextManager[bool]:
        """Hold the post's claim while the block runs: yields True, or at once False
        when another process (or another run in this one) holds it."""
        ...


@contextmanager
def no_claim(post_id: int) -> Iterator[bool]:
    """A store with no claims: every post is this process's to try."""
    yield True
