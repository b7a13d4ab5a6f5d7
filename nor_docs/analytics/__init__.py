"""ШНОР analytics: assessment results in, schools identified by the office's rules, a report out.

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
    charts, report_view, report = the analytic report (аналитическая справка) as DOCX
    drafts, citations     = the ties: a directory group or roadmap draft; evidence quoted in a protocol

Commands: ``nor_docs/commands/analytics.py``.
"""
