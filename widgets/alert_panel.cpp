#include "widgets/alert_panel.h"

#include <QComboBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

#include "widgets/labels.h"

namespace vigie::widgets {

AlertPanel::AlertPanel(AlertListModel* model, QWidget* parent) : QWidget(parent), m_model(model) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("alertPanelTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("alertList"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    auto* header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AlertListModel::CameraColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(AlertListModel::EventColumn, QHeaderView::Stretch);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setAlternatingRowColors(true);
    layout->addWidget(m_view, 3);

    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("alertDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setMinimumHeight(60);
    layout->addWidget(m_details, 1);

    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("falsePositiveReason"));
    layout->addWidget(m_reason);
    m_comment = new QLineEdit(this);
    m_comment->setObjectName(QStringLiteral("alertComment"));
    layout->addWidget(m_comment);

    auto* buttons = new QHBoxLayout();
    m_confirm = new QPushButton(this);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_falsePositive = new QPushButton(this);
    m_falsePositive->setObjectName(QStringLiteral("falsePositiveButton"));
    buttons->addWidget(m_confirm);
    buttons->addWidget(m_falsePositive);
    layout->addLayout(buttons);

    connect(m_confirm, &QPushButton::clicked, this, &AlertPanel::confirmSelected);
    connect(m_falsePositive, &QPushButton::clicked, this, &AlertPanel::markSelectedFalsePositive);
    auto* confirmKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(confirmKey, &QShortcut::activated, this, &AlertPanel::confirmSelected);
    auto* confirmKeyPad = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), this);
    connect(confirmKeyPad, &QShortcut::activated, this, &AlertPanel::confirmSelected);
    auto* falseKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete), this);
    connect(falseKey, &QShortcut::activated, this, &AlertPanel::markSelectedFalsePositive);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateDetails();
        Q_EMIT alertSelected(selectedUid());
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AlertPanel::updateDetails);
    connect(m_model, &AlertListModel::unreviewedCountChanged, this, &AlertPanel::retranslate);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        // Keep the operator's selection; select the newest alert only when none is.
        if (!m_view->selectionModel()->hasSelection()) {
            m_view->selectRow(0);
        }
    });
    retranslate();
    updateDetails();
}

QString AlertPanel::selectedUid() const {
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? m_model->data(current, AlertListModel::UidRole).toString()
                             : QString();
}

void AlertPanel::selectUid(const QString& uid) {
    const int row = m_model->rowOfUid(uid);
    if (row >= 0) {
        m_view->selectRow(row);
    }
}

void AlertPanel::confirmSelected() {
    const QString uid = selectedUid();
    if (uid.isEmpty()) {
        return;
    }
    Q_EMIT qualifyRequested(uid, core::Qualification::Confirmed, m_comment->text().trimmed());
    m_comment->clear();
}

void AlertPanel::markSelectedFalsePositive() {
    const QString uid = selectedUid();
    if (uid.isEmpty()) {
        return;
    }
    if (m_reason->currentIndex() <= 0) {
        // A false alarm needs its reason: it is what tuning learns from.
        m_reason->setFocus();
        m_reason->showPopup();
        return;
    }
    QString comment = m_reason->currentText();
    if (!m_comment->text().trimmed().isEmpty()) {
        comment += QStringLiteral(" — ") + m_comment->text().trimmed();
    }
    Q_EMIT qualifyRequested(uid, core::Qualification::FalsePositive, comment);
    m_comment->clear();
    m_reason->setCurrentIndex(0);
}

void AlertPanel::updateDetails() {
    const core::Alert* a = m_model->alertByUid(selectedUid());
    const bool reviewable = a != nullptr && a->qualification == core::Qualification::Unreviewed;
    m_confirm->setEnabled(reviewable);
    m_falsePositive->setEnabled(reviewable);
    if (a == nullptr) {
        m_details->setText(tr("Aucune alerte sélectionnée."));
        return;
    }
    QString text = tr("%1 — %2\nCaméra : %3 · règle : %4 · zone : %5\nDe %6 s à %7 s · score %8")
                       .arg(severityLabel(a->severity), eventLabel(a->event),
                            m_model
                                ->data(m_model->index(m_model->rowOfUid(selectedUid()),
                                                      AlertListModel::CameraColumn))
                                .toString(),
                            QString::fromStdString(a->ruleId), QString::fromStdString(a->zoneId))
                       .arg(double(a->startUs) / 1e6, 0, 'f', 1)
                       .arg(double(a->endUs) / 1e6, 0, 'f', 1)
                       .arg(a->score, 0, 'f', 2);
    if (a->qualification != core::Qualification::Unreviewed) {
        text += QLatin1Char('\n') + qualificationLabel(a->qualification);
        if (!a->comment.empty()) {
            text += QStringLiteral(" : ") + QString::fromStdString(a->comment);
        }
    }
    m_details->setText(text);
}

void AlertPanel::retranslate() {
    const int n = m_model->unreviewedCount();
    m_title->setText(
        n > 0
            ? tr("Alertes — %1 nouvelle(s)").arg(n > 9 ? QStringLiteral("9+") : QString::number(n))
            : tr("Alertes"));
    m_confirm->setText(tr("Confirmer"));
    m_confirm->setToolTip(tr("Confirmer l'alerte sélectionnée (Ctrl+Entrée)"));
    m_falsePositive->setText(tr("Fausse alerte"));
    m_falsePositive->setToolTip(tr("Classer en fausse alerte, avec un motif (Ctrl+Suppr)"));
    m_comment->setPlaceholderText(tr("Commentaire (facultatif)"));
    const int current = m_reason->currentIndex();
    m_reason->clear();
    m_reason->addItems({tr("Motif de fausse alerte…"), tr("Reflet"), tr("Ombre"), tr("Animal"),
                        tr("Mauvaise classe d'objet"), tr("Zone mal placée"), tr("Autre")});
    m_reason->setCurrentIndex(std::max(0, current));
}

void AlertPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        updateDetails();
    }
    QWidget::changeEvent(event);
}

}  // namespace vigie::widgets
