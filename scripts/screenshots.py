#!/usr/bin/env python3
"""Screenshots of every screen in English and French at 1366 × 768, for docs/screenshots/.

    .venv/bin/python scripts/screenshots.py            # → docs/screenshots/*-{en,fr}.png
    .venv/bin/python scripts/screenshots.py --out DIR

What is taken, each in English and in French: the main window on a long post
with each side tab (``main-…``, ``approvals-…``, ``publishing-…``, ``preview-…``),
a live suggestion (``suggestion-…``), the review queue, and every screen the
window opens from its menus (Tools, My tasks, settings, language packages,
keyboard shortcuts, guide), named after the screen (``users_roles-fr.png``…).
The window is built by ``desktop.ui.app.install_all``, as ``tandem`` builds it,
so a new screen is photographed without touching this script.

Runs the real window on a throw-away demo store (bilingual Government of
Canada blog headlines from tests/data/gc-posts, Canadian Digital Service,
MIT licence) under Xvfb with Qt's xcb platform, as a person would see it, and
grabs it with QWidget.grab(). Without a display it re-runs itself under
``xvfb-run``. On Debian it installs the packages it needs when they are missing
(``DEBIAN_PACKAGES``, with apt-get, as root or through sudo):

    apt-get install -y xvfb xauth fonts-dejavu-core libxcb-icccm4 libxcb-keysyms1 \\
        libxcb-cursor0 libxkbcommon-x11-0 libxcb-image0 libxcb-render-util0 libxcb-shape0

If xvfb-run is missing it falls back to the offscreen platform (same widgets
and fonts; no window-manager frame either way, as grab() takes the window's
contents).
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TSV_CANDIDATES = [ROOT / "tests" / "data" / "gc-posts" / "cds-headline-pairs.tsv",
                  ROOT.parent / "shared" / "data" / "gc-posts" / "cds-headline-pairs.tsv"]
#: The laptop screen the issue asks Tandem to fit (the window is that size, frame aside).
SIZE = (1366, 768)
#: translationKeys of the demo posts, oldest first; the last one is opened. Its
#: French is 286 of X's 280 weighted characters: the screenshot shows a counter over.
DEMO = ["blog-100-weeks-get-updates", "VAC-distributed-interview", "blog-inclusive-spaces",
        "blog-ceo-job-search", "blog-ecrire-inclusivite", "blog-get-covid-updates",
        "blog-growing-service", "blog-notify-beta"]


def load_pairs() -> dict[str, dict[str, tuple[str, str]]]:
    path = next((p for p in TSV_CANDIDATES if p.exists()), None)
    if path is None:
        sys.exit("gc-posts data not found (tests/data/gc-posts/cds-headline-pairs.tsv)")
    pairs: dict[str, dict[str, tuple[str, str]]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            pairs.setdefault(row["translationKey"], {})[row["field"]] = (
                row["en"].replace("&nbsp;", "\u00a0"), row["fr"].replace("&nbsp;", "\u00a0"))
    return pairs


def build_demo_store(db: Path) -> int:
    """A store with a few realistic posts; returns the id of the one to show."""
    from desktop.core.model import Lang, Origin, PostState, Span
    from desktop.app.session import open_session

    pairs = load_pairs()
    session = open_session(db)
    try:
        post_id = 0
        for key in DEMO:
            en, fr = pairs[key]["description"]
            title = pairs[key].get("title", (key, key))[0][:60]
            post_id = session.posts.create(en=en, fr="", title=title).post.id
            if key == DEMO[-1]:
                # The shown post: French drafted by machine translation, then
                # edited by a person (the published wording); English fixed once.
                draft = fr.replace("Suite au développement", "Après le développement")
                session.posts.edit(post_id, Lang.FR, draft, origin=Origin.MACHINE,
                                   spans=(Span(0, len(draft), Origin.MACHINE, {"model": "demo"}),))
                session.posts.edit(post_id, Lang.FR, fr)
                session.posts.edit(post_id, Lang.EN, en.replace("meaning its", "meaning it’s"))
            else:
                session.posts.edit(post_id, Lang.FR, fr)
        for index, row in enumerate(session.posts.list(limit=len(DEMO))):
            if index in (3, 5):
                session.store.set_post_state(row["id"], PostState.PUBLISHED)
            elif index == 4:
                session.store.set_post_state(row["id"], PostState.IN_REVIEW)
        return post_id
    finally:
        session.close()


# The suggestion shot: English edited (new date) over a machine French draft; translation
# memory has the new pair, so the ghost shows real French without any model installed.
SUGGESTION_EN = ("Apply for the Canada Dental Care Plan by {date}. Most residents without dental "
                 "insurance and with a family income under $90,000 can apply.")
SUGGESTION_FR = ("Présentez une demande au Régime canadien de soins dentaires d’ici le {date}. "
                 "La plupart des résidents sans assurance dentaire dont le revenu familial est "
                 "inférieur à 90\u00a0000\u00a0$ peuvent présenter une demande.")


def build_suggestion_post(session) -> int:
    """A post whose French is an earlier machine suggestion, and the memory pair for the
    edited English."""
    from desktop.core.clock import now_iso
    from desktop.core.model import Lang, Origin, Span

    old_fr = SUGGESTION_FR.format(date="31 mars 2026")
    post_id = session.posts.create(en=SUGGESTION_EN.format(date="March 31, 2026"),
                                   title="Dental care: new deadline").post.id
    session.posts.edit(post_id, Lang.FR, old_fr, origin=Origin.MACHINE, spans=(
        Span(0, len(old_fr), Origin.MACHINE, {"model": "translate-en_fr-1_9",
                                               "model_version": "1.9"}),))
    unit = {"source_lang": "en", "en": SUGGESTION_EN.format(date="April 30, 2026"),
            "fr": SUGGESTION_FR.format(date="30 avril 2026"), "origin": "tmx",
            "source_ref": "dental-care.tmx", "created_at": now_iso(), "en_tag": "en-CA",
            "fr_tag": "fr-CA", "meta": ""}
    session.store.add_tm_units([unit], session.user)
    return post_id


def settle(app, window, seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for editor in window.editors.values():
            editor.flush_analysis()
        window.backend.wait_idle()
        window.analysis_runner.wait_idle()
        app.processEvents()
        time.sleep(0.02)


def start_window(app, session, settings, languages, appearance=None):
    """The window as ``tandem`` builds it (every feature), shown at SIZE and started."""
    from desktop.ui.app import install_all
    from desktop.ui.main_window import MainWindow

    window = MainWindow(session, settings, languages)
    everything = install_all(window, appearance)
    window.resize(*SIZE)
    window.show()
    window.start()
    settle(app, window)
    return window, everything


#: Side panels' file names (by the panel's object name).
SIDE_SHOTS = {"qa_panel": "main", "publish_panel": "publishing", "media_panel": "preview"}


def capture(out: Path) -> None:
    """The main window on a long post with each side tab, and a live suggestion."""
    from PySide6.QtCore import QSettings

    from desktop.core.model import Lang
    from desktop.app.session import open_session
    from desktop.ui.app import create_application
    from desktop.ui.i18n import LanguageManager

    work = Path(tempfile.mkdtemp(prefix="tandem-shots-"))
    os.environ.update(XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"),
                      TANDEM_POLICY=str(work / "no-policy.toml"), TANDEM_USER="m.tremblay")
    db = work / "demo.sqlite3"
    post_id = build_demo_store(db)
    app = create_application()
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    languages = LanguageManager(settings)
    languages.set_language("en")
    session = open_session(db)
    window, everything = start_window(app, session, settings, languages)
    window.open_post(post_id)
    settle(app, window)
    window.editor(Lang.EN).editor.setFocus()
    window.post_list.table.scrollToTop()
    settle(app, window)
    out.mkdir(parents=True, exist_ok=True)
    for code in ("en", "fr"):
        languages.set_language(code)
        settle(app, window)
        for index in range(window.side_tabs.count()):
            name = SIDE_SHOTS.get(window.side_tabs.widget(index).objectName())
            if name is None:
                continue  # approvals: from the workflow store, where a chain is waiting
            window.side_tabs.setCurrentIndex(index)
            settle(app, window)
            save(app, window, out / f"{name}-{code}.png")
    window.side_tabs.setCurrentIndex(0)

    # A live suggestion (ghost) in the French pane: the English date changed, and the
    # translation memory has the new pair.
    suggestions = everything.translation.suggestions
    post_id = build_suggestion_post(session)
    window.post_list.refresh()
    window.open_post(post_id)
    settle(app, window)
    english = window.editor(Lang.EN)
    for code, date in (("en", "April 30, 2026"), ("fr", "March 31, 2026"),
                       ("fr", "April 30, 2026")):
        languages.set_language(code)
        english.editor.setFocus()
        english.replace_text(SUGGESTION_EN.format(date=date))
        deadline = time.monotonic() + 30
        while date.startswith("April") and suggestions.ghost() is None \
                and time.monotonic() < deadline:
            settle(app, window, 0.2)
        settle(app, window)
        if date.startswith("April"):
            save(app, window, out / f"suggestion-{code}.png")
    languages.set_language("en")  # its French translator would outlive this manager
    window.close()
    session.close()
    shutil.rmtree(work, ignore_errors=True)


# The workflow shots: a desk of four people on one store (each with a session of their own).
WORKFLOW_CHAIN = """
[[steps]]
name = "Program"

[[steps]]
name = "Communications"
"""
#: translationKeys of the posts waiting for review (French drafted by machine translation).
REVIEW_DEMO = ["blog-notify-beta", "blog-growing-service", "blog-get-covid-updates"]
APPROVAL_DEMO = "blog-100-weeks-get-updates"


def session_as(db: Path, user: str):
    from desktop.app.session import open_session

    os.environ["TANDEM_USER"] = user
    return open_session(db)


def build_workflow_store(db: Path) -> int:
    """a.roy writes; m.tremblay translates; d.singh approves Program, j.chen Communications.
    Returns the post waiting for j.chen at Communications (an older approval voided)."""
    from desktop.core.model import Lang, Origin, Span

    pairs = load_pairs()
    author = session_as(db, "a.roy")
    author.approvals.set_chain(WORKFLOW_CHAIN, "toml")
    for user, role in (("m.tremblay", "translator"), ("d.singh", "approver:program"),
                       ("j.chen", "approver:communications")):
        author.roles.grant(user, role)
    translator, program = session_as(db, "m.tremblay"), session_as(db, "d.singh")
    try:
        en, fr = pairs[APPROVAL_DEMO]["description"]
        title = pairs[APPROVAL_DEMO].get("title", (APPROVAL_DEMO, ""))[0][:60]
        approval = author.posts.create(en=en, fr=fr, title=title).post.id
        for lang in Lang:
            translator.review.sign(approval, lang)
        program.approvals.approve(approval, comment="Program facts checked.")
        # A correction voids that approval; the pair goes through review and Program again.
        author.posts.edit(approval, Lang.EN, en.replace("100 weeks", "one hundred weeks"))
        translator.review.sign(approval, Lang.EN, comment="Number spelled out, as in French.")
        program.approvals.approve(approval, comment="Still accurate after the correction.")
        for key in REVIEW_DEMO:
            en, fr = pairs[key]["description"]
            title = pairs[key].get("title", (key, ""))[0][:60]
            post_id = author.posts.create(en=en, title=title).post.id
            machine = fr.replace("Suite au", "Après le").replace("afin de", "pour")
            author.posts.edit(post_id, Lang.FR, machine, origin=Origin.MACHINE,
                              spans=(Span(0, len(machine), Origin.MACHINE, {"model": "demo"}),))
            if key == REVIEW_DEMO[0]:
                translator.posts.edit(post_id, Lang.FR, fr)  # the translator's fix
        return approval
    finally:
        for session in (author, translator, program):
            session.close()


def screen_actions(window, everything):
    """The menu actions that open a screen of their own (as tests/ui/test_fit.py opens them)."""
    owners = [*everything.tools.all_screens(), everything.workflow.review_queue,
              everything.workflow.settings, everything.translation.models]
    return [action for owner in owners for action in owner.feature_actions()] + [
        window.shortcuts_action, window.guide_action]


def capture_workflow(out: Path) -> None:
    """A desk of four on one store: the review queue (a translator's), the approvals
    panel (an approver's) and every screen of the menus (the admin's), in each language."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from desktop.core.model import Lang
    from desktop.ui.app import create_application
    from desktop.ui.appearance import Appearance
    from desktop.ui.i18n import LanguageManager

    work = Path(tempfile.mkdtemp(prefix="tandem-shots-workflow-"))
    os.environ.update(XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"),
                      TANDEM_POLICY=str(work / "no-policy.toml"))
    db = work / "workflow.sqlite3"
    approval = build_workflow_store(db)
    app = create_application()
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    languages = LanguageManager(settings)
    out.mkdir(parents=True, exist_ok=True)

    # m.tremblay's review queue.
    session = session_as(db, "m.tremblay")
    window, everything = start_window(app, session, settings, languages)
    queue = everything.workflow.review_queue
    for code in ("en", "fr"):
        languages.set_language(code)
        queue.open()
        settle(app, window)
        queue.list.setCurrentRow(0)
        queue.panes[Lang.FR].comment_edit.setFocus()
        settle(app, window)
        save(app, queue, out / f"review-queue-{code}.png")
        queue.close()
    window.close()
    session.close()

    # j.chen's window on the post waiting for Communications.
    session = session_as(db, "j.chen")
    window, everything = start_window(app, session, settings, languages)
    window.open_post(approval)
    settle(app, window)
    approvals = everything.workflow.approvals
    window.side_tabs.setCurrentWidget(approvals)
    window.resizeDocks([window.side_dock], [520], Qt.Orientation.Horizontal)
    approvals.comment_edit.setFocus()
    for code in ("en", "fr"):
        languages.set_language(code)
        settle(app, window)
        save(app, window, out / f"approvals-{code}.png")
    window.close()
    session.close()

    # a.roy (admin): every screen the menus open.
    session = session_as(db, "a.roy")
    window, everything = start_window(app, session, settings, languages, Appearance(settings))
    window.open_post(approval)
    settle(app, window)
    for code in ("en", "fr"):
        languages.set_language(code)
        settle(app, window)
        for action in screen_actions(window, everything):
            before = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
            action.trigger()
            settle(app, window)
            opened = [w for w in QApplication.topLevelWidgets()
                      if w.isVisible() and w not in before]
            for screen in opened:
                if screen.objectName() != "review_queue":  # taken with pairs waiting, above
                    save(app, screen, out / f"{screen.objectName()}-{code}.png")
                screen.close()
            settle(app, window, 0.1)
    window.close()
    session.close()
    shutil.rmtree(work, ignore_errors=True)


#: What the screenshots need from Debian on a fresh machine.
DEBIAN_PACKAGES = ("xvfb", "xauth", "fonts-dejavu-core", "libxcb-icccm4", "libxcb-keysyms1",
                   "libxcb-cursor0", "libxkbcommon-x11-0", "libxcb-image0",
                   "libxcb-render-util0", "libxcb-shape0")


def ensure_debian_packages() -> None:
    """Install the missing DEBIAN_PACKAGES with apt-get (as root, or through sudo)."""
    if not shutil.which("dpkg-query") or not shutil.which("apt-get"):
        return  # not Debian: the packages are the user's to provide (see the docstring)
    missing = [name for name in DEBIAN_PACKAGES if subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True,
        text=True).stdout.strip() != "install ok installed"]
    if not missing:
        return
    sudo = [] if os.geteuid() == 0 else (["sudo"] if shutil.which("sudo") else None)
    if sudo is None:
        print(f"missing Debian packages (install them as root): {' '.join(missing)}",
              file=sys.stderr)
        return
    print(f"installing {' '.join(missing)} with apt-get", file=sys.stderr)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends",
                    *missing], check=True, env=env)


def save(app, window, target: Path) -> None:
    if not window.grab().save(str(target)):
        sys.exit(f"could not write {target}")
    print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target} "
          f"({app.platformName()})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.inner:
        ensure_debian_packages()
    if not args.inner and not os.environ.get("DISPLAY"):
        if shutil.which("xvfb-run"):
            command = ["xvfb-run", "-a", "-s", f"-screen 0 {SIZE[0] + 160}x{SIZE[1] + 140}x24",
                       sys.executable, __file__, "--inner", "--out", str(args.out)]
            return subprocess.call(command, env=dict(os.environ, QT_QPA_PLATFORM="xcb"))
        print("xvfb-run not found (apt-get install -y xvfb): using the offscreen platform",
              file=sys.stderr)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    capture(args.out)
    capture_workflow(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
