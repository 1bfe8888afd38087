# The Python module newsanalyze (pybind11), for Debian's /usr/bin/python3:
# pybind11-dev and python3-dev are Debian packages of that Python, whatever
# other python3 comes first on PATH. Skipped when they are missing.
# Not in sanitizer and fuzz builds: an instrumented module cannot be loaded
# into an uninstrumented python3.
if(ANALYZE_SANITIZE OR ANALYZE_BUILD_FUZZ)
  set(python_default OFF)
else()
  set(python_default ON)
endif()
option(ANALYZE_BUILD_PYTHON "Build the Python module newsanalyze (needs pybind11-dev, python3-dev)" ${python_default})
if(ANALYZE_BUILD_PYTHON)
  if(NOT DEFINED Python_EXECUTABLE AND EXISTS /usr/bin/python3)
    set(Python_EXECUTABLE /usr/bin/python3 CACHE FILEPATH "The Python the module is built for")
  endif()
  set(PYBIND11_FINDPYTHON ON)
  find_package(Python COMPONENTS Interpreter Development.Module QUIET)
  if(Python_FOUND)
    find_package(pybind11 CONFIG QUIET)
  endif()
  if(Python_FOUND AND pybind11_FOUND)
    # Without pybind11's link-time optimization: it only re-optimizes the
    # glue (the work is in libnews.so) and warns on every build.
    set(CMAKE_INTERPROCEDURAL_OPTIMIZATION OFF)
    pybind11_add_module(newsanalyze MODULE "${CMAKE_CURRENT_SOURCE_DIR}/python/newsanalyze.cpp")
    unset(CMAKE_INTERPROCEDURAL_OPTIMIZATION)
    target_link_libraries(newsanalyze PRIVATE news_shared)
    set(NEWS_PYTHON_DIR "${CMAKE_INSTALL_LIBDIR}/python3/dist-packages")
    file(RELATIVE_PATH python_to_lib "/${NEWS_PYTHON_DIR}" "/${CMAKE_INSTALL_LIBDIR}")
    set_target_properties(newsanalyze PROPERTIES
      LIBRARY_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/python"
      INSTALL_RPATH "$ORIGIN/${python_to_lib}")
    configure_file("${CMAKE_CURRENT_SOURCE_DIR}/python/newsanalyze.pyi"
                   "${CMAKE_BINARY_DIR}/python/newsanalyze.pyi" COPYONLY)
    install(TARGETS newsanalyze LIBRARY DESTINATION ${NEWS_PYTHON_DIR})
    install(FILES "${CMAKE_CURRENT_SOURCE_DIR}/python/newsanalyze.pyi" DESTINATION ${NEWS_PYTHON_DIR})
    set(NEWS_PYTHON_BUILT ON)
  else()
    message(STATUS "newsanalyze (Python) not built: needs /usr/bin/python3 with python3-dev and pybind11-dev")
  endif()
endif()

# The Python tests (tests/python, unittest) against the built module; they
# skip themselves when it was not built or Dask is missing.
if(ANALYZE_BUILD_TESTS AND ANALYZE_BUILD_PYTHON AND EXISTS /usr/bin/python3)
  add_test(NAME PythonTest
    COMMAND /usr/bin/python3 -m unittest discover -s "${CMAKE_CURRENT_SOURCE_DIR}/tests/python" -v
    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}")
  set_tests_properties(PythonTest PROPERTIES
    ENVIRONMENT "PYTHONPATH=${CMAKE_BINARY_DIR}/python;ANALYZE_BINARY=$<TARGET_FILE:analyze>"
    TIMEOUT 600)
endif()
