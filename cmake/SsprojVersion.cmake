# Records the ssproj version and the git commit of the source tree in a generated header.
# The commit is read at configure time, and CMake configures again whenever git's HEAD or
# index changes, so the recorded commit follows the checkout; a tree without git: "unknown".
find_package(Git QUIET)
set(SSPROJ_GIT_COMMIT "unknown")
if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
  execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse HEAD
                  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
                  OUTPUT_VARIABLE _commit OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE _rc ERROR_QUIET)
  if(_rc EQUAL 0)
    set(SSPROJ_GIT_COMMIT "${_commit}")
    foreach(_file HEAD index logs/HEAD)
      if(EXISTS "${PROJECT_SOURCE_DIR}/.git/${_file}")
        set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
                     "${PROJECT_SOURCE_DIR}/.git/${_file}")
      endif()
    endforeach()
    execute_process(COMMAND "${GIT_EXECUTABLE}" status --porcelain --untracked-files=no
                    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
                    OUTPUT_VARIABLE _dirty OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(_dirty)
      string(APPEND SSPROJ_GIT_COMMIT "-dirty")
    endif()
  endif()
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/version.h.in"
               "${PROJECT_BINARY_DIR}/generated/ssproj/version.h" @ONLY)
