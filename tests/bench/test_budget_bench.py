"""`mmrouter bench --budget` and `--needs-parse` run and report their figures."""

from __future__ import annotations

import json

from mmrouter.cli import main


def test_budget_scenario_reports_share_and_kept_requests(tmp_path, capsys):
    report_path = tmp_path / "budget.json"
    assert main(["bench", "--budget", "--budget-requests", "16000", "--report",
                 str(report_path), "--json"]) == 0
    out = capsys.readouterr().out
    assert "within ±3 points: True" in out
    report = json.loads(report_path.read_text())["budget"]
    assert json.loads(out.strip().splitlines()[-1]) == report
    controller, baseline = report["controller"], report["random"]
    assert controller["needed_strong"] == baseline["needed_strong"] > 0
    assert controller["kept_strong"] > baseline["kept_strong"]


def test_needs_parse_timing_prints_each_body(capsys):
    assert main(["bench", "--needs-parse", "--json"]) == 0
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert set(report) == {"short", "20_turns", "one_image_300kb", "8_tools"}
    assert all(r["needs_us"] > 0 and r["json_loads_us"] > 0 for r in report.values())
