"""The command line: help with examples for every command, formats, escaping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fzgap.analyze.records import SCHEMA_VERSION
from fzgap.cli import COMMANDS, build_parser, main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = str(ROOT / "examples" / "qinghe-county-2024.txt")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    out = capsys.readouterr().out
    assert exc.value.code == 0
    assert "Example:" in out and f"fzgap {command}" in out


def test_top_level_help_lists_commands() -> None:
    text = build_parser().format_help()
    assert all(c in text for c in COMMANDS)


def test_classify_jsonl_keeps_order_and_fields(tmp_path: Path, capsys) -> None:
    src = tmp_path / "p.txt"
    src.write_text(
        "全年办理行政复议案件66件，纠错率12%。\n\n组织开展宪法宣传周活动，发放资料3000余份。\n",
        encoding="utf-8",
    )
    assert main(["classify", str(src)]) == 0
    rows = [json.loads(ln) for ln in capsys.readouterr().out.splitlines()]
    assert [r["text"] for r in rows] == [
        "全年办理行政复议案件66件，纠错率12%。",
        "组织开展宪法宣传周活动，发放资料3000余份。",
    ]
    assert rows[0]["labels"] == ["reconsideration"] and rows[1]["labels"] == ["publicity"]
    assert set(rows[0]["scores"]) == {
        "decision",
        "enforcement",
        "reconsideration",
        "publicity",
        "first_responsibility",
    }


def test_classify_tsv_and_gbk_input(tmp_path: Path, capsys) -> None:
    src = tmp_path / "p.txt"
    src.write_bytes("县长主持召开常务会议专题研究法治政府建设工作4次。\n".encode("gbk"))
    assert main(["classify", str(src), "--format", "tsv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("labels\tdecision") and lines[1].startswith("first_responsibility")


def test_classify_empty_input_is_an_error(tmp_path: Path, capsys) -> None:
    src = tmp_path / "empty.txt"
    src.write_text("\n \n", encoding="utf-8")
    assert main(["classify", str(src)]) == 2
    assert "empty" in capsys.readouterr().err


def test_explain_names_the_terms(capsys) -> None:
    assert main(["explain", "全年办理行政复议案件66件，纠错率12%。"]) == 0
    out = capsys.readouterr().out
    assert "YES reconsideration" in out and "复议" in out


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "md", "html", "csv"])
def test_analyze_formats(fmt: str, capsys) -> None:
    assert main(["analyze", SAMPLE, "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "清河县" in out
    if fmt == "json":
        assert json.loads(out)["schema_version"] == SCHEMA_VERSION
    if fmt == "html":
        assert (
            out.startswith("<!DOCTYPE html>")
            and "<svg" in out
            and "http" not in out.split("<svg", 1)[0].replace("http://www.w3.org", "")
        )


def test_html_escapes_report_text(tmp_path: Path, capsys) -> None:
    src = tmp_path / "x.txt"
    src.write_text(
        Path(SAMPLE).read_text(encoding="utf-8")
        + "\n全年开展执法检查<script>alert(1)</script>12次。\n",
        encoding="utf-8",
    )
    assert main(["analyze", str(src), "--format", "html"]) == 0
    out = capsys.readouterr().out
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_analyze_writes_out_file_atomically(tmp_path: Path) -> None:
    out = tmp_path / "a.md"
    assert main(["analyze", SAMPLE, "--format", "md", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("## ")
    assert not list(tmp_path.glob(".a.md.*"))


def test_bad_checklist_is_one_line(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "c.toml"
    bad.write_text("name = 'x'\n[rules]\ncounting_sections = ['achievement']\n", encoding="utf-8")
    assert main(["analyze", SAMPLE, "--checklist", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "c.toml" in err and "缺少键 'areas'" in err


@pytest.mark.parametrize("command", ["train", "evaluate"])
def test_training_commands_refuse_bad_data_in_one_line(
    command: str, tmp_path: Path, capsys
) -> None:
    (tmp_path / "bad.jsonl").write_bytes(b"\x00\x01 not json\n")
    assert main([command, "--data", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.jsonl:1" in err
    assert main([command, "--data", str(tmp_path / "nowhere")]) == 2
    assert "not a folder" in capsys.readouterr().err
    (tmp_path / "bad.jsonl").write_bytes("{}".encode("utf-16"))
    assert main([command, "--data", str(tmp_path)]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_missing_model_folder_is_one_line(tmp_path: Path, capsys) -> None:
    assert main(["analyze", SAMPLE, "--model", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "manifest.json" in err


def test_explain_refuses_an_empty_paragraph(capsys) -> None:
    assert main(["explain", "   "]) == 2
    assert "段落是空的" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["explain", "全面推行行政执法三项制度。", "--top", "0"], "--top 至少为 1"),
        (["analyze", SAMPLE, "--width", "20"], "--width 至少为 40"),
        (["analyze", SAMPLE, "--jobs", "0"], "--jobs 必须是正整数"),
        (["serve", "--max-upload", "0"], "--max-upload 必须是正数"),
        (["corrections", "export", "--db", "{tmp}/none.db"], "找不到这个审核数据库"),
    ],
)
def test_usage_errors_are_one_line_in_chinese(argv, says, tmp_path: Path, capsys) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and says in captured.err
