# middlemile_module(NAME SOURCES files... PUBLIC deps... PRIVATE deps...) builds one top-level
# folder as a static library with the alias middlemile::NAME. Every source is listed (no glob:
# a file added to the folder but not to its list is not silently built or skipped). Headers are
# included as "NAME/file.h" from the project root, so a header's path says which module owns it.
# Which module may use which is docs/ARCHITECTURE.md's table, checked by
# scripts/check-includes.py (a ctest).
include_guard(GLOBAL)
function(middlemile_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC;PRIVATE" ${ARGN})
  add_library(mm_${name} STATIC ${ARG_SOURCES})
  add_library(middlemile::${name} ALIAS mm_${name})
  target_include_directories(mm_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(mm_${name} PUBLIC ${ARG_PUBLIC} PRIVATE ${ARG_PRIVATE})
endfunction()
