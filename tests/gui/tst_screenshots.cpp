// Screenshots of the main screens at 1920×1080, on the real demo footage (ABODA video 4, the
// abandoned-bag clip) and the real detector, for review and for the French user guide
// (docs/fr/guide-operateur.md). Written to $VIGIE_SCREENSHOT_DIR when set (the guide's
// pictures: docs/screenshots), else to a temporary directory. Each picture is checked: the
// right size and not blank. Skips without the data set.
//   VIGIE_SCREENSHOT_DIR=docs/screenshots ctest --test-dir build/dev -R tst_screenshots
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPainter>
#include <QSet>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "app/workstation/alert_media_cache.h"
#include "app/workstation/workstation.h"
#include "tests/support/test_support.h"
#include "widgets/alert_list_model.h"
#include "widgets/alert_panel.h"
#include "widgets/core_metatypes.h"
#include "widgets/login_dialog.h"
#include "widgets/operator_window.h"
#include "widgets/theme.h"
#include "widgets/video_tile.h"
#include "widgets/video_wall.h"

using namespace vigie;

namespace {

const QSize kScreen(1920, 1080);
const char kAdminPassword[] = "Vigie-Gare-Nord-2026!";
const char kOperatorPassword[] = "Quai-Nord-2026!";

// A widget smaller than a screen, centred on the dark desktop of the control room.
QImage onDesktop(QWidget* widget) {
    QImage out(kScreen, QImage::Format_RGB32);
    out.fill(QColor(0x10, 0x11, 0x13));
    const QPixmap shot = widget->grab();
    QPainter p(&out);
    p.drawPixmap((kScreen.width() - shot.width()) / 2, (kScreen.height() - shot.height()) / 2,
                 shot);
    return out;
}

// Not blank: enough distinct colours on a coarse grid.
int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7) {
            colours.insert(image.pixel(x, y));
        }
    }
    return int(colours.size());
}

}  // namespace

class TestScreenshots : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_out;

    void save(const QImage& image, const QString& name) {
        const QString path = m_out + QLatin1Char('/') + name;
        QVERIFY2(image.save(path), qPrintable(path));
        QCOMPARE(image.size(), kScreen);
        QVERIFY2(distinctColours(image) > 40, qPrintable(name + QStringLiteral(" looks blank")));
    }
    void saveWindow(QWidget* w, const QString& name) {
        w->resize(kScreen);
        QApplication::processEvents();
        save(w->grab().toImage().convertToFormat(QImage::Format_RGB32), name);
    }

private Q_SLOTS:
    void initTestCase() {
        VIGIE_REQUIRE_DATA("video/aboda_video4_abandoned_bag.avi");
        VIGIE_REQUIRE_DATA("models/detector/yolox_nano_416.torchscript.pt");
        QVERIFY(m_tmp.isValid());
        m_out = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR", m_tmp.path());
        QDir().mkpath(m_out);
        widgets::registerCoreMetaTypes();
        widgets::applyControlRoomTheme(*qApp);
        qputenv("VIGIE_DATA_DIR", test::dataDir().toLocal8Bit());
    }

    void everyMainScreen() {
        app::WorkstationOptions options;
        options.sitePath =
            test::sourcePath(QStringLiteral("resources/demo/site.json")).toStdString();
        options.modelDir = test::dataPath(QStringLiteral("models")).toStdString();
        options.manifestPath =
            test::sourcePath(QStringLiteral("models/manifest.json")).toStdString();
        options.device = "cpu";
        // Every picture analysed: the demo alert comes whatever the machine's load.
        options.replayAsFastAsPossible = true;
        options.stateDir = m_tmp.filePath(QStringLiteral("state")).toStdString();
        options.useKeychain = false;
        options.passwordHashing = core::PasswordHashing::Minimum;
        options.settingsPath = m_tmp.filePath(QStringLiteral("layouts.ini")).toStdString();
        options.screens = 1;
        app::Workstation ws;
        const auto opened = ws.open(options);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());

        // 1. First run: the first administrator.
        {
            widgets::LoginDialog first([&ws](const std::string& l, const std::string& p) {
                return ws.authenticate(l, p);
            });
            first.setSiteName(QString::fromStdString(ws.site().name));
            first.setFirstRun([&ws](const std::string& l, const std::string& p) {
                return ws.createFirstAdministrator(l, p);
            });
            first.show();
            QVERIFY(QTest::qWaitForWindowExposed(&first));
            save(onDesktop(&first), QStringLiteral("01-premier-administrateur.png"));
            first.findChild<QLineEdit*>(QStringLiteral("passwordEdit"))
                ->setText(QString::fromLatin1(kAdminPassword));
            first.findChild<QLineEdit*>(QStringLiteral("confirmPasswordEdit"))
                ->setText(QString::fromLatin1(kAdminPassword));
            first.submit();
            QCOMPARE(first.result(), int(QDialog::Accepted));
            core::UserSpec op;
            op.login = "dupont";
            op.displayName = "M. Dupont";
            op.level = core::Level::Operator;
            QVERIFY(ws.accounts()->createUser(first.principal(), op, kOperatorPassword).ok());
        }
        // 2. Login, after a wrong password (the French refusal).
        core::Principal operatorUser;
        {
            widgets::LoginDialog login([&ws](const std::string& l, const std::string& p) {
                return ws.authenticate(l, p);
            });
            login.setSiteName(QString::fromStdString(ws.site().name));
            login.show();
            QVERIFY(QTest::qWaitForWindowExposed(&login));
            auto* name = login.findChild<QLineEdit*>(QStringLiteral("loginEdit"));
            auto* password = login.findChild<QLineEdit*>(QStringLiteral("passwordEdit"));
            QTest::keyClicks(name, QStringLiteral("dupont"));
            QTest::keyClicks(password, QStringLiteral("mauvais-mot-de-passe"));
            QTest::keyClick(password, Qt::Key_Return);
            QVERIFY(login.message().contains(QStringLiteral("incorrect")));
            save(onDesktop(&login), QStringLiteral("02-connexion.png"));
            QTest::keyClicks(password, QString::fromLatin1(kOperatorPassword));
            QTest::keyClick(password, Qt::Key_Return);
            QCOMPARE(login.result(), int(QDialog::Accepted));
            operatorUser = login.principal();
        }

        // 3. The wall on the real footage until the demo alert, then the review.
        const auto started = ws.start(operatorUser);
        QVERIFY2(started.ok(), started.ok() ? "" : started.error().message.c_str());
        widgets::OperatorWindow* window = ws.window();
        window->resize(kScreen);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        widgets::VideoTile* tile = window->wall()->tile(0);
        QTRY_VERIFY_WITH_TIMEOUT(tile->hasPicture(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(window->alertModel()->rowCount() >= 1, 240000);
        const QString uid =
            window->alertModel()
                ->data(window->alertModel()->index(0, 0), widgets::AlertListModel::UidRole)
                .toString();
        // The whole wall (3×3), the camera's tile framed by the alert.
        window->wall()->restore();
        QTRY_VERIFY_WITH_TIMEOUT(tile->isAlertFrameShown() && !tile->lastAnalysis().objects.empty(),
                                 10000);
        saveWindow(window, QStringLiteral("03-mur-alerte.png"));
        // Enlarged in place (double-click).
        QTest::mouseDClick(tile, Qt::LeftButton);
        QCOMPARE(window->wall()->enlargedIndex(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(tile->isAlertFrameShown(), 5000);
        saveWindow(window, QStringLiteral("04-tuile-agrandie.png"));

        // Review: the clip from −15 s to +10 s around the alert, with its boxes.
        auto* panel = window->alertPanel();
        panel->selectUid(uid);
        QTRY_VERIFY_WITH_TIMEOUT(ws.media()->isComplete(uid), 120000);
        panel->refreshMedia();
        QVERIFY(panel->clipView()->frameCount() > 10);
        panel->takeSelected();  // Espace: taken in charge, clip plays
        panel->clipView()->pause();
        for (int i = panel->clipView()->position(); i < panel->clipView()->frameCount(); ++i) {
            panel->clipView()->seek(i);
            if (panel->clipView()->offsetMs() >= 1000) {
                break;
            }
        }
        panel->findChild<QComboBox*>(QStringLiteral("falsePositiveReason"))->setCurrentIndex(0);
        panel->findChild<QLineEdit*>(QStringLiteral("alertComment"))
            ->insert(QStringLiteral("Personne près de l'armoire, vérifiée sur le direct"));
        saveWindow(window, QStringLiteral("05-levee-de-doute.png"));
        panel->confirmSelected();
        QTRY_COMPARE(ws.alertModel()->alertByUid(uid)->qualification,
                     core::Qualification::Confirmed);
        window->wall()->restore();
        saveWindow(window, QStringLiteral("06-alerte-confirmee.png"));

        // The set-up and administration screens, as the administrator opens them.
        auto admin = ws.authenticate("admin", kAdminPassword);
        QVERIFY(admin.ok());
        QVERIFY(ws.switchUser(*admin).ok());
        const std::pair<widgets::Screen, const char*> screens[] = {
            {widgets::Screen::ZoneEditor, "07-zones-et-lignes.png"},
            {widgets::Screen::RuleBuilder, "08-regles.png"},
            {widgets::Screen::ReplayTuning, "09-rejeu.png"},
            {widgets::Screen::Administration, "10-administration.png"},
            {widgets::Screen::Health, "11-sante.png"},
            {widgets::Screen::Statistics, "12-statistiques.png"},
        };
        for (const auto& [screen, name] : screens) {
            QWidget* w = ws.openScreen(screen);
            QVERIFY2(w != nullptr, name);
            QVERIFY(QTest::qWaitForWindowExposed(w));
            QTest::qWait(300);
            saveWindow(w, QString::fromLatin1(name));
        }
        ws.shutdown();
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
