"""Record pipelines: each module does one job (normalize, validate, quarantine, dedupe, store in
the harvest store, write the JSON Lines output)."""
