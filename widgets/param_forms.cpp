#include "widgets/param_forms.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <numbers>

#include "widgets/labels.h"

namespace vigie::widgets {

namespace {

constexpr const char* kContext = "vigie::widgets::ParamForm";

// Offered when the application has not told which classes its detector knows (COCO names).
const QStringList& defaultClasses() {
    static const QStringList kClasses = {
        QStringLiteral("person"),     QStringLiteral("bicycle"),  QStringLiteral("car"),
        QStringLiteral("motorcycle"), QStringLiteral("bus"),      QStringLiteral("truck"),
        QStringLiteral("backpack"),   QStringLiteral("handbag"),  QStringLiteral("suitcase"),
        QStringLiteral("knife"),      QStringLiteral("scissors"), QStringLiteral("baseball bat"),
    };
    return kClasses;
}

struct Direction {
    core::PointF vector;
    const char* label;
};

// Image-plane directions of the allowed flow (y down). Vectors are not normalised: the
// analyser only uses their angle, and integers round-trip exactly through the config.
const std::array<Direction, 8>& directions() {
    static const std::array<Direction, 8> kDirections = {{
        {{0.0, 1.0}, QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "↓ vers le bas de l'image")},
        {{0.0, -1.0}, QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "↑ vers le haut de l'image")},
        {{-1.0, 0.0}, QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "← vers la gauche")},
        {{1.0, 0.0}, QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "→ vers la droite")},
        {{1.0, 1.0}, QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "↘ en bas à droite")},
        {{-1.0, 1.0}, QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "↙ en bas à gauche")},
        {{1.0, -1.0}, QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "↗ en haut à droite")},
        {{-1.0, -1.0}, QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "↖ en haut à gauche")},
    }};
    return kDirections;
}

int directionIndex(core::PointF v) {
    const double len = std::hypot(v.x, v.y);
    if (len <= 0.0) {
        return -1;
    }
    for (std::size_t i = 0; i < directions().size(); ++i) {
        const core::PointF d = directions()[i].vector;
        const double cosAngle = (v.x * d.x + v.y * d.y) / (len * std::hypot(d.x, d.y));
        if (cosAngle > std::cos(std::numbers::pi / 180.0)) {  // within one degree
            return int(i);
        }
    }
    return -1;
}

}  // namespace

EventGeometry eventGeometry(core::EventType event) {
    switch (event) {
        case core::EventType::LineCrossing:
            return {GeometryKind::Lines, true};
        case core::EventType::Intrusion:
        case core::EventType::WrongWay:
        case core::EventType::Density:
        case core::EventType::CrowdMovement:
            return {GeometryKind::Areas, true};
        case core::EventType::AbandonedObject:
        case core::EventType::PersonOnGround:
        case core::EventType::Fire:
        case core::EventType::Weapon:
            return {GeometryKind::Areas, false};
        case core::EventType::Invalid:
            break;
    }
    return {};
}

core::RuleParams defaultParams(core::EventType event) {
    switch (event) {
        case core::EventType::Intrusion:
            return core::IntrusionParams{};
        case core::EventType::LineCrossing:
            return core::LineCrossingParams{};
        case core::EventType::WrongWay:
            return core::WrongWayParams{};
        case core::EventType::Density:
            return core::DensityParams{};
        case core::EventType::CrowdMovement:
            return core::CrowdMovementParams{};
        case core::EventType::AbandonedObject:
            return core::AbandonedObjectParams{};
        case core::EventType::PersonOnGround:
            return core::PersonOnGroundParams{};
        case core::EventType::Fire:
            return core::FireParams{};
        case core::EventType::Weapon:
            return core::WeaponParams{};
        case core::EventType::Invalid:
            break;
    }
    return core::IntrusionParams{};
}

bool paramsMatchEvent(const core::RuleParams& params, core::EventType event) {
    return event != core::EventType::Invalid && params.index() == defaultParams(event).index();
}

struct ParamForm::Field {
    enum class Kind { Number, Integer, Toggle, Choice, Classes, Direction };
    QString key;
    Kind kind = Kind::Number;
    const char* label = "";
    const char* explanation = "";
    const char* unit = "";
    double scale = 1.0;  // shown value = stored value × scale (fractions shown in %)
    double min = 0.0;
    double max = 0.0;
    double step = 1.0;
    int decimals = 0;
    std::vector<const char*> choices;
    std::function<double(const core::RuleParams&)> get;
    std::function<void(core::RuleParams&, double)> set;
    std::function<std::vector<std::string>*(core::RuleParams&)> classes;
    std::function<core::PointF*(core::RuleParams&)> point;
    QWidget* editor = nullptr;
    QLabel* labelWidget = nullptr;
    QLabel* help = nullptr;
};

namespace {

using Field = std::unique_ptr<ParamForm::Field>;

template <typename P, typename M>
void bindMember(ParamForm::Field& f, M P::*member) {
    f.get = [member](const core::RuleParams& v) {
        return double(std::get<P>(v).*member);
    };
    f.set = [member](core::RuleParams& v, double x) {
        if constexpr (std::is_same_v<M, bool>) {
            std::get<P>(v).*member = x != 0.0;
        } else if constexpr (std::is_integral_v<M>) {
            std::get<P>(v).*member = M(std::lround(x));
        } else {
            std::get<P>(v).*member = M(x);
        }
    };
}

template <typename P>
Field number(const char* key, const char* label, const char* explanation, const char* unit,
             double P::*member, double min, double max, double step, int decimals,
             double scale = 1.0) {
    auto f = std::make_unique<ParamForm::Field>();
    f->key = QString::fromLatin1(key);
    f->kind = ParamForm::Field::Kind::Number;
    f->label = label;
    f->explanation = explanation;
    f->unit = unit;
    f->min = min;
    f->max = max;
    f->step = step;
    f->decimals = decimals;
    f->scale = scale;
    bindMember(*f, member);
    return f;
}

template <typename P>
Field integer(const char* key, const char* label, const char* explanation, const char* unit,
              int P::*member, int min, int max) {
    auto f = std::make_unique<ParamForm::Field>();
    f->key = QString::fromLatin1(key);
    f->kind = ParamForm::Field::Kind::Integer;
    f->label = label;
    f->explanation = explanation;
    f->unit = unit;
    f->min = min;
    f->max = max;
    bindMember(*f, member);
    return f;
}

template <typename P>
Field toggle(const char* key, const char* label, const char* explanation, bool P::*member) {
    auto f = std::make_unique<ParamForm::Field>();
    f->key = QString::fromLatin1(key);
    f->kind = ParamForm::Field::Kind::Toggle;
    f->label = label;
    f->explanation = explanation;
    bindMember(*f, member);
    return f;
}

template <typename P>
Field classList(const char* explanation, std::vector<std::string> P::*member) {
    auto f = std::make_unique<ParamForm::Field>();
    f->key = QStringLiteral("classes");
    f->kind = ParamForm::Field::Kind::Classes;
    f->label = QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Objets concernés");
    f->explanation = explanation;
    f->classes = [member](core::RuleParams& v) {
        return &(std::get<P>(v).*member);
    };
    return f;
}

// Score thresholds: stored 0..1, shown in %.
template <typename P>
Field score(const char* key, const char* label, const char* explanation, double P::*member) {
    return number<P>(key, label, explanation, QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "%"),
                     member, 0.0, 100.0, 5.0, 0, 100.0);
}

const char* const kSeconds = QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "s");
const char* const kMetres = QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "m");

const char* const kScoreHelp = QT_TRANSLATE_NOOP(
    "vigie::widgets::ParamForm",
    "Les détections moins sûres sont ignorées ; plus haut, moins de fausses alertes.");

std::vector<Field> fieldsFor(core::EventType event) {
    std::vector<Field> out;
    switch (event) {
        case core::EventType::Intrusion: {
            using P = core::IntrusionParams;
            out.push_back(
                classList<P>(QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                               "Types d'objets qui déclenchent la règle."),
                             &P::classes));
            out.push_back(number<P>(
                "min_dwell_s", QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Présence minimale"),
                QT_TRANSLATE_NOOP(
                    "vigie::widgets::ParamForm",
                    "Temps passé dans la zone avant le signalement (0 : dès l'entrée)."),
                kSeconds, &P::minDwellS, 0.0, 3600.0, 0.5, 1));
            out.push_back(score<P>("min_score",
                                   QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Score minimal"),
                                   kScoreHelp, &P::minScore));
            break;
        }
        case core::EventType::LineCrossing: {
            using P = core::LineCrossingParams;
            out.push_back(
                classList<P>(QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                               "Types d'objets dont le passage est signalé."),
                             &P::classes));
            out.push_back(score<P>("min_score",
                                   QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Score minimal"),
                                   kScoreHelp, &P::minScore));
            break;
        }
        case core::EventType::WrongWay: {
            using P = core::WrongWayParams;
            out.push_back(
                classList<P>(QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                               "Types d'objets dont le sens est contrôlé."),
                             &P::classes));
            auto dir = std::make_unique<ParamForm::Field>();
            dir->key = QStringLiteral("allowed_direction");
            dir->kind = ParamForm::Field::Kind::Direction;
            dir->label = QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Sens autorisé");
            dir->explanation =
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                  "Sens normal de circulation dans la zone, sur l'image.");
            dir->point = [](core::RuleParams& v) {
                return &std::get<P>(v).allowedDirection;
            };
            out.push_back(std::move(dir));
            out.push_back(number<P>(
                "angle_tolerance_deg",
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Tolérance d'angle"),
                QT_TRANSLATE_NOOP(
                    "vigie::widgets::ParamForm",
                    "Écart accepté autour du contresens exact (90° : tout recul compte)."),
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "°"), &P::angleToleranceDeg, 1.0,
                180.0, 5.0, 0));
            out.push_back(number<P>(
                "min_distance_m",
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Distance minimale"),
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                  "Distance parcourue au sol à contresens avant le signalement."),
                kMetres, &P::minDistanceM, 0.0, 100.0, 0.5, 1));
            out.push_back(number<P>(
                "min_duration_s", QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Durée minimale"),
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                  "Durée du déplacement à contresens avant le "
                                  "signalement."),
                kSeconds, &P::minDurationS, 0.0, 600.0, 0.5, 1));
            out.push_back(score<P>("min_score",
                                   QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Score minimal"),
                                   kScoreHelp, &P::minScore));
            break;
        }
        case core::EventType::Density: {
            using P = core::DensityParams;
            out.push_back(number<P>(
                "threshold_per_m2",
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Seuil de densité"),
                QT_TRANSLATE_NOOP(
                    "vigie::widgets::ParamForm",
                    "Densité au-delà de laquelle la zone est signalée (étalonnage requis)."),
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "personnes/m²"), &P::thresholdPerM2,
                0.1, 10.0, 0.1, 2));
            out.push_back(number<P>(
                "hold_s",
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Durée au-dessus du seuil"),
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                  "La densité doit rester au-dessus du seuil aussi "
                                  "longtemps."),
                kSeconds, &P::holdS, 0.0, 3600.0, 1.0, 1));
            auto method = std::make_unique<ParamForm::Field>();
            method->key = QStringLiteral("method");
            method->kind = ParamForm::Field::Kind::Choice;
            method->label = QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Méthode");
            method->explanation = QT_TRANSLATE_NOOP(
                "vigie::widgets::ParamForm",
                "Comptage des personnes détectées, ou carte de densité pour les foules compactes.");
            method->choices = {
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Automatique"),
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Comptage des personnes"),
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Carte de densité")};
            method->get = [](const core::RuleParams& v) {
                switch (std::get<P>(v).method) {
                    case core::DensityMethod::Count:
                        return 1.0;
                    case core::DensityMethod::DensityMap:
                        return 2.0;
                    case core::DensityMethod::Auto:
                    case core::DensityMethod::Invalid:
                        break;
                }
                return 0.0;
            };
            method->set = [](core::RuleParams& v, double x) {
                static constexpr std::array kMethods = {core::DensityMethod::Auto,
                                                        core::DensityMethod::Count,
                                                        core::DensityMethod::DensityMap};
                std::get<P>(v).method = kMethods[std::size_t(std::clamp(int(x), 0, 2))];
            };
            out.push_back(std::move(method));
            out.push_back(integer<P>(
                "density_map_above_people",
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Carte de densité au-delà de"),
                QT_TRANSLATE_NOOP(
                    "vigie::widgets::ParamForm",
                    "En automatique, la carte de densité prend le relais au-delà de ce "
                    "nombre."),
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "personnes"),
                &P::densityMapAbovePeople, 1, 10000));
            break;
        }
        case core::EventType::CrowdMovement: {
            using P = core::CrowdMovementParams;
            out.push_back(number<P>(
                "sensitivity", QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Sensibilité"),
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                  "Plus haut : davantage de signalements, y compris "
                                  "des mouvements moins marqués."),
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "%"), &P::sensitivity, 0.0, 100.0,
                5.0, 0, 100.0));
            out.push_back(
                number<P>("min_fraction",
                          QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Part des personnes"),
                          QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                            "Part des personnes de la zone qui doivent prendre "
                                            "part au mouvement."),
                          QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "%"), &P::minFraction, 0.0,
                          100.0, 5.0, 0, 100.0));
            out.push_back(integer<P>(
                "min_people",
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Nombre minimal de personnes"),
                QT_TRANSLATE_NOOP(
                    "vigie::widgets::ParamForm",
                    "Aucun signalement en dessous de ce nombre de personnes dans la zone."),
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "personnes"), &P::minPeople, 1,
                10000));
            out.push_back(
                number<P>("running_speed_mps",
                          QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Vitesse de course"),
                          QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                            "Une personne plus rapide au sol est considérée "
                                            "comme courant."),
                          QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "m/s"),
                          &P::runningSpeedMps, 0.5, 15.0, 0.1, 1));
            out.push_back(
                number<P>("baseline_window_s",
                          QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                            "Apprentissage du mouvement "
                                            "habituel"),
                          QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                            "Durée sur laquelle le mouvement normal de la zone "
                                            "est appris."),
                          kSeconds, &P::baselineWindowS, 10.0, 86400.0, 30.0, 0));
            out.push_back(
                number<P>("min_area_fraction",
                          QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Surface en mouvement"),
                          QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                            "Part de la zone en mouvement qui suffit quand les "
                                            "personnes sont peu nombreuses."),
                          QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "% de la zone"),
                          &P::minAreaFraction, 0.0, 100.0, 1.0, 1, 100.0));
            break;
        }
        case core::EventType::AbandonedObject: {
            using P = core::AbandonedObjectParams;
            out.push_back(classList<P>(
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Types de bagages surveillés."),
                &P::classes));
            out.push_back(number<P>(
                "static_for_s", QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Immobile depuis"),
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                  "Durée d'immobilité de l'objet avant le "
                                  "signalement."),
                kSeconds, &P::staticForS, 1.0, 3600.0, 5.0, 0));
            out.push_back(number<P>(
                "owner_distance_m",
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Distance du propriétaire"),
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                  "Une personne plus proche : l'objet n'est pas "
                                  "considéré comme abandonné."),
                kMetres, &P::ownerDistanceM, 0.0, 50.0, 0.5, 1));
            out.push_back(
                number<P>("min_size_fraction",
                          QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Taille minimale"),
                          QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                            "Les objets plus petits (part de l'image) sont "
                                            "ignorés."),
                          QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "% de l'image"),
                          &P::minSizeFraction, 0.0, 100.0, 0.01, 3, 100.0));
            out.push_back(toggle<P>(
                "require_static_foreground",
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Vérifier l'image immobile"),
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                  "Confirme l'objet par l'analyse de l'image, même "
                                  "quand la détection vacille."),
                &P::requireStaticForeground));
            out.push_back(score<P>("min_score",
                                   QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Score minimal"),
                                   kScoreHelp, &P::minScore));
            break;
        }
        case core::EventType::PersonOnGround: {
            using P = core::PersonOnGroundParams;
            out.push_back(number<P>("min_duration_s",
                                    QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Au sol depuis"),
                                    QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                                      "Durée passée au sol avant le signalement."),
                                    kSeconds, &P::minDurationS, 0.0, 600.0, 1.0, 1));
            out.push_back(
                score<P>("min_confidence",
                         QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Confiance minimale"),
                         QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                           "Confiance requise dans la posture allongée."),
                         &P::minConfidence));
            out.push_back(toggle<P>(
                "require_fall", QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Chute préalable"),
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                  "Seule une personne qui vient de tomber est "
                                  "signalée, pas une personne déjà allongée."),
                &P::requireFall));
            break;
        }
        case core::EventType::Fire: {
            using P = core::FireParams;
            out.push_back(number<P>(
                "sensitivity", QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Sensibilité"),
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                  "Plus haut : davantage de signalements, y compris "
                                  "de petites flammes."),
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "%"), &P::sensitivity, 0.0, 100.0,
                5.0, 0, 100.0));
            out.push_back(
                number<P>("min_area_fraction",
                          QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Surface minimale"),
                          QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                            "Surface des flammes ou de la fumée, en part de "
                                            "l'image."),
                          QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "% de l'image"),
                          &P::minAreaFraction, 0.0, 100.0, 0.1, 2, 100.0));
            out.push_back(
                number<P>("hold_s", QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Persistance"),
                          QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                            "Le feu doit persister aussi longtemps avant le "
                                            "signalement."),
                          kSeconds, &P::holdS, 0.0, 600.0, 0.5, 1));
            break;
        }
        case core::EventType::Weapon: {
            using P = core::WeaponParams;
            out.push_back(classList<P>(QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                                         "Classes d'armes du modèle installé."),
                                       &P::classes));
            out.push_back(score<P>("min_score",
                                   QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Score minimal"),
                                   kScoreHelp, &P::minScore));
            out.push_back(integer<P>(
                "hold_frames",
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "Images consécutives"),
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm",
                                  "Nombre d'images analysées de suite où l'arme doit "
                                  "être vue."),
                QT_TRANSLATE_NOOP("vigie::widgets::ParamForm", "images"), &P::holdFrames, 1, 100));
            break;
        }
        case core::EventType::Invalid:
            break;
    }
    return out;
}

QString trForm(const char* text) {
    return QCoreApplication::translate(kContext, text);
}

}  // namespace

ParamForm::ParamForm(core::EventType event, QWidget* parent)
    : QWidget(parent), m_event(event), m_params(defaultParams(event)) {
    setObjectName(QStringLiteral("paramForm_%1")
                      .arg(QString::fromLatin1(core::toName(event).data(),
                                               qsizetype(core::toName(event).size()))));
    m_availableClasses = defaultClasses();
    build();
    retranslate();
    loadEditors();
}

ParamForm::~ParamForm() = default;

void ParamForm::build() {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_layout = new QFormLayout();
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_layout->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_layout->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    outer->addLayout(m_layout);
    m_fields = fieldsFor(m_event);
    for (auto& fp : m_fields) {
        Field& f = *fp;
        auto* cell = new QWidget(this);
        auto* v = new QVBoxLayout(cell);
        v->setContentsMargins(0, 0, 0, 2);
        v->setSpacing(1);
        switch (f.kind) {
            case Field::Kind::Number: {
                auto* spin = new QDoubleSpinBox(cell);
                spin->setDecimals(f.decimals);
                spin->setRange(f.min, f.max);
                spin->setSingleStep(f.step);
                spin->setAccelerated(true);
                connect(spin, &QDoubleSpinBox::valueChanged, this, [this, &f](double shown) {
                    if (m_loading) {
                        return;
                    }
                    f.set(m_params, shown / f.scale);
                    Q_EMIT paramsChanged();
                });
                f.editor = spin;
                break;
            }
            case Field::Kind::Integer: {
                auto* spin = new QSpinBox(cell);
                spin->setRange(int(f.min), int(f.max));
                connect(spin, &QSpinBox::valueChanged, this, [this, &f](int value) {
                    if (m_loading) {
                        return;
                    }
                    f.set(m_params, double(value));
                    Q_EMIT paramsChanged();
                });
                f.editor = spin;
                break;
            }
            case Field::Kind::Toggle: {
                auto* box = new QCheckBox(cell);
                connect(box, &QCheckBox::toggled, this, [this, &f](bool on) {
                    if (m_loading) {
                        return;
                    }
                    f.set(m_params, on ? 1.0 : 0.0);
                    Q_EMIT paramsChanged();
                });
                f.editor = box;
                break;
            }
            case Field::Kind::Choice: {
                auto* combo = new QComboBox(cell);
                for (std::size_t i = 0; i < f.choices.size(); ++i) {
                    combo->addItem(QString());
                }
                connect(combo, &QComboBox::currentIndexChanged, this, [this, &f](int index) {
                    if (m_loading || index < 0) {
                        return;
                    }
                    f.set(m_params, double(index));
                    Q_EMIT paramsChanged();
                });
                f.editor = combo;
                break;
            }
            case Field::Kind::Direction: {
                auto* combo = new QComboBox(cell);
                for (std::size_t i = 0; i < directions().size(); ++i) {
                    combo->addItem(QString());
                }
                connect(combo, &QComboBox::currentIndexChanged, this, [this, &f](int index) {
                    if (m_loading || index < 0 || index >= int(directions().size())) {
                        return;
                    }
                    *f.point(m_params) = directions()[std::size_t(index)].vector;
                    Q_EMIT paramsChanged();
                });
                f.editor = combo;
                break;
            }
            case Field::Kind::Classes: {
                auto* list = new QListWidget(cell);
                list->setSelectionMode(QAbstractItemView::NoSelection);
                list->setMaximumHeight(list->fontMetrics().height() * 6 + 8);
                connect(list, &QListWidget::itemChanged, this, [this, &f, list] {
                    if (m_loading) {
                        return;
                    }
                    std::vector<std::string> chosen;
                    for (int i = 0; i < list->count(); ++i) {
                        if (list->item(i)->checkState() == Qt::Checked) {
                            chosen.push_back(
                                list->item(i)->data(Qt::UserRole).toString().toStdString());
                        }
                    }
                    *f.classes(m_params) = std::move(chosen);
                    Q_EMIT paramsChanged();
                });
                f.editor = list;
                break;
            }
        }
        f.editor->setObjectName(QStringLiteral("param_") + f.key);
        v->addWidget(f.editor);
        f.help = new QLabel(cell);
        f.help->setWordWrap(true);
        f.help->setObjectName(QStringLiteral("paramHelp_") + f.key);
        QPalette pal = f.help->palette();
        pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
        f.help->setPalette(pal);
        QFont small = f.help->font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        f.help->setFont(small);
        v->addWidget(f.help);
        f.labelWidget = new QLabel(this);
        f.labelWidget->setBuddy(f.editor);
        m_layout->addRow(f.labelWidget, cell);
    }
    if (m_fields.empty()) {
        m_title = new QLabel(this);
        outer->addWidget(m_title);
    }
    auto* reset = new QPushButton(this);
    reset->setObjectName(QStringLiteral("resetParamsButton"));
    connect(reset, &QPushButton::clicked, this, &ParamForm::resetToDefaults);
    auto* row = new QHBoxLayout();
    row->addStretch(1);
    row->addWidget(reset);
    outer->addLayout(row);
    outer->addStretch(1);
}

void ParamForm::retranslate() {
    for (auto& fp : m_fields) {
        Field& f = *fp;
        f.labelWidget->setText(trForm(f.label) + QStringLiteral(" :"));
        f.help->setText(trForm(f.explanation));
        f.editor->setToolTip(trForm(f.explanation));
        const QString unit = QString::fromUtf8(f.unit).isEmpty() ? QString() : trForm(f.unit);
        if (auto* spin = qobject_cast<QDoubleSpinBox*>(f.editor)) {
            spin->setSuffix(unit.isEmpty() ? QString() : QStringLiteral(" ") + unit);
        } else if (auto* ispin = qobject_cast<QSpinBox*>(f.editor)) {
            ispin->setSuffix(unit.isEmpty() ? QString() : QStringLiteral(" ") + unit);
        } else if (auto* box = qobject_cast<QCheckBox*>(f.editor)) {
            box->setText(tr("Activé"));
        } else if (auto* combo = qobject_cast<QComboBox*>(f.editor)) {
            if (f.kind == Field::Kind::Choice) {
                for (std::size_t i = 0; i < f.choices.size(); ++i) {
                    combo->setItemText(int(i), trForm(f.choices[i]));
                }
            } else {
                for (std::size_t i = 0; i < directions().size(); ++i) {
                    combo->setItemText(int(i), trForm(directions()[i].label));
                }
            }
        } else if (f.kind == Field::Kind::Classes) {
            rebuildClassList(f);
        }
    }
    if (m_title != nullptr) {
        m_title->setText(tr("Aucun paramètre pour cet événement."));
    }
    if (auto* reset = findChild<QPushButton*>(QStringLiteral("resetParamsButton"))) {
        reset->setText(tr("Valeurs par défaut"));
        reset->setToolTip(tr("Remet chaque paramètre de cet événement à sa valeur conseillée."));
    }
}

void ParamForm::rebuildClassList(Field& f) {
    auto* list = qobject_cast<QListWidget*>(f.editor);
    if (list == nullptr) {
        return;
    }
    const bool wasLoading = m_loading;
    m_loading = true;
    const std::vector<std::string>& chosen = *f.classes(m_params);
    QStringList names = m_availableClasses;
    for (const auto& c : chosen) {
        const QString name = QString::fromStdString(c);
        if (!names.contains(name)) {
            names.prepend(name);
        }
    }
    list->clear();
    for (const QString& name : names) {
        const QString label = classLabel(name);
        auto* item = new QListWidgetItem(
            label == name ? name : QStringLiteral("%1 (%2)").arg(label, name), list);
        item->setData(Qt::UserRole, name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        const bool on = std::find(chosen.begin(), chosen.end(), name.toStdString()) != chosen.end();
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    m_loading = wasLoading;
}

void ParamForm::loadEditors() {
    m_loading = true;
    for (auto& fp : m_fields) {
        Field& f = *fp;
        switch (f.kind) {
            case Field::Kind::Number:
                static_cast<QDoubleSpinBox*>(f.editor)->setValue(f.get(m_params) * f.scale);
                break;
            case Field::Kind::Integer:
                static_cast<QSpinBox*>(f.editor)->setValue(int(std::lround(f.get(m_params))));
                break;
            case Field::Kind::Toggle:
                static_cast<QCheckBox*>(f.editor)->setChecked(f.get(m_params) != 0.0);
                break;
            case Field::Kind::Choice:
                static_cast<QComboBox*>(f.editor)->setCurrentIndex(int(f.get(m_params)));
                break;
            case Field::Kind::Direction: {
                auto* combo = static_cast<QComboBox*>(f.editor);
                while (combo->count() > int(directions().size())) {
                    combo->removeItem(combo->count() - 1);
                }
                const core::PointF v = *f.point(m_params);
                const int index = directionIndex(v);
                if (index >= 0) {
                    combo->setCurrentIndex(index);
                } else {
                    // A direction set in the file that none of the eight matches: shown as is.
                    combo->addItem(
                        tr("personnalisé (%1 ; %2)").arg(v.x, 0, 'g', 3).arg(v.y, 0, 'g', 3));
                    combo->setCurrentIndex(combo->count() - 1);
                }
                break;
            }
            case Field::Kind::Classes:
                rebuildClassList(f);
                break;
        }
    }
    m_loading = false;
}

void ParamForm::setParams(const core::RuleParams& params) {
    m_params = paramsMatchEvent(params, m_event) ? params : defaultParams(m_event);
    loadEditors();
}

void ParamForm::resetToDefaults() {
    m_params = defaultParams(m_event);
    loadEditors();
    Q_EMIT paramsChanged();
}

void ParamForm::setAvailableClasses(const QStringList& classNames) {
    m_availableClasses = classNames.isEmpty() ? defaultClasses() : classNames;
    for (auto& fp : m_fields) {
        if (fp->kind == Field::Kind::Classes) {
            rebuildClassList(*fp);
        }
    }
}

QWidget* ParamForm::fieldEditor(const QString& key) const {
    for (const auto& f : m_fields) {
        if (f->key == key) {
            return f->editor;
        }
    }
    return nullptr;
}

QStringList ParamForm::fieldKeys() const {
    QStringList keys;
    for (const auto& f : m_fields) {
        keys << f->key;
    }
    return keys;
}

void ParamForm::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

}  // namespace vigie::widgets
