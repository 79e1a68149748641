# Finds every external dependency once, behind the VIGIE_WITH_* options. Debian 12 packages
# are the reference; the `cuda` preset points Torch_DIR at a CUDA build of LibTorch.

find_package(Threads REQUIRED)

set(VIGIE_THIRD_PARTY_DIR "" CACHE PATH
    "Headers and static libraries carried from a Debian 12 machine (deploy/carry-third-party.sh), for GPU servers without Debian's -dev packages")
if(VIGIE_THIRD_PARTY_DIR)
    set(_tp ${VIGIE_THIRD_PARTY_DIR})
    add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
    set_target_properties(nlohmann_json::nlohmann_json PROPERTIES
        INTERFACE_INCLUDE_DIRECTORIES ${_tp}/include)
    # spdlog and fmt header-only: no shared library to carry.
    add_library(spdlog::spdlog INTERFACE IMPORTED)
    set_target_properties(spdlog::spdlog PROPERTIES
        INTERFACE_INCLUDE_DIRECTORIES ${_tp}/include
        INTERFACE_COMPILE_DEFINITIONS "SPDLOG_FMT_EXTERNAL;FMT_HEADER_ONLY")
    add_library(PkgConfig::SODIUM STATIC IMPORTED)
    set_target_properties(PkgConfig::SODIUM PROPERTIES
        IMPORTED_LOCATION ${_tp}/lib/libsodium.a
        INTERFACE_INCLUDE_DIRECTORIES ${_tp}/include)
    add_library(OpenSSL::Crypto STATIC IMPORTED)
    set_target_properties(OpenSSL::Crypto PROPERTIES
        IMPORTED_LOCATION ${_tp}/lib/libcrypto.a
        INTERFACE_INCLUDE_DIRECTORIES ${_tp}/include
        INTERFACE_LINK_LIBRARIES "dl;Threads::Threads")
    if(VIGIE_WITH_SQLCIPHER OR VIGIE_WITH_FFMPEG OR VIGIE_WITH_OPENCV OR VIGIE_WITH_QT)
        message(FATAL_ERROR "VIGIE_THIRD_PARTY_DIR builds the engine only: turn off "
                            "VIGIE_WITH_SQLCIPHER, FFMPEG, OPENCV and QT (the cuda preset does)")
    endif()
else()
    find_package(PkgConfig REQUIRED)
    find_package(nlohmann_json 3.10 REQUIRED)
    find_package(spdlog REQUIRED)
    pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
    find_package(OpenSSL REQUIRED)
endif()

if(VIGIE_WITH_SQLCIPHER)
    pkg_check_modules(SQLCIPHER REQUIRED IMPORTED_TARGET sqlcipher)
    # Exports to Excel (core/exporter.cpp); Debian: libxlsxwriter-dev.
    pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
endif()

if(VIGIE_WITH_FFMPEG)
    pkg_check_modules(FFMPEG REQUIRED IMPORTED_TARGET libavformat libavcodec libavutil libswscale)
endif()

if(VIGIE_WITH_OPENCV)
    # Never highgui: it loads a second GUI toolkit into the process.
    find_package(OpenCV REQUIRED COMPONENTS core imgproc video calib3d)
endif()

if(VIGIE_WITH_TORCH)
    find_package(Torch REQUIRED)
    message(STATUS "LibTorch: ${Torch_DIR}")
endif()

if(VIGIE_WITH_QT)
    find_package(Qt6 REQUIRED COMPONENTS Core Gui Widgets Network Concurrent Test Svg Charts LinguistTools)
    find_package(Qt6Keychain REQUIRED)
    set(CMAKE_AUTOMOC ON)
    set(CMAKE_AUTORCC ON)
endif()

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
    set(CMAKE_C_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()
