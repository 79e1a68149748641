<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>AlertListModel</name>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="126"/>
        <source>Nouvelle (en cours)</source>
        <translation>New (ongoing)</translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="135"/>
        <source>Règle %1, zone %2, de %3 s à %4 s</source>
        <translation>Rule %1, zone %2, from %3 s to %4 s</translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="160"/>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="162"/>
        <source>Gravité</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="164"/>
        <source>Caméra</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="166"/>
        <source>Événement</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="168"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="170"/>
        <source>État</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>AlertPanel</name>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="137"/>
        <source>Aucune alerte sélectionnée.</source>
        <translation>No alert selected.</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="140"/>
        <source>%1 — %2
Caméra : %3 · règle : %4 · zone : %5
De %6 s à %7 s · score %8</source>
        <translation>%1 — %2
Camera: %3 · rule: %4 · zone: %5
From %6 s to %7 s · score %8</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="163"/>
        <source>Alertes — %1 nouvelle(s)</source>
        <translation>Alerts — %1 new</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="164"/>
        <source>Alertes</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="165"/>
        <source>Confirmer</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="166"/>
        <source>Confirmer l&apos;alerte sélectionnée (Ctrl+Entrée)</source>
        <translation>Confirm the selected alert (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="167"/>
        <source>Fausse alerte</source>
        <translation>False alarm</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="168"/>
        <source>Classer en fausse alerte, avec un motif (Ctrl+Suppr)</source>
        <translation>Mark as a false alarm, with a reason (Ctrl+Del)</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="169"/>
        <source>Commentaire (facultatif)</source>
        <translation>Comment (optional)</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="172"/>
        <source>Motif de fausse alerte…</source>
        <translation>False alarm reason…</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="172"/>
        <source>Reflet</source>
        <translation>Reflection</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="172"/>
        <source>Ombre</source>
        <translation>Shadow</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="172"/>
        <source>Animal</source>
        <translation>Animal</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="173"/>
        <source>Mauvaise classe d&apos;objet</source>
        <translation>Wrong object class</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="173"/>
        <source>Zone mal placée</source>
        <translation>Badly placed zone</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="173"/>
        <source>Autre</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>OperatorWindow</name>
    <message>
        <location filename="../widgets/operator_window.cpp" line="149"/>
        <source>Traitement arrêté</source>
        <translation>Processing stopped</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/operator_window.cpp" line="151"/>
        <source>Santé : %n caméra(s) hors ligne</source>
        <translation><numerusform>Health: %n camera offline</numerusform><numerusform>Health: %n cameras offline</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/operator_window.cpp" line="153"/>
        <source>Santé : %n caméra(s) dégradée(s)</source>
        <translation><numerusform>Health: %n camera degraded</numerusform><numerusform>Health: %n cameras degraded</numerusform></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="155"/>
        <source>Santé : tout est nominal</source>
        <translation>Health: all nominal</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="173"/>
        <source>Vigie — Supervision</source>
        <translation>Vigie — Monitoring</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="178"/>
        <source>(%1) </source>
        <translation>(%1) </translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="181"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="182"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="183"/>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="184"/>
        <source>Plein écran</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="185"/>
        <source>&amp;Traitement</source>
        <translation>&amp;Processing</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="186"/>
        <source>Reprendre le traitement</source>
        <translation>Resume processing</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="187"/>
        <source>Arrêter tout le traitement</source>
        <translation>Stop all processing</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/workstation/main.cpp" line="72"/>
        <source>Vigie — démarrage impossible</source>
        <translation>Vigie — cannot start</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../widgets/video_tile.cpp" line="32"/>
        <location filename="../widgets/video_tile.cpp" line="277"/>
        <source>Tuile %1</source>
        <translation>Tile %1</translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="134"/>
        <source>Aucune caméra</source>
        <translation>No camera</translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="171"/>
        <source>%1 i/s</source>
        <translation>%1 fps</translation>
    </message>
</context>
<context>
    <name>vigie::widgets</name>
    <message>
        <location filename="../widgets/labels.cpp" line="19"/>
        <source>Intrusion en zone interdite</source>
        <translation>Intrusion into a forbidden zone</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="21"/>
        <source>Franchissement de ligne</source>
        <translation>Line crossing</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="23"/>
        <source>Non-respect du sens de circulation</source>
        <translation>Wrong-way movement</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="25"/>
        <source>Mouvement de foule</source>
        <translation>Crowd movement</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="27"/>
        <source>Densité trop importante de personnes</source>
        <translation>Excessive crowd density</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="29"/>
        <source>Objet abandonné</source>
        <translation>Abandoned object</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="31"/>
        <source>Présence d&apos;arme</source>
        <translation>Weapon</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="33"/>
        <source>Personne au sol</source>
        <translation>Person on the ground</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="35"/>
        <source>Départ de feu</source>
        <translation>Fire start</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="39"/>
        <source>Événement inconnu</source>
        <translation>Unknown event</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="45"/>
        <source>CRITIQUE</source>
        <translation>CRITICAL</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="47"/>
        <source>MAJEURE</source>
        <translation>MAJOR</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="49"/>
        <source>INFO</source>
        <translation>INFO</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="73"/>
        <source>Nouvelle</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="75"/>
        <source>Confirmée</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="77"/>
        <source>Fausse alerte</source>
        <translation>False alarm</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="87"/>
        <source>Arrêtée</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="89"/>
        <source>Connexion…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="91"/>
        <source>En direct</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="93"/>
        <source>Image figée</source>
        <translation>Frozen picture</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="95"/>
        <source>Reconnexion…</source>
        <translation>Reconnecting…</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="97"/>
        <source>Hors ligne</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="99"/>
        <source>Fin de la séquence</source>
        <translation>End of sequence</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="103"/>
        <source>Inconnu</source>
        <translation>Unknown</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::Labels</name>
    <message>
        <location filename="../widgets/labels.cpp" line="123"/>
        <source>personne</source>
        <translation>person</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="124"/>
        <source>vélo</source>
        <translation>bicycle</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="125"/>
        <source>voiture</source>
        <translation>car</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="126"/>
        <source>moto</source>
        <translation>motorcycle</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="127"/>
        <source>bus</source>
        <translation>bus</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="128"/>
        <source>train</source>
        <translation>train</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="129"/>
        <source>camion</source>
        <translation>truck</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="130"/>
        <source>sac à dos</source>
        <translation>backpack</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="131"/>
        <source>sac à main</source>
        <translation>handbag</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="132"/>
        <source>valise</source>
        <translation>suitcase</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="133"/>
        <source>parapluie</source>
        <translation>umbrella</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="134"/>
        <source>couteau</source>
        <translation>knife</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="135"/>
        <source>ciseaux</source>
        <translation>scissors</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="136"/>
        <source>batte</source>
        <translation>bat</translation>
    </message>
</context>
</TS>
