"""Sphinx configuration of the manual: `make docs` builds docs/ into build/site (HTML).

The pages are Markdown (MyST), readable as they are on GitHub/GitLab; the reference pages under
docs/reference/ are generated from the code by docs/reference.py.
"""

project = "nor-docs"
author = "nor-docs"
copyright = "nor-docs"
language = "ru"
extensions = ["myst_parser"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "reference.py", "architecture_tree.py", "conf.py", "design"]  # design/: notes for engineers, not the manual
html_theme = "furo"
html_title = "nor-docs — руководство"
html_static_path: list[str] = []
html_extra_path = ["check.schema.json"]
myst_heading_anchors = 3
suppress_warnings = ["myst.xref_missing"]
