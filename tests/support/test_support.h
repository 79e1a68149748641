#pragma once
// Helpers shared by the tests: where the real data set is, temporary directories, and
// running the product's executables. Thread: test main thread only.

#include <QString>

namespace vigie::test {

// ../shared/data next to the source tree, or $VIGIE_DATA_DIR. Empty when absent.
QString dataDir();
// Skips the current test with a clear message when the data set (or a file in it) is absent.
// Use as: VIGIE_REQUIRE_DATA("video/aboda_video4_abandoned_bag.avi");
bool hasData(const QString& relativePath);
QString dataPath(const QString& relativePath);
QString sourcePath(const QString& relativePath);
// Directory of the built executables (vigie, vigie-workstation).
QString binDir();
// Generates the no-data demo clip (resources/demo/make-demo-clip.sh) into `dir` and returns
// its path, or an empty string (with the reason in `error`) when ffmpeg is missing.
QString makeGeneratedDemoClip(const QString& dir, QString* error);

}  // namespace vigie::test

#define VIGIE_REQUIRE_DATA(rel)                                                                   \
    do {                                                                                          \
        if (!vigie::test::hasData(rel)) {                                                         \
            QSKIP(qPrintable(QStringLiteral("real data not found: ") + QStringLiteral(rel) +      \
                             QStringLiteral(" (set VIGIE_DATA_DIR or provide ../shared/data)"))); \
        }                                                                                         \
    } while (false)
