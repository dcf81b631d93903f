"""Timestamps: UTC, ISO 8601 with microseconds, sortable as text."""

from datetime import datetime, UTC


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_iso(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))
