#include "widgets/theme.h"

#include <QApplication>
#include <QFile>
#include <QPalette>
#include <QStyleFactory>

namespace vigie::widgets {

void applyControlRoomTheme(QApplication& app) {
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x20, 0x21, 0x24));
    p.setColor(QPalette::WindowText, QColor(0xE8, 0xEA, 0xED));
    p.setColor(QPalette::Base, QColor(0x17, 0x18, 0x1A));
    p.setColor(QPalette::AlternateBase, QColor(0x1D, 0x1E, 0x21));
    p.setColor(QPalette::Text, QColor(0xE8, 0xEA, 0xED));
    p.setColor(QPalette::Button, QColor(0x30, 0x31, 0x34));
    p.setColor(QPalette::ButtonText, QColor(0xE8, 0xEA, 0xED));
    p.setColor(QPalette::Highlight, QColor(0x37, 0x47, 0x4F));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x30, 0x31, 0x34));
    p.setColor(QPalette::ToolTipText, QColor(0xE8, 0xEA, 0xED));
    p.setColor(QPalette::PlaceholderText, QColor(0x9A, 0xA0, 0xA6));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6F, 0x73, 0x78));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6F, 0x73, 0x78));
    app.setPalette(p);
    QFile qss(QStringLiteral(":/theme/vigie-dark.qss"));
    if (qss.open(QIODevice::ReadOnly | QIODevice::Text)) {
        app.setStyleSheet(QString::fromUtf8(qss.readAll()));
    }
}

}  // namespace vigie::widgets
