"""The Qt layer: widgets and wiring over writer.core."""
