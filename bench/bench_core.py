"""Benchmark: validating the example intake versus checking it.

Prints the median cost of each part over many rounds, and their ratio. The target
(issue 2): the check costs no more than validating its input (ratio <= 1.0).

    .venv/bin/python -m bench.bench_core [--rounds 2000]
"""

from __future__ import annotations

import argparse
import copy
import statistics
import time
from datetime import date

from smi_core import IntakeAnswers, check_eligibility
from smi_core.examples import example_intake
from smi_core.i18n import translations

EXAMPLE = example_intake()


def _median_ns(rounds: int, work: object) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter_ns()
        work()  # type: ignore[operator]
        samples.append(time.perf_counter_ns() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2000)
    args = parser.parse_args()
    on = date(2026, 11, 22)
    data = copy.deepcopy(EXAMPLE)
    answers = IntakeAnswers.model_validate(data)
    for locale in ("nl", "en"):
        translations(locale)  # catalogs are loaded once per process, not per check
        check_eligibility(answers, on, locale=locale)

    validate = _median_ns(args.rounds, lambda: IntakeAnswers.model_validate(data))
    results = {}
    for locale in ("nl", "en"):
        results[locale] = _median_ns(
            args.rounds, lambda loc=locale: check_eligibility(answers, on, locale=loc)
        )

    print(f"rounds: {args.rounds}")
    print(f"validate (IntakeAnswers.model_validate): median {validate / 1000:8.1f} us")
    for locale, value in results.items():
        ratio = value / validate
        verdict = "OK" if ratio <= 1.0 else "ABOVE TARGET"
        print(
            f"check_eligibility locale={locale}:        median {value / 1000:8.1f} us  "
            f"ratio check/validate {ratio:5.2f}  (target <= 1.00: {verdict})"
        )


if __name__ == "__main__":
    main()
