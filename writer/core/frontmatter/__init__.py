"""Lossless front matter: find the block, parse it, edit single fields in place.

One module per format (`yaml_edit`, `toml_edit`, `json_edit`), the shared value rules in
`values`, and the block itself (split, parse, set, delete) in `block`.
"""

from __future__ import annotations

from writer.core.frontmatter.block import (
    JSON,
    TOML,
    YAML,
    FrontMatter,
    delete_field,
    parse_block,
    set_field,
    split,
)

__all__ = ["JSON", "TOML", "YAML", "FrontMatter", "delete_field", "parse_block", "set_field", "split"]
