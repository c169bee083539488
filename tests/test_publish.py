"""The public portfolio: what goes in, what stays private, and the message when it is empty."""

from __future__ import annotations

import json
from datetime import date

import pytest

from diyphd.__main__ import main
from diyphd.learner import publish, research_log

CLAIMS = {
    "question": "Does batch normalization help on raw inputs?",
    "declared_on": "2026-12-01",
    "kill_criterion": "stop if refuted",
    "claims": [
        {
            "id": "H1",
            "hypothesis": "BN raises accuracy | by 5 points",
            "threshold": 0.05,
            "decision_rule": "95 % CI above the threshold",
        }
    ],
}


def workspace_with_work(root):
    """A workspace with a draft, an image beside it, a claims file and an unrelated notebook."""
    (root / "capstone").mkdir(parents=True)
    (root / "capstone" / "followup_draft.md").write_text("# My draft\n\nSome results.\n")
    (root / "capstone" / "followup_sweep.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "capstone" / "followup_claims.json").write_text(json.dumps(CLAIMS))
    (root / "capstone" / "notes.md").write_text("# not a report\n")
    return root


def test_nothing_to_publish_is_said_plainly(tmp_path, gradebook_path):
    """Does an empty workspace and gradebook raise NothingToPublish with what to do next?"""
    with pytest.raises(publish.NothingToPublish, match="nothing to publish yet"):
        publish.collect(tmp_path / "workspace", gradebook_path)


def test_cli_on_an_empty_workspace_exits_1_with_the_message(tmp_path, capsys, gradebook_path):
    """Does `diyphd publish` say so and exit 1, building nothing, when there is nothing?"""
    assert main(["publish", "--workspace", str(tmp_path), "--out", str(tmp_path / "out")]) == 1
    assert "nothing to publish yet" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_reports_claims_and_log_digest_go_in(tmp_path, gradebook_path):
    """Are the draft, the claims table and the week's digest pages, and other notes left out?"""
    research_log.add(
        research_log.Entry(date(2026, 12, 1), "pilot", question="BN on raw?", result="a big gain"),
        gradebook_path,
    )
    p = publish.collect(workspace_with_work(tmp_path), gradebook_path)
    assert list(p.pages) == ["index.md", "report_01.md", "claims.md", "log.md"]
    assert "# My draft" in p.pages["report_01.md"]
    assert "BN raises accuracy / by 5 points" in p.pages["claims.md"]  # a pipe cannot break it
    assert "BN on raw?" in p.pages["log.md"] and "a big gain" in p.pages["log.md"]
    assert [a.name for a in p.assets] == ["followup_sweep.png"]
    assert "not a report" not in "".join(p.pages.values())


def test_private_entries_and_scores_stay_out_unless_asked(tmp_path, gradebook_path):
    """Is a #private log entry left out by default and included with include_private?"""
    research_log.add(
        research_log.Entry(date(2026, 12, 1), "#private stuck, SECRET"), gradebook_path
    )
    research_log.add(research_log.Entry(date(2026, 12, 2), "public step"), gradebook_path)
    public = publish.collect(tmp_path, gradebook_path)
    assert "SECRET" not in "".join(public.pages.values())
    assert "1 entries" in public.pages["log.md"]
    private = publish.collect(tmp_path, gradebook_path, include_private=True)
    assert "2 entries" in private.pages["log.md"]


def test_only_private_entries_is_nothing_to_publish(tmp_path, gradebook_path):
    """Does a log holding only private entries count as nothing to publish?"""
    research_log.add(research_log.Entry(date(2026, 12, 1), "#private only"), gradebook_path)
    with pytest.raises(publish.NothingToPublish):
        publish.collect(tmp_path, gradebook_path)
