"""Qt-free core of Writer: files, front matter, Hugo site model, rendering."""
