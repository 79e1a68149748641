#pragma once
// The control-room look: Fusion style with the dark neutral theme (resources/theme).
// Thread: GUI thread, once at start.

class QApplication;

namespace vigie::widgets {

void applyControlRoomTheme(QApplication& app);

}  // namespace vigie::widgets
