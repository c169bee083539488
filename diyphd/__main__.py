"""``python -m diyphd <verb>``; the verbs live in :mod:`diyphd.learner.cli`."""

from __future__ import annotations

import sys

from diyphd.learner.cli import main

if __name__ == "__main__":
    sys.exit(main())
