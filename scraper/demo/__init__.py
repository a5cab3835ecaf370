"""A generated demo portal in the real page shapes, and the local HTTP server that serves it."""
