"""Record pipelines: each module does one job (normalize, validate, dedupe, store)."""
