#pragma once
// Core value types carried by queued Qt signals between the engine bridge and the widgets.

#include <QMetaType>

#include "core/alert.h"
#include "core/frame_sink.h"
#include "core/health.h"

Q_DECLARE_METATYPE(vigie::core::Alert)
Q_DECLARE_METATYPE(vigie::core::FrameAnalysis)
Q_DECLARE_METATYPE(vigie::core::EngineHealth)
Q_DECLARE_METATYPE(vigie::core::Qualification)

namespace vigie::widgets {

// Registers the types above with Qt's meta-type system; call once before connecting.
void registerCoreMetaTypes();

}  // namespace vigie::widgets
