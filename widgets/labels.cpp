#include "widgets/labels.h"

#include <QCoreApplication>
#include <QHash>

namespace vigie::widgets {

namespace {

// The translation context of these free functions: lupdate files Labels::tr() under
// "vigie::widgets::Labels", the context looked up at run time (a bare tr() outside a class is
// filed under the namespace, where the translator never looks).
class Labels {
    Q_DECLARE_TR_FUNCTIONS(vigie::widgets::Labels)
};

}  // namespace

QString eventLabel(core::EventType type) {
    switch (type) {
        case core::EventType::Intrusion:
            return Labels::tr("Intrusion en zone interdite");
        case core::EventType::LineCrossing:
            return Labels::tr("Franchissement de ligne");
        case core::EventType::WrongWay:
            return Labels::tr("Non-respect du sens de circulation");
        case core::EventType::CrowdMovement:
            return Labels::tr("Mouvement de foule");
        case core::EventType::Density:
            return Labels::tr("Densité trop importante de personnes");
        case core::EventType::AbandonedObject:
            return Labels::tr("Objet abandonné");
        case core::EventType::Weapon:
            return Labels::tr("Présence d'arme");
        case core::EventType::PersonOnGround:
            return Labels::tr("Personne au sol");
        case core::EventType::Fire:
            return Labels::tr("Départ de feu");
        case core::EventType::Invalid:
            break;
    }
    return Labels::tr("Événement inconnu");
}

QString severityLabel(core::Severity severity) {
    switch (severity) {
        case core::Severity::Critical:
            return Labels::tr("CRITIQUE");
        case core::Severity::Major:
            return Labels::tr("MAJEURE");
        case core::Severity::Info:
            return Labels::tr("INFO");
        case core::Severity::Invalid:
            break;
    }
    return QString();
}

QColor severityColour(core::Severity severity) {
    switch (severity) {
        case core::Severity::Critical:
            return QColor(0xC6, 0x28, 0x28);
        case core::Severity::Major:
            return QColor(0xEF, 0x6C, 0x00);
        case core::Severity::Info:
            return QColor(0x1E, 0x88, 0xE5);
        case core::Severity::Invalid:
            break;
    }
    return QColor(0x60, 0x60, 0x60);
}

QString qualificationLabel(core::Qualification q) {
    switch (q) {
        case core::Qualification::Unreviewed:
            return Labels::tr("Nouvelle");
        case core::Qualification::Confirmed:
            return Labels::tr("Confirmée");
        case core::Qualification::FalsePositive:
            return Labels::tr("Fausse alerte");
        case core::Qualification::Invalid:
            break;
    }
    return QString();
}

QString cameraStateLabel(core::CameraState state) {
    switch (state) {
        case core::CameraState::Stopped:
            return Labels::tr("Arrêtée");
        case core::CameraState::Connecting:
            return Labels::tr("Connexion…");
        case core::CameraState::Live:
            return Labels::tr("En direct");
        case core::CameraState::Stalled:
            return Labels::tr("Image figée");
        case core::CameraState::Reconnecting:
            return Labels::tr("Reconnexion…");
        case core::CameraState::Failed:
            return Labels::tr("Hors ligne");
        case core::CameraState::Finished:
            return Labels::tr("Fin de la séquence");
        case core::CameraState::Invalid:
            break;
    }
    return Labels::tr("Inconnu");
}

QColor healthColour(core::HealthLevel level) {
    switch (level) {
        case core::HealthLevel::Ok:
            return QColor(0x2E, 0x7D, 0x32);
        case core::HealthLevel::Degraded:
            return QColor(0xF9, 0xA8, 0x25);
        case core::HealthLevel::Down:
            return QColor(0xC6, 0x28, 0x28);
        case core::HealthLevel::Unknown:
        case core::HealthLevel::Invalid:
            break;
    }
    return QColor(0x42, 0x42, 0x42);
}

QString classLabel(const QString& className) {
    static const QHash<QString, const char*> kNames = {
        {QStringLiteral("person"), QT_TRANSLATE_NOOP("vigie::widgets::Labels", "personne")},
        {QStringLiteral("bicycle"), QT_TRANSLATE_NOOP("vigie::widgets::Labels", "vélo")},
        {QStringLiteral("car"), QT_TRANSLATE_NOOP("vigie::widgets::Labels", "voiture")},
        {QStringLiteral("motorcycle"), QT_TRANSLATE_NOOP("vigie::widgets::Labels", "moto")},
        {QStringLiteral("bus"), QT_TRANSLATE_NOOP("vigie::widgets::Labels", "bus")},
        {QStringLiteral("train"), QT_TRANSLATE_NOOP("vigie::widgets::Labels", "train")},
        {QStringLiteral("truck"), QT_TRANSLATE_NOOP("vigie::widgets::Labels", "camion")},
        {QStringLiteral("backpack"), QT_TRANSLATE_NOOP("vigie::widgets::Labels", "sac à dos")},
        {QStringLiteral("handbag"), QT_TRANSLATE_NOOP("vigie::widgets::Labels", "sac à main")},
        {QStringLiteral("suitcase"), QT_TRANSLATE_NOOP("vigie::widgets::Labels", "valise")},
        {QStringLiteral("umbrella"), QT_TRANSLATE_NOOP("vigie::widgets::Labels", "parapluie")},
        {QStringLiteral("knife"), QT_TRANSLATE_NOOP("vigie::widgets::Labels", "couteau")},
        {QStringLiteral("scissors"), QT_TRANSLATE_NOOP("vigie::widgets::Labels", "ciseaux")},
        {QStringLiteral("baseball bat"), QT_TRANSLATE_NOOP("vigie::widgets::Labels", "batte")},
    };
    const auto it = kNames.constFind(className);
    return it == kNames.constEnd() ? className : Labels::tr(it.value());
}

QColor classColour(const QString& className) {
    static const QHash<QString, QColor> kColours = {
        {QStringLiteral("person"), QColor(0x00, 0xE5, 0xFF)},
        {QStringLiteral("bicycle"), QColor(0xB3, 0x88, 0xFF)},
        {QStringLiteral("car"), QColor(0xB3, 0x88, 0xFF)},
        {QStringLiteral("motorcycle"), QColor(0xB3, 0x88, 0xFF)},
        {QStringLiteral("bus"), QColor(0xB3, 0x88, 0xFF)},
        {QStringLiteral("truck"), QColor(0xB3, 0x88, 0xFF)},
        {QStringLiteral("train"), QColor(0xB3, 0x88, 0xFF)},
        {QStringLiteral("backpack"), QColor(0xFF, 0xEB, 0x3B)},
        {QStringLiteral("handbag"), QColor(0xFF, 0xEB, 0x3B)},
        {QStringLiteral("suitcase"), QColor(0xFF, 0xEB, 0x3B)},
        {QStringLiteral("knife"), QColor(0xFF, 0x52, 0x52)},
        {QStringLiteral("scissors"), QColor(0xFF, 0x52, 0x52)},
    };
    return kColours.value(className, QColor(0xE0, 0xE0, 0xE0));
}

}  // namespace vigie::widgets
