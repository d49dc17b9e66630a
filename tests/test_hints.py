"""Validation hints that misled (issue 14): a month 13 was reported as "swap @from and @to"."""
from __future__ import annotations

from conftest import FIXTURES, ROOT

MINI = (FIXTURES / "valid" / "minimal.xml").read_text(encoding="utf-8").replace("../../../schema/",
                                                                               (ROOT / "schema").as_uri() + "/")


def test_month_13_is_not_an_order_problem(run_tools, tmp_path):
    doc = tmp_path / "m.xml"
    doc.write_text(MINI.replace('from="1921-03-08" to="1921-03-16"', 'from="1921-13-08" to="1921-03-16"'),
                   encoding="utf-8")
    result = run_tools("validate", doc)
    assert result.returncode == 1 and "there is no month 13" in result.stdout and "swap" not in result.stdout


def test_a_real_order_problem_is_still_reported(run_tools, tmp_path):
    doc = tmp_path / "m.xml"
    doc.write_text(MINI.replace('from="1921-03-08" to="1921-03-16"', 'from="1921-04-08" to="1921-03-16"'),
                   encoding="utf-8")
    result = run_tools("validate", doc)
    assert result.returncode == 1 and "swap them" in result.stdout
