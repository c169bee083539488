"""The capstone report: rules first, then a self-score against the reproduction and writing
checklists (``notebooks/capstone/``).

The report follows the ML Reproducibility Challenge's summary form: scope, methodology, results,
what was easy, what was difficult. The rules check that every part is there, that the verdicts
are stated and that uncertainty is reported; the rubric asks the learner to hold their own work
to the standards of themes 3 and 4.
"""

from __future__ import annotations

from diyphd.learner.grading import TextQuestion, register

REFERENCE = (
    "Scope. We test one claim of Ioffe and Szegedy (2015, Sec. 3.3): batch normalization lets a "
    "network train at a learning rate that makes the plain network diverge. "
    "Methodology. We trained a two-layer network with and without batch normalization on the "
    "digits data, swept the learning rate over seven values and ran five seeds each; the "
    "verdicts come from 95 % confidence intervals computed by code. "
    "Results. The claim is reproduced for stability: the plain network diverged at a learning "
    "rate of 3 while the normalized one did not. It is not reproduced for accuracy at the "
    "higher rate, which fell by 0.30 ± 0.08 against the baseline. "
    "What was easy. The protocol is short and runs in a minute on a laptop. "
    "What was difficult. The paper trains Inception on ImageNet, so our small network can "
    "only test the direction of the effect, not its size."
)

register(
    TextQuestion(
        id="capstone.thesis.report",
        title="The capstone report",
        reference=REFERENCE,
        min_words=120,
        max_words=900,
        sections=("Scope", "Methodology", "Results", "What was easy", "What was difficult"),
        required={
            # a verdict said of something: "the claim is reproduced", "Stability: reproduced"
            "a verdict on a claim": (
                r"\b\w+\s*(:|\bis\b|\bwas\b|\bare\b|\bwere\b)\s*(not\s+|partly\s+|only\s+partly\s+)?"
                r"(reproduced|inconclusive)\b",
            ),
            "an uncertainty with a number": (
                r"±|confidence intervals?|\bCI\b|standard error",
                r"\d",
            ),
            "the number of seeds": (
                r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(\w+\s+)?seeds?\b",
            ),
        },
        rubric={
            "claim": (1.0, "the claim is stated in my words with its source (figure or table)"),
            "protocol": (1.0, "the protocol follows the paper where it can; deviations are listed"),
            "statistics": (
                1.0,
                "at least five seeds, confidence intervals, verdicts computed from declared "
                "tolerances (not tuned after seeing the results)",
            ),
            "figure_table": (
                1.0,
                "the figure passes check_figure and the table comes from results_table",
            ),
            "honesty": (1.0, "limitations and failed claims are reported as plainly as successes"),
        },
        points=2,
        hint="Write the five parts of the summary form, each starting with its name "
        "(Scope, Methodology, Results, What was easy, What was difficult), and give your "
        "verdicts with their confidence intervals and the number of seeds.",
        wrong_answers={
            "no difficulties": REFERENCE.split(" What was difficult.")[0],
            "no uncertainty": REFERENCE.replace("0.30 ± 0.08", "0.30").replace(
                "95 % confidence intervals", "the mean"
            ),
            "too short": "Scope. Reproduced. Results: fine.",
        },
    )
)
