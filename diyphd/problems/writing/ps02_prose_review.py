"""Problem set 2 of writing: prose and peer review.

Notebook: ``exercises/writing/ps02_prose_review.ipynb``; lessons
``notebooks/writing/04_claims_evidence.ipynb`` and ``notebooks/writing/05_peer_review.ipynb``.
"""

from __future__ import annotations

import numpy as np
from scipy import integrate, stats

from diyphd.learner.grading import ChoiceQuestion, ValueQuestion, register
from diyphd.writing.questions import ProseQuestion

#: Question 1's paragraph to revise (made up; the method and numbers are invented).
FLAWED_PARAGRAPH = (
    "It is widely believed that pruning hurts accuracy. In this paper a very simple pruning rule "
    "is presented which removes most of the weights of a ResNet-18 and achieves state-of-the-art "
    "accuracy on CIFAR-10. The pruned model is significantly faster and reaches 0.93 on the "
    "benchmark."
)

#: Facts the revision may use: the pruned network keeps one weight in ten.
PRUNING_FACTS = {
    "pruned accuracy (%)": (93.0, 0.3),
    "dense accuracy (%)": (93.4, 0.2),
    "inference speed-up (times)": (1.8, 0.1),
    "seeds": 5,
}

REVISED_PARAGRAPH = (
    "Pruning often costs accuracy. We present magnitude pruning with one rewind step, a rule that "
    "keeps one weight in ten of a ResNet-18. On CIFAR-10 the pruned network reaches 93.0 % ± 0.3 % "
    "test accuracy (mean ± std over five seeds), against 93.4 % ± 0.2 % for the dense network. It "
    "runs inference 1.8 ± 0.1 times faster on one CPU core. We have tested only one architecture "
    "and one data set, so the rule may fail on larger models."
)

# 1. revise a paragraph until the prose checker passes (text, self-scored)
register(
    ProseQuestion(
        id="writing.ps02.revise_paragraph",
        title="Revise a flawed paragraph",
        reference=REVISED_PARAGRAPH,
        min_words=40,
        max_words=120,
        required={
            "the accuracy with its spread": (
                r"accuracy",
                r"\d\s*%?\s*±\s*\d|\bstd\b|standard (deviation|error)|confidence interval",
            ),
            "the number of seeds": (
                r"(over|across|with|from|of)\s+(\d+|two|three|four|five|six|ten)\s+(random\s+)?seeds",
            ),
            "the speed-up with its spread": (r"faster|speed-?up", r"±|\bstd\b|standard dev"),
            "what was not tested": (
                r"tested|only|single",
                r"architecture|model|data ?set|benchmark",
            ),
        },
        rubric={
            "evidence": (1.0, "every claim carries its number with a spread, or is cut"),
            "scope": (1.0, "the paragraph says what was not tested (one model, one data set)"),
        },
        points=2,
        hint="Cut 'widely believed' and 'very', say 'we present', and replace 'state-of-the-art' "
        "and 'significantly' by the numbers with their spreads from PRUNING_FACTS.",
        wrong_answers={
            "the original": FLAWED_PARAGRAPH,
            "too short": "Pruning keeps 93.0 % ± 0.3 % accuracy over five seeds.",
            "numbers without spread": (
                "Pruning often costs accuracy. We present magnitude pruning with one rewind step, "
                "a rule that keeps one weight in ten of a ResNet-18. On CIFAR-10 the pruned "
                "network reaches 93.0 % test accuracy against 93.4 % for the dense network, and it "
                "runs inference 1.8 times faster. We have tested only one architecture and one "
                "data set with five seeds."
            ),
        },
    )
)

REVIEW_WEAKNESSES = (
    "The authors chose the learning rate of each optimizer by its accuracy on the test set. The "
    "reported accuracy is therefore the maximum of four noisy test scores and overstates what a "
    "new run would give; please select the learning rate on a validation split. The authors ran "
    "each optimizer with one seed, so the reported gap cannot be told from seed-to-seed noise; "
    "please report at least five seeds with a 95 % confidence interval. The only baseline is "
    "plain stochastic gradient descent without momentum or schedule. Please add momentum with a "
    "cosine schedule, and Adam, each tuned with the same budget. Finally, the claim that the "
    "method removes tuning for “any deep network” rests on one network and one data set; please "
    "restrict it to the setting tested."
)

# 2. the weaknesses paragraph of a review (text, self-scored)
register(
    ProseQuestion(
        id="writing.ps02.review_weaknesses",
        title="The weaknesses of the LookAround-SGD excerpt",
        reference=REVIEW_WEAKNESSES,
        min_words=60,
        max_words=220,
        required={
            "test-set tuning": (
                r"test set|test split|test data",
                r"learning rate|tun|select|chose",
            ),
            "one seed": (r"\b(one|single|a)\s+seed\b", r"optimi[sz]er|method|run|each"),
            "more seeds as the fix": (r"(at least|several|more|five|\d+)\s+seeds",),
            "a weak baseline": (r"baselines?", r"momentum|schedule|adam|tuned|stronger|sgd"),
            "the overclaim": (
                r"any (deep )?network|overclaim|generali[sz]|restrict|narrow|one network",
                r"claim",
            ),
        },
        rubric={
            "specific": (1.0, "each weakness says where in the excerpt it is"),
            "actionable": (1.0, "each weakness says what experiment or rewrite would fix it"),
        },
        points=2,
        hint="Name all four planted flaws (test-set tuning, one seed, weak baseline, overclaim), "
        "each with the fix, in sentences the prose checker passes.",
        wrong_answers={
            "vague": (
                "The paper is very interesting but the experiments are clearly not convincing "
                "and the results are not significant. More work is needed before the claims can "
                "be accepted, and the writing could be improved in various places."
            ),
            "two flaws only": (
                "The authors chose the learning rate on the test set, which overstates the "
                "accuracy; please use a validation split. They also ran one seed per optimizer, "
                "so the gap may be noise; please report at least five seeds with a confidence "
                "interval and say how it was computed."
            ),
        },
    )
)

# 3. the planted flaws (multiple choice)
register(
    ChoiceQuestion(
        id="writing.ps02.planted_flaws",
        title="The planted flaws",
        options={
            "a": "The learning rate is selected by accuracy on the test set.",
            "b": "Each optimizer is run with a single seed.",
            "c": "The only baseline is SGD without momentum or a schedule.",
            "d": "One network on one data set supports a claim about any deep network.",
            "e": "A batch size of 128 is too small for CIFAR-10.",
            "f": "Training for 100 epochs is too short to compare optimizers.",
        },
        reference={"a", "b", "c", "d"},
        explanations={
            "a": "test-set tuning reports the best of four noisy test scores: optimistic",
            "b": "one run per method gives no spread, so the gap may be noise",
            "c": "a reader expects tuned SGD with momentum and a schedule, or Adam",
            "d": "the claim reaches far beyond the single setting tested",
            "e": "128 is a standard batch size for CIFAR-10; nothing in the excerpt depends on it",
            "f": "100 epochs is a common budget for a ResNet-18 on CIFAR-10",
        },
        points=2,
        hint="Ask of each choice: does it change what the paper may claim? "
        "Standard settings do not.",
        wrong_answers={
            "two only": ["a", "b"],
            "with a distractor": ["a", "b", "c", "d", "e"],
            "every option": ["a", "b", "c", "d", "e", "f"],
        },
    )
)

# 4. the fix for test-set tuning (single choice)
register(
    ChoiceQuestion(
        id="writing.ps02.fix_tuning",
        title="Removing the optimism of test-set tuning",
        options={
            "a": "Select the learning rate on a validation split and report the test score of "
            "that choice once.",
            "b": "Use a larger test set and keep selecting on it.",
            "c": "Report the best test score over several seeds as well.",
            "d": "Try fewer learning rates on the test set.",
        },
        reference="a",
        explanations={
            "a": "the test noise of the chosen configuration is then independent of the choice",
            "b": "a larger test set shrinks σ and the optimism with it, but the bias stays",
            "c": "a maximum over seeds adds a second optimistic selection",
            "d": "fewer tries lower c_k but do not remove it unless k = 1",
        },
        points=1,
        hint="The bias comes from choosing with the same noise you report.",
        wrong_answers={"larger test set": "b", "fewer tries": "d"},
    )
)


# 5. the optimism of the best of eight (value)
def expected_max_normal(k: int) -> float:
    """E[max of k standard normals], by quadrature of z k φ(z) Φ(z)^(k-1)."""
    f = lambda z: z * k * stats.norm.pdf(z) * stats.norm.cdf(z) ** (k - 1)  # noqa: E731
    return float(integrate.quad(f, -np.inf, np.inf)[0])


register(
    ValueQuestion(
        id="writing.ps02.optimism",
        title="The optimism of the best of eight",
        reference=0.5 * expected_max_normal(8),
        rtol=0.02,
        points=1,
        hint="The expected maximum of k draws from N(μ, σ²) is μ + c_k σ; "
        "compute c_8 by quadrature "
        "or by simulation with many repeats.",
        wrong_answers={
            "sqrt(2 ln k) bound": 0.5 * float(np.sqrt(2 * np.log(8))),
            "sigma": 0.5,
            "c_4": 0.5 * expected_max_normal(4),
        },
    )
)

# 6. a refutable contribution (single choice)
register(
    ChoiceQuestion(
        id="writing.ps02.refutable",
        title="A refutable contribution",
        options={
            "a": "We explore the role of warm restarts in training deep networks.",
            "b": "We provide new insights into learning-rate schedules (Section 4).",
            "c": "We show that one warm restart matches a tuned schedule within 0.3 % accuracy "
            "on three benchmarks (Section 4, Table 1).",
            "d": "We show that warm restarts are the best schedule.",
        },
        reference="c",
        explanations={
            "a": "an activity, not a claim: nothing could show it false",
            "b": "'insights' names no outcome, despite the forward reference",
            "c": "a checkable comparison with its size and a pointer to the evidence",
            "d": "a claim, but with no size, scope or pointer to its evidence",
        },
        points=1,
        hint="A contribution is refutable when an experiment could contradict it, and it should "
        "point to where the evidence is.",
        wrong_answers={"explore": "a", "unsupported best": "d"},
    )
)
