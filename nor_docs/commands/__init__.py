"""CLI commands, one module per part of the product (see nor_docs/cli.py)."""
