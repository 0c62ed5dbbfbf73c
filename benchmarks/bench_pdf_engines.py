"""Compare PDF text engines (pdfminer.six, pypdf, pypdfium2) on broken files, CJK text and speed.

Run: ``python benchmarks/bench_pdf_engines.py`` (needs reportlab; pypdf and pypdfium2 are
measured when installed). Each engine runs in a child process with a time limit, so a hang is
recorded as a hang instead of stopping the comparison. The figures are in docs/robustness.md.
"""

from __future__ import annotations

import io
import multiprocessing as mp
import queue
import time

__all__ = ["hostile_pdfs", "cjk_pdf", "main"]

_LINE = "2024年，全县共办理行政复议案件66件，组织“4·15”全民国家安全教育日宣传活动12场。"


def cjk_pdf(pages: int = 1) -> bytes:
    """A PDF in the built-in CJK font; the middle dot is drawn in DejaVu (the CID font lacks it)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    for _ in range(pages):
        y = 780.0
        for _ in range(40):
            t = c.beginText(40, y)
            head, tail = _LINE.split("·")
            t.setFont("STSong-Light", 10)
            t.textOut(head)
            t.setFont("DejaVu", 10)
            t.textOut("·")
            t.setFont("STSong-Light", 10)
            t.textOut(tail)
            c.drawText(t)
            y -= 18
        c.showPage()
    c.save()
    return buf.getvalue()


def _pdf(objects: list[bytes], root: int = 1) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        xref,
    )
    return bytes(out)


def hostile_pdfs() -> dict[str, bytes]:
    """Small broken PDFs: reference loops, a page-tree loop, truncation, garbage."""
    good = cjk_pdf()
    return {
        "self-reference": _pdf([b"<< /Type /Catalog /Pages 1 0 R >>"]),
        "pages-loop": _pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>",
            ]
        ),
        "length-loop": _pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
                b"<< /Length 4 0 R >>\nstream\nBT ET\nendstream",
            ]
        ),
        "alias-loop": _pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 4 0 R >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox 4 0 R /Contents 4 0 R >>",
                b"4 0 R",
            ]
        ),
        "truncated": good[: len(good) // 2],
        "garbage-xref": good.replace(b"xref", b"xrXf"),
    }


def _pdfminer(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def _pypdf(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


def _pdfium(data: bytes) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))


ENGINES = {"pdfminer.six": _pdfminer, "pypdf": _pypdf, "pypdfium2": _pdfium}


def _child(engine: str, data: bytes, q: mp.Queue) -> None:
    t = time.perf_counter()
    try:
        text = ENGINES[engine](data)
        q.put(("ok", time.perf_counter() - t, text))
    except Exception as exc:
        q.put(("error", time.perf_counter() - t, type(exc).__name__))


def _run(engine: str, data: bytes, limit: float = 20.0) -> tuple[str, float, str]:
    q: mp.Queue = mp.Queue()
    p = mp.Process(target=_child, args=(engine, data, q))
    p.start()
    try:
        result = q.get(timeout=limit)  # read before join: a big result blocks the child's exit
    except queue.Empty:
        result = ("hang", limit, "") if p.is_alive() else ("crash", 0.0, f"exit {p.exitcode}")
    p.kill()
    p.join()
    return result


def main() -> None:
    """Print one table: engine × case → outcome and seconds."""
    cases = hostile_pdfs()
    cases["cjk-1-page"] = cjk_pdf(1)
    cases["cjk-50-pages"] = cjk_pdf(50)
    for engine in ENGINES:
        try:
            ENGINES[engine](cases["cjk-1-page"])
        except ImportError:
            print(f"{engine}: not installed")
            continue
        except Exception:
            pass
        for name, data in cases.items():
            status, secs, text = _run(engine, data)
            note = ""
            if name.startswith("cjk") and status == "ok":
                note = "keeps 4·15" if "4·15" in text else "LOSES 4·15"
                note += f", {text.count('行政复议')} of {40 * (50 if '50' in name else 1)} lines"
            elif status != "ok":
                note = text
            print(f"{engine:13} {name:14} {status:6} {secs:7.3f}s {note}")


if __name__ == "__main__":
    main()
