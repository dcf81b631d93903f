"""Error types the domain raises; each carries a message fit to show a user."""


class TandemError(Exception):
    """Base class: the message is complete and safe to display (never a secret)."""


class InvalidText(TandemError):
    """A draft or import contains text Tandem refuses to store."""


class NotFound(TandemError):
    """A post, version or other record does not exist."""


class StoreError(TandemError):
    """The database cannot be opened, read or written."""


class StoreReadOnly(StoreError):
    """The database file (or its folder) is not writable."""


class StoreTooNew(StoreError):
    """The database was written by a newer Tandem than this one."""


class PolicyError(TandemError):
    """The IT policy file is invalid or forbids the action."""


class PermissionDenied(TandemError):
    """The current user lacks the role an action needs."""


class TransitionError(TandemError):
    """A workflow move that the rules do not allow."""
