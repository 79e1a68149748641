#include "widgets/core_metatypes.h"

namespace vigie::widgets {

void registerCoreMetaTypes() {
    qRegisterMetaType<vigie::core::Alert>("vigie::core::Alert");
    qRegisterMetaType<vigie::core::FrameAnalysis>("vigie::core::FrameAnalysis");
    qRegisterMetaType<vigie::core::EngineHealth>("vigie::core::EngineHealth");
    qRegisterMetaType<vigie::core::Qualification>("vigie::core::Qualification");
}

}  // namespace vigie::widgets
