#!/usr/bin/env python3
"""Screenshots of the main window in English and French, for docs/screenshots/.

    .venv/bin/python scripts/screenshots.py            # → docs/screenshots/main-{en,fr}.png
    .venv/bin/python scripts/screenshots.py --out DIR

Runs the real window on a throw-away demo store (bilingual Government of
Canada blog headlines from tests/data/gc-posts, Canadian Digital Service,
MIT licence) under Xvfb with Qt's xcb platform, as a person would see it, and
grabs it with QWidget.grab(). Without a display it re-runs itself under
``xvfb-run``. Debian packages it needs:

    apt-get install -y xvfb fonts-dejavu-core libxcb-icccm4 libxcb-keysyms1 \\
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
SIZE = (1440, 860)
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
    from desktop.core.session import open_session

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


def settle(app, window, seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for editor in window.editors.values():
            editor.flush_analysis()
        window.backend.wait_idle()
        window.analysis_runner.wait_idle()
        app.processEvents()
        time.sleep(0.02)


def capture(out: Path) -> None:
    from PySide6.QtCore import QSettings

    from desktop.core.model import Lang
    from desktop.core.session import open_session
    from desktop.ui.app import create_application
    from desktop.ui.i18n import LanguageManager
    from desktop.ui.main_window import MainWindow

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
    window = MainWindow(session, settings, languages)
    window.resize(*SIZE)
    window.show()
    window.start()
    settle(app, window)
    window.open_post(post_id)
    settle(app, window)
    window.editor(Lang.EN).editor.setFocus()
    window.post_list.table.scrollToTop()
    settle(app, window)
    out.mkdir(parents=True, exist_ok=True)
    for code in ("en", "fr"):
        languages.set_language(code)
        settle(app, window)
        target = out / f"main-{code}.png"
        if not window.grab().save(str(target)):
            sys.exit(f"could not write {target}")
        print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target} "
              f"({app.platformName()})")
    window.close()
    session.close()
    shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.inner and not os.environ.get("DISPLAY"):
        if shutil.which("xvfb-run"):
            command = ["xvfb-run", "-a", "-s", f"-screen 0 {SIZE[0] + 160}x{SIZE[1] + 140}x24",
                       sys.executable, __file__, "--inner", "--out", str(args.out)]
            return subprocess.call(command, env=dict(os.environ, QT_QPA_PLATFORM="xcb"))
        print("xvfb-run not found (apt-get install -y xvfb): using the offscreen platform",
              file=sys.stderr)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    capture(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
