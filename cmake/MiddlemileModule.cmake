# middlemile_module(NAME DEPS...) builds one top-level folder as a static library with the alias
# middlemile::NAME. Sources are every .cc in the folder; headers are included as "NAME/file.h"
# from the project root, so a header's path says which module owns it.
include_guard(GLOBAL)
function(middlemile_module name)
  cmake_parse_arguments(ARG "" "" "PUBLIC;PRIVATE" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  if(NOT sources)
    # A module with headers only (or none yet) is an interface library.
    add_library(mm_${name} INTERFACE)
    add_library(middlemile::${name} ALIAS mm_${name})
    target_include_directories(mm_${name} INTERFACE ${PROJECT_SOURCE_DIR})
    target_link_libraries(mm_${name} INTERFACE ${ARG_PUBLIC} ${ARG_PRIVATE})
    return()
  endif()
  add_library(mm_${name} STATIC ${sources})
  add_library(middlemile::${name} ALIAS mm_${name})
  target_include_directories(mm_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(mm_${name} PUBLIC ${ARG_PUBLIC} PRIVATE ${ARG_PRIVATE})
endfunction()
