"""Web-poet page objects: one module per layout family, a generic one, and the rules between them.

``generic.ArticlePage`` reads a page from what it says (headings, labels, dates, microdata,
text density); ``joomla15``, ``joomla3``, ``joomla4``, ``k2``, ``wordpress`` and ``custom_php``
subclass it with their own selectors; ``rules.page_for`` picks one; ``portals/`` pins per-portal
objects by domain.
"""
