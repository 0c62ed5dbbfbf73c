"""The README's two commands are the ones CI and a newcomer run."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _bash_blocks(text: str) -> list[str]:
    return [b.strip() for b in re.findall(r"```bash\n(.*?)```", text, re.S)]


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = _bash_blocks(readme)
    test_command = next(b for b in blocks if "pytest" in b)
    assert "\n" not in test_command, "the test command is one line"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines(), f"{test_command!r} is not a line of .ci/run"


def test_readme_quick_start_audits_a_bundled_sample() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    main = _bash_blocks(readme)[0]
    sample = re.search(r"fzgap analyze (\S+)", main)
    assert main.startswith(("pip install .", 'pip install ".')) and sample is not None
    assert (ROOT / sample.group(1)).is_file()
