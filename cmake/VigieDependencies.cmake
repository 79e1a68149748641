# Finds every external dependency once, behind the VIGIE_WITH_* options. Debian 12 packages
# are the reference; the `cuda` preset points Torch_DIR at a CUDA build of LibTorch.

find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(spdlog REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
find_package(OpenSSL REQUIRED)

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
