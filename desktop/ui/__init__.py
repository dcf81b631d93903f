"""Tandem's Qt layer: the only package that imports PySide6.

It is deliberately thin. Domain rules live in ``desktop.core`` (no Qt there);
this package holds models/views over the core's plain values, signals, and
the workers that keep every slow call (disk, counting, later translation and
network) off the GUI thread:

* ``tasks``       single-worker storage executor and latest-wins workers
* ``backend``     operations on the session; one ``operation_executed`` signal
* ``post_list``   the paged post list (100 000 posts) with state filter + search
* ``editor``      one language's editor, history, counters and banners
* ``main_window`` the window that composes them, with extension points
* ``i18n``        English/French interface switching
* ``app``         ``run_app(db)``, the entry point ``tandem`` calls
"""
