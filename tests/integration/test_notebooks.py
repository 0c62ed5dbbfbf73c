"""Both notebooks run top to bottom in a real Jupyter kernel, from the notebooks/ folder, and show
what the library computes; the committed files carry no outputs."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import nbformat
import pytest

import fzgap
from fzgap.analyze.batch import collect_inputs
from fzgap.model.areas import AREA_NAMES_ZH, AREAS

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
EXAMPLES = ROOT / "examples"
BOOKS = ("explore.ipynb", "model.ipynb")
# Shown as warnings in the notebook (on stderr) when our code calls something deprecated; the
# library's own internals stay at Python's defaults.
WARNINGS = """
import warnings
for category in (DeprecationWarning, PendingDeprecationWarning, FutureWarning):
    warnings.filterwarnings("always", category=category, module=r"fzgap(\\.|$)")
"""


def _kernel(tmp: Path):  # type: ignore[no-untyped-def]
    """A kernel manager that runs ipykernel on this interpreter, whatever kernelspecs exist."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    spec = tmp / "kernels" / "fzgap-test"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "fzgap test", "language": "python"})
    )
    ksm = KernelSpecManager(kernel_dirs=[str(tmp / "kernels")])
    return KernelManager(kernel_name="fzgap-test", kernel_spec_manager=ksm)


def execute(name: str, tmp: Path, reports: Path | None = None) -> nbformat.NotebookNode:
    """Run a notebook with nbclient from notebooks/ (where ``jupyter lab notebooks/`` starts);
    ``reports`` replaces the folder the first cell points at."""
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    if reports is not None:
        setup = next(c for c in nb.cells if c.cell_type == "code")
        line = 'REPORTS = ROOT / "examples"'
        assert line in setup.source
        setup.source = setup.source.replace(line, f"REPORTS = Path({str(reports)!r})")
    nb.cells.insert(0, nbformat.v4.new_code_cell(WARNINGS))
    client = NotebookClient(
        nb, km=_kernel(tmp), timeout=600, resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()
    nb.cells.pop(0)
    return nb


def outputs(nb: nbformat.NotebookNode, kind: str | None = None) -> list[dict]:
    return [
        o
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if kind in (None, o.get("output_type"))
    ]


def shown(nb: nbformat.NotebookNode, cell_id: str):  # type: ignore[no-untyped-def]
    """The table a cell displays (its last expression), read back from its HTML."""
    import pandas as pd

    cell = next(c for c in nb.cells if c.get("id") == cell_id)
    html = [o["data"]["text/html"] for o in cell.outputs if "text/html" in o.get("data", {})]
    assert len(html) == 1, f"cell {cell_id} shows {len(html)} tables"
    table = pd.read_html(io.StringIO(html[0]))[0]
    if isinstance(table.columns, pd.MultiIndex):
        # a named index adds a header row: its name sits under the first column
        table.columns = [table.columns[0][1], *(top for top, _ in table.columns[1:])]
    return table


def printed(nb: nbformat.NotebookNode, cell_id: str) -> str:
    cell = next(c for c in nb.cells if c.get("id") == cell_id)
    return "".join(o["text"] for o in cell.outputs if o.get("name") == "stdout")


def assert_clean_run(nb: nbformat.NotebookNode, pngs: int) -> None:
    """No errors, nothing on stderr (warnings, missing glyphs), and every chart drawn once."""
    errors = [f"{o['ename']}: {o['evalue']}" for o in outputs(nb, "error")]
    assert not errors
    stderr = [o["text"] for o in outputs(nb, "stream") if o["name"] == "stderr"]
    assert not stderr
    images = [o for o in outputs(nb) if "image/png" in o.get("data", {})]
    assert len(images) == pngs


@pytest.fixture(scope="module")
def explore(tmp_path_factory) -> nbformat.NotebookNode:
    return execute("explore.ipynb", tmp_path_factory.mktemp("kernel"))


@pytest.mark.slow
def test_explore_runs_clean_and_draws_every_chart(explore) -> None:
    # heatmap, shares by year, shares by level, missing sub-items, one report's score strip
    assert_clean_run(explore, pngs=5)


@pytest.mark.slow
def test_explore_table_is_the_audit_of_every_report_in_the_folder(explore) -> None:
    table = shown(explore, "table")
    files = collect_inputs([str(EXAMPLES)])
    assert len(table) == len(files) > 0
    assert f"{len(files)} 份报告" in printed(explore, "load")
    rows = {row["file"]: row for _, row in table.iterrows()}
    for path in files:
        report = fzgap.analyze_file(path)
        row = rows[Path(path).name]
        assert [row[a] for a in AREAS] == [report.statuses[a] for a in AREAS]
        assert row["unit"] == report.structure.unit


@pytest.mark.slow
def test_explore_drills_into_the_report_with_fewest_covered_areas(explore) -> None:
    corpus = fzgap.audit_corpus(EXAMPLES, progress=False)
    fewest = min(
        corpus.reports,
        key=lambda r: (list(r.statuses.values()).count("covered"), Path(r.document.source).name),
    )
    name = Path(fewest.document.source).name
    assert printed(explore, "drill-pick").startswith(name)
    areas = shown(explore, "drill-areas")
    assert list(areas["status"]) == [fewest.statuses[a] for a in AREAS]
    assert list(areas["reasons"]) == ["；".join(r.message for r in a.reasons) for a in fewest.areas]
    evidence = shown(explore, "drill-evidence")
    assert len(evidence) == sum(len(a.evidence) for a in fewest.areas)


@pytest.mark.slow
def test_explore_shows_the_models_strongest_terms(explore) -> None:
    terms = shown(explore, "terms")
    assert list(terms.columns[1:]) == [AREA_NAMES_ZH[a] for a in AREAS]
    expected = fzgap.strongest_terms(n=12, kind="word")
    first = expected[expected["rank"] == 1].set_index("area")["term"]
    top = terms.iloc[0]
    for a in AREAS:
        assert top[AREA_NAMES_ZH[a]].split()[0] == first[a]


@pytest.mark.slow
def test_explore_reads_a_saved_batch_folder_back(tmp_path) -> None:
    corpus = fzgap.audit_corpus(EXAMPLES, progress=False)
    corpus.save(tmp_path / "audits")
    nb = execute("explore.ipynb", tmp_path, reports=tmp_path / "audits")
    assert_clean_run(nb, pngs=5)
    assert printed(nb, "load").startswith(f"读回 loaded {len(corpus)} 份报告")
    table = shown(nb, "table")
    assert sorted(table["file"]) == sorted(Path(r.document.source).name for r in corpus.reports)


@pytest.mark.slow
def test_model_notebook_holds_out_the_real_reports(tmp_path) -> None:
    from fzgap.train.corpus import load_corpus

    nb = execute("model.ipynb", tmp_path)
    assert_clean_run(nb, pngs=2)  # the confusion grid, the margins
    rows = [r for r in load_corpus().rows if r.source != "authored"]
    reports = {r.report for r in rows}
    assert printed(nb, "predict").startswith(f"{len(rows)} 个留出段落")
    confusion = shown(nb, "confusion").set_index("area")
    for a in AREAS:
        c = confusion.loc[a]
        assert c["TP"] + c["FP"] + c["FN"] + c["TN"] == len(rows)
        assert c["TP"] + c["FN"] == c["support"] == sum(a in r.labels for r in rows)
    # every mistake shown is a real held-out paragraph, with its labels as the corpus has them
    by_key = {(r.report, r.index): r for r in rows}
    worst = shown(nb, "worst")
    assert len(worst) > 0
    for _, m in worst.iterrows():
        row = by_key[(m["report"], m["index"])]
        assert m["text"] == row.text
        assert m["expected"] == ("、".join(AREA_NAMES_ZH[a] for a in row.labels) or "—")
    assert set(worst["report"]) <= reports
    assert list(worst["distance"]) == sorted(worst["distance"], reverse=True)
    wrong_side = (worst["score"] >= worst["threshold"]) == (worst["error"] == "false_alarm")
    assert wrong_side.all()


@pytest.mark.parametrize("name", BOOKS)
def test_committed_notebooks_are_clean_and_valid(name) -> None:
    raw = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    assert (raw["nbformat"], raw["nbformat_minor"]) >= (4, 5)
    nb = nbformat.reads(json.dumps(raw), as_version=4)
    nbformat.validate(nb)
    ids = [c.get("id") for c in raw["cells"]]
    assert all(ids) and len(set(ids)) == len(ids)
    for cell in raw["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, cell["id"]
    assert raw["metadata"]["kernelspec"]["name"] == "python3"
