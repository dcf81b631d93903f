"""What publishing reads and writes in the store, as one protocol.

`PublishService` and its parts (plan/preflight, delivery, schedules, recovery) take a
`PublishingStore`: the outbox, schedules and accounts, the media of each language, and
the sign-offs and approval rounds that say which versions are official.
"""

from __future__ import annotations

from typing import Protocol

from desktop.core.store_media import PublishingMediaRepository
from desktop.core.store_publishing import OutboxRepository
from desktop.core.store_review import ReviewRepository


class PublishingStore(OutboxRepository, PublishingMediaRepository, ReviewRepository, Protocol):
    """The store as publishing uses it (`SqliteStore` and `PgStore` implement it)."""
