"""The window's wording of domain messages, in the interface language.

The domain raises errors and returns problems as `desktop.core.messages.Message`
values: English text (what the CLI prints, with its `tandem …` hints) plus a
stable ``code`` and ``params``. The window never shows that English: `render`
looks the code up in `TEMPLATES` (translated through Qt, context ``Message``,
French in ``resources/i18n/tandem_fr.ts``) and fills in the parameters in the
interface language — states, languages, roles and nested messages included.
No template names a command: a window user has no terminal.

A message without a code (not converted yet, or a network's own error text)
is shown as it came.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.core.messages import Message, message_of
from desktop.core.model import Lang, PostState

from .i18n import language_name, roles_phrase, state_label

CONTEXT = "Message"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate collects
    """`text`, unchanged, marked for translation in `context` (as Qt's, but typed: Qt's returns object)."""
    return text

# code (or code/variant) → the English source of the window's wording.
TEMPLATES: dict[str, str] = {
    # roles and approvals
    "roles.denied": QT_TRANSLATE_NOOP(
        "Message", "{user} cannot {action}: that needs {needs}. An administrator can grant it."),
    "roles.policy_grant": QT_TRANSLATE_NOOP(
        "Message", "{user}'s {role} role is granted by the IT policy; only IT can remove it."),
    "roles.not_held": QT_TRANSLATE_NOOP("Message", "{user} does not have the {role} role."),
    "roles.last_admin": QT_TRANSLATE_NOOP(
        "Message", "{user} is the last administrator of this store; make someone else an "
                   "administrator first."),
    "roles.bad_user": QT_TRANSLATE_NOOP("Message", "“{user}” is not a valid user name."),
    "roles.approver_needs_step": QT_TRANSLATE_NOOP(
        "Message", "Approver roles name the approval step they act on: approver:<step id>, for "
                   "example approver:program (the approval chain lists the step ids)."),
    "approvals.own_post": QT_TRANSLATE_NOOP(
        "Message", "{user} cannot approve post {post}: they wrote part of it, and no one "
                   "approves their own post."),
    "approvals.changed": QT_TRANSLATE_NOOP(
        "Message", "Post {post} changed since it entered approval; it must be reviewed again."),
    "approvals.step_not_applicable": QT_TRANSLATE_NOOP(
        "Message", "Step {step} does not apply to {post_type} posts."),
    "approvals.step_passed": QT_TRANSLATE_NOOP(
        "Message", "Step {step} of post {post} has already passed."),
    "approvals.step_waits": QT_TRANSLATE_NOOP(
        "Message", "Step {step} of post {post} waits for: {pending}."),
    "approvals.already_at_step": QT_TRANSLATE_NOOP(
        "Message", "You already approved post {post} at step {step}."),
    "approvals.already_all": QT_TRANSLATE_NOOP(
        "Message", "You already approved post {post} at every step you can act on now."),
    "approvals.choose_step": QT_TRANSLATE_NOOP(
        "Message", "You can approve several steps of post {post}; choose one: {steps}."),
    # review (sign-off and rejection)
    "review.no_text": QT_TRANSLATE_NOOP("Message", "Post {post} has no {lang} text to review."),
    "review.changed": QT_TRANSLATE_NOOP(
        "Message", "The {lang} text of post {post} changed since you opened it (it is now "
                   "v{seq}); review the new version."),
    "review.already_decided/sign": QT_TRANSLATE_NOOP(
        "Message", "The {lang} v{seq} of post {post} was already signed off by {reviewer} at "
                   "{at}; a change needs a new version."),
    "review.already_decided/reject": QT_TRANSLATE_NOOP(
        "Message", "The {lang} v{seq} of post {post} was already sent back by {reviewer} at "
                   "{at}; a change needs a new version."),
    "review.draft": QT_TRANSLATE_NOOP(
        "Message", "Post {post} is a draft: both languages need text before review."),
    "review.reject_needs_comment": QT_TRANSLATE_NOOP(
        "Message", "Sending a version back needs a comment saying what to fix."),
    # posts and the text rules
    "posts.title_too_long": QT_TRANSLATE_NOOP(
        "Message", "Title refused: keep it under 200 characters."),
    "posts.title_length": QT_TRANSLATE_NOOP(
        "Message", "Title refused: it must have 1 to 200 characters."),
    "posts.foreign_version": QT_TRANSLATE_NOOP(
        "Message", "Version {version} does not belong to post {post}."),
    "posts.version_conflict": QT_TRANSLATE_NOOP(
        "Message", "The {lang} text of post {post} was saved by {author} (v{seq}) since you "
                   "opened it; your text was not saved over it."),
    "text.refused": QT_TRANSLATE_NOOP("Message", "Text refused: {problems}"),
    "text.too_long": QT_TRANSLATE_NOOP(
        "Message", "Text is {length} characters long; Tandem keeps posts up to {limit} "
                   "characters."),
    "text.undecodable": QT_TRANSLATE_NOOP(
        "Message", "Invalid UTF-8 (undecodable byte) at character {at}."),
    "text.nul": QT_TRANSLATE_NOOP("Message", "NUL character at position {at}."),
    "text.bidi": QT_TRANSLATE_NOOP(
        "Message", "Text-direction control {char} at position {at} could make the post read "
                   "differently from what was approved."),
    "text.noncharacter": QT_TRANSLATE_NOOP(
        "Message", "Unicode noncharacter {char} at position {at}."),
    "text.combining": QT_TRANSLATE_NOOP(
        "Message", "More than {limit} combining marks on one character at position {at}: they "
                   "pile up over the lines around it."),
    "text.invisible": QT_TRANSLATE_NOOP(
        "Message", "Invisible character {char} at position {at}: it would be published without "
                   "anyone having seen it."),
    "text.control": QT_TRANSLATE_NOOP("Message", "Control character {char} at position {at}."),
    "counting.x_refuses": QT_TRANSLATE_NOOP("Message", "X refuses the character {char}."),
    "threads.part_counts": QT_TRANSLATE_NOOP(
        "Message", "The English post has {en} part(s) and the French post {fr}: a thread needs "
                   "the same number of parts in both languages."),
    "threads.word_too_long": QT_TRANSLATE_NOOP(
        "Message", "A single word is too long for one post: {word}…"),
    "threads.nothing_to_split": QT_TRANSLATE_NOOP("Message", "There is no text to split."),
    "threads.too_many_parts": QT_TRANSLATE_NOOP(
        "Message", "This text needs more than {limit} parts; shorten it."),
    # the IT policy (start-up and locked settings)
    "policy.locked": QT_TRANSLATE_NOOP(
        "Message", "This setting is locked by the IT policy ({key})."),
    "policy.invalid_toml": QT_TRANSLATE_NOOP(
        "Message", "The IT policy {source} is not a valid TOML file ({error}). Ask IT."),
    "policy.secret_key": QT_TRANSLATE_NOOP(
        "Message", "The IT policy {source} holds what looks like a secret ({key}). Secrets "
                   "never go in the IT policy: each user keeps them in their own keyring. Ask IT."),
    "policy.unknown_key": QT_TRANSLATE_NOOP(
        "Message", "The IT policy {source} has an unknown setting ({key}). Ask IT."),
    "policy.invalid": QT_TRANSLATE_NOOP(
        "Message", "The IT policy {source} has an invalid setting ({key}). Ask IT. Details: "
                   "{detail}"),
    "policy.unreadable": QT_TRANSLATE_NOOP(
        "Message", "The IT policy {source} cannot be read ({error}). Ask IT."),
    "policy.store_without_policy": QT_TRANSLATE_NOOP(
        "Message", "{store} is managed by the IT policy {recorded}, which is not in force here: "
                   "Tandem does not open it without its policy. Restore the policy file, or ask "
                   "IT."),
    "policy.store_other_policy": QT_TRANSLATE_NOOP(
        "Message", "{store} is managed by the IT policy {recorded}, but the policy in force here "
                   "is {current}: Tandem does not open it under another policy. Ask IT."),
    # the team store (PostgreSQL, start-up)
    "team.no_role": QT_TRANSLATE_NOOP(
        "Message", "{user} holds no Tandem role in the team store {url}; ask an administrator to "
                   "grant one."),
    "team.no_store": QT_TRANSLATE_NOOP(
        "Message", "{url} holds no Tandem team store yet; ask IT, who create it."),
    "team.owner_upgrade": QT_TRANSLATE_NOOP(
        "Message", "{url} needs a schema upgrade ({schema} → {known}) that only its owner "
                   "({owner}) may run. Ask IT."),
    "team.bad_url": QT_TRANSLATE_NOOP("Message", "{url} is not a valid team store address. Ask IT."),
    "team.tls_required": QT_TRANSLATE_NOOP(
        "Message", "The team server {host} is not on this computer, so Tandem connects to it "
                   "only over verified TLS, which this address does not ask for. Ask IT."),
    "team.refused": QT_TRANSLATE_NOOP("Message", "The team server refused: {error}."),
    "team.unreachable": QT_TRANSLATE_NOOP(
        "Message", "The team store {url} cannot be reached: {error}"),
    "team.refused_change": QT_TRANSLATE_NOOP(
        "Message", "The team store {url} refused the change: {error}"),
    "team.login_changed": QT_TRANSLATE_NOOP(
        "Message", "The team store {url} now signs you in as {login}, not as {was}; "
                   "restart Tandem."),
    "policy.account_secret": QT_TRANSLATE_NOOP(
        "Message", "An account in the IT policy {source} holds what looks like a secret "
                   "({key}). Secrets never go in the IT policy. Ask IT."),
    # translation memory, terms and mappings
    "mappings.taken": QT_TRANSLATE_NOOP(
        "Message", "{en} or {fr} is already mapped; remove that pair first."),
    "mappings.conflict": QT_TRANSLATE_NOOP(
        "Message", "{en} / {fr}: one of them is already mapped to something else."),
    "mappings.unknown": QT_TRANSLATE_NOOP("Message", "No mapping has {en}."),
    "suggest.no_source": QT_TRANSLATE_NOOP(
        "Message", "Post {post} has no {lang} text to translate yet; write it first."),
    "suggest.stale": QT_TRANSLATE_NOOP(
        "Message", "The {lang} text of post {post} changed since this suggestion was made; ask "
                   "for a new suggestion."),
    "qa.missing_lang": QT_TRANSLATE_NOOP(
        "Message", "Post {post} has no {lang} text yet; quality checks compare the English and "
                   "French versions."),
    "qa.no_fix": QT_TRANSLATE_NOOP(
        "Message", "This finding has no automatic fix; edit the text."),
    "qa.stale": QT_TRANSLATE_NOOP(
        "Message", "The {lang} text of post {post} changed since the checks ran; run them again."),
    # XLIFF exchange with translators' tools
    "xliff.no_source": QT_TRANSLATE_NOOP(
        "Message", "Post {post} has no {lang} text to translate."),
    "xliff.foreign": QT_TRANSLATE_NOOP(
        "Message", "The file names a {lang} version of post {post} that Tandem does not have: it "
                   "was not exported from this store. Export the post again."),
    "xliff.altered": QT_TRANSLATE_NOOP(
        "Message", "The file does not match the {lang} v{seq} of post {post} it names: it was "
                   "altered after export. Export the post again."),
    "xliff.source_changed": QT_TRANSLATE_NOOP(
        "Message", "The {lang} text of post {post} changed since this file was exported (the "
                   "file translates v{seq}). Export the post again and translate the current "
                   "text."),
    "xliff.target_changed": QT_TRANSLATE_NOOP(
        "Message", "The {lang} text of post {post} changed since this file was exported (it is "
                   "now v{seq}): importing it would replace the newer text. Export the post "
                   "again, or copy the translation into the current text by hand."),
    # the approval chain
    "chain.unknown_step": QT_TRANSLATE_NOOP(
        "Message", "There is no approval step {step}. Steps: {steps}."),
    "chain.too_large": QT_TRANSLATE_NOOP(
        "Message", "The approval chain is larger than {limit} KB."),
    "chain.syntax": QT_TRANSLATE_NOOP(
        "Message", "The approval chain is not valid {format}: {error}"),
    # who is acting (start-up)
    "identity.unknown_account": QT_TRANSLATE_NOOP(
        "Message", "The system did not say which account runs Tandem, so Tandem cannot say who "
                   "is acting. Ask IT."),
    "identity.override_forbidden": QT_TRANSLATE_NOOP(
        "Message", "{variable} is set, but the IT policy ({source}) forbids acting as another "
                   "user."),
    "identity.bad_override": QT_TRANSLATE_NOOP(
        "Message", "{variable}={user} is not a valid user name."),
    # signed decisions (issue 10's signing keys)
    "signing.required": QT_TRANSLATE_NOOP(
        "Message", "{user} has no registered signing key, and the IT policy requires every "
                   "sign-off and approval to be signed. Create a signing key on this computer "
                   "and ask an administrator to register its public key."),
    "signing.key_not_here": QT_TRANSLATE_NOOP(
        "Message", "{user}'s decisions are signed (key {key} is registered), but this computer's "
                   "keyring holds no signing key for {user}. Decide on the computer that holds "
                   "the key, or create a new key here and ask an administrator to register it."),
    "signing.key_not_registered": QT_TRANSLATE_NOOP(
        "Message", "The signing key in this computer's keyring ({key}) is not the key registered "
                   "for {user} ({registered}); ask an administrator to register it."),
    # records and lookups
    "store.busy_upgrading": QT_TRANSLATE_NOOP(
        "Message", "{path} is being created or upgraded by another Tandem window or process; try "
                   "again in a minute."),
    "store.no_post": QT_TRANSLATE_NOOP("Message", "There is no post {post}."),
    "store.no_version": QT_TRANSLATE_NOOP("Message", "There is no version {version}."),
    "store.no_account": QT_TRANSLATE_NOOP("Message", "There is no account {account}."),
    "store.no_publication": QT_TRANSLATE_NOOP(
        "Message", "There is no publication {publication}."),
    "store.no_entry": QT_TRANSLATE_NOOP("Message", "There is no outbox entry {entry}."),
    "records.bad_date": QT_TRANSLATE_NOOP(
        "Message", "{value} is not a date; use for example 2025-01-31."),
    "records.bad_format": QT_TRANSLATE_NOOP(
        "Message", "Unknown record format {format}; use one of {formats}."),
    "spelling.bad_word": QT_TRANSLATE_NOOP(
        "Message", "A dictionary entry is one word of at most 100 characters, with a letter in "
                   "it."),
    "roles.unknown": QT_TRANSLATE_NOOP(
        "Message", "Unknown role {role}. Roles: author, translator, publisher, admin, "
                   "approver:<step id>."),
    "review.decided_meanwhile": QT_TRANSLATE_NOOP(
        "Message", "Someone decided this in another window a moment ago; refresh and look "
                   "again."),
    "publish.entry_changed": QT_TRANSLATE_NOOP(
        "Message", "Another Tandem window or process changed this publication a moment ago; "
                   "refresh and look again."),
    # images
    "images.not_an_image": QT_TRANSLATE_NOOP(
        "Message", "This file is not a PNG, JPEG, WebP or GIF image, whatever its name. Export "
                   "it as one of those formats."),
    "images.file_too_big": QT_TRANSLATE_NOOP(
        "Message", "The file is {size} MB; Tandem accepts images up to {limit} MB."),
    "images.unreadable": QT_TRANSLATE_NOOP(
        "Message", "The {format} file cannot be read: it is damaged or not really an image "
                   "({error})."),
    "images.disguised": QT_TRANSLATE_NOOP(
        "Message", "The file starts like {format} but decodes as {decoded}; refused."),
    "images.too_many_pixels": QT_TRANSLATE_NOOP(
        "Message", "The image is too large to open safely: Tandem refuses images over {limit} "
                   "megapixels. Scale it down first."),
    "images.damaged": QT_TRANSLATE_NOOP(
        "Message", "The {format} file is truncated or damaged and cannot be decoded ({error}). "
                   "Export it again."),
    "images.cannot_shrink": QT_TRANSLATE_NOOP(
        "Message", "Could not bring the image under {limit} bytes."),
    "media.alt_required": QT_TRANSLATE_NOOP(
        "Message", "The {lang} alt text is required: describe the image for people who cannot "
                   "see it."),
    "media.alt_too_long": QT_TRANSLATE_NOOP(
        "Message", "The {lang} alt text is {length} characters; keep it under {limit} (X's "
                   "limit)."),
    "media.missing_blob": QT_TRANSLATE_NOOP(
        "Message", "The image {sha}… is missing from this store."),
    "media.no_such_image": QT_TRANSLATE_NOOP(
        "Message", "Post {post} has {count} image(s); there is no image {number}."),
    "media.too_many": QT_TRANSLATE_NOOP(
        "Message", "The {lang} post already has {limit} images, the most every network accepts."),
    "media.one_language": QT_TRANSLATE_NOOP(
        "Message", "Image {number} is shown in {lang} only."),
    # the session (start-up)
    "session.location_locked": QT_TRANSLATE_NOOP(
        "Message", "The database location is locked by the IT policy ({source}) to {path}."),
    "session.team_locked": QT_TRANSLATE_NOOP(
        "Message", "The team database is locked by the IT policy ({source}) to {url}."),
    # workflow
    "workflow.refused": QT_TRANSLATE_NOOP(
        "Message", "Post {post} ({state}) cannot {event} now."),
    "workflow.refused_target": QT_TRANSLATE_NOOP(
        "Message", "Post {post} ({state}) cannot become {to} this way."),
    # the store (start-up)
    "store.unreadable": QT_TRANSLATE_NOOP(
        "Message", "The database {path} cannot be read (permission denied)."),
    "store.no_folder": QT_TRANSLATE_NOOP(
        "Message", "Cannot create the folder for {path}: {error}."),
    "store.folder_read_only": QT_TRANSLATE_NOOP(
        "Message", "Cannot create {path}: its folder is not writable."),
    "store.unusable": QT_TRANSLATE_NOOP(
        "Message", "{path} is not a usable Tandem database ({error}). Nothing was changed; "
                   "restore it from a backup or ask IT which file to use."),
    "store.too_new": QT_TRANSLATE_NOOP(
        "Message", "{path} was written by a newer Tandem (schema {schema}; this version knows "
                   "up to {known}). Upgrade Tandem; the file was not touched."),
    "store.upgrade_read_only": QT_TRANSLATE_NOOP(
        "Message", "{path} needs a schema upgrade but is read-only. Make it writable and retry."),
    # post lifecycle
    "lifecycle.archive_busy": QT_TRANSLATE_NOOP(
        "Message", "Post {post} cannot be archived while it is being published or scheduled "
                   "({state}): cancel the schedule first."),
    "lifecycle.deleted": QT_TRANSLATE_NOOP("Message", "Post {post} was deleted."),
    "lifecycle.delete_not_draft": QT_TRANSLATE_NOOP(
        "Message", "Post {post} is not a draft ({state}): only a draft nobody has reviewed can "
                   "be deleted. Archive it instead."),
    "lifecycle.delete_reviewed": QT_TRANSLATE_NOOP(
        "Message", "Post {post} has been reviewed: its review stays on record. Archive it "
                   "instead."),
    # publishing: preflight
    "publish.preflight_failed": QT_TRANSLATE_NOOP(
        "Message", "Post {post} was not published; nothing was sent: {problems}."),
    "publish.not_publisher": QT_TRANSLATE_NOOP(
        "Message", "{user} does not hold the publisher role (an administrator can grant it)"),
    "publish.not_future": QT_TRANSLATE_NOOP(
        "Message", "{at} is not in the future: publish now instead, or choose a later time."),
    "publish.retry_state": QT_TRANSLATE_NOOP(
        "Message", "Post {post} ({state}) cannot be retried: only a post published in one "
                   "language only, or whose publishing was interrupted, can be."),
    "publish.retract_state": QT_TRANSLATE_NOOP(
        "Message", "Post {post} ({state}) has no language to retract: only a post published in "
                   "one language only has one."),
    "publish.busy": QT_TRANSLATE_NOOP(
        "Message", "Post {post} is being published by another Tandem window or process; try "
                   "again when it is done."),
    "publish.already_published": QT_TRANSLATE_NOOP(
        "Message", "Post {post} is already published; a post is never sent twice."),
    "publish.not_alone": QT_TRANSLATE_NOOP(
        "Message", "The {lang} of post {post} is not out alone anywhere."),
    "publish.handoff_retract": QT_TRANSLATE_NOOP(
        "Message", "The {lang} post on {account} was handed off: Tandem cannot retract it; ask "
                   "the receiving system."),
    "publish.changed": QT_TRANSLATE_NOOP(
        "Message", "Post {post} changed while it was being checked; nothing was sent. Check it "
                   "again."),
    "publish.taken_over": QT_TRANSLATE_NOOP(
        "Message", "Another Tandem window or process took over this publication; this one stops "
                   "sending."),
    "publish.entry_move": QT_TRANSLATE_NOOP(
        "Message", "The {lang} post on {account} cannot change state that way."),
    "delivery.text_altered": QT_TRANSLATE_NOOP(
        "Message", "The {lang} post on {account} no longer matches the text recorded before "
                   "sending: it was not sent."),
    "preflight.state": QT_TRANSLATE_NOOP(
        "Message", "post {post} is at the stage “{state}”: only approved posts are published"),
    "preflight.account_removed": QT_TRANSLATE_NOOP(
        "Message", "the target account {account} was removed: choose the targets again"),
    "preflight.account_problem": QT_TRANSLATE_NOOP(
        "Message", "{account} ({channel}): {problem}"),
    "preflight.too_long": QT_TRANSLATE_NOOP(
        "Message", "the {lang} text is too long ({used}/{limit} {unit})"),
    "preflight.count_problem": QT_TRANSLATE_NOOP("Message", "the {lang} text: {problem}"),
    "preflight.no_official": QT_TRANSLATE_NOOP(
        "Message", "the {lang} text has no official version"),
    "preflight.no_official/seq": QT_TRANSLATE_NOOP(
        "Message", "the {lang} text has no official version (v{seq} is not signed off)"),
    "preflight.text_altered": QT_TRANSLATE_NOOP(
        "Message", "the {lang} text of v{seq} no longer matches the fingerprint it was signed "
                   "off with (altered in the database)"),
    "preflight.signoff_unbound": QT_TRANSLATE_NOOP(
        "Message", "the {lang} sign-off does not match v{seq}"),
    "preflight.chain_incomplete": QT_TRANSLATE_NOOP(
        "Message", "the approval chain is not complete"),
    "preflight.chain_incomplete/waiting": QT_TRANSLATE_NOOP(
        "Message", "the approval chain is not complete (waiting for {waiting})"),
    "preflight.too_many_images": QT_TRANSLATE_NOOP(
        "Message", "the {lang} post has {images} images; this network takes at most {limit}"),
    "preflight.approvals_other_versions": QT_TRANSLATE_NOOP(
        "Message", "the approvals were given on other versions than the official ones"),
    "preflight.approval_unbound": QT_TRANSLATE_NOOP(
        "Message", "{approver}'s approval at step {step} does not match the official texts"),
    "preflight.entry_other_versions": QT_TRANSLATE_NOOP(
        "Message", "the {lang} post on {account} was recorded for other versions than the "
                   "official ones"),
    # publishing: targets and accounts
    "accounts.one_language": QT_TRANSLATE_NOOP(
        "Message", "on {channel}, {accounts} would post in {lang} only: add an account for the "
                   "other language (or use one bilingual account instead)"),
    "accounts.no_targets": QT_TRANSLATE_NOOP(
        "Message", "post {post} has no targets and there are no default targets: choose its "
                   "targets"),
    "accounts.targets_refused": QT_TRANSLATE_NOOP(
        "Message", "Targets refused for post {post} — Tandem never publishes one language "
                   "without the other: {problems}."),
    "accounts.unpublishable": QT_TRANSLATE_NOOP(
        "Message", "Post {post} cannot be published to its targets: {problems}."),
    "accounts.targets_removed": QT_TRANSLATE_NOOP(
        "Message", "Post {post} targets removed account(s) {accounts}: choose its targets "
                   "again."),
    "accounts.defaults_refused": QT_TRANSLATE_NOOP(
        "Message", "Default targets refused — Tandem never publishes one language without the "
                   "other: {problems}."),
    "accounts.policy_default_unknown": QT_TRANSLATE_NOOP(
        "Message", "the IT policy's default targets name {account}, which is not an account"),
    "accounts.frozen": QT_TRANSLATE_NOOP(
        "Message", "Post {post} ({state}): its targets can no longer change."),
    "accounts.policy_account": QT_TRANSLATE_NOOP(
        "Message", "The account {account} is provisioned by the IT policy and cannot be "
                   "removed."),
    "accounts.policy_default": QT_TRANSLATE_NOOP(
        "Message", "The account {account} is one of the IT policy's default targets."),
    "accounts.targeted": QT_TRANSLATE_NOOP(
        "Message", "The account {account} is a target of post(s) {posts}: change their targets "
                   "first."),
    "accounts.is_default": QT_TRANSLATE_NOOP(
        "Message", "The account {account} is one of your default targets: change them first."),
    "accounts.unknown": QT_TRANSLATE_NOOP("Message", "There is no account {account}."),
    "accounts.unknown_channel": QT_TRANSLATE_NOOP(
        "Message", "Unknown network {channel}: choose one of {choices}."),
    "accounts.bad_name": QT_TRANSLATE_NOOP(
        "Message", "An account name is 1 to 64 letters, digits, dots, dashes or underscores, "
                   "starting with a letter or digit (for example gc-bluesky-en)."),
    "accounts.url_spaces": QT_TRANSLATE_NOOP(
        "Message", "The service address contains spaces or control characters."),
    "accounts.url_malformed": QT_TRANSLATE_NOOP(
        "Message", "The service address is malformed (check the host and port)."),
    "accounts.url_credentials": QT_TRANSLATE_NOOP(
        "Message", "The service address must not contain a user name or password: secrets are "
                   "asked for separately and kept in the OS keyring."),
    "accounts.url_scheme": QT_TRANSLATE_NOOP(
        "Message", "The service address {url} must start with https:// and name a host."),
    "accounts.url_fragment": QT_TRANSLATE_NOOP(
        "Message", "The service address must not have a #fragment."),
    "accounts.needs_handle/bluesky": QT_TRANSLATE_NOOP(
        "Message", "A Bluesky account needs a handle: a domain handle such as "
                   "canada.bsky.social, or a DID."),
    "accounts.needs_handle/mastodon": QT_TRANSLATE_NOOP(
        "Message", "A Mastodon account needs a handle: a user name, optionally with its server "
                   "(user or user@example.social)."),
    "accounts.needs_handle/x": QT_TRANSLATE_NOOP(
        "Message", "An X account needs a handle: 1 to 15 letters, digits or underscores."),
    "accounts.needs_handle/webhook": QT_TRANSLATE_NOOP(
        "Message", "A webhook needs a label without spaces (up to 200 characters)."),
    "accounts.bad_handle/bluesky": QT_TRANSLATE_NOOP(
        "Message", "{handle} is not a Bluesky handle: expected a domain handle such as "
                   "canada.bsky.social, or a DID."),
    "accounts.bad_handle/mastodon": QT_TRANSLATE_NOOP(
        "Message", "{handle} is not a Mastodon handle: expected a user name, optionally with its "
                   "server (user or user@example.social)."),
    "accounts.bad_handle/x": QT_TRANSLATE_NOOP(
        "Message", "{handle} is not an X handle: expected 1 to 15 letters, digits or "
                   "underscores."),
    "accounts.bad_handle/webhook": QT_TRANSLATE_NOOP(
        "Message", "{handle} is not a webhook label: expected a label without spaces (up to 200 "
                   "characters)."),
    "accounts.unknown_lang": QT_TRANSLATE_NOOP(
        "Message", "Unknown language {lang_given}: choose English, French or both."),
    "accounts.unknown_order": QT_TRANSLATE_NOOP(
        "Message", "Unknown order {order}: choose English first or French first."),
    "accounts.bilingual_only": QT_TRANSLATE_NOOP(
        "Message", "The language order and combining apply only to bilingual accounts."),
    "accounts.needs_service": QT_TRANSLATE_NOOP(
        "Message", "A {channel} account needs its service address (its https:// URL)."),
    "accounts.exists": QT_TRANSLATE_NOOP(
        "Message", "An account named {account} already exists: choose another name, or remove "
                   "that one first."),
    "credentials.keyring_insecure": QT_TRANSLATE_NOOP(
        "Message", "No encrypted keyring is available ({keyring}), so secrets cannot be stored. "
                   "Ask IT to set up the system keyring."),
    "credentials.keyring_failed": QT_TRANSLATE_NOOP(
        "Message", "The keyring ({keyring}) did not answer: {reason}. Unlock it, or ask IT."),
    "secret.empty": QT_TRANSLATE_NOOP("Message", "The secret is empty: nothing was stored."),
    "secret.too_long": QT_TRANSLATE_NOOP(
        "Message", "The secret is {length} characters long (more than {limit}): nothing was "
                   "stored."),
    "secret.control": QT_TRANSLATE_NOOP(
        "Message", "The secret contains a line break or another control character: give it on "
                   "one line. Nothing was stored."),
    "credentials.missing": QT_TRANSLATE_NOOP(
        "Message", "The keyring ({keyring}) has no secret for the account {account}: enter it "
                   "in the account's settings."),
    # publishing: delivery (stored with each outbox entry)
    "delivery.no_attempt": QT_TRANSLATE_NOOP("Message", "no attempt was made"),
    "delivery.credentials": QT_TRANSLATE_NOOP(
        "Message", "{error} Enter valid credentials for the account {account} in its settings, "
                   "then retry."),
    "delivery.rate_limited": QT_TRANSLATE_NOOP(
        "Message", "{error} (the limit lifts at {at} UTC)"),
    "delivery.not_sent": QT_TRANSLATE_NOOP("Message", "Not sent: {cause}."),
    "delivery.failed_first": QT_TRANSLATE_NOOP(
        "Message", "the {lang} post on {account} failed first ({error})"),
    "delivery.unknown": QT_TRANSLATE_NOOP("Message", "Unknown whether it went out: {error}"),
    "delivery.interrupted_too_long": QT_TRANSLATE_NOOP(
        "Message", "Not sent: publishing was interrupted too long ago."),
    "delivery.not_posted_late": QT_TRANSLATE_NOOP(
        "Message", "Not posted late: publishing was interrupted more than {minutes} minutes ago."),
    "delivery.pair_retracted": QT_TRANSLATE_NOOP(
        "Message", "Withdrawn: the {lang} post it pairs with was retracted."),
    "delivery.lone_retracted": QT_TRANSLATE_NOOP(
        "Message", "Withdrawn when the lone language was retracted."),
    # translation: exchange files (import errors and skip reasons), memory, terms, mappings
    "formats.unreadable": QT_TRANSLATE_NOOP("Message", "Cannot read the {what} file {file}: {reason}."),
    "formats.too_big": QT_TRANSLATE_NOOP(
        "Message", "The {what} file is {size} MB, larger than the {cap} Tandem imports for {what} "
                   "files. Split it and import the parts."),
    "formats.not_utf8": QT_TRANSLATE_NOOP("Message", "The {what} file is not UTF-8 text."),
    "formats.unknown": QT_TRANSLATE_NOOP("Message", "Tandem has no {name} format (known: {known})."),
    "formats.wrong_extension": QT_TRANSLATE_NOOP("Message", "{file}: choose a {wanted} file ({kind})."),
    "formats.wrong_extension_pairs": QT_TRANSLATE_NOOP(
        "Message", "{file}: choose a {wanted} file of English/French pairs."),
    "formats.pair_missing": QT_TRANSLATE_NOOP("Message", "no {lang} text."),
    "formats.pairs_columns": QT_TRANSLATE_NOOP(
        "Message", "The {what} file needs an en and an fr column (it has: {columns})."),
    "formats.missing_columns": QT_TRANSLATE_NOOP(
        "Message", "The {what} file has no {missing} column (expected: {expected})."),
    "formats.xml_unsafe": QT_TRANSLATE_NOOP(
        "Message", "The {what} file declares XML entities, a DTD or external references, which "
                   "Tandem refuses for safety."),
    "formats.xliff_not_xml": QT_TRANSLATE_NOOP(
        "Message", "The XLIFF file is not well-formed XML ({reason})."),
    "formats.not_xliff": QT_TRANSLATE_NOOP("Message", "The file is not XLIFF (its root is not <xliff>)."),
    "formats.xliff_refused": QT_TRANSLATE_NOOP("Message", "The XLIFF file is refused: {reason}"),
    "formats.file_skipped": QT_TRANSLATE_NOOP("Message", "file {position}: {reason}"),
    "formats.file_same_language": QT_TRANSLATE_NOOP(
        "Message", "file {position}: source and target are the same language."),
    "formats.unit_untranslated": QT_TRANSLATE_NOOP("Message", "unit {id}: no target (not translated)."),
    "formats.unit_skipped": QT_TRANSLATE_NOOP("Message", "unit {id}: {reason}"),
    "formats.tbx_missing_lang": QT_TRANSLATE_NOOP("Message", "No {lang} term."),
    "formats.tbx_missing_lang/others": QT_TRANSLATE_NOOP(
        "Message", "No {lang} term (other languages: {others})."),
    "formats.tbx_version": QT_TRANSLATE_NOOP(
        "Message", "TBX version {version} is not one Tandem writes (use 2 or 3)."),
    "formats.tmx_missing_lang": QT_TRANSLATE_NOOP("Message", "No {lang} text."),
    "formats.tmx_missing_lang/others": QT_TRANSLATE_NOOP(
        "Message", "No {lang} text (other languages: {others})."),
    "formats.tmx_set_aside": QT_TRANSLATE_NOOP(
        "Message", "unit {id}: the {code} text was set aside (not English or French)."),
    "formats.tmx_variant_aside": QT_TRANSLATE_NOOP(
        "Message", "unit {id}: the {codes} {lang} text was set aside; the {kept} one was kept."),
    "formats.mapping_duplicate": QT_TRANSLATE_NOOP(
        "Message", "{en} / {fr} is already mapped on an earlier line."),
    "formats.too_deep": QT_TRANSLATE_NOOP(
        "Message", "The {what} file nests elements more than {depth} levels deep (line {line}); it "
                   "is not a {what} file Tandem can read."),
    "formats.wrong_root": QT_TRANSLATE_NOOP(
        "Message", "This is not a {what} file (its root element is <{root}>)."),
    "formats.empty": QT_TRANSLATE_NOOP("Message", "The {what} file is empty."),
    "formats.not_xml": QT_TRANSLATE_NOOP(
        "Message", "The {what} file is not well-formed XML (line {line}): {reason}."),
    "formats.damaged": QT_TRANSLATE_NOOP(
        "Message", "The file is damaged here ({reason}); nothing after this point was read."),
    "languages.not_text": QT_TRANSLATE_NOOP("Message", "A language code must be text, not {type}."),
    "languages.unsupported": QT_TRANSLATE_NOOP(
        "Message", "Language “{code}” is not English or French; Tandem works in English and French "
                   "only."),
    "memory.same_language": QT_TRANSLATE_NOOP(
        "Message", "A memory pair needs one English and one French text."),
    "memory.empty_side/source": QT_TRANSLATE_NOOP("Message", "The memory pair has an empty source text."),
    "memory.empty_side/target": QT_TRANSLATE_NOOP("Message", "The memory pair has an empty target text."),
    "memory.lookup_same_language": QT_TRANSLATE_NOOP(
        "Message", "A memory look-up needs two different languages."),
    "mappings.unknown_kind": QT_TRANSLATE_NOOP(
        "Message", "Unknown mapping kind “{kind}”; use handle, hashtag or url."),
    "mappings.bad_url": QT_TRANSLATE_NOOP("Message", "“{value}” is not a web address."),
    "mappings.bad_value/handle": QT_TRANSLATE_NOOP("Message", "“{value}” is not a valid handle."),
    "mappings.bad_value/hashtag": QT_TRANSLATE_NOOP("Message", "“{value}” is not a valid hashtag."),
    "terms.needs_both": QT_TRANSLATE_NOOP("Message", "A term needs both an English and a French name."),
    "terms.unknown_status": QT_TRANSLATE_NOOP("Message", "Unknown term status “{status}” (use {known})."),
    "terms.check_same_language": QT_TRANSLATE_NOOP(
        "Message", "A translation check needs two different languages."),
    # translation: engine, suggestions, quality checks
    "engine.cannot_load": QT_TRANSLATE_NOOP(
        "Message", "The translation model {package} cannot be loaded: {reason}"),
    "engine.pair_unsupported": QT_TRANSLATE_NOOP(
        "Message", "Tandem translates between English and French only (en→fr, fr→en), not "
                   "{source}→{target}."),
    "engine.no_model": QT_TRANSLATE_NOOP(
        "Message", "No {source}→{target} translation model is installed; install a language package."),
    "engine.empty_text": QT_TRANSLATE_NOOP("Message", "There is nothing to translate: the text is empty."),
    "suggest.not_an_alternative": QT_TRANSLATE_NOOP(
        "Message", "That memory match is not one of this suggestion's alternatives."),
    "suggest.same_language": QT_TRANSLATE_NOOP("Message", "A suggestion needs two different languages."),
    "qa.unknown_typography": QT_TRANSLATE_NOOP(
        "Message", "Unknown typography style “{style}”; use canada or france."),
    "qa.unknown_check": QT_TRANSLATE_NOOP("Message", "Unknown quality check: {checks}."),
}

BOTH = QT_TRANSLATE_NOOP("Message", "English and French")

# code → which variant of its template the parameters call for ("" = the plain one).
VARIANTS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "preflight.no_official": lambda p: "seq" if p.get("seq") is not None else "",
    "preflight.chain_incomplete": lambda p: "waiting" if p.get("waiting") else "",
    "review.already_decided": lambda p: "reject" if p.get("kind") == "reject" else "sign",
    "accounts.needs_handle": lambda p: str(p.get("channel")),
    "accounts.bad_handle": lambda p: str(p.get("channel")),
    "formats.tbx_missing_lang": lambda p: "others" if p.get("others") else "",
    "formats.tmx_missing_lang": lambda p: "others" if p.get("others") else "",
    "memory.empty_side": lambda p: str(p.get("side")),
    "mappings.bad_value": lambda p: str(p.get("kind")),
}


def render(value: object) -> str:
    """An error, problem or stored message in the interface language."""
    message = message_of(value)
    variant = VARIANTS.get(message.code, lambda p: "")(message.params)
    template = TEMPLATES.get(f"{message.code}/{variant}" if variant else message.code)
    if template is None:
        return str(message)
    shown = {name: _param(name, v) for name, v in message.params.items()}
    return QCoreApplication.translate(CONTEXT, template).format_map(_Missing(shown))


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _param(name: str, value: Any) -> str:
    if isinstance(value, Message):
        return render(value)
    if isinstance(value, (list, tuple)):
        if name == "needs":
            return roles_phrase(list(value))
        return "; ".join(_param(name, v) for v in value) if any(
            isinstance(v, Message) for v in value) else ", ".join(_param(name, v) for v in value)
    if value is None:
        return ""
    if name in ("state", "to"):
        return _known(lambda: state_label(PostState(value)), value)
    if name == "lang":
        if value == "both":
            return QCoreApplication.translate(CONTEXT, BOTH)
        return _known(lambda: language_name(Lang(value)), value)
    if name == "event":
        return _event(str(value))
    if name == "unit":
        return QCoreApplication.translate(CONTEXT, UNITS[value]) if value in UNITS else str(value)
    if name == "action":
        return _action(str(value))
    if name in ("what", "kind") and value in FILE_KINDS:
        return QCoreApplication.translate(CONTEXT, FILE_KINDS[value])
    if name == "channel":
        from desktop.publishing.accounts import CHANNEL_NAMES

        return CHANNEL_NAMES.get(str(value), str(value))
    return str(value)


def _known(label: Callable[[], str], value: Any) -> str:
    try:
        return label()
    except (ValueError, KeyError):
        return str(value)


# A workflow event, completing "Post 3 (Draft) cannot …".
EVENTS: dict[str, str] = {
    "edit": QT_TRANSLATE_NOOP("Message", "be edited"),
    "sign": QT_TRANSLATE_NOOP("Message", "be signed off"),
    "reject": QT_TRANSLATE_NOOP("Message", "have a version rejected"),
    "approve": QT_TRANSLATE_NOOP("Message", "be approved"),
    "reevaluate": QT_TRANSLATE_NOOP("Message", "be re-evaluated"),
    "schedule": QT_TRANSLATE_NOOP("Message", "be scheduled"),
    "unschedule": QT_TRANSLATE_NOOP("Message", "be unscheduled"),
    "publish": QT_TRANSLATE_NOOP("Message", "be published"),
    "published": QT_TRANSLATE_NOOP("Message", "be marked published"),
    "publish_partial": QT_TRANSLATE_NOOP("Message", "be marked half-published"),
    "publish_failed": QT_TRANSLATE_NOOP("Message", "be marked failed"),
    "retract": QT_TRANSLATE_NOOP("Message", "have a language retracted"),
}

# What a refused user tried to do (the audit action of `RoleService.require`).
ACTIONS: dict[str, str] = {
    "post.create": QT_TRANSLATE_NOOP("Message", "create posts"),
    "post.edit": QT_TRANSLATE_NOOP("Message", "edit this post"),
    "post.restore": QT_TRANSLATE_NOOP("Message", "restore a version of this post"),
    "post.delete": QT_TRANSLATE_NOOP("Message", "delete this post"),
    "post.archive": QT_TRANSLATE_NOOP("Message", "archive this post"),
    "post.unarchive": QT_TRANSLATE_NOOP("Message", "take this post out of the archive"),
    "media.attach": QT_TRANSLATE_NOOP("Message", "attach images to this post"),
    "media.detach": QT_TRANSLATE_NOOP("Message", "remove images from this post"),
    "media.replace": QT_TRANSLATE_NOOP("Message", "replace an image of this post"),
    "media.alt": QT_TRANSLATE_NOOP("Message", "change an image description of this post"),
    "review.sign": QT_TRANSLATE_NOOP("Message", "sign off this version"),
    "review.reject": QT_TRANSLATE_NOOP("Message", "send this version back"),
    "approve": QT_TRANSLATE_NOOP("Message", "approve this post"),
    "chain.set": QT_TRANSLATE_NOOP("Message", "set the approval chain"),
    "users.grant": QT_TRANSLATE_NOOP("Message", "grant roles"),
    "users.revoke": QT_TRANSLATE_NOOP("Message", "revoke roles"),
    "publish": QT_TRANSLATE_NOOP("Message", "publish this post"),
    "publish.retry": QT_TRANSLATE_NOOP("Message", "retry publishing this post"),
    "publish.retract": QT_TRANSLATE_NOOP("Message", "retract a language of this post"),
    "publish.schedule": QT_TRANSLATE_NOOP("Message", "schedule this post"),
    "publish.unschedule": QT_TRANSLATE_NOOP("Message", "unschedule this post"),
    "memory.import": QT_TRANSLATE_NOOP("Message", "import translation memory"),
    "terms.import": QT_TRANSLATE_NOOP("Message", "import terms"),
    "mappings.add": QT_TRANSLATE_NOOP("Message", "change the mappings"),
    "mappings.remove": QT_TRANSLATE_NOOP("Message", "change the mappings"),
    "mappings.import": QT_TRANSLATE_NOOP("Message", "change the mappings"),
    "dictionary.add": QT_TRANSLATE_NOOP("Message", "add words to the team dictionary"),
    "dictionary.remove": QT_TRANSLATE_NOOP("Message", "remove words from the team dictionary"),
    "keys.register": QT_TRANSLATE_NOOP("Message", "register signing keys"),
}
DO_THIS = QT_TRANSLATE_NOOP("Message", "do this")

# The kind of exchange file a format error names (``what`` / ``kind`` of translation.formats).
FILE_KINDS: dict[str, str] = {
    "termbase": QT_TRANSLATE_NOOP("Message", "terminology"),
    "mapping CSV": QT_TRANSLATE_NOOP("Message", "mapping CSV"),
    "pairs": QT_TRANSLATE_NOOP("Message", "pairs"),
    "translation memory": QT_TRANSLATE_NOOP("Message", "translation memory"),
    "mapping": QT_TRANSLATE_NOOP("Message", "mappings"),
}

# What a network's length is counted in (`desktop.core.counting.Unit`).
UNITS: dict[str, str] = {
    "weighted characters": QT_TRANSLATE_NOOP("Message", "weighted characters"),
    "graphemes": QT_TRANSLATE_NOOP("Message", "characters"),
}


def _event(event: str) -> str:
    return QCoreApplication.translate(CONTEXT, EVENTS[event]) if event in EVENTS else event


def _action(action: str) -> str:
    return QCoreApplication.translate(CONTEXT, ACTIONS.get(action, DO_THIS))
