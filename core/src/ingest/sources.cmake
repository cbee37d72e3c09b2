# Export readers (CSV/TSV/XLSX/JSON -> Dataset). Paths relative to core/.
set(SHOPSCORE_INGEST_SOURCES
  src/ingest/ingest.cpp
)
