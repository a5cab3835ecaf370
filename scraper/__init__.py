"""labour-scraper: harvest articles from the portals of Thailand's labour protection offices."""

__version__ = "0.1.0"
