"""nor-docs: docs-as-code for municipal programmes for schools with low educational results."""

__version__ = "0.1.0"
