"""Every kind of bad input: one line on stderr naming the file, exit 2, nothing on stdout."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from fzgap.cli import main


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


BAD: dict[str, tuple[str, bytes | None, str]] = {
    "empty": ("empty.txt", b"", "is empty"),
    "blank": ("blank.txt", b" \r\n\t\n\xe3\x80\x80\n", "no text"),
    "binary": ("data.txt", bytes(range(256)) * 64, "binary"),
    "text named pdf": ("report.pdf", "一、主要举措和成效\n".encode(), "extension says .pdf"),
    "pdf named txt": (
        "report.txt",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        "content is PDF",
    ),
    "text named docx": ("report.docx", "二、存在的不足\n".encode(), "extension says .docx"),
    "corrupt docx": (
        "broken.docx",
        _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<not-xml"}),
        "damaged",
    ),
    "corrupt pdf": ("broken.pdf", b"%PDF-1.7\n" + b"\x00\x13garbage stream" * 40, "PDF"),
    "legacy doc": ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "legacy Office"),
    "image": ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "image"),
    "only chrome": (
        "page.html",
        (
            "<html><body><div>无障碍 长者助手 登录</div><div>分享到：</div>"
            "<div>打印本页 关闭窗口</div></body></html>"
        ).encode(),
        "chrome",
    ),
    "directory": ("folder", None, "is a directory"),
    "missing": ("missing.txt", None, "no such file"),
}


@pytest.mark.parametrize("case", sorted(BAD), ids=sorted(BAD))
def test_bad_input_gets_one_line_and_exit_2(case: str, tmp_path: Path, capsys) -> None:
    name, data, fragment = BAD[case]
    path = tmp_path / name
    if case == "directory":
        path.mkdir()
    elif data is not None:
        path.write_bytes(data)
    code = main(["segment", str(path)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("fzgap: error: ")
    assert str(path) in err
    assert fragment in err


def test_oversized_file_is_refused_before_reading(tmp_path: Path, capsys) -> None:
    path = tmp_path / "big.txt"
    path.write_text("一、主要举措和成效。" * 2000, encoding="utf-8")
    assert main(["segment", str(path), "--max-size", "0.01"]) == 2
    err = capsys.readouterr().err
    assert "over the 0.0 MB limit" in err and str(path) in err


def test_failed_run_leaves_no_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    assert main(["segment", str(bad), "--format", "jsonl", "--out", str(out)]) == 2
    assert not out.exists()


def test_console_script_prints_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "x.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    proc = subprocess.run(
        [sys.executable, "-m", "fzgap", "segment", str(bad)], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1


def test_usage_error_exits_2(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["segment", "x.txt", "--format", "yaml"])
    assert exc.value.code == 2


@pytest.mark.parametrize(
    ("command", "case"),
    [
        ("analyze", c)
        for c in ("empty", "binary", "text named pdf", "corrupt docx", "only chrome", "legacy doc")
    ]
    + [("classify", c) for c in ("empty", "blank", "binary")],
)
def test_other_commands_answer_bad_input_the_same_way(
    command: str, case: str, tmp_path: Path, capsys
) -> None:
    name, data, _ = BAD[case]
    path = tmp_path / name
    path.write_bytes(data)
    code = main([command, str(path)])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(path) in err


def test_analyze_refuses_oversized_input(tmp_path: Path, capsys) -> None:
    path = tmp_path / "big.txt"
    path.write_text("二、存在的不足。" * 3000, encoding="utf-8")
    assert main(["analyze", str(path), "--max-size", "0.01"]) == 2
    assert "limit" in capsys.readouterr().err
