"""Tandem's Qt layer: the only package that imports PySide6.

It is deliberately thin. Domain rules live in ``desktop.core`` (no Qt there);
this package holds models/views over the core's plain values, signals, and
the workers that keep every slow call (disk, counting, translation, network)
off the GUI thread:

* ``tasks``       single-worker storage executor and latest-wins workers
* ``backend``     storage + network workers, latest-wins reads; the one ``operation_executed``
* ``post_list``   the paged post list (100 000 posts) with state filter + search
* ``editor``      one language's editor, history, counters and banners
* ``main_window`` the window that composes them, with extension points
* ``analysis``    counts and checks of one editor's text (worker thread, no Qt)
* ``operations/`` every storage/network operation the window runs (worker threads, no Qt)
* ``widgets``     small shared widgets (counter bar, banners)
* ``translator_worker`` the shared translator: warm-up, provisioning, installs
* ``suggestions`` live ghost suggestions and the Suggest action
* ``qa_panel``    QA findings between the two versions, with one-click fixes
* ``models_dialog`` installing and removing language packages
* ``review_queue`` the translator's queue: sign off or reject each language
* ``approvals_panel`` the approval chain of the current post; approve
* ``publishing/`` preflight, confirmation, publish, schedule, retry, retract, targets
* ``tray``        notifications of what waits for the current user
* ``settings_dialog`` accounts, default targets, settings locked by the policy
* ``i18n``        English/French interface switching
* ``app``         ``run_app(db)``, the entry point ``tandem`` calls
"""
