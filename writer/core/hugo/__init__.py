"""The Hugo site model: configuration, content index, URLs and refs."""
