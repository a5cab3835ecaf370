"""The analyst's view of a harvest: a flat SQLite database with Thai full-text search
(:mod:`~scraper.analysis.db`, served by ``browse`` through Datasette), per-portal health figures
(:mod:`~scraper.analysis.health`) and a self-contained HTML report (:mod:`~scraper.analysis.report`)."""
