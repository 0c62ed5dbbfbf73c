"""The workbench in a real browser: Playwright driving Debian's Chromium (headless, CJK font).

Installed by ``tools/setup-system.sh``; in CI a missing Chromium fails this test.
"""

from __future__ import annotations

import io
import os
import shutil
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE = (
    "<script>document.title='pwned';alert(1)</script>某镇2024年法治政府建设情况报告\n"
    "一、主要举措和成效\n镇长主持召开会议研究法治建设<img src=x onerror=alert(2)>3次。\n"
)

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip("Chromium is not installed (run tools/setup-system.sh)", allow_module_level=True)


def test_review_a_report_in_the_browser(server: str, tmp_path: Path) -> None:
    assert CHROMIUM.exists(), "Chromium is missing: run tools/setup-system.sh"
    from docx import Document
    from openpyxl import load_workbook
    from playwright.sync_api import sync_playwright

    shots = tmp_path / "screens"
    shots.mkdir()
    hostile = tmp_path / "恶意报告.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    sample = ROOT / "examples" / "qinghe-county-2024.txt"
    dialogs: list[str] = []
    with sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=str(CHROMIUM),
            args=FLAGS,
            headless=True,
            accept_downloads=True,
            viewport={"width": 1200, "height": 900},
        )
        page = ctx.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        shot = lambda name: page.screenshot(path=str(shots / f"{name}.png"), full_page=True)

        page.goto(server + "/")
        page.fill("input[name=batch]", "2024年度 · 东汇区")
        page.set_input_files("input[name=files]", [str(sample), str(hostile)])
        shot("01-upload")
        page.click("#upload button[type=submit]")
        page.wait_for_url("**/batches/*")
        for _ in range(300):
            if "审查中" not in page.inner_text("main"):
                break
            time.sleep(0.3)
            page.reload()
        shot("02-batch")
        assert page.locator("tr[data-report]").count() == 2

        page.click("text=qinghe-county-2024.txt")
        assert page.locator("article.area").count() == 5
        shot("03-report")
        link = page.locator("p.evlinks a").first
        anchor = link.get_attribute("href")
        link.click()
        assert page.url.endswith(anchor)
        assert page.locator(anchor).is_visible()

        # correct a paragraph's labels and an area's status, with comments
        para = page.locator("div.para:has(details.edit)").nth(3)
        pid = para.get_attribute("id")
        para.locator("summary").click()
        box = para.locator("input[name=labels][value=reconsideration]")
        box.set_checked(not box.is_checked())
        para.locator("input[name=comment]").fill("本段讲的是复议")
        para.locator("button[type=submit]").click()
        page.wait_for_load_state()
        area = page.locator("#area-publicity")
        area.locator("select[name=value]").select_option("thin")
        area.locator("input[name=comment]").fill("普法缺少具体数据")
        area.locator("button[type=submit]").click()
        page.wait_for_load_state()
        page.reload()
        assert page.locator("#area-publicity [data-final=thin]").count() == 1
        history = page.inner_text("#history")
        assert "普法缺少具体数据" in history and "本段讲的是复议" in history
        assert "模型：" in page.inner_text(f"#{pid}")
        shot("04-reviewed")

        page.click("text=标记为已审")
        page.wait_for_load_state()
        with page.expect_download() as dl:
            page.click("text=下载审核意见 DOCX")
        letter = Document(io.BytesIO(Path(dl.value.path()).read_bytes()))
        assert "普法缺少具体数据" in "\n".join(p.text for p in letter.paragraphs)
        page.click("text=审核意见（打印）")
        shot("05-letter")

        page.goto(server + "/batches/1")
        with page.expect_download() as dl:
            page.click("text=下载 Excel")
        dl.value.save_as(tmp_path / "summary.xlsx")
        ws = load_workbook(tmp_path / "summary.xlsx").worksheets[0]
        header = [c.value for c in ws[1]]
        assert "审核结论 普法" in header and "已审" in [c.value for c in ws[2]]

        page.click("text=恶意报告.txt")
        assert page.title() != "pwned"
        assert "<script>document.title" in page.inner_text("main")
        assert page.locator("main img").count() == 0
        shot("06-hostile")

        page.set_viewport_size({"width": 375, "height": 800})
        page.goto(server + "/batches/1")
        page.click("text=qinghe-county-2024.txt")
        shot("07-phone-report")
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= 375, f"the page is {wide}px wide on a 375px phone"
        ctx.close()
    assert dialogs == []
    out = ROOT / "out" / "screens"
    out.mkdir(parents=True, exist_ok=True)
    for png in shots.glob("*.png"):
        shutil.copy(png, out / png.name)
