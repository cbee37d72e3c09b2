# Export readers (CSV/TSV/XLSX/JSON -> Dataset). Paths relative to core/.
# The header alias table is data, compiled in so the WASM module needs no filesystem.
shopscore_embed_text(${CMAKE_CURRENT_BINARY_DIR}/header_aliases_json.cpp header_aliases_json
                     ${CMAKE_CURRENT_SOURCE_DIR}/src/ingest/header_aliases.json)

set(SHOPSCORE_INGEST_SOURCES
  src/ingest/ingest.cpp
  src/ingest/cell_error.cpp
  src/ingest/text_decoder.cpp
  src/ingest/csv_tokenizer.cpp
  src/ingest/xml_scanner.cpp
  src/ingest/xlsx_reader.cpp
  src/ingest/xlsx_package.cpp
  src/ingest/header_map.cpp
  src/ingest/date_resolver.cpp
  src/ingest/table_reader.cpp
  src/ingest/row_mapper.cpp
  src/ingest/orders_mapper.cpp
  src/ingest/parallel_read.cpp
  src/ingest/slice_plan.cpp
  src/ingest/slice_part.cpp
  src/ingest/split_points.cpp
  src/ingest/returns_mapper.cpp
  src/ingest/records_mappers.cpp
  src/ingest/exclusions_mapper.cpp
  src/ingest/diagnostics_mapper.cpp
  src/ingest/duration.cpp
  ${CMAKE_CURRENT_BINARY_DIR}/header_aliases_json.cpp
)
