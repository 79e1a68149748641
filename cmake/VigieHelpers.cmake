# Helpers shared by every target: warnings, sanitizers, visibility and test registration,
# so each folder's CMakeLists.txt only lists sources and dependencies.

function(vigie_set_warnings target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
        -Wnull-dereference -Wimplicit-fallthrough)
    if(VIGIE_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

function(vigie_set_sanitizers target)
    if(VIGIE_SANITIZE)
        target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    elseif(VIGIE_TSAN)
        target_compile_options(${target} PRIVATE -fsanitize=thread -fno-omit-frame-pointer)
        target_link_options(${target} PRIVATE -fsanitize=thread)
    endif()
endfunction()

# vigie_add_library(<name> ALIAS <ns::name> SOURCES ... [PUBLIC_DEPS ...] [PRIVATE_DEPS ...])
# Headers are included as "<folder>/<file>.h" from the project root.
function(vigie_add_library name)
    cmake_parse_arguments(ARG "" "ALIAS" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    if(ARG_ALIAS)
        add_library(${ARG_ALIAS} ALIAS ${name})
    endif()
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/generated)
    target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
    target_compile_definitions(${name} PUBLIC QT_NO_KEYWORDS)
    vigie_set_warnings(${name})
    vigie_set_sanitizers(${name})
endfunction()

function(vigie_add_executable name)
    cmake_parse_arguments(ARG "" "OUTPUT_NAME" "SOURCES;LIBS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE QT_NO_KEYWORDS)
    if(ARG_OUTPUT_NAME)
        set_target_properties(${name} PROPERTIES OUTPUT_NAME ${ARG_OUTPUT_NAME})
    endif()
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bin)
    vigie_set_warnings(${name})
    vigie_set_sanitizers(${name})
endfunction()

# vigie_add_test(<name> SOURCES ... LIBS ... LABEL unit|component|gui|e2e [TIMEOUT s] [ENVIRONMENT ...])
# Every test has a timeout and a label; GUI tests run on the offscreen platform.
function(vigie_add_test name)
    cmake_parse_arguments(ARG "" "LABEL;TIMEOUT" "SOURCES;LIBS;ENVIRONMENT" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 60)
    endif()
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} Qt6::Test)
    target_compile_definitions(${name} PRIVATE QT_NO_KEYWORDS
        VIGIE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        VIGIE_DEFAULT_DATA_DIR="${VIGIE_DEFAULT_DATA_DIR}")
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)
    vigie_set_warnings(${name})
    vigie_set_sanitizers(${name})
    add_test(NAME ${name} COMMAND ${name})
    set(env "QT_QPA_PLATFORM=offscreen" "VIGIE_TEST_BIN_DIR=${PROJECT_BINARY_DIR}/bin" ${ARG_ENVIRONMENT})
    set_tests_properties(${name} PROPERTIES LABELS ${ARG_LABEL} TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "${env}")
endfunction()
