"""Tables styled for reading: status cells in the audit's colours, paragraph text left-aligned."""

from __future__ import annotations

import pandas as pd

from fzgap.analyze.constants import STATUS_FILL
from fzgap.display import styled


def test_status_cells_are_filled_and_text_left_aligned() -> None:
    frame = pd.DataFrame(
        {
            "unit": ["双峰镇", "清河县人民政府"],
            "decision": ["thin", "covered"],
            "score": [0.123456, 1.0],
            "text": ["镇长带头出庭应诉2次。", "全年办理行政复议案件6件。"],
        }
    )
    html = styled(frame).to_html()
    assert f"background-color: #{STATUS_FILL['thin']}" in html
    assert f"background-color: #{STATUS_FILL['covered']}" in html
    assert "text-align: left" in html
    assert "0.1235" in html and "0.123456" not in html
    # the data are not changed, and a table without statuses or text gets no fills
    assert styled(frame).data.equals(frame)
    plain = styled(frame[["unit", "score"]]).to_html()
    assert "background-color" not in plain and "text-align: left" not in plain
