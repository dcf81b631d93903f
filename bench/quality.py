"""Translation quality of a real Argos package on NTREX-128 (English → Canadian French).

Usage: .venv/bin/python bench/quality.py PACKAGE.argosmodel [--limit N] [--write]

Installs the package into a throwaway folder through Tandem's own validated
installer, translates the NTREX-128 English source (newstest2019, 1,997
segments) with Tandem's engine, and scores BLEU and chrF with sacrebleu
against the Canadian French reference. Data: ../shared/data/mt-eval-ntrex128
(CC BY-SA 4.0), read in place; never copied into the project.

No real package can be downloaded on the machine where Tandem was built, so
bench/RESULTS.md has no quality row until someone runs this with one; a
random-weight test package scores ~0 and only shows that the pipeline works.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = Path(os.environ.get("TANDEM_NTREX_DIR", ROOT.parent / "shared" / "data" / "mt-eval-ntrex128"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path, help="an en→fr .argosmodel file")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N segments")
    parser.add_argument("--write", action="store_true", help="append the result to bench/RESULTS.md")
    args = parser.parse_args()

    import sacrebleu

    from translation import packages
    from translation.engine import Translator

    sources = (DATA / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    references = (DATA / "newstest2019-ref.fra-CA.txt").read_text(encoding="utf-8").splitlines()
    if args.limit:
        sources, references = sources[:args.limit], references[:args.limit]
    with tempfile.TemporaryDirectory() as folder:
        installed = packages.install_archive(args.package, Path(folder))
        if installed.pair != ("en", "fr"):
            parser.error(f"{args.package.name} translates {installed.pair}, not en→fr")
        translator = Translator(Path(folder), cache_size=0)
        started = time.perf_counter()
        hypotheses = [translator.translate(line, "en", "fr").text if line.strip() else ""
                      for line in sources]
        seconds = time.perf_counter() - started
    bleu = sacrebleu.corpus_bleu(hypotheses, [references])
    chrf = sacrebleu.corpus_chrf(hypotheses, [references])
    report = (f"## Translation quality\n\nCommand: `.venv/bin/python bench/quality.py "
              f"{args.package.name}{f' --limit {args.limit}' if args.limit else ''} --write`. "
              f"Package {installed.name} {installed.version}; NTREX-128 newstest2019, "
              f"{len(sources)} segments, English → Canadian French reference; Tandem engine "
              f"(beam {translator.beam_size}).\n\n| metric | score |\n|---|---:|\n"
              f"| BLEU | {bleu.score:.1f} |\n| chrF | {chrf.score:.1f} |\n"
              f"| segments per second | {len(sources) / seconds:.1f} |\n")
    print(report)
    if args.write:
        results = ROOT / "bench" / "RESULTS.md"
        text = results.read_text(encoding="utf-8")
        head, _, rest = text.partition("## Translation quality\n")
        tail = rest[rest.find("\n## "):] if "\n## " in rest else ""
        results.write_text(head.rstrip() + "\n\n" + report + tail, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
