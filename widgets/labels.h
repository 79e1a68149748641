#pragma once
// French-first, translatable names of domain values shown to people: the legal labels of
// the eight events, severities, qualifications, camera states, object classes.
// Thread: GUI thread (tr()).

#include <QColor>
#include <QString>

#include "core/alert.h"
#include "core/event_type.h"
#include "core/health.h"

namespace vigie::widgets {

QString eventLabel(core::EventType type);
QString severityLabel(core::Severity severity);
QColor severityColour(core::Severity severity);
QString qualificationLabel(core::Qualification q);
QString cameraStateLabel(core::CameraState state);
QColor healthColour(core::HealthLevel level);
// COCO class names → French ("person" → « personne »); unknown names are returned as is.
QString classLabel(const QString& className);
// Colour of a box by class family: people, vehicles, luggage, weapons, other.
QColor classColour(const QString& className);

}  // namespace vigie::widgets
