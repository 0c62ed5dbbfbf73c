"""fzgap.model: strings in, area scores out; the classifier, its checklist and its artifact.

This package never imports ``fzgap.analyze`` or ``fzgap.train``.
"""

from fzgap.model.areas import AREA_NAMES_ZH, AREAS
from fzgap.model.textnorm import normalize

__all__ = ["AREAS", "AREA_NAMES_ZH", "normalize"]
