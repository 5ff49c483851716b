# Finds every third-party library middlemile links against. Each failure names the Debian
# package that provides the missing piece, so configure errors say how to fix themselves.
include_guard(GLOBAL)
find_package(PkgConfig QUIET)
if(NOT PkgConfig_FOUND)
  message(FATAL_ERROR "pkg-config not found: install the Debian package 'pkg-config'")
endif()

pkg_check_modules(COINOR QUIET IMPORTED_TARGET cbc osi-clp)
if(NOT COINOR_FOUND)
  message(FATAL_ERROR "COIN-OR CBC/CLP not found: install the Debian package 'coinor-libcbc-dev'")
endif()

find_package(lemon QUIET)
if(NOT LEMON_INCLUDE_DIRS)
  message(FATAL_ERROR "LEMON not found: install the Debian package 'liblemon-dev'")
endif()
if(NOT TARGET middlemile_lemon)
  add_library(middlemile_lemon INTERFACE)
  target_include_directories(middlemile_lemon SYSTEM INTERFACE ${LEMON_INCLUDE_DIRS})
  target_link_libraries(middlemile_lemon INTERFACE ${LEMON_LIBRARIES})
endif()

find_package(TBB QUIET)
if(NOT TBB_FOUND)
  message(FATAL_ERROR "oneTBB not found: install the Debian package 'libtbb-dev'")
endif()

find_package(Boost 1.74 QUIET)
if(NOT Boost_FOUND)
  message(FATAL_ERROR "Boost not found: install the Debian package 'libboost-dev'")
endif()

find_package(GDAL CONFIG QUIET)
if(NOT GDAL_FOUND)
  message(FATAL_ERROR "GDAL not found: install the Debian package 'libgdal-dev'")
endif()

find_package(nlohmann_json 3 QUIET)
if(NOT nlohmann_json_FOUND)
  message(FATAL_ERROR "nlohmann_json not found: install the Debian package 'nlohmann-json3-dev'")
endif()

find_package(CLI11 QUIET)
if(NOT CLI11_FOUND)
  message(FATAL_ERROR "CLI11 not found: install the Debian package 'libcli11-dev'")
endif()

find_package(spdlog QUIET)
if(NOT spdlog_FOUND)
  message(FATAL_ERROR "spdlog not found: install the Debian package 'libspdlog-dev'")
endif()

find_package(Threads REQUIRED)

# MPI (Open MPI from Debian) is optional: with it the cluster/ module is built and `evaluate`
# and `simulate` take --mpi; without it --mpi is an error. On by default when it is found.
find_package(MPI QUIET COMPONENTS CXX)
option(MIDDLEMILE_MPI "Build cluster/ (evaluate and simulate on MPI ranks, --mpi)" ${MPI_CXX_FOUND})
if(MIDDLEMILE_MPI AND NOT MPI_CXX_FOUND)
  message(FATAL_ERROR "MIDDLEMILE_MPI is on but MPI was not found: install the Debian packages "
                      "'libopenmpi-dev' and 'openmpi-bin', or configure with -DMIDDLEMILE_MPI=OFF")
endif()
if(MIDDLEMILE_MPI)
  find_program(MIDDLEMILE_MPIEXEC NAMES mpirun mpiexec HINTS ${MPIEXEC_EXECUTABLE})
  if(NOT MIDDLEMILE_MPIEXEC)
    message(FATAL_ERROR "MIDDLEMILE_MPI is on but mpirun was not found: install the Debian "
                        "package 'openmpi-bin'")
  endif()
  message(STATUS "MPI: on (${MIDDLEMILE_MPIEXEC})")
else()
  message(STATUS "MPI: off (--mpi is an error; install libopenmpi-dev and openmpi-bin for it)")
endif()
