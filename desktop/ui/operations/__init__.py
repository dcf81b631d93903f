"""What the window does to the store, as plain functions over a `Session` (no Qt).

Every module here holds the storage (and network) work of one area of the
window, run on a `backend.Backend` worker thread and tested without a display:

* ``posts``        load, create, checkpoint, autosave, restore, rename; the post list
* ``review``       the review queue: load, sign off, reject
* ``approvals``    the open post's progress; approve a chain step
* ``translation``  record a suggestion, machine-text flags, the QA context
* ``accounts``     publishing accounts, default and per-post targets
* ``publishing``   status, preflight, publish, schedule, retry, retract, resume, due posts
* ``work``         what waits for the acting user (notifications)

Each *operation* returns ``(value, OpChanges)``: the change value tells every
screen what to refresh (Anki's ``OpChanges``), so one ``operation_executed``
signal, emitted by the Backend only, replaces widgets poking each other.
*Queries* return a value only.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OpChanges:
    """What an operation changed, for screens deciding whether to refresh."""

    post_ids: frozenset[int] = frozenset()
    # Membership, order, title or state of rows in the post list changed.
    post_list: bool = False
    # At least one version was added (histories changed).
    versions: bool = False
    # Working drafts (autosave) changed.
    drafts: bool = False

    def touches(self, post_id: int | None) -> bool:
        return post_id is not None and post_id in self.post_ids
