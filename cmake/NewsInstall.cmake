# `cmake --install build --prefix P`: the program, its data, the public
# headers, both libraries, a CMake package (find_package(news) →
# news::news, shared; news::news_static) and a pkg-config file (news.pc).
include(CMakePackageConfigHelpers)

install(TARGETS analyze RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# bin/analyze finds it as ../share/analyze/data, libnews.so as
# ${ANALYZE_DATA_FROM_LIBRARY} from its folder.
install(DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}/data/" DESTINATION ${NEWS_INSTALL_DATADIR})
install(DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}/include/news" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS news_shared news EXPORT newsTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
set(NEWS_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/news")
install(EXPORT newsTargets NAMESPACE news:: DESTINATION ${NEWS_CMAKE_DIR})
configure_package_config_file("${CMAKE_CURRENT_SOURCE_DIR}/cmake/newsConfig.cmake.in"
  "${CMAKE_CURRENT_BINARY_DIR}/newsConfig.cmake" INSTALL_DESTINATION ${NEWS_CMAKE_DIR})
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/newsConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/newsConfig.cmake"
  "${CMAKE_CURRENT_BINARY_DIR}/newsConfigVersion.cmake" DESTINATION ${NEWS_CMAKE_DIR})
# pkg-config: the prefix is found from the .pc file's own place, so the
# file is right for whatever --prefix the install is given.
file(RELATIVE_PATH NEWS_PC_TO_PREFIX "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
string(REGEX REPLACE "/$" "" NEWS_PC_TO_PREFIX "${NEWS_PC_TO_PREFIX}")
configure_file("${CMAKE_CURRENT_SOURCE_DIR}/cmake/news.pc.in" "${CMAKE_CURRENT_BINARY_DIR}/news.pc" @ONLY)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/news.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")

# Installs into a temporary prefix and builds consumers against it (CMake,
# pkg-config, Python): tests/install/install_test.sh. Not under the
# sanitizers: uninstrumented consumers cannot load an instrumented library.
if(ANALYZE_BUILD_TESTS AND NOT ANALYZE_SANITIZE)
  add_test(NAME InstallTest
    COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/tests/install/install_test.sh"
            "${CMAKE_BINARY_DIR}" "${CMAKE_CURRENT_SOURCE_DIR}")
  set_tests_properties(InstallTest PROPERTIES TIMEOUT 600)
endif()
