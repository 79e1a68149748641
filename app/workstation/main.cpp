// `vigie-workstation`: the operator workstation with the in-process engine.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QScreen>
#include <QTimer>
#include <QTranslator>

#include <cstdlib>

#include "app/common/paths.h"
#include "app/workstation/workstation.h"
#include "core/log.h"
#include "widgets/operator_window.h"
#include "widgets/theme.h"

int main(int argc, char** argv) {
    // The demo site names its clip through ${VIGIE_DATA_DIR}.
    if (std::getenv("VIGIE_DATA_DIR") == nullptr) {
        setenv("VIGIE_DATA_DIR", VIGIE_DEFAULT_DATA_DIR, 0);
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("vigie-workstation"));
    QApplication::setOrganizationName(QStringLiteral("Vigie"));
    QApplication::setApplicationVersion(QStringLiteral(VIGIE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Vigie — poste opérateur"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption siteOpt(QStringLiteral("site"), QStringLiteral("Site configuration (JSON)."),
                               QStringLiteral("site.json"));
    QCommandLineOption modelDirOpt(QStringLiteral("model-dir"), QStringLiteral("Model directory."),
                                   QStringLiteral("dir"));
    QCommandLineOption deviceOpt(QStringLiteral("device"), QStringLiteral("auto, cpu or cuda."),
                                 QStringLiteral("device"));
    QCommandLineOption langOpt(QStringLiteral("lang"), QStringLiteral("fr (default) or en."),
                               QStringLiteral("lang"), QStringLiteral("fr"));
    QCommandLineOption screenshotOpt(QStringLiteral("screenshot"),
                                     QStringLiteral("Save a screenshot of the window to this PNG."),
                                     QStringLiteral("file.png"));
    QCommandLineOption afterOpt(QStringLiteral("screenshot-after"),
                                QStringLiteral("Seconds before the screenshot (default 20)."),
                                QStringLiteral("s"), QStringLiteral("20"));
    QCommandLineOption quitOpt(QStringLiteral("quit-after"),
                               QStringLiteral("Quit after this many seconds."),
                               QStringLiteral("s"));
    parser.addOptions({siteOpt, modelDirOpt, deviceOpt, langOpt, screenshotOpt, afterOpt, quitOpt});
    parser.process(app);

    vigie::core::setupLogging({});
    vigie::widgets::applyControlRoomTheme(app);
    QTranslator translator;
    const QString lang = parser.value(langOpt);
    if (lang != QLatin1String("fr")) {
        if (translator.load(QStringLiteral(":/i18n/vigie_") + lang)) {
            QApplication::installTranslator(&translator);
        }
    }

    vigie::app::WorkstationOptions options;
    options.sitePath = parser.value(siteOpt).toStdString();
    options.modelDir = parser.value(modelDirOpt).toStdString();
    options.device = parser.value(deviceOpt).toStdString();
    vigie::app::Workstation workstation;
    const auto started = workstation.start(options);
    if (!started) {
        const QString message = QString::fromStdString(started.error().message);
        vigie::core::logger("app")->critical("{}", started.error().message);
        if (QGuiApplication::platformName() != QLatin1String("offscreen")) {
            QMessageBox::critical(nullptr, QObject::tr("Vigie — démarrage impossible"), message);
        }
        return 2;
    }
    auto* window = workstation.window();
    window->show();

    if (parser.isSet(screenshotOpt)) {
        const QString file = parser.value(screenshotOpt);
        QTimer::singleShot(int(parser.value(afterOpt).toDouble() * 1000), window, [window, file] {
            const bool ok = window->grab().save(file);
            vigie::core::logger("app")->info("screenshot {} {}", file.toStdString(),
                                             ok ? "saved" : "FAILED");
        });
    }
    if (parser.isSet(quitOpt)) {
        QTimer::singleShot(int(parser.value(quitOpt).toDouble() * 1000), &app, &QApplication::quit);
    }
    const int rc = QApplication::exec();
    workstation.shutdown();
    return rc;
}
