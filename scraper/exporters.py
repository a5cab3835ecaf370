"""The one CSV dialect of the project, as a Scrapy item exporter.

``crawl -o x.csv`` (Scrapy's feed exports, registered under ``csv`` in ``FEED_EXPORTERS``) and
``export --format csv`` (:mod:`scraper.export`) both write through :class:`CsvRecordExporter`,
so the two files of the same records are the same bytes: a header in the record schema's field
order (written even when there is no row), lists and objects as JSON (``ensure_ascii=False``),
null as an empty field, booleans as ``true``/``false``, ``\\n`` line ends, UTF-8. Scrapy's own
``CsvItemExporter`` writes lists of objects (attachments) as Python reprs, joins lists of strings
with commas (ambiguous when an image URL holds one), and takes its columns from the first item.
"""

from __future__ import annotations

import json
from typing import Any

from scrapy.exporters import CsvItemExporter


def csv_value(value: Any) -> Any:
    """One field as the CSV dialect writes it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


class CsvRecordExporter(CsvItemExporter):
    """CSV in the project's dialect. Columns: ``fields_to_export`` when given (the hits and
    revisions tables of an export), else the record schema's fields (``FEED_EXPORT_FIELDS`` unset)."""

    def __init__(self, file, **kwargs: Any):
        if not kwargs.get("fields_to_export"):
            from scraper.storage import record_fields

            kwargs["fields_to_export"] = list(record_fields())
        kwargs.setdefault("lineterminator", "\n")
        kwargs.setdefault("encoding", "utf-8")
        super().__init__(file, include_headers_line=True, **kwargs)

    def serialize_field(self, field, name: str, value: Any) -> Any:
        serializer = field.get("serializer", csv_value) if field else csv_value
        return serializer(value)

    def start_exporting(self) -> None:
        # the header up front, so that a file of no rows is still a valid CSV with its columns
        super().start_exporting()
        if self._headers_not_written:
            self._headers_not_written = False
            self.csv_writer.writerow(list(self._build_row(self._header())))

    def _header(self):
        fields = self.fields_to_export
        return list(fields.values()) if isinstance(fields, dict) else list(fields)
