// The names of domain values (widgets/labels.cpp) through the compiled translations, as the
// workstation loads them: with the French translator the legal French labels come out, and
// every label resolves in the English translation under the context labels.cpp looks up (a
// label filed under another context would stay in French there).
#include <QCoreApplication>
#include <QTranslator>
#include <QtTest>

#include "widgets/labels.h"

using namespace vigie;

namespace {

QString qmPath(const QString& language) {
    const QString dir = qEnvironmentVariable("VIGIE_TEST_QM_DIR");
    return dir + QStringLiteral("/vigie_") + language + QStringLiteral(".qm");
}

// Every label of the domain enumerations, in order.
QStringList allLabels() {
    QStringList out;
    for (int e = int(core::EventType::Invalid); e <= int(core::EventType::Fire); ++e) {
        out.append(widgets::eventLabel(core::EventType(e)));
    }
    for (const auto s : {core::Severity::Critical, core::Severity::Major, core::Severity::Info}) {
        out.append(widgets::severityLabel(s));
    }
    for (const auto q : {core::Qualification::Unreviewed, core::Qualification::Confirmed,
                         core::Qualification::FalsePositive}) {
        out.append(widgets::qualificationLabel(q));
    }
    for (const auto c :
         {core::CameraState::Invalid, core::CameraState::Stopped, core::CameraState::Connecting,
          core::CameraState::Live, core::CameraState::Stalled, core::CameraState::Reconnecting,
          core::CameraState::Failed, core::CameraState::Finished}) {
        out.append(widgets::cameraStateLabel(c));
    }
    return out;
}

}  // namespace

class TestLabels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(!qEnvironmentVariableIsEmpty("VIGIE_TEST_QM_DIR"),
                 "VIGIE_TEST_QM_DIR (the compiled translations) is not set");
    }

    void frenchLabels() {
        QTranslator french;
        QVERIFY2(french.load(qmPath(QStringLiteral("fr"))),
                 qPrintable(qmPath(QStringLiteral("fr"))));
        QVERIFY(QCoreApplication::installTranslator(&french));
        QCOMPARE(widgets::eventLabel(core::EventType::Intrusion),
                 QStringLiteral("Intrusion en zone interdite"));
        QCOMPARE(widgets::eventLabel(core::EventType::AbandonedObject),
                 QStringLiteral("Objet abandonné"));
        QCOMPARE(widgets::severityLabel(core::Severity::Critical), QStringLiteral("CRITIQUE"));
        QCOMPARE(widgets::qualificationLabel(core::Qualification::FalsePositive),
                 QStringLiteral("Fausse alerte"));
        QCOMPARE(widgets::cameraStateLabel(core::CameraState::Stalled),
                 QStringLiteral("Image figée"));
        QCOMPARE(widgets::classLabel(QStringLiteral("person")), QStringLiteral("personne"));
        QCOMPARE(widgets::classLabel(QStringLiteral("unknown-class")),
                 QStringLiteral("unknown-class"));
        QCoreApplication::removeTranslator(&french);
    }

    void everyLabelResolvesInEnglish() {
        const auto sources = allLabels();  // no translator: the French source texts
        QTranslator english;
        QVERIFY2(english.load(qmPath(QStringLiteral("en"))),
                 qPrintable(qmPath(QStringLiteral("en"))));
        QVERIFY(QCoreApplication::installTranslator(&english));
        QCOMPARE(widgets::eventLabel(core::EventType::Fire), QStringLiteral("Fire start"));
        QCOMPARE(widgets::severityLabel(core::Severity::Critical), QStringLiteral("CRITICAL"));
        QCOMPARE(widgets::cameraStateLabel(core::CameraState::Failed), QStringLiteral("Offline"));
        QCOMPARE(widgets::classLabel(QStringLiteral("person")), QStringLiteral("person"));
        // Each label is found under the context labels.cpp looks up (some English texts equal
        // the French ones, « INFO »: ask the translator rather than compare).
        for (const QString& source : sources) {
            QVERIFY2(
                !english.translate("vigie::widgets::Labels", source.toUtf8().constData()).isEmpty(),
                qPrintable(QStringLiteral("no translation for: ") + source));
        }
        for (const char* name : {"person", "suitcase", "knife", "bus"}) {
            QCoreApplication::removeTranslator(&english);
            const QByteArray source = widgets::classLabel(QString::fromLatin1(name)).toUtf8();
            QVERIFY(QCoreApplication::installTranslator(&english));
            QVERIFY2(!english.translate("vigie::widgets::Labels", source.constData()).isEmpty(),
                     name);
        }
        QCoreApplication::removeTranslator(&english);
        QCOMPARE(widgets::eventLabel(core::EventType::Fire), QStringLiteral("Départ de feu"));
    }
};

QTEST_GUILESS_MAIN(TestLabels)
#include "tst_labels.moc"
