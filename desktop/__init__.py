"""Tandem desktop application: bilingual posting desk (core, publishing, UI, CLI)."""

__version__ = "0.1.0"
