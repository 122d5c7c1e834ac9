"""Names of the brief's assessments, apart from the view classes so that the command line
can offer them in ``--help`` without building those classes (CLI start-up time)."""

from __future__ import annotations

ASSESSMENT_LABELS: dict[str, str] = {
    "aligned": "Aligned",
    "partly": "Partly addressed",
    "divergent": "Divergent",
    "not_addressed": "Not addressed",
    "official_only": "Official only",
    "none": "Not assessed",
}
