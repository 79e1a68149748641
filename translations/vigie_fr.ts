<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="fr_FR">
<context>
    <name>AlertListModel</name>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="126"/>
        <source>Nouvelle (en cours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="135"/>
        <source>Règle %1, zone %2, de %3 s à %4 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="160"/>
        <source>Heure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="162"/>
        <source>Gravité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="164"/>
        <source>Caméra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="166"/>
        <source>Événement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="168"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="170"/>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertPanel</name>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="137"/>
        <source>Aucune alerte sélectionnée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="140"/>
        <source>%1 — %2
Caméra : %3 · règle : %4 · zone : %5
De %6 s à %7 s · score %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="163"/>
        <source>Alertes — %1 nouvelle(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="164"/>
        <source>Alertes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="165"/>
        <source>Confirmer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="166"/>
        <source>Confirmer l&apos;alerte sélectionnée (Ctrl+Entrée)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="167"/>
        <source>Fausse alerte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="168"/>
        <source>Classer en fausse alerte, avec un motif (Ctrl+Suppr)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="169"/>
        <source>Commentaire (facultatif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="172"/>
        <source>Motif de fausse alerte…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="172"/>
        <source>Reflet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="172"/>
        <source>Ombre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="172"/>
        <source>Animal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="173"/>
        <source>Mauvaise classe d&apos;objet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="173"/>
        <source>Zone mal placée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="173"/>
        <source>Autre</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperatorWindow</name>
    <message>
        <location filename="../widgets/operator_window.cpp" line="149"/>
        <source>Traitement arrêté</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/operator_window.cpp" line="151"/>
        <source>Santé : %n caméra(s) hors ligne</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/operator_window.cpp" line="153"/>
        <source>Santé : %n caméra(s) dégradée(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="155"/>
        <source>Santé : tout est nominal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="173"/>
        <source>Vigie — Supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="178"/>
        <source>(%1) </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="181"/>
        <source>&amp;Fichier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="182"/>
        <source>&amp;Quitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="183"/>
        <source>&amp;Affichage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="184"/>
        <source>Plein écran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="185"/>
        <source>&amp;Traitement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="186"/>
        <source>Reprendre le traitement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="187"/>
        <source>Arrêter tout le traitement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/workstation/main.cpp" line="72"/>
        <source>Vigie — démarrage impossible</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../widgets/video_tile.cpp" line="32"/>
        <location filename="../widgets/video_tile.cpp" line="277"/>
        <source>Tuile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="134"/>
        <source>Aucune caméra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="171"/>
        <source>%1 i/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets</name>
    <message>
        <location filename="../widgets/labels.cpp" line="19"/>
        <source>Intrusion en zone interdite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="21"/>
        <source>Franchissement de ligne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="23"/>
        <source>Non-respect du sens de circulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="25"/>
        <source>Mouvement de foule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="27"/>
        <source>Densité trop importante de personnes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="29"/>
        <source>Objet abandonné</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="31"/>
        <source>Présence d&apos;arme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="33"/>
        <source>Personne au sol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="35"/>
        <source>Départ de feu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="39"/>
        <source>Événement inconnu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="45"/>
        <source>CRITIQUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="47"/>
        <source>MAJEURE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="49"/>
        <source>INFO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="73"/>
        <source>Nouvelle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="75"/>
        <source>Confirmée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="77"/>
        <source>Fausse alerte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="87"/>
        <source>Arrêtée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="89"/>
        <source>Connexion…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="91"/>
        <source>En direct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="93"/>
        <source>Image figée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="95"/>
        <source>Reconnexion…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="97"/>
        <source>Hors ligne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="99"/>
        <source>Fin de la séquence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="103"/>
        <source>Inconnu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::Labels</name>
    <message>
        <location filename="../widgets/labels.cpp" line="123"/>
        <source>personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="124"/>
        <source>vélo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="125"/>
        <source>voiture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="126"/>
        <source>moto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="127"/>
        <source>bus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="128"/>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="129"/>
        <source>camion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="130"/>
        <source>sac à dos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="131"/>
        <source>sac à main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="132"/>
        <source>valise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="133"/>
        <source>parapluie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="134"/>
        <source>couteau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="135"/>
        <source>ciseaux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="136"/>
        <source>batte</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
