"""Vertical: ШНОР analytics — assessment results in, schools identified by the office's rules, an
analysis out (``nor-docs analyze``, the analytic report, drafts of a group or a roadmap).

The flow, one module per step (nothing here imports matplotlib or python-docx until a report is
built)::

    records/results/*.csv  ──csvtable──▶ rows with positions
                           ──results───▶ ResultLine (model), checked against the directory (schools)
    records/rules/*.yaml   ──rules─────▶ Rule (model); the shipped default is seed 000's rule
    settings.yaml analytics: ─────────▶ AnalyticsSettings (import column spellings, region)
    load.load_analytics   = all of the above, with every problem as a Diagnostic
    identify.identify     = the rule applied: schools that meet it, with evidence, and those near
    compare               = dynamics by year, municipality and region averages
    output                = text and JSON (docs/analyze.schema.json) of an analysis
    importer              = an office's XLSX/CSV export → a results file, with a report of every row
    citations             = evidence quoted in a protocol that heard an analysis

Uses ``source/`` (the YAML reader, the layout) and ``model/`` (the directory, settings); used by
``render/`` (``analysis_view.py`` and ``charts.py``: the analytic report, аналитическая справка; a
protocol's cited evidence), ``build/analysis.py`` (its DOCX), ``scaffold/drafts.py`` (a directory
group or a roadmap drafted from the identified list) and ``cli/analytics.py`` (the commands). A new
rule of identification or comparison goes here; its words in a document go to ``render/``.
"""
