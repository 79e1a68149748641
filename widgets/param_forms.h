#pragma once
// The parameter forms of the rule builder: one form per params struct of core/site.h
// (IntrusionParams … WeaponParams). Each value has its unit (s, m, m/s, personnes/m², %, °,
// images), starts at the struct's default, and carries a one-line French explanation under
// it (also its tooltip). A form writes back only the field the user changed, so loading a
// rule and reading it again gives the same values, bit for bit (scores shown in % are not
// rounded through the spin box unless edited).
//
// Also here: which zones or lines each event accepts (eventGeometry), shared by the rule
// builder's zone list and its sentence.
//
// Thread: GUI thread only. Ownership: a plain QWidget owned by its parent.
//
//   auto* form = new ParamForm(core::EventType::Intrusion, this);
//   form->setParams(rule.params);
//   connect(form, &ParamForm::paramsChanged, this, [=] { rule.params = form->params(); });

#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

#include "core/event_type.h"
#include "core/site.h"

class QLabel;
class QFormLayout;

namespace vigie::widgets {

// What an event's rule is drawn on: areas (zones of kind Area, never masks) or lines, and
// whether at least one is required (otherwise the whole picture is analysed).
enum class GeometryKind { Invalid = 0, Areas, Lines };
struct EventGeometry {
    GeometryKind kind = GeometryKind::Invalid;
    bool required = false;
};
EventGeometry eventGeometry(core::EventType event);

// The params struct of an event with its defaults (IntrusionParams{} for Intrusion …).
core::RuleParams defaultParams(core::EventType event);
// Whether `params` holds the struct that `event` uses.
bool paramsMatchEvent(const core::RuleParams& params, core::EventType event);

class ParamForm : public QWidget {
    Q_OBJECT

public:
    explicit ParamForm(core::EventType event, QWidget* parent = nullptr);
    ~ParamForm() override;

    core::EventType event() const { return m_event; }
    const core::RuleParams& params() const { return m_params; }
    // Loads the values; a struct of another event is replaced by this event's defaults.
    void setParams(const core::RuleParams& params);
    void resetToDefaults();
    // Object classes offered by the detector (raw names, e.g. "person"); classes already in
    // the parameters are always offered too.
    void setAvailableClasses(const QStringList& classNames);
    // The editor of a field by its configuration key ("min_dwell_s", "classes"…), for tests
    // and for the replay tuning screen; null for an unknown key. Its object name is
    // "param_<key>".
    QWidget* fieldEditor(const QString& key) const;
    QStringList fieldKeys() const;

    // One editable value (defined in the .cpp; public so that its builders there can use it).
    struct Field;

Q_SIGNALS:
    void paramsChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void build();
    void retranslate();
    void loadEditors();
    void rebuildClassList(Field& field);

    core::EventType m_event;
    core::RuleParams m_params;
    QStringList m_availableClasses;
    std::vector<std::unique_ptr<Field>> m_fields;
    QFormLayout* m_layout = nullptr;
    QLabel* m_title = nullptr;
    bool m_loading = false;
};

}  // namespace vigie::widgets
