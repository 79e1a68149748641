// The FFmpeg source on files that misbehave as field streams do: resolution change and
// timestamps restarting mid-stream, a forward jump of the camera clock, an unsupported
// codec, a frame pool held by slow consumers, looping, and hardware decoding asked for on
// a machine without a GPU.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "inference/video_source.h"

using namespace vigie;
using inference::ReadStatus;
using inference::SourceOptions;
using inference::VideoSource;

namespace {

bool ffmpeg(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral("ffmpeg"), QStringList{QStringLiteral("-loglevel"),
                                                  QStringLiteral("error"), QStringLiteral("-y")} +
                                          args);
    return p.waitForFinished(60000) && p.exitCode() == 0;
}

bool concat(const QStringList& parts, const QString& out) {
    QFile o(out);
    if (!o.open(QIODevice::WriteOnly)) {
        return false;
    }
    for (const auto& part : parts) {
        QFile in(part);
        if (!in.open(QIODevice::ReadOnly)) {
            return false;
        }
        o.write(in.readAll());
    }
    return true;
}

QStringList testsrc(const QString& size, double seconds) {
    return {
        QStringLiteral("-f"),   QStringLiteral("lavfi"),
        QStringLiteral("-i"),   QStringLiteral("testsrc2=s=%1:r=25:d=%2").arg(size).arg(seconds),
        QStringLiteral("-c:v"), QStringLiteral("libx264"),
        QStringLiteral("-bf"),  QStringLiteral("0"),
        QStringLiteral("-g"),   QStringLiteral("25")};
}

struct Decoded {
    std::vector<std::int64_t> ptsUs;
    std::vector<std::pair<int, int>> sizes;
    ReadStatus end = ReadStatus::Invalid;
};

Decoded decodeAll(VideoSource& src, int maxFrames = 100000) {
    Decoded d;
    for (int i = 0; i < maxFrames; ++i) {
        const ReadStatus st = src.next();
        if (st != ReadStatus::Frame) {
            d.end = st;
            break;
        }
        auto f = src.convertCurrent();
        if (!f) {
            d.end = ReadStatus::Error;
            break;
        }
        d.ptsUs.push_back(f->ptsUs);
        d.sizes.emplace_back(f->width, f->height);
    }
    return d;
}

}  // namespace

class TestVideoSource : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(ffmpeg(testsrc(QStringLiteral("704x576"), 2) << path("a.ts")),
                 "ffmpeg could not generate test video");
        QVERIFY(ffmpeg(testsrc(QStringLiteral("1280x720"), 2) << path("b.ts")));
        QVERIFY(ffmpeg(testsrc(QStringLiteral("704x576"), 2)
                       << QStringLiteral("-output_ts_offset") << QStringLiteral("100")
                       << path("c.ts")));
        QVERIFY(ffmpeg(testsrc(QStringLiteral("320x240"), 2) << path("clip.mp4")));
    }

    void readsAFileWithAnIncreasingTimeline() {
        auto src = VideoSource::open(path("clip.mp4").toStdString(), {});
        QVERIFY2(src.ok(), src.ok() ? "" : src.error().message.c_str());
        QCOMPARE((*src)->info().width, 320);
        QCOMPARE((*src)->info().height, 240);
        QVERIFY(qFuzzyCompare((*src)->info().fps, 25.0));
        QVERIFY((*src)->info().isFile);
        const Decoded d = decodeAll(**src);
        QCOMPARE(d.end, ReadStatus::EndOfStream);
        QCOMPARE(int(d.ptsUs.size()), 50);
        QCOMPARE(d.ptsUs.front(), std::int64_t(0));
        for (std::size_t i = 1; i < d.ptsUs.size(); ++i) {
            QCOMPARE(d.ptsUs[i] - d.ptsUs[i - 1], std::int64_t(40000));
        }
    }

    void resolutionChangeAndRestartedTimestamps() {
        // Two MPEG-TS segments back to back: the picture size changes and the stream's
        // timestamps start again at the beginning of the second.
        QVERIFY(concat({path("a.ts"), path("b.ts")}, path("ab.ts")));
        auto src = VideoSource::open(path("ab.ts").toStdString(), {});
        QVERIFY2(src.ok(), src.ok() ? "" : src.error().message.c_str());
        const Decoded d = decodeAll(**src);
        QCOMPARE(d.end, ReadStatus::EndOfStream);
        QCOMPARE(int(d.ptsUs.size()), 100);
        QCOMPARE(d.sizes.front(), std::make_pair(704, 576));
        QCOMPARE(d.sizes.back(), std::make_pair(1280, 720));
        QCOMPARE((*src)->counters().resolutionChanges.load(), std::int64_t(1));
        QVERIFY((*src)->counters().timestampJumps.load() >= 1);
        // The timeline goes on without a hole: 40 ms steps all the way.
        for (std::size_t i = 1; i < d.ptsUs.size(); ++i) {
            const auto step = d.ptsUs[i] - d.ptsUs[i - 1];
            QVERIFY2(step > 0 && step <= 80000, qPrintable(QString::number(step)));
        }
    }

    void forwardClockJumpIsAbsorbed() {
        QVERIFY(concat({path("a.ts"), path("c.ts")}, path("ac.ts")));
        auto src = VideoSource::open(path("ac.ts").toStdString(), {});
        QVERIFY(src.ok());
        const Decoded d = decodeAll(**src);
        QCOMPARE(int(d.ptsUs.size()), 100);
        QCOMPARE((*src)->counters().timestampJumps.load(), std::int64_t(1));
        QVERIFY2(d.ptsUs.back() < 5'000'000, qPrintable(QString::number(d.ptsUs.back())));
    }

    void unsupportedCodecIsReportedClearly() {
        // An AVI whose FourCC no decoder knows.
        QVERIFY(ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                        QStringLiteral("testsrc2=s=320x240:r=25:d=1"), QStringLiteral("-c:v"),
                        QStringLiteral("mpeg4"), QStringLiteral("-vtag"), QStringLiteral("XVID"),
                        path("x.avi")}));
        QFile in(path("x.avi"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        QVERIFY(bytes.contains("XVID"));
        bytes.replace("XVID", "ZZZZ");
        QFile out(path("unknown.avi"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();
        auto src = VideoSource::open(path("unknown.avi").toStdString(), {});
        QVERIFY(!src.ok());
        QVERIFY2(QString::fromStdString(src.error().message)
                     .contains(QLatin1String("unsupported codec")),
                 src.error().message.c_str());
    }

    void poolExhaustionIsCountedNotAllocated() {
        SourceOptions opts;
        opts.poolFrames = 3;
        auto src = VideoSource::open(path("clip.mp4").toStdString(), opts);
        QVERIFY(src.ok());
        std::vector<core::ImageFrame> held;
        for (int i = 0; i < 3; ++i) {
            QCOMPARE((*src)->next(), ReadStatus::Frame);
            auto f = (*src)->convertCurrent();
            QVERIFY(f.ok());
            held.push_back(*f);  // a slow consumer keeps every picture
        }
        QCOMPARE((*src)->next(), ReadStatus::Frame);
        auto refused = (*src)->convertCurrent();
        QVERIFY(!refused.ok());
        QCOMPARE((*src)->counters().poolExhausted.load(), std::int64_t(1));
        held.pop_back();  // one picture released: its buffer is reused
        QVERIFY((*src)->convertCurrent().ok());
    }

    void rewindKeepsTheTimelineGoing() {
        auto src = VideoSource::open(path("clip.mp4").toStdString(), {});
        QVERIFY(src.ok());
        Decoded first = decodeAll(**src);
        QVERIFY((*src)->rewind().ok());
        Decoded second = decodeAll(**src);
        QCOMPARE(second.ptsUs.size(), first.ptsUs.size());
        QVERIFY(second.ptsUs.front() > first.ptsUs.back());
        QVERIFY(second.ptsUs.front() - first.ptsUs.back() <= 80000);
    }

    void hardwareDecodingFallsBackToTheCpu() {
        SourceOptions opts;
        opts.hardware = inference::HardwareDecode::Auto;
        auto src = VideoSource::open(path("clip.mp4").toStdString(), opts);
        QVERIFY2(src.ok(), src.ok() ? "" : src.error().message.c_str());
        const Decoded d = decodeAll(**src);
        QCOMPARE(int(d.ptsUs.size()), 50);
        qInfo("hardware decoding: %s", (*src)->info().hardware.empty()
                                           ? "not available here, decoded on the CPU"
                                           : (*src)->info().hardware.c_str());
    }

    void credentialsAreEncodedIntoTheUrl() {
        QCOMPARE(inference::insertUserInfo("rtsp://vms:554/cam1", "admin:p@ss:w/rd"),
                 std::string("rtsp://admin:p%40ss%3Aw%2Frd@vms:554/cam1"));
        QCOMPARE(inference::insertUserInfo("rtsp://vms/cam", ""), std::string("rtsp://vms/cam"));
        QCOMPARE(inference::insertUserInfo("rtsps://h/x", "user"), std::string("rtsps://user@h/x"));
    }

    void missingFileAndNoVideo() {
        auto missing = VideoSource::open("/nonexistent/file.mp4", {});
        QVERIFY(!missing.ok());
        QVERIFY(
            QString::fromStdString(missing.error().message).contains(QLatin1String("not found")));
        QVERIFY(ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                        QStringLiteral("sine=d=1"), path("audio.mp4")}));
        auto audio = VideoSource::open(path("audio.mp4").toStdString(), {});
        QVERIFY(!audio.ok());
        QVERIFY2(QString::fromStdString(audio.error().message)
                     .contains(QLatin1String("no video stream")),
                 audio.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestVideoSource)
#include "tst_video_source.moc"
