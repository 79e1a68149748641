#pragma once
// The alert pane of the operator: the live list (newest first, unreviewed in bold, count in
// the title), the selected alert's details, and the qualification actions: Confirmer
// (Ctrl+Entrée) or Fausse alerte (Ctrl+Suppr) with a required reason, plus a comment.
// It emits intents; the application stores them and feeds the model back.
// Thread: GUI thread only.

#include <QWidget>

#include "core/alert.h"
#include "widgets/alert_list_model.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace vigie::widgets {

class AlertPanel : public QWidget {
    Q_OBJECT

public:
    explicit AlertPanel(AlertListModel* model, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    QString selectedUid() const;
    void selectUid(const QString& uid);

Q_SIGNALS:
    void qualifyRequested(const QString& uid, vigie::core::Qualification qualification,
                          const QString& comment);
    void alertSelected(const QString& uid);

public Q_SLOTS:
    void confirmSelected();
    void markSelectedFalsePositive();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateDetails();

    AlertListModel* m_model;
    QLabel* m_title = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_details = nullptr;
    QComboBox* m_reason = nullptr;
    QLineEdit* m_comment = nullptr;
    QPushButton* m_confirm = nullptr;
    QPushButton* m_falsePositive = nullptr;
};

}  // namespace vigie::widgets
