"""The record model: what the YAML records can say, as strict pydantic models.

The model knows nothing of YAML files or DOCX: ``records.py`` loads files into it, renderers
read it.
"""
