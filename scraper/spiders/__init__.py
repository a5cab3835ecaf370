"""Spiders: navigation only. Extraction is in scraper.parsers, records in pipelines/."""
