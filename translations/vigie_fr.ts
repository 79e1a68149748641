<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="fr_FR">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/workstation/main.cpp" line="72"/>
        <source>Vigie — démarrage impossible</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::Labels</name>
    <message>
        <location filename="../widgets/labels.cpp" line="22"/>
        <source>Intrusion en zone interdite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="24"/>
        <source>Franchissement de ligne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="26"/>
        <source>Non-respect du sens de circulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="28"/>
        <source>Mouvement de foule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="30"/>
        <source>Densité trop importante de personnes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="32"/>
        <source>Objet abandonné</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="34"/>
        <source>Présence d&apos;arme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="36"/>
        <source>Personne au sol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="38"/>
        <source>Départ de feu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="42"/>
        <source>Événement inconnu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="48"/>
        <source>CRITIQUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="50"/>
        <source>MAJEURE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="52"/>
        <source>INFO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="76"/>
        <source>Nouvelle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="78"/>
        <source>Confirmée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="80"/>
        <source>Fausse alerte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="90"/>
        <source>Arrêtée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="92"/>
        <source>Connexion…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="94"/>
        <source>En direct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="96"/>
        <source>Image figée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="98"/>
        <source>Reconnexion…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="100"/>
        <source>Hors ligne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="102"/>
        <source>Fin de la séquence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="106"/>
        <source>Inconnu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="126"/>
        <source>personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="127"/>
        <source>vélo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="128"/>
        <source>voiture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="129"/>
        <source>moto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="130"/>
        <source>bus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="131"/>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="132"/>
        <source>camion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="133"/>
        <source>sac à dos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="134"/>
        <source>sac à main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="135"/>
        <source>valise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="136"/>
        <source>parapluie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="137"/>
        <source>couteau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="138"/>
        <source>ciseaux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="139"/>
        <source>batte</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminCamerasPage</name>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="60"/>
        <source>L&apos;enregistrement de la configuration du site n&apos;est pas disponible ici.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminAuditModel</name>
    <message>
        <location filename="../widgets/admin_models.cpp" line="296"/>
        <source>Empreinte : %1
Précédente : %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="314"/>
        <source>N°</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="316"/>
        <source>Heure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="318"/>
        <source>Auteur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="320"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="322"/>
        <source>Cible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="324"/>
        <source>Détails</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminAuditPage</name>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="172"/>
        <source>&amp;Période</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="200"/>
        <source>identifiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="201"/>
        <source>login, camera_add, export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="207"/>
        <source>au</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="209"/>
        <source>&amp;Auteur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="211"/>
        <source>A&amp;ction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="213"/>
        <source>&amp;Nombre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="215"/>
        <source>&amp;Rechercher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="226"/>
        <source>&amp;Vérifier la chaîne</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/admin_logs.cpp" line="239"/>
        <source>%n enregistrement(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="285"/>
        <source>Vérification impossible : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/admin_logs.cpp" line="291"/>
        <source>Chaîne intègre : %n enregistrement(s) vérifié(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="293"/>
        <source>Remarque : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="299"/>
        <source>CHAÎNE ROMPUE à l&apos;enregistrement n° %1 : %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminBackupsPage</name>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="33"/>
        <source>Sauvegardes &amp;automatiques</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="49"/>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="53"/>
        <source>Sauvegarde manuelle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="57"/>
        <source>&amp;Parcourir…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="59"/>
        <source>&amp;Dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="60"/>
        <source>Phrase de &amp;passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="61"/>
        <source>&amp;Confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="62"/>
        <source>La sauvegarde contient la configuration du site, les comptes, groupes et profils et les durées de conservation, chiffrés avec la phrase de passe (12 caractères au moins). Sans elle, la sauvegarde est inutilisable : conservez-la à part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="69"/>
        <source>&amp;Sauvegarder maintenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="74"/>
        <source>Planification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="77"/>
        <source>&amp;Intervalle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="78"/>
        <source>Sauvegardes &amp;gardées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="79"/>
        <source>D&amp;ossier des sauvegardes automatiques</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="80"/>
        <source>&amp;Enregistrer la planification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="85"/>
        <source>Sauvegardes présentes dans le dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="90"/>
        <source>Dossier de sauvegarde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="100"/>
        <source>La confirmation de la phrase de passe ne correspond pas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="105"/>
        <source>Sauvegarde écrite : %1 (%2 lignes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="116"/>
        <source>Planification enregistrée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="144"/>
        <source>%1 — %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="159"/>
        <source>Le dossier de sauvegarde n&apos;existe pas : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="195"/>
        <source>Planification hors limites (intervalle de 1 à 720 h, de 1 à 365 sauvegardes gardées).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="199"/>
        <source>Les sauvegardes automatiques demandent un dossier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="202"/>
        <source>L&apos;enregistrement de la planification n&apos;est pas disponible ici.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminCameraModel</name>
    <message>
        <location filename="../widgets/admin_models.cpp" line="46"/>
        <source>jamais</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="101"/>
        <source>Activée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="101"/>
        <source>Désactivée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="122"/>
        <source>Nom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="124"/>
        <source>Identifiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="126"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="128"/>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="130"/>
        <source>Analyse (i/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="132"/>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminCamerasPage</name>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="55"/>
        <source>Configuration refusée par le contrôle du site :
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="84"/>
        <source>Analyse activée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="85"/>
        <source>&amp;Nouvelle caméra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="86"/>
        <source>&amp;Ajouter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="87"/>
        <source>&amp;Enregistrer les modifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="88"/>
        <source>&amp;Supprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="89"/>
        <source>A&amp;ctiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="90"/>
        <source>&amp;Désactiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="91"/>
        <source>&amp;Tester la connexion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="109"/>
        <source>Caméras du site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="123"/>
        <source>Caméra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="125"/>
        <source>quai-1 (lettres, chiffres, - et _)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="126"/>
        <source>rtsp://serveur:554/flux — sans identifiant ni mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="127"/>
        <source>entrée du trousseau (facultatif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="128"/>
        <source>Automatique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="135"/>
        <source> i/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="137"/>
        <source>&amp;Identifiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="138"/>
        <source>N&amp;om</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="139"/>
        <source>&amp;Adresse du flux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="140"/>
        <source>T&amp;ransport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="141"/>
        <source>Identifiants (&amp;trousseau)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="142"/>
        <source>Images &amp;analysées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="167"/>
        <source>Caméra « %1 » ajoutée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="174"/>
        <source>Caméra « %1 » enregistrée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="184"/>
        <source>Supprimer la caméra</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/admin_cameras.cpp" line="185"/>
        <source>Supprimer la caméra « %1 » et ses %n règle(s) ? Les alertes déjà enregistrées sont conservées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="191"/>
        <source>Caméra « %1 » supprimée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="196"/>
        <source>Caméra « %1 » activée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="203"/>
        <source>Caméra « %1 » désactivée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="280"/>
        <source>L&apos;identifiant « %1 » est déjà utilisé par une autre caméra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="300"/>
        <location filename="../widgets/admin_cameras.cpp" line="318"/>
        <location filename="../widgets/admin_cameras.cpp" line="344"/>
        <source>Caméra inconnue : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="368"/>
        <source>Test de la connexion à « %1 »…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="381"/>
        <source>Connexion à « %1 » réussie.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminExportsPage</name>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="34"/>
        <source>Fichiers dans un &amp;dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="35"/>
        <source>&amp;Lot de fin de déploiement (support amovible)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="38"/>
        <source>&amp;Chiffrer avec une phrase de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="69"/>
        <source>Données</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="71"/>
        <source>&amp;Du</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="72"/>
        <source>&amp;Au</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="73"/>
        <source>Ca&amp;méra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="74"/>
        <source>É&amp;vénement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="80"/>
        <source>Formats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="83"/>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="89"/>
        <source>Ac&amp;tualiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="91"/>
        <source>Support a&amp;movible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="94"/>
        <source>&amp;Parcourir…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="96"/>
        <source>D&amp;ossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="98"/>
        <source>P&amp;hrase de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="101"/>
        <source>&amp;Exporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="121"/>
        <source>Dossier d&apos;export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="133"/>
        <source>Export terminé dans %1 : %2 fichier(s), %3 alerte(s), %4 comptage(s), %5 enregistrement(s) d&apos;audit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="150"/>
        <source>Toutes les caméras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="162"/>
        <source>Tous les événements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="190"/>
        <source>Aucun support amovible détecté</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="196"/>
        <source>%1 (%2 libres)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="234"/>
        <source>Choisissez un dossier de destination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="237"/>
        <source>Choisissez au moins un format.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminLicencesPage</name>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="28"/>
        <source>Valide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="30"/>
        <source>Aucune licence installée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="32"/>
        <source>Fichier de licence illisible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="34"/>
        <source>Licence altérée (signature invalide)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="36"/>
        <source>Licence d&apos;un autre site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="38"/>
        <source>Licence pas encore valable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="40"/>
        <source>Licence expirée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="44"/>
        <source>État inconnu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="69"/>
        <source>Seules les caméras activées consomment un flux. Pour attribuer la licence à une autre caméra, désactivez-en une et activez l&apos;autre : aucune démarche auprès de l&apos;éditeur n&apos;est nécessaire. Une licence invalide n&apos;arrête jamais l&apos;enregistrement ni la revue des alertes déjà levées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="78"/>
        <source>Caméra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="78"/>
        <source>Activée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="78"/>
        <source>Analyse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="83"/>
        <source>&amp;Installer un fichier de licence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="93"/>
        <source>Fichier de licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="94"/>
        <source>Licences Vigie (*.json *.lic);;Tous (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="100"/>
        <source>Lecture impossible : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="104"/>
        <source>Licence installée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="119"/>
        <source>Caméra « %1 » activée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="120"/>
        <source>Caméra « %1 » désactivée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="148"/>
        <source>Titulaire : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="149"/>
        <source>Numéro : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="150"/>
        <source>Site : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="151"/>
        <source>Valable du %1 au %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="155"/>
        <source>Motif : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="158"/>
        <source>Flux accordés : %1 — flux utilisés (caméras activées) : %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="168"/>
        <source>oui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="168"/>
        <source>non</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="176"/>
        <source>désactivée (ne consomme pas de flux)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="178"/>
        <source>analysée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="180"/>
        <source>NON analysée : au-delà des flux accordés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="199"/>
        <source>Aucun emplacement de licence n&apos;est configuré.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="216"/>
        <source>Caméra inconnue : %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminLogsPage</name>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="44"/>
        <source>Filtrer les lignes (texte)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="49"/>
        <source>Dossier : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="50"/>
        <source>&amp;Actualiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="118"/>
        <source>Ce fichier n&apos;est pas un journal de l&apos;application : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="122"/>
        <source>Lecture impossible de %1 : %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="133"/>
        <source>La lecture n&apos;a pas pu être tracée dans le journal d&apos;audit : elle est refusée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/admin_logs.cpp" line="147"/>
        <source>%1 — %n ligne(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminRetentionPage</name>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="23"/>
        <source> jours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="40"/>
        <source>Durées pendant lesquelles les données sont conservées avant d&apos;être effacées par la purge quotidienne. Les images des caméras ne peuvent être gardées plus de 30 jours (Code de la sécurité intérieure, art. L252-5), ni plus longtemps que les alertes qu&apos;elles illustrent. Le journal d&apos;audit n&apos;est jamais purgé : il est chaîné et s&apos;archive par l&apos;export de fin de déploiement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="49"/>
        <source>&amp;Alertes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="50"/>
        <source>&amp;Qualifications (commentaire et opérateur)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="51"/>
        <source>&amp;Images des alertes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="52"/>
        <source>&amp;Comptages et densités</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="53"/>
        <source>Journaux de &amp;connexion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="54"/>
        <source>Journaux d&apos;&amp;utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="56"/>
        <source>&amp;Enregistrer les durées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="65"/>
        <source>Durées de conservation enregistrées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="101"/>
        <source>L&apos;enregistrement des durées de conservation n&apos;est pas disponible ici.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminUserModel</name>
    <message>
        <location filename="../widgets/admin_models.cpp" line="191"/>
        <source>Toutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="195"/>
        <source>Désactivé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="197"/>
        <source>Verrouillé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="197"/>
        <source>Actif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="221"/>
        <source>Identifiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="223"/>
        <source>Nom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="225"/>
        <source>Niveau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="227"/>
        <source>Groupes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="229"/>
        <source>Profils</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="231"/>
        <source>Caméras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="233"/>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="235"/>
        <source>Dernière connexion</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminUsersPage</name>
    <message>
        <location filename="../widgets/admin_users.cpp" line="102"/>
        <source>Utilisateurs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="105"/>
        <location filename="../widgets/admin_users.cpp" line="152"/>
        <source>Groupes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="106"/>
        <location filename="../widgets/admin_users.cpp" line="152"/>
        <source>Profils</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="141"/>
        <source>&amp;Identifiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="142"/>
        <source>&amp;Nom affiché</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="143"/>
        <source>Ni&amp;veau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="144"/>
        <source>&amp;Mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="145"/>
        <source>C&amp;onfirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="153"/>
        <source>Caméras (aucune cochée : toutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="162"/>
        <source>&amp;Nouveau compte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="163"/>
        <source>&amp;Créer le compte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="164"/>
        <source>&amp;Enregistrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="165"/>
        <source>&amp;Désactiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="166"/>
        <source>&amp;Réactiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="167"/>
        <source>Dé&amp;verrouiller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="168"/>
        <source>Changer le mot de &amp;passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="207"/>
        <source>Compte « %1 » désactivé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="210"/>
        <source>Compte « %1 » réactivé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="213"/>
        <source>Compte « %1 » déverrouillé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="228"/>
        <source>&amp;Nom du groupe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="229"/>
        <location filename="../widgets/admin_users.cpp" line="287"/>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="233"/>
        <source>Profils des membres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="235"/>
        <source>Caméras du groupe (aucune cochée : toutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="238"/>
        <source>&amp;Nouveau groupe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="239"/>
        <source>&amp;Enregistrer le groupe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="240"/>
        <source>&amp;Supprimer le groupe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="260"/>
        <source>Groupe « %1 » enregistré.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="268"/>
        <source>Groupe « %1 » supprimé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="286"/>
        <source>&amp;Nom du profil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="298"/>
        <source>Droits accordés en plus du niveau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="299"/>
        <source>Droits retirés (priment sur tout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="307"/>
        <source>&amp;Nouveau profil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="308"/>
        <source>&amp;Enregistrer le profil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="309"/>
        <source>&amp;Supprimer le profil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="329"/>
        <source>Profil « %1 » enregistré.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="337"/>
        <source>Profil « %1 » supprimé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="460"/>
        <source>La confirmation ne correspond pas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="462"/>
        <source>Mot de passe conforme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="483"/>
        <location filename="../widgets/admin_users.cpp" line="510"/>
        <source>La confirmation du mot de passe ne correspond pas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="488"/>
        <source>Compte « %1 » créé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="498"/>
        <source>Compte « %1 » enregistré.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="517"/>
        <source>Mot de passe de « %1 » changé.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminWindow</name>
    <message>
        <location filename="../widgets/admin_window.cpp" line="176"/>
        <source>Caméras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_window.cpp" line="181"/>
        <source>Utilisateurs et rôles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_window.cpp" line="185"/>
        <source>Durées de conservation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_window.cpp" line="189"/>
        <source>Sauvegardes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_window.cpp" line="193"/>
        <source>Licences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_window.cpp" line="198"/>
        <source>Exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_window.cpp" line="202"/>
        <source>Journaux applicatifs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_window.cpp" line="206"/>
        <source>Journal d&apos;audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_window.cpp" line="272"/>
        <source>Vigie — Administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/admin_window.cpp" line="273"/>
        <source>Administration — connecté en tant que %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ChartsView</name>
    <message>
        <location filename="../widgets/charts_view.cpp" line="212"/>
        <location filename="../widgets/charts_view.cpp" line="422"/>
        <source>Toutes les caméras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="230"/>
        <location filename="../widgets/charts_view.cpp" line="425"/>
        <source>Toutes les zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="257"/>
        <source>caméra entière</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="301"/>
        <source>Lecture des comptages impossible : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="326"/>
        <source>Aucune donnée sur la période choisie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="337"/>
        <source>Heure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="342"/>
        <source>Densité maximale (personnes/m²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="345"/>
        <source>Franchissements (moyenne)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="348"/>
        <source>Personnes comptées (moyenne)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="379"/>
        <source>Statistiques — comptage et densité par zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="380"/>
        <source>&amp;Caméra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="381"/>
        <source>&amp;Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="382"/>
        <source>&amp;Mesure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="383"/>
        <source>&amp;Période</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="384"/>
        <source>&amp;Actualiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="388"/>
        <source>Dernière heure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="391"/>
        <source>6 dernières heures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="394"/>
        <source>24 dernières heures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="397"/>
        <source>7 derniers jours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="400"/>
        <source>30 derniers jours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="409"/>
        <source>Comptage (personnes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="412"/>
        <source>Densité (personnes/m²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="415"/>
        <source>Franchissements de ligne</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::HealthModel</name>
    <message>
        <location filename="../widgets/health_model.cpp" line="65"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="67"/>
        <source>Dégradé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="69"/>
        <source>Hors service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="74"/>
        <source>Inconnu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="88"/>
        <source>aucune image depuis %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="93"/>
        <source>reconnectée</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/health_model.cpp" line="97"/>
        <source>%n erreur(s) de décodage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="106"/>
        <source>%1 des images perdues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="115"/>
        <source>Images décodées : %1
Images analysées : %2
Images perdues : %3
Erreurs de décodage : %4
Reconnexions : %5
Analyse : %6 i/s
Dernière erreur : %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="124"/>
        <source>aucune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="133"/>
        <source>Moteur d&apos;analyse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="138"/>
        <source>traitement arrêté (arrêt général)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="143"/>
        <source>latence très élevée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="146"/>
        <source>latence élevée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="152"/>
        <source>erreurs du détecteur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="152"/>
        <source>le détecteur échoue</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/health_model.cpp" line="155"/>
        <source>%n caméra(s) analysée(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="157"/>
        <source>latence p95 %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="159"/>
        <source>Inférences : %1
Lots : %2 (moyenne %3 images)
Erreurs du détecteur : %4
Latence p50 / p95 / p99 : %5 / %6 / %7 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="175"/>
        <source>Calcul (GPU / CPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="178"/>
        <source>détecteur inconnu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="187"/>
        <source>mémoire GPU %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="193"/>
        <source>charge GPU %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="199"/>
        <source>charge CPU %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="209"/>
        <source>Espace disque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="212"/>
        <source>non mesuré</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="227"/>
        <source>%1 libres sur %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="230"/>
        <source>%1 libres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="239"/>
        <source>Base de données</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="244"/>
        <source>erreur d&apos;écriture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="249"/>
        <source>%1 écritures en attente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="253"/>
        <source>échecs d&apos;écriture récents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="256"/>
        <source>écritures à jour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="260"/>
        <source>En attente : %1
Échecs : %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="268"/>
        <source>Connecteur %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="274"/>
        <source>connecté</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="278"/>
        <source>nouvelle tentative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="282"/>
        <source>injoignable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="287"/>
        <source>désactivé</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/health_model.cpp" line="292"/>
        <source>%n alerte(s) en attente d&apos;envoi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="417"/>
        <source>aucune donnée récente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="442"/>
        <source>Composant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="444"/>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="446"/>
        <source>Détail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::HealthView</name>
    <message>
        <location filename="../widgets/health_view.cpp" line="85"/>
        <source>En attente des premières mesures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_view.cpp" line="88"/>
        <source>Aucune mesure reçue depuis plus de %1 s : état inconnu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_view.cpp" line="94"/>
        <source>Tous les composants sont en service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/health_view.cpp" line="98"/>
        <source>%n composant(s) hors service</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/health_view.cpp" line="101"/>
        <source>%n composant(s) dégradé(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/health_view.cpp" line="126"/>
        <source>Santé de l&apos;installation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::app::ReplayRunner</name>
    <message>
        <location filename="../app/workstation/replay_runner.cpp" line="151"/>
        <source>caméra inconnue : %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ConditionEditor</name>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="203"/>
        <source>Sélectionnez d&apos;abord un ET, OU, NON, « pendant au moins » ou « dans les … suivant » qui peut recevoir une condition de plus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="220"/>
        <source>Aucune autre règle de cette caméra à combiner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="258"/>
        <source>Règle « %1 »</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="262"/>
        <source>ET — toutes les conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="265"/>
        <source>OU — au moins une condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="268"/>
        <source>NON — la condition est absente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="271"/>
        <source>pendant au moins %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="274"/>
        <source>la seconde dans les %1 s suivant la première</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/rule_builder.cpp" line="283"/>
        <source> (encore %n condition(s) à ajouter)</source>
        <translation>
            <numerusform> (encore %n condition à ajouter)</numerusform>
            <numerusform> (encore %n conditions à ajouter)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="292"/>
        <source>Ajouter la règle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="293"/>
        <source>ET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="294"/>
        <source>OU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="295"/>
        <source>NON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="296"/>
        <source>Pendant au moins…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="297"/>
        <source>Dans les … s suivant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="298"/>
        <source>Retirer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="299"/>
        <source>Toutes les conditions en dessous doivent être vraies en même temps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="300"/>
        <source>Au moins une des conditions en dessous doit être vraie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="301"/>
        <source>Vraie quand la condition en dessous est absente.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="303"/>
        <source>La condition en dessous doit durer au moins ce nombre de secondes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="305"/>
        <source>La seconde condition doit survenir dans ce délai après la première.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ParamForm</name>
    <message>
        <location filename="../widgets/param_forms.cpp" line="49"/>
        <source>↓ vers le bas de l&apos;image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="50"/>
        <source>↑ vers le haut de l&apos;image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="51"/>
        <source>← vers la gauche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="52"/>
        <source>→ vers la droite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="53"/>
        <source>↘ en bas à droite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="54"/>
        <source>↙ en bas à gauche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="55"/>
        <source>↗ en haut à droite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="56"/>
        <source>↖ en haut à gauche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="220"/>
        <source>Objets concernés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="231"/>
        <location filename="../widgets/param_forms.cpp" line="380"/>
        <location filename="../widgets/param_forms.cpp" line="388"/>
        <location filename="../widgets/param_forms.cpp" line="491"/>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="235"/>
        <source>s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="236"/>
        <source>m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="238"/>
        <source>Les détections moins sûres sont ignorées ; plus haut, moins de fausses alertes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="248"/>
        <source>Types d&apos;objets qui déclenchent la règle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="252"/>
        <source>Présence minimale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="253"/>
        <source>Temps passé dans la zone avant le signalement (0 : dès l&apos;entrée).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="258"/>
        <location filename="../widgets/param_forms.cpp" line="269"/>
        <location filename="../widgets/param_forms.cpp" line="311"/>
        <location filename="../widgets/param_forms.cpp" line="459"/>
        <location filename="../widgets/param_forms.cpp" line="515"/>
        <source>Score minimal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="265"/>
        <source>Types d&apos;objets dont le passage est signalé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="276"/>
        <source>Types d&apos;objets dont le sens est contrôlé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="282"/>
        <source>Sens autorisé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="284"/>
        <source>Sens normal de circulation dans la zone, sur l&apos;image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="292"/>
        <source>Tolérance d&apos;angle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="293"/>
        <source>Écart accepté autour du contresens exact (90° : tout recul compte).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="296"/>
        <source>°</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="300"/>
        <source>Distance minimale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="301"/>
        <source>Distance parcourue au sol à contresens avant le signalement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="305"/>
        <source>Durée minimale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="306"/>
        <source>Durée du déplacement à contresens avant le signalement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="319"/>
        <source>Seuil de densité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="320"/>
        <source>Densité au-delà de laquelle la zone est signalée (étalonnage requis).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="323"/>
        <source>personnes/m²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="327"/>
        <source>Durée au-dessus du seuil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="328"/>
        <source>La densité doit rester au-dessus du seuil aussi longtemps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="335"/>
        <source>Méthode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="336"/>
        <source>Comptage des personnes détectées, ou carte de densité pour les foules compactes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="340"/>
        <source>Automatique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="341"/>
        <source>Comptage des personnes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="342"/>
        <source>Carte de densité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="364"/>
        <source>Carte de densité au-delà de</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="365"/>
        <source>En automatique, la carte de densité prend le relais au-delà de ce nombre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="369"/>
        <location filename="../widgets/param_forms.cpp" line="396"/>
        <source>personnes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="376"/>
        <location filename="../widgets/param_forms.cpp" line="487"/>
        <source>Sensibilité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="377"/>
        <source>Plus haut : davantage de signalements, y compris des mouvements moins marqués.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="384"/>
        <source>Part des personnes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="385"/>
        <source>Part des personnes de la zone qui doivent prendre part au mouvement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="392"/>
        <source>Nombre minimal de personnes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="393"/>
        <source>Aucun signalement en dessous de ce nombre de personnes dans la zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="400"/>
        <source>Vitesse de course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="401"/>
        <source>Une personne plus rapide au sol est considérée comme courant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="404"/>
        <source>m/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="408"/>
        <source>Apprentissage du mouvement habituel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="411"/>
        <source>Durée sur laquelle le mouvement normal de la zone est appris.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="417"/>
        <source>Surface en mouvement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="418"/>
        <source>Part de la zone en mouvement qui suffit quand les personnes sont peu nombreuses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="421"/>
        <source>% de la zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="428"/>
        <source>Types de bagages surveillés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="431"/>
        <source>Immobile depuis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="432"/>
        <source>Durée d&apos;immobilité de l&apos;objet avant le signalement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="438"/>
        <source>Distance du propriétaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="439"/>
        <source>Une personne plus proche : l&apos;objet n&apos;est pas considéré comme abandonné.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="445"/>
        <source>Taille minimale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="446"/>
        <source>Les objets plus petits (part de l&apos;image) sont ignorés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="449"/>
        <location filename="../widgets/param_forms.cpp" line="499"/>
        <source>% de l&apos;image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="453"/>
        <source>Vérifier l&apos;image immobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="454"/>
        <source>Confirme l&apos;objet par l&apos;analyse de l&apos;image, même quand la détection vacille.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="466"/>
        <source>Au sol depuis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="467"/>
        <source>Durée passée au sol avant le signalement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="472"/>
        <source>Confiance minimale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="473"/>
        <source>Confiance requise dans la posture allongée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="477"/>
        <source>Chute préalable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="478"/>
        <source>Seule une personne qui vient de tomber est signalée, pas une personne déjà allongée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="488"/>
        <source>Plus haut : davantage de signalements, y compris de petites flammes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="495"/>
        <source>Surface minimale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="496"/>
        <source>Surface des flammes ou de la fumée, en part de l&apos;image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="502"/>
        <source>Persistance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="503"/>
        <source>Le feu doit persister aussi longtemps avant le signalement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="511"/>
        <source>Classes d&apos;armes du modèle installé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="519"/>
        <source>Images consécutives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="520"/>
        <source>Nombre d&apos;images analysées de suite où l&apos;arme doit être vue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="523"/>
        <source>images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="702"/>
        <source>Activé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="718"/>
        <source>Aucun paramètre pour cet événement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="721"/>
        <source>Valeurs par défaut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="722"/>
        <source>Remet chaque paramètre de cet événement à sa valeur conseillée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="783"/>
        <source>personnalisé (%1 ; %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ReplayTimeline</name>
    <message>
        <location filename="../widgets/replay_view.cpp" line="67"/>
        <source>Chronologie des détections et des alertes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ReplayView</name>
    <message>
        <location filename="../widgets/replay_view.cpp" line="286"/>
        <source>Paramètres modifiés : relancez le rejeu pour voir l&apos;effet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="294"/>
        <source>Aucune vidéo choisie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="301"/>
        <source>Choisir une vidéo enregistrée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="302"/>
        <source>Vidéos (*.mp4 *.mkv *.avi *.mov *.ts);;Tous les fichiers (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="316"/>
        <source>Analyse en cours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="366"/>
        <source>%1 → %2  %3 (score %4 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="375"/>
        <source>Analyse en cours… %1 s analysées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="384"/>
        <source>Échec du rejeu : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/replay_view.cpp" line="388"/>
        <source>Rejeu terminé : %1 images analysées sur %2 s, %n alerte(s).</source>
        <translation>
            <numerusform>Rejeu terminé : %1 images analysées sur %2 s, %n alerte.</numerusform>
            <numerusform>Rejeu terminé : %1 images analysées sur %2 s, %n alertes.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="465"/>
        <source>Rejeu et réglage — caméra « %1 »</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="468"/>
        <source>Choisir une vidéo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="469"/>
        <source>Lancer le rejeu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="470"/>
        <source>Arrêter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="471"/>
        <source>Appliquer au site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="472"/>
        <source>Garde ces réglages pour l&apos;analyse en direct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="473"/>
        <source>Règle à régler :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="474"/>
        <source>Alertes du rejeu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::RuleBuilder</name>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="523"/>
        <source>Planning de « %1 »</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="542"/>
        <source>Règles de la caméra « %1 »</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="543"/>
        <source>Nouvelle règle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="544"/>
        <source>Supprimer la règle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="546"/>
        <source>Nom :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="547"/>
        <source>Type :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="548"/>
        <source>Événement détecté</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="549"/>
        <source>Composition d&apos;autres règles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="550"/>
        <source>Événement :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="554"/>
        <source>Zones / lignes :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="555"/>
        <source>Gravité :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="559"/>
        <source>Seuil de réactivation :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="561"/>
        <source>Aucune nouvelle alerte de cette règle sur cette caméra pendant ce délai après la précédente.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="563"/>
        <source>Fin d&apos;alerte après :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="564"/>
        <source>L&apos;alerte se termine quand la condition est absente depuis ce délai.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="565"/>
        <source>Condition seulement (ne lève pas d&apos;alerte elle-même)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="566"/>
        <source>Paramètres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="567"/>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="568"/>
        <source>Planning :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="569"/>
        <source>Enregistrer la règle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="577"/>
        <source>Arrêt général du traitement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="578"/>
        <source>Traitement arrêté — reprendre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="579"/>
        <source>Arrête toute analyse sur toutes les caméras ; les alertes en cours se ferment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="581"/>
        <source>Relance l&apos;analyse de toutes les caméras.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="731"/>
        <source>Toujours actif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="736"/>
        <source>Nouveau planning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="847"/>
        <source>La règle ne peut pas être enregistrée :
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="881"/>
        <source>les conditions ci-dessous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="890"/>
        <source>choisir une zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="891"/>
        <source>toute l&apos;image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="893"/>
        <source>%1 dans %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="895"/>
        <source>toujours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="901"/>
        <source> (aucune plage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="904"/>
        <source>condition pour d&apos;autres règles, sans alerte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="905"/>
        <source>alerte %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="906"/>
        <source>Quand %1 sur la caméra %2, pendant %3, alors %4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::RuleListModel</name>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="96"/>
        <source>(composition)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="99"/>
        <source>Image entière</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="119"/>
        <source>Toujours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="144"/>
        <source>Règle active : décocher pour la suspendre sur cette caméra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="145"/>
        <source>Règle suspendue : cocher pour la réactiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="152"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="152"/>
        <source>Suspendue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="195"/>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="197"/>
        <source>Règle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="199"/>
        <source>Événement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="201"/>
        <source>Zones / lignes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="203"/>
        <source>Planning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="205"/>
        <source>Gravité</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ScheduleEditor</name>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="574"/>
        <source>Horaires illisibles : écrivez par exemple « 08:00-12:00, 14:00-18:00 ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="596"/>
        <source>inactif toute la journée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="597"/>
        <source>remplacé par %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="606"/>
        <source>Nom du planning :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="607"/>
        <source>ex. Heures d&apos;ouverture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="608"/>
        <source>Lun–Ven 08:00–19:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="609"/>
        <source>24 h/24, 7 j/7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="610"/>
        <source>Tout effacer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="613"/>
        <source>Certaines plages ne tombaient pas sur une demi-heure : elles sont arrondies dès que la grille est modifiée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="615"/>
        <source>Cliquez-glissez pour peindre les plages actives ; partir d&apos;une case active les efface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="617"/>
        <source>Exceptions (jours fériés, événements)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="618"/>
        <source>Date :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="619"/>
        <source>Ce jour-là :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="620"/>
        <source>Inactif toute la journée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="621"/>
        <source>Horaires de remplacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="622"/>
        <source>Horaires :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="623"/>
        <source>Ajouter l&apos;exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="624"/>
        <source>Supprimer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ScheduleGrid</name>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="60"/>
        <location filename="../widgets/schedule_grid.cpp" line="346"/>
        <source>Planning hebdomadaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="251"/>
        <source>Lun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="252"/>
        <source>Mar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="253"/>
        <source>Mer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="254"/>
        <source>Jeu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="255"/>
        <source>Ven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="256"/>
        <source>Sam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="257"/>
        <source>Dim</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ZoneCanvas</name>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="70"/>
        <source>Image de la caméra : zones et lignes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="417"/>
        <source>Masque %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="417"/>
        <source>Zone %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="429"/>
        <source>Ligne %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="518"/>
        <source>Indiquez la largeur et la profondeur du quadrilatère au sol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="581"/>
        <source>Aucune image de la caméra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="641"/>
        <source>%1 m</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ZoneEditor</name>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="964"/>
        <source>Non étalonnée : l&apos;échelle sera estimée d&apos;après la taille des personnes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="967"/>
        <source>Étalonnée par le quadrilatère au sol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/zone_editor.cpp" line="968"/>
        <source>Étalonnée par %n longueur(s) de référence.</source>
        <translation>
            <numerusform>Étalonnée par %n longueur de référence.</numerusform>
            <numerusform>Étalonnée par %n longueurs de référence.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="971"/>
        <source>Étalonnage incomplet : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="977"/>
        <source>Zones et lignes — caméra « %1 »</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="979"/>
        <source>Sélection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="980"/>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="981"/>
        <source>Masque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="982"/>
        <source>Ligne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="983"/>
        <source>Quadrilatère au sol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="984"/>
        <source>Longueur de référence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="991"/>
        <source>Glissez un sommet pour le déplacer ; cliquez sur un bord pour ajouter un sommet ; Suppr efface le sommet ou la forme choisie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="998"/>
        <source>Cliquez pour placer les points ; double-clic, Entrée ou clic sur le premier point pour terminer ; Échap pour annuler.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1003"/>
        <source>Cliquez les quatre coins d&apos;un rectangle au sol : proche gauche, proche droit, loin droit, loin gauche ; puis indiquez ses côtés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1008"/>
        <source>Tracez au sol la même longueur connue deux fois, près et loin de la caméra (par exemple un marquage ou une dalle de 2 m).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1012"/>
        <source>Nom :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1013"/>
        <source>Sens de passage :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1014"/>
        <source>Les deux sens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1015"/>
        <source>Vers la gauche de la ligne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1016"/>
        <source>Vers la droite de la ligne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1017"/>
        <source>Supprimer la forme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1018"/>
        <source>Étalonnage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1019"/>
        <source>Largeur (côté proche) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1020"/>
        <source>Profondeur :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1021"/>
        <source>Longueur de référence :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1022"/>
        <source>Grille :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1023"/>
        <source>cases de 1 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1024"/>
        <source>cases de 5 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1025"/>
        <source>masquée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1026"/>
        <source>Appliquer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::app::Workstation</name>
    <message>
        <location filename="../app/workstation/workstation.cpp" line="593"/>
        <source>Zones et lignes enregistrées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/workstation.cpp" line="604"/>
        <source>Règles enregistrées.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AccessLabels</name>
    <message>
        <location filename="../widgets/access_labels.cpp" line="24"/>
        <source>Niveau 1 — opérateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="26"/>
        <source>Niveau 2 — utilisateur avancé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="28"/>
        <source>Niveau 3 — administrateur technique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="32"/>
        <source>Niveau inconnu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="38"/>
        <source>Voir le direct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="40"/>
        <source>Voir les alertes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="42"/>
        <source>Qualifier les alertes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="44"/>
        <source>Voir les images des alertes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="46"/>
        <source>Revoir les séquences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="48"/>
        <source>Voir les comptages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="50"/>
        <source>Exporter les données</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="52"/>
        <source>Dessiner les zones et lignes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="54"/>
        <source>Modifier les règles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="56"/>
        <source>Activer ou désactiver les règles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="58"/>
        <source>Modifier les plannings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="60"/>
        <source>Arrêter le traitement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="62"/>
        <source>Gérer les caméras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="64"/>
        <source>Gérer les comptes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="66"/>
        <source>Gérer les groupes et profils</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="68"/>
        <source>Régler les durées de conservation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="70"/>
        <source>Faire les sauvegardes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="72"/>
        <source>Gérer les licences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="74"/>
        <source>Lire le journal d&apos;audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="76"/>
        <source>Lire les journaux applicatifs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="78"/>
        <source>Voir la santé du système</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="80"/>
        <source>Modifier les réglages généraux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="84"/>
        <source>Droit inconnu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="88"/>
        <source>au moins %1 caractères</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="89"/>
        <source>au moins 3 types parmi : minuscules, majuscules, chiffres, autres caractères</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="90"/>
        <source>ne contient pas l&apos;identifiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="132"/>
        <source>Identifiant ou mot de passe incorrect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="135"/>
        <source>Compte verrouillé après trop d&apos;essais infructueux : réessayez plus tard ou demandez à un administrateur de le déverrouiller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="140"/>
        <source>Votre session a expiré : reconnectez-vous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="143"/>
        <source>Le nouveau mot de passe doit être différent de l&apos;actuel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="157"/>
        <source>Le mot de passe ne respecte pas la règle : %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="161"/>
        <source>Le mot de passe est trop long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="164"/>
        <source>Action refusée : vos droits ne le permettent pas.
(%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="168"/>
        <source>Identifiant invalide : de 3 à 64 lettres, chiffres, « . », « _ », « - » ou « @ », en commençant par une lettre ou un chiffre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="173"/>
        <source>Ce nom existe déjà.
(%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="176"/>
        <source>Il doit toujours rester un administrateur (niveau 3) actif.
(%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="179"/>
        <source>L&apos;opération n&apos;a pas abouti : %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AlertListModel</name>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="269"/>
        <source>Reportée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="200"/>
        <source>Vue (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="202"/>
        <source>Nouvelle (en cours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="202"/>
        <source>Nouvelle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="205"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="222"/>
        <source>%1 le %2 — règle %3, zone %4, de %5 s à %6 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="231"/>
        <source>Commentaire : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="267"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="269"/>
        <source>Heure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="271"/>
        <source>Gravité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="273"/>
        <source>Caméra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="275"/>
        <source>Événement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="277"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="279"/>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AlertPanel</name>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="731"/>
        <source>Mettre l&apos;alerte de côté 30 s ; elle revient si personne ne l&apos;a traitée (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="729"/>
        <source>Reporter 30 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="697"/>
        <source>Reportée : elle revient si personne ne la traite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="477"/>
        <source>Choisissez le motif de la fausse alerte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="579"/>
        <source>Recherche impossible : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/alert_panel.cpp" line="591"/>
        <source>%n alerte(s) trouvée(s) dans l&apos;historique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="635"/>
        <source>Sélectionnez une alerte pour revoir sa séquence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="648"/>
        <source>Pas de séquence enregistrée pour cette alerte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="670"/>
        <source>Aucune alerte sélectionnée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="673"/>
        <source>%1 — %2
Caméra : %3 · règle : %4 · zone : %5
Le %6 · score %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="681"/>
        <source>Prise en charge par %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="686"/>
        <source> par %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="693"/>
        <source>Vos droits ne permettent pas de qualifier les alertes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="702"/>
        <source>Alertes — %1 nouvelle(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="703"/>
        <source>Alertes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="708"/>
        <source> · son coupé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="710"/>
        <source>Fiche — levée de doute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="711"/>
        <source>Prendre en charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="712"/>
        <source>Prendre l&apos;alerte en charge et revoir la séquence (Espace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="713"/>
        <source>Confirmer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="714"/>
        <source>Confirmer l&apos;alerte sélectionnée (Ctrl+Entrée)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="715"/>
        <source>Fausse alerte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="716"/>
        <source>Classer en fausse alerte, avec un motif (Ctrl+Suppr)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="717"/>
        <source>Commentaire (facultatif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="718"/>
        <source>Historique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="719"/>
        <source>Chercher dans les alertes enregistrées avec ces filtres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="720"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="720"/>
        <source>Lecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="721"/>
        <source>Revoir la séquence de −15 s à +10 s (Espace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="732"/>
        <source>Toutes les caméras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="738"/>
        <source>Tous les événements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="744"/>
        <source>Tous les états</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="745"/>
        <source>Nouvelles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="746"/>
        <source>Confirmées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="747"/>
        <source>Fausses alertes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="748"/>
        <source>Toute période</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="749"/>
        <source>Dernière heure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="750"/>
        <source>Dernières 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="751"/>
        <source>7 derniers jours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="752"/>
        <source>30 derniers jours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="757"/>
        <source>Motif de fausse alerte…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="757"/>
        <source>Reflet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="757"/>
        <source>Ombre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="757"/>
        <source>Animal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="758"/>
        <source>Mauvaise classe d&apos;objet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="758"/>
        <source>Zone mal placée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="758"/>
        <source>Autre</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::CameraTreeModel</name>
    <message>
        <location filename="../widgets/camera_tree_model.cpp" line="94"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/camera_tree_model.cpp" line="115"/>
        <source>%1 (identifiant %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/camera_tree_model.cpp" line="117"/>
        <source>Caméra désactivée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/camera_tree_model.cpp" line="143"/>
        <source>Caméra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/camera_tree_model.cpp" line="143"/>
        <source>Tuile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::LoginDialog</name>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="117"/>
        <source>Saisissez votre identifiant et votre mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="125"/>
        <source>Les deux mots de passe sont différents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="150"/>
        <source>Connexion de %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="157"/>
        <source>Vigie — Connexion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="158"/>
        <source>Vigie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="158"/>
        <source>Vigie — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="160"/>
        <source>Aucun compte n&apos;existe encore sur ce poste. Créez le compte de l&apos;administrateur technique (niveau 3) : il ouvrira ensuite les comptes des opérateurs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="163"/>
        <source>Identifiez-vous pour accéder au poste de supervision. Les actions sont enregistrées dans le journal d&apos;audit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="165"/>
        <source>Identifiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="166"/>
        <source>Mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="167"/>
        <source>Confirmer le mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="171"/>
        <source>Le mot de passe doit comporter : %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="173"/>
        <source>Créer et se connecter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="173"/>
        <source>Se connecter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="174"/>
        <source>Quitter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::OperatorWindow</name>
    <message>
        <location filename="../widgets/operator_window.cpp" line="854"/>
        <source>Reporter 30 s	Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="398"/>
        <source>Accès refusé : vos droits ne permettent pas d&apos;ouvrir cet écran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="584"/>
        <source>Afficher la caméra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="595"/>
        <source>Vider la tuile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="604"/>
        <source>Restaurer le mur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="604"/>
        <source>Agrandir la tuile</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/operator_window.cpp" line="640"/>
        <source>%n pers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/operator_window.cpp" line="722"/>
        <source>(!) %n alerte(s) nouvelle(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="723"/>
        <source>%1 — %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="753"/>
        <source>Traitement arrêté</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/operator_window.cpp" line="755"/>
        <source>Santé : %n caméra(s) hors ligne</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/operator_window.cpp" line="757"/>
        <source>Santé : %n caméra(s) dégradée(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="759"/>
        <source>Santé : tout est nominal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="777"/>
        <source>F11 / Échap : plein écran / sortir
Entrée ou double-clic : agrandir / restaurer la tuile
1 à 9 (pavé numérique en 3×3) : sélectionner la tuile
Flèches : déplacer la sélection des tuiles
Alt+1 à Alt+9 : ouvrir la vue n
PgPréc / PgSuiv, Ctrl+Tab : mur précédent / suivant
Espace : prendre en charge l&apos;alerte et revoir sa séquence
Ctrl+R : reporter l&apos;alerte de 30 s
Ctrl+Entrée : confirmer l&apos;alerte
Ctrl+Suppr : fausse alerte (motif demandé)
Ctrl+↑ / Ctrl+↓ : alerte précédente / suivante
M : couper / rétablir le son
Ctrl+H : chercher dans l&apos;historique
Ctrl+L : liste des caméras
F1 : cet aide-mémoire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="791"/>
        <source>Raccourcis clavier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="805"/>
        <source>Vigie — Mur B et alertes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="805"/>
        <source>Vigie — Supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="810"/>
        <source>(%1) </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="814"/>
        <source>Mur A (tuiles 1 à 9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="815"/>
        <source>Mur B (tuiles 10 à 18)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="818"/>
        <source>Caméras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="819"/>
        <source>Liste des caméras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="821"/>
        <source>Ouvrir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="822"/>
        <source>Vue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="823"/>
        <source>&amp;Fichier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="824"/>
        <source>Changer d&apos;utilisateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="825"/>
        <source>&amp;Quitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="826"/>
        <source>&amp;Affichage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="827"/>
        <source>Plein écran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="828"/>
        <source>Surimpressions (boîtes, zones, valeurs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="830"/>
        <source>Mur suivant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="836"/>
        <source>A&amp;lertes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="838"/>
        <source>Prendre en charge	Espace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="839"/>
        <source>Confirmer	Ctrl+Entrée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="840"/>
        <source>Fausse alerte…	Ctrl+Suppr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="841"/>
        <source>Couper le son	M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="842"/>
        <source>Chercher dans l&apos;historique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="844"/>
        <source>&amp;Paramétrage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="845"/>
        <source>A&amp;dministration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="849"/>
        <source>Zones et lignes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="852"/>
        <source>Règles et plannings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="855"/>
        <source>Rejeu et réglage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="858"/>
        <source>Administration du système…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="861"/>
        <source>Santé du système…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="864"/>
        <source>Statistiques (comptage, densité)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="870"/>
        <source>&amp;Traitement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="871"/>
        <source>Reprendre le traitement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="872"/>
        <source>Arrêter tout le traitement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="873"/>
        <source>Aid&amp;e</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigie::widgets::VideoTile</name>
    <message>
        <location filename="../widgets/video_tile.cpp" line="41"/>
        <source>Tuile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="153"/>
        <source>Aucune caméra
Glissez une caméra de la liste ici</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="159"/>
        <source>Image figée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="159"/>
        <source>Image figée depuis %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="163"/>
        <source>%1 — dernière image à %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="165"/>
        <source>Hors ligne — reconnexion automatique…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="167"/>
        <source>Dernière image à %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="172"/>
        <source>En attente d&apos;image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="266"/>
        <source>IA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="277"/>
        <source>%1 i/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
