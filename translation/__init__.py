"""Offline English↔French machine translation: model packages and the translation engine.

Never imports PySide6. Heavy libraries (CTranslate2, SentencePiece, argostranslate,
httpx, MiniSBD) are imported only when a model is loaded or a package installed.
"""

from .engine import NothingToTranslate, Segment, Translation, TranslationError, Translator
from .packages import BundleReport, InstalledPackage, PackageError

__all__ = [
    "BundleReport",
    "InstalledPackage",
    "NothingToTranslate",
    "PackageError",
    "Segment",
    "Translation",
    "TranslationError",
    "Translator",
]
