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
#include <optional>

#include "app/common/paths.h"
#include "app/workstation/workstation.h"
#include "core/log.h"
#include "widgets/login_dialog.h"
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
    const auto fail = [](const std::string& error) {
        vigie::core::logger("app")->critical("{}", error);
        if (QGuiApplication::platformName() != QLatin1String("offscreen")) {
            QMessageBox::critical(nullptr, QObject::tr("Vigie — démarrage impossible"),
                                  QString::fromStdString(error));
        }
        return 2;
    };
    if (const auto opened = workstation.open(options); !opened) {
        return fail(opened.error().message);
    }
    // Login first: the session's rights decide what the windows show.
    const auto login = [&workstation]() -> std::optional<vigie::core::Principal> {
        vigie::widgets::LoginDialog dialog(
            [&workstation](const std::string& l, const std::string& p) {
                return workstation.authenticate(l, p);
            });
        dialog.setSiteName(QString::fromStdString(
            workstation.site().name.empty() ? workstation.site().id : workstation.site().name));
        if (!workstation.hasAccounts()) {
            dialog.setFirstRun([&workstation](const std::string& l, const std::string& p) {
                return workstation.createFirstAdministrator(l, p);
            });
        }
        if (dialog.exec() != QDialog::Accepted) {
            return std::nullopt;
        }
        return dialog.principal();
    };
    const auto user = login();
    if (!user) {
        return 0;
    }
    if (const auto started = workstation.start(*user); !started) {
        return fail(started.error().message);
    }
    workstation.showWindows();
    QObject::connect(&workstation, &vigie::app::Workstation::logoutRequested, &app,
                     [&workstation, &login] {
                         for (auto* w : workstation.windows()) {
                             w->hide();
                         }
                         const auto next = login();
                         if (!next || !workstation.switchUser(*next)) {
                             QApplication::quit();
                             return;
                         }
                         workstation.showWindows();
                     });
    auto* window = workstation.window();

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
