# shopscore_embed_text(OUT_CPP SYMBOL FILE): writes OUT_CPP defining
#   const char* const SYMBOL  (in namespace shopscore::embedded)
# with FILE's text, so data files (profiles, header aliases) ship inside the binary and the
# WASM module without a filesystem.
function(shopscore_embed_text out_cpp symbol file)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
  file(READ ${file} SHOPSCORE_EMBED_TEXT)
  set(SHOPSCORE_EMBED_SYMBOL ${symbol})
  configure_file(${PROJECT_SOURCE_DIR}/cmake/embedded_text.cpp.in ${out_cpp} @ONLY)
endfunction()
