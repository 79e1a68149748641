<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/workstation/main.cpp" line="72"/>
        <source>Vigie — démarrage impossible</source>
        <translation>Vigie — cannot start</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::Labels</name>
    <message>
        <location filename="../widgets/labels.cpp" line="22"/>
        <source>Intrusion en zone interdite</source>
        <translation>Intrusion into a forbidden zone</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="24"/>
        <source>Franchissement de ligne</source>
        <translation>Line crossing</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="26"/>
        <source>Non-respect du sens de circulation</source>
        <translation>Wrong-way movement</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="28"/>
        <source>Mouvement de foule</source>
        <translation>Crowd movement</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="30"/>
        <source>Densité trop importante de personnes</source>
        <translation>Excessive crowd density</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="32"/>
        <source>Objet abandonné</source>
        <translation>Abandoned object</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="34"/>
        <source>Présence d&apos;arme</source>
        <translation>Weapon</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="36"/>
        <source>Personne au sol</source>
        <translation>Person on the ground</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="38"/>
        <source>Départ de feu</source>
        <translation>Fire start</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="42"/>
        <source>Événement inconnu</source>
        <translation>Unknown event</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="48"/>
        <source>CRITIQUE</source>
        <translation>CRITICAL</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="50"/>
        <source>MAJEURE</source>
        <translation>MAJOR</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="52"/>
        <source>INFO</source>
        <translation>INFO</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="76"/>
        <source>Nouvelle</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="78"/>
        <source>Confirmée</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="80"/>
        <source>Fausse alerte</source>
        <translation>False alarm</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="90"/>
        <source>Arrêtée</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="92"/>
        <source>Connexion…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="94"/>
        <source>En direct</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="96"/>
        <source>Image figée</source>
        <translation>Frozen picture</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="98"/>
        <source>Reconnexion…</source>
        <translation>Reconnecting…</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="100"/>
        <source>Hors ligne</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="102"/>
        <source>Fin de la séquence</source>
        <translation>End of sequence</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="106"/>
        <source>Inconnu</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="126"/>
        <source>personne</source>
        <translation>person</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="127"/>
        <source>vélo</source>
        <translation>bicycle</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="128"/>
        <source>voiture</source>
        <translation>car</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="129"/>
        <source>moto</source>
        <translation>motorcycle</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="130"/>
        <source>bus</source>
        <translation>bus</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="131"/>
        <source>train</source>
        <translation>train</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="132"/>
        <source>camion</source>
        <translation>truck</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="133"/>
        <source>sac à dos</source>
        <translation>backpack</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="134"/>
        <source>sac à main</source>
        <translation>handbag</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="135"/>
        <source>valise</source>
        <translation>suitcase</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="136"/>
        <source>parapluie</source>
        <translation>umbrella</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="137"/>
        <source>couteau</source>
        <translation>knife</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="138"/>
        <source>ciseaux</source>
        <translation>scissors</translation>
    </message>
    <message>
        <location filename="../widgets/labels.cpp" line="139"/>
        <source>batte</source>
        <translation>bat</translation>
    </message>
</context>
<context>
    <name>AdminCamerasPage</name>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="60"/>
        <source>L&apos;enregistrement de la configuration du site n&apos;est pas disponible ici.</source>
        <translation>Saving the site configuration is not available here.</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminAuditModel</name>
    <message>
        <location filename="../widgets/admin_models.cpp" line="296"/>
        <source>Empreinte : %1
Précédente : %2</source>
        <translation>Hash: %1
Previous: %2</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="314"/>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="316"/>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="318"/>
        <source>Auteur</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="320"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="322"/>
        <source>Cible</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="324"/>
        <source>Détails</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminAuditPage</name>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="172"/>
        <source>&amp;Période</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="200"/>
        <source>identifiant</source>
        <translation>login</translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="201"/>
        <source>login, camera_add, export…</source>
        <translation>login, camera_add, export…</translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="207"/>
        <source>au</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="209"/>
        <source>&amp;Auteur</source>
        <translation>&amp;Author</translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="211"/>
        <source>A&amp;ction</source>
        <translation>A&amp;ction</translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="213"/>
        <source>&amp;Nombre</source>
        <translation>&amp;Number</translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="215"/>
        <source>&amp;Rechercher</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="226"/>
        <source>&amp;Vérifier la chaîne</source>
        <translation>&amp;Verify the chain</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/admin_logs.cpp" line="239"/>
        <source>%n enregistrement(s).</source>
        <translation>
            <numerusform>%n record.</numerusform>
            <numerusform>%n records.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="285"/>
        <source>Vérification impossible : %1</source>
        <translation>Verification failed: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/admin_logs.cpp" line="291"/>
        <source>Chaîne intègre : %n enregistrement(s) vérifié(s).</source>
        <translation>
            <numerusform>Chain intact: %n record verified.</numerusform>
            <numerusform>Chain intact: %n records verified.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="293"/>
        <source>Remarque : %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="299"/>
        <source>CHAÎNE ROMPUE à l&apos;enregistrement n° %1 : %2</source>
        <translation>CHAIN BROKEN at record no. %1: %2</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminBackupsPage</name>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="33"/>
        <source>Sauvegardes &amp;automatiques</source>
        <translation>&amp;Automatic backups</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="49"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="53"/>
        <source>Sauvegarde manuelle</source>
        <translation>Manual backup</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="57"/>
        <source>&amp;Parcourir…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="59"/>
        <source>&amp;Dossier</source>
        <translation>&amp;Folder</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="60"/>
        <source>Phrase de &amp;passe</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="61"/>
        <source>&amp;Confirmation</source>
        <translation>&amp;Confirmation</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="62"/>
        <source>La sauvegarde contient la configuration du site, les comptes, groupes et profils et les durées de conservation, chiffrés avec la phrase de passe (12 caractères au moins). Sans elle, la sauvegarde est inutilisable : conservez-la à part.</source>
        <translation>The backup holds the site configuration, the accounts, groups and profiles and the retention periods, encrypted with the passphrase (at least 12 characters). Without it the backup cannot be used: keep it separately.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="69"/>
        <source>&amp;Sauvegarder maintenant</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="74"/>
        <source>Planification</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="77"/>
        <source>&amp;Intervalle</source>
        <translation>&amp;Interval</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="78"/>
        <source>Sauvegardes &amp;gardées</source>
        <translation>Backups &amp;kept</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="79"/>
        <source>D&amp;ossier des sauvegardes automatiques</source>
        <translation>F&amp;older of automatic backups</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="80"/>
        <source>&amp;Enregistrer la planification</source>
        <translation>&amp;Save the schedule</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="85"/>
        <source>Sauvegardes présentes dans le dossier</source>
        <translation>Backups in the folder</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="90"/>
        <source>Dossier de sauvegarde</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="100"/>
        <source>La confirmation de la phrase de passe ne correspond pas.</source>
        <translation>The passphrase confirmation does not match.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="105"/>
        <source>Sauvegarde écrite : %1 (%2 lignes).</source>
        <translation>Backup written: %1 (%2 rows).</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="116"/>
        <source>Planification enregistrée.</source>
        <translation>Schedule saved.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="144"/>
        <source>%1 — %2 — %3</source>
        <translation>%1 — %2 — %3</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="159"/>
        <source>Le dossier de sauvegarde n&apos;existe pas : %1</source>
        <translation>The backup folder does not exist: %1</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="195"/>
        <source>Planification hors limites (intervalle de 1 à 720 h, de 1 à 365 sauvegardes gardées).</source>
        <translation>Schedule out of range (interval 1 to 720 h, 1 to 365 backups kept).</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="199"/>
        <source>Les sauvegardes automatiques demandent un dossier.</source>
        <translation>Automatic backups need a folder.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_backups.cpp" line="202"/>
        <source>L&apos;enregistrement de la planification n&apos;est pas disponible ici.</source>
        <translation>Saving the schedule is not available here.</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminCameraModel</name>
    <message>
        <location filename="../widgets/admin_models.cpp" line="46"/>
        <source>jamais</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="101"/>
        <source>Activée</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="101"/>
        <source>Désactivée</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="122"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="124"/>
        <source>Identifiant</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="126"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="128"/>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="130"/>
        <source>Analyse (i/s)</source>
        <translation>Analysis (fps)</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="132"/>
        <source>État</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminCamerasPage</name>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="55"/>
        <source>Configuration refusée par le contrôle du site :
%1</source>
        <translation>Configuration refused by the site check:
%1</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="84"/>
        <source>Analyse activée</source>
        <translation>Analysis enabled</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="85"/>
        <source>&amp;Nouvelle caméra</source>
        <translation>&amp;New camera</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="86"/>
        <source>&amp;Ajouter</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="87"/>
        <source>&amp;Enregistrer les modifications</source>
        <translation>&amp;Save changes</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="88"/>
        <source>&amp;Supprimer</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="89"/>
        <source>A&amp;ctiver</source>
        <translation>E&amp;nable</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="90"/>
        <source>&amp;Désactiver</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="91"/>
        <source>&amp;Tester la connexion</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="109"/>
        <source>Caméras du site</source>
        <translation>Site cameras</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="123"/>
        <source>Caméra</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="125"/>
        <source>quai-1 (lettres, chiffres, - et _)</source>
        <translation>platform-1 (letters, digits, - and _)</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="126"/>
        <source>rtsp://serveur:554/flux — sans identifiant ni mot de passe</source>
        <translation>rtsp://server:554/stream — without user name or password</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="127"/>
        <source>entrée du trousseau (facultatif)</source>
        <translation>keychain entry (optional)</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="128"/>
        <source>Automatique</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="135"/>
        <source> i/s</source>
        <translation> fps</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="137"/>
        <source>&amp;Identifiant</source>
        <translation>&amp;Identifier</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="138"/>
        <source>N&amp;om</source>
        <translation>N&amp;ame</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="139"/>
        <source>&amp;Adresse du flux</source>
        <translation>Stream &amp;address</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="140"/>
        <source>T&amp;ransport</source>
        <translation>T&amp;ransport</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="141"/>
        <source>Identifiants (&amp;trousseau)</source>
        <translation>Credentials (&amp;keychain)</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="142"/>
        <source>Images &amp;analysées</source>
        <translation>&amp;Analysed pictures</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="167"/>
        <source>Caméra « %1 » ajoutée.</source>
        <translation>Camera “%1” added.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="174"/>
        <source>Caméra « %1 » enregistrée.</source>
        <translation>Camera “%1” saved.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="184"/>
        <source>Supprimer la caméra</source>
        <translation>Remove the camera</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/admin_cameras.cpp" line="185"/>
        <source>Supprimer la caméra « %1 » et ses %n règle(s) ? Les alertes déjà enregistrées sont conservées.</source>
        <translation>
            <numerusform>Remove camera “%1” and its %n rule? Alerts already recorded are kept.</numerusform>
            <numerusform>Remove camera “%1” and its %n rules? Alerts already recorded are kept.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="191"/>
        <source>Caméra « %1 » supprimée.</source>
        <translation>Camera “%1” removed.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="196"/>
        <source>Caméra « %1 » activée.</source>
        <translation>Camera “%1” enabled.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="203"/>
        <source>Caméra « %1 » désactivée.</source>
        <translation>Camera “%1” disabled.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="280"/>
        <source>L&apos;identifiant « %1 » est déjà utilisé par une autre caméra.</source>
        <translation>The identifier “%1” is already used by another camera.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="300"/>
        <location filename="../widgets/admin_cameras.cpp" line="318"/>
        <location filename="../widgets/admin_cameras.cpp" line="344"/>
        <source>Caméra inconnue : %1</source>
        <translation>Unknown camera: %1</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="368"/>
        <source>Test de la connexion à « %1 »…</source>
        <translation>Testing the connection to “%1”…</translation>
    </message>
    <message>
        <location filename="../widgets/admin_cameras.cpp" line="381"/>
        <source>Connexion à « %1 » réussie.</source>
        <translation>Connection to “%1” succeeded.</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminExportsPage</name>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="34"/>
        <source>Fichiers dans un &amp;dossier</source>
        <translation>Files in a &amp;folder</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="35"/>
        <source>&amp;Lot de fin de déploiement (support amovible)</source>
        <translation>End-of-deployment &amp;bundle (removable drive)</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="38"/>
        <source>&amp;Chiffrer avec une phrase de passe</source>
        <translation>&amp;Encrypt with a passphrase</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="69"/>
        <source>Données</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="71"/>
        <source>&amp;Du</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="72"/>
        <source>&amp;Au</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="73"/>
        <source>Ca&amp;méra</source>
        <translation>Ca&amp;mera</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="74"/>
        <source>É&amp;vénement</source>
        <translation>E&amp;vent</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="80"/>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="83"/>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="89"/>
        <source>Ac&amp;tualiser</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="91"/>
        <source>Support a&amp;movible</source>
        <translation>Re&amp;movable drive</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="94"/>
        <source>&amp;Parcourir…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="96"/>
        <source>D&amp;ossier</source>
        <translation>F&amp;older</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="98"/>
        <source>P&amp;hrase de passe</source>
        <translation>Pass&amp;phrase</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="101"/>
        <source>&amp;Exporter</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="121"/>
        <source>Dossier d&apos;export</source>
        <translation>Export folder</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="133"/>
        <source>Export terminé dans %1 : %2 fichier(s), %3 alerte(s), %4 comptage(s), %5 enregistrement(s) d&apos;audit.</source>
        <translation>Export finished in %1: %2 file(s), %3 alert(s), %4 count sample(s), %5 audit record(s).</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="150"/>
        <source>Toutes les caméras</source>
        <translation>All cameras</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="162"/>
        <source>Tous les événements</source>
        <translation>All events</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="190"/>
        <source>Aucun support amovible détecté</source>
        <translation>No removable drive found</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="196"/>
        <source>%1 (%2 libres)</source>
        <translation>%1 (%2 free)</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="234"/>
        <source>Choisissez un dossier de destination.</source>
        <translation>Choose a target folder.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_exports.cpp" line="237"/>
        <source>Choisissez au moins un format.</source>
        <translation>Choose at least one format.</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminLicencesPage</name>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="28"/>
        <source>Valide</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="30"/>
        <source>Aucune licence installée</source>
        <translation>No licence installed</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="32"/>
        <source>Fichier de licence illisible</source>
        <translation>Unreadable licence file</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="34"/>
        <source>Licence altérée (signature invalide)</source>
        <translation>Tampered licence (invalid signature)</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="36"/>
        <source>Licence d&apos;un autre site</source>
        <translation>Licence of another site</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="38"/>
        <source>Licence pas encore valable</source>
        <translation>Licence not yet valid</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="40"/>
        <source>Licence expirée</source>
        <translation>Licence expired</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="44"/>
        <source>État inconnu</source>
        <translation>Unknown state</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="69"/>
        <source>Seules les caméras activées consomment un flux. Pour attribuer la licence à une autre caméra, désactivez-en une et activez l&apos;autre : aucune démarche auprès de l&apos;éditeur n&apos;est nécessaire. Une licence invalide n&apos;arrête jamais l&apos;enregistrement ni la revue des alertes déjà levées.</source>
        <translation>Only enabled cameras use a stream. To move the licence to another camera, disable one and enable the other: nothing needs to be asked of the vendor. An invalid licence never stops recording or reviewing alerts already raised.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="78"/>
        <source>Caméra</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="78"/>
        <source>Activée</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="78"/>
        <source>Analyse</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="83"/>
        <source>&amp;Installer un fichier de licence…</source>
        <translation>&amp;Install a licence file…</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="93"/>
        <source>Fichier de licence</source>
        <translation>Licence file</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="94"/>
        <source>Licences Vigie (*.json *.lic);;Tous (*)</source>
        <translation>Vigie licences (*.json *.lic);;All (*)</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="100"/>
        <source>Lecture impossible : %1</source>
        <translation>Cannot read: %1</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="104"/>
        <source>Licence installée.</source>
        <translation>Licence installed.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="119"/>
        <source>Caméra « %1 » activée.</source>
        <translation>Camera “%1” enabled.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="120"/>
        <source>Caméra « %1 » désactivée.</source>
        <translation>Camera “%1” disabled.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="148"/>
        <source>Titulaire : %1</source>
        <translation>Licensee: %1</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="149"/>
        <source>Numéro : %1</source>
        <translation>Serial: %1</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="150"/>
        <source>Site : %1</source>
        <translation>Site: %1</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="151"/>
        <source>Valable du %1 au %2</source>
        <translation>Valid from %1 to %2</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="155"/>
        <source>Motif : %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="158"/>
        <source>Flux accordés : %1 — flux utilisés (caméras activées) : %2</source>
        <translation>Streams granted: %1 — streams used (enabled cameras): %2</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="168"/>
        <source>oui</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="168"/>
        <source>non</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="176"/>
        <source>désactivée (ne consomme pas de flux)</source>
        <translation>disabled (uses no stream)</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="178"/>
        <source>analysée</source>
        <translation>analysed</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="180"/>
        <source>NON analysée : au-delà des flux accordés</source>
        <translation>NOT analysed: beyond the streams granted</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="199"/>
        <source>Aucun emplacement de licence n&apos;est configuré.</source>
        <translation>No licence location is configured.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_licences.cpp" line="216"/>
        <source>Caméra inconnue : %1</source>
        <translation>Unknown camera: %1</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminLogsPage</name>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="44"/>
        <source>Filtrer les lignes (texte)…</source>
        <translation>Filter lines (text)…</translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="49"/>
        <source>Dossier : %1</source>
        <translation>Folder: %1</translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="50"/>
        <source>&amp;Actualiser</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="118"/>
        <source>Ce fichier n&apos;est pas un journal de l&apos;application : %1</source>
        <translation>This file is not an application log: %1</translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="122"/>
        <source>Lecture impossible de %1 : %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <location filename="../widgets/admin_logs.cpp" line="133"/>
        <source>La lecture n&apos;a pas pu être tracée dans le journal d&apos;audit : elle est refusée.</source>
        <translation>The reading could not be recorded in the audit log: it is refused.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/admin_logs.cpp" line="147"/>
        <source>%1 — %n ligne(s)</source>
        <translation>
            <numerusform>%1 — %n line</numerusform>
            <numerusform>%1 — %n lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminRetentionPage</name>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="23"/>
        <source> jours</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="40"/>
        <source>Durées pendant lesquelles les données sont conservées avant d&apos;être effacées par la purge quotidienne. Les images des caméras ne peuvent être gardées plus de 30 jours (Code de la sécurité intérieure, art. L252-5), ni plus longtemps que les alertes qu&apos;elles illustrent. Le journal d&apos;audit n&apos;est jamais purgé : il est chaîné et s&apos;archive par l&apos;export de fin de déploiement.</source>
        <translation>How long data are kept before the daily purge deletes them. Camera pictures may not be kept longer than 30 days (French Internal Security Code, art. L252-5), nor longer than the alerts they illustrate. The audit log is never purged: it is hash-chained and archived through the end-of-deployment export.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="49"/>
        <source>&amp;Alertes</source>
        <translation>&amp;Alerts</translation>
    </message>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="50"/>
        <source>&amp;Qualifications (commentaire et opérateur)</source>
        <translation>&amp;Qualifications (comment and operator)</translation>
    </message>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="51"/>
        <source>&amp;Images des alertes</source>
        <translation>Alert &amp;pictures</translation>
    </message>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="52"/>
        <source>&amp;Comptages et densités</source>
        <translation>&amp;Counts and densities</translation>
    </message>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="53"/>
        <source>Journaux de &amp;connexion</source>
        <translation>&amp;Connection logs</translation>
    </message>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="54"/>
        <source>Journaux d&apos;&amp;utilisation</source>
        <translation>&amp;Usage logs</translation>
    </message>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="56"/>
        <source>&amp;Enregistrer les durées</source>
        <translation>&amp;Save the periods</translation>
    </message>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="65"/>
        <source>Durées de conservation enregistrées.</source>
        <translation>Retention periods saved.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_retention.cpp" line="101"/>
        <source>L&apos;enregistrement des durées de conservation n&apos;est pas disponible ici.</source>
        <translation>Saving the retention periods is not available here.</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminUserModel</name>
    <message>
        <location filename="../widgets/admin_models.cpp" line="191"/>
        <source>Toutes</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="195"/>
        <source>Désactivé</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="197"/>
        <source>Verrouillé</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="197"/>
        <source>Actif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="221"/>
        <source>Identifiant</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="223"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="225"/>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="227"/>
        <source>Groupes</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="229"/>
        <source>Profils</source>
        <translation>Profiles</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="231"/>
        <source>Caméras</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="233"/>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../widgets/admin_models.cpp" line="235"/>
        <source>Dernière connexion</source>
        <translation>Last login</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminUsersPage</name>
    <message>
        <location filename="../widgets/admin_users.cpp" line="102"/>
        <source>Utilisateurs</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="105"/>
        <location filename="../widgets/admin_users.cpp" line="152"/>
        <source>Groupes</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="106"/>
        <location filename="../widgets/admin_users.cpp" line="152"/>
        <source>Profils</source>
        <translation>Profiles</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="141"/>
        <source>&amp;Identifiant</source>
        <translation>&amp;Identifier</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="142"/>
        <source>&amp;Nom affiché</source>
        <translation>&amp;Display name</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="143"/>
        <source>Ni&amp;veau</source>
        <translation>Le&amp;vel</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="144"/>
        <source>&amp;Mot de passe</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="145"/>
        <source>C&amp;onfirmation</source>
        <translation>C&amp;onfirmation</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="153"/>
        <source>Caméras (aucune cochée : toutes)</source>
        <translation>Cameras (none ticked: all)</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="162"/>
        <source>&amp;Nouveau compte</source>
        <translation>&amp;New account</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="163"/>
        <source>&amp;Créer le compte</source>
        <translation>&amp;Create the account</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="164"/>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="165"/>
        <source>&amp;Désactiver</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="166"/>
        <source>&amp;Réactiver</source>
        <translation>Re-&amp;enable</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="167"/>
        <source>Dé&amp;verrouiller</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="168"/>
        <source>Changer le mot de &amp;passe</source>
        <translation>Change the &amp;password</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="207"/>
        <source>Compte « %1 » désactivé.</source>
        <translation>Account “%1” disabled.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="210"/>
        <source>Compte « %1 » réactivé.</source>
        <translation>Account “%1” re-enabled.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="213"/>
        <source>Compte « %1 » déverrouillé.</source>
        <translation>Account “%1” unlocked.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="228"/>
        <source>&amp;Nom du groupe</source>
        <translation>Group &amp;name</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="229"/>
        <location filename="../widgets/admin_users.cpp" line="287"/>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="233"/>
        <source>Profils des membres</source>
        <translation>Profiles of the members</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="235"/>
        <source>Caméras du groupe (aucune cochée : toutes)</source>
        <translation>Cameras of the group (none ticked: all)</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="238"/>
        <source>&amp;Nouveau groupe</source>
        <translation>&amp;New group</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="239"/>
        <source>&amp;Enregistrer le groupe</source>
        <translation>&amp;Save the group</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="240"/>
        <source>&amp;Supprimer le groupe</source>
        <translation>&amp;Delete the group</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="260"/>
        <source>Groupe « %1 » enregistré.</source>
        <translation>Group “%1” saved.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="268"/>
        <source>Groupe « %1 » supprimé.</source>
        <translation>Group “%1” deleted.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="286"/>
        <source>&amp;Nom du profil</source>
        <translation>Profile &amp;name</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="298"/>
        <source>Droits accordés en plus du niveau</source>
        <translation>Rights granted on top of the level</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="299"/>
        <source>Droits retirés (priment sur tout)</source>
        <translation>Rights withdrawn (override everything)</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="307"/>
        <source>&amp;Nouveau profil</source>
        <translation>&amp;New profile</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="308"/>
        <source>&amp;Enregistrer le profil</source>
        <translation>&amp;Save the profile</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="309"/>
        <source>&amp;Supprimer le profil</source>
        <translation>&amp;Delete the profile</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="329"/>
        <source>Profil « %1 » enregistré.</source>
        <translation>Profile “%1” saved.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="337"/>
        <source>Profil « %1 » supprimé.</source>
        <translation>Profile “%1” deleted.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="460"/>
        <source>La confirmation ne correspond pas.</source>
        <translation>The confirmation does not match.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="462"/>
        <source>Mot de passe conforme.</source>
        <translation>The password meets the policy.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="483"/>
        <location filename="../widgets/admin_users.cpp" line="510"/>
        <source>La confirmation du mot de passe ne correspond pas.</source>
        <translation>The password confirmation does not match.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="488"/>
        <source>Compte « %1 » créé.</source>
        <translation>Account “%1” created.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="498"/>
        <source>Compte « %1 » enregistré.</source>
        <translation>Account “%1” saved.</translation>
    </message>
    <message>
        <location filename="../widgets/admin_users.cpp" line="517"/>
        <source>Mot de passe de « %1 » changé.</source>
        <translation>Password of “%1” changed.</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdminWindow</name>
    <message>
        <location filename="../widgets/admin_window.cpp" line="176"/>
        <source>Caméras</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../widgets/admin_window.cpp" line="181"/>
        <source>Utilisateurs et rôles</source>
        <translation>Users and roles</translation>
    </message>
    <message>
        <location filename="../widgets/admin_window.cpp" line="185"/>
        <source>Durées de conservation</source>
        <translation>Retention periods</translation>
    </message>
    <message>
        <location filename="../widgets/admin_window.cpp" line="189"/>
        <source>Sauvegardes</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../widgets/admin_window.cpp" line="193"/>
        <source>Licences</source>
        <translation>Licences</translation>
    </message>
    <message>
        <location filename="../widgets/admin_window.cpp" line="198"/>
        <source>Exports</source>
        <translation>Exports</translation>
    </message>
    <message>
        <location filename="../widgets/admin_window.cpp" line="202"/>
        <source>Journaux applicatifs</source>
        <translation>Application logs</translation>
    </message>
    <message>
        <location filename="../widgets/admin_window.cpp" line="206"/>
        <source>Journal d&apos;audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../widgets/admin_window.cpp" line="272"/>
        <source>Vigie — Administration</source>
        <translation>Vigie — Administration</translation>
    </message>
    <message>
        <location filename="../widgets/admin_window.cpp" line="273"/>
        <source>Administration — connecté en tant que %1 (%2)</source>
        <translation>Administration — logged in as %1 (%2)</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ChartsView</name>
    <message>
        <location filename="../widgets/charts_view.cpp" line="212"/>
        <location filename="../widgets/charts_view.cpp" line="422"/>
        <source>Toutes les caméras</source>
        <translation>All cameras</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="230"/>
        <location filename="../widgets/charts_view.cpp" line="425"/>
        <source>Toutes les zones</source>
        <translation>All zones</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="257"/>
        <source>caméra entière</source>
        <translation>whole camera</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="301"/>
        <source>Lecture des comptages impossible : %1</source>
        <translation>Cannot read the counts: %1</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="326"/>
        <source>Aucune donnée sur la période choisie.</source>
        <translation>No data in the chosen period.</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="337"/>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="342"/>
        <source>Densité maximale (personnes/m²)</source>
        <translation>Peak density (people/m²)</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="345"/>
        <source>Franchissements (moyenne)</source>
        <translation>Crossings (mean)</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="348"/>
        <source>Personnes comptées (moyenne)</source>
        <translation>People counted (mean)</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="379"/>
        <source>Statistiques — comptage et densité par zone</source>
        <translation>Statistics — counting and density per zone</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="380"/>
        <source>&amp;Caméra</source>
        <translation>&amp;Camera</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="381"/>
        <source>&amp;Zone</source>
        <translation>&amp;Zone</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="382"/>
        <source>&amp;Mesure</source>
        <translation>&amp;Measure</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="383"/>
        <source>&amp;Période</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="384"/>
        <source>&amp;Actualiser</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="388"/>
        <source>Dernière heure</source>
        <translation>Last hour</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="391"/>
        <source>6 dernières heures</source>
        <translation>Last 6 hours</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="394"/>
        <source>24 dernières heures</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="397"/>
        <source>7 derniers jours</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="400"/>
        <source>30 derniers jours</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="409"/>
        <source>Comptage (personnes)</source>
        <translation>Count (people)</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="412"/>
        <source>Densité (personnes/m²)</source>
        <translation>Density (people/m²)</translation>
    </message>
    <message>
        <location filename="../widgets/charts_view.cpp" line="415"/>
        <source>Franchissements de ligne</source>
        <translation>Line crossings</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::HealthModel</name>
    <message>
        <location filename="../widgets/health_model.cpp" line="65"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="67"/>
        <source>Dégradé</source>
        <translation>Degraded</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="69"/>
        <source>Hors service</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="74"/>
        <source>Inconnu</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="88"/>
        <source>aucune image depuis %1 s</source>
        <translation>no picture for %1 s</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="93"/>
        <source>reconnectée</source>
        <translation>reconnected</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/health_model.cpp" line="97"/>
        <source>%n erreur(s) de décodage</source>
        <translation>
            <numerusform>%n decode error</numerusform>
            <numerusform>%n decode errors</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="106"/>
        <source>%1 des images perdues</source>
        <translation>%1 of the pictures dropped</translation>
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
        <translation>Pictures decoded: %1
Pictures analysed: %2
Pictures dropped: %3
Decode errors: %4
Reconnections: %5
Analysis: %6 fps
Last error: %7</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="124"/>
        <source>aucune</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="133"/>
        <source>Moteur d&apos;analyse</source>
        <translation>Analysis engine</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="138"/>
        <source>traitement arrêté (arrêt général)</source>
        <translation>processing stopped (global stop)</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="143"/>
        <source>latence très élevée</source>
        <translation>very high latency</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="146"/>
        <source>latence élevée</source>
        <translation>high latency</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="152"/>
        <source>erreurs du détecteur</source>
        <translation>detector errors</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="152"/>
        <source>le détecteur échoue</source>
        <translation>the detector fails</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/health_model.cpp" line="155"/>
        <source>%n caméra(s) analysée(s)</source>
        <translation>
            <numerusform>%n camera analysed</numerusform>
            <numerusform>%n cameras analysed</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="157"/>
        <source>latence p95 %1 ms</source>
        <translation>p95 latency %1 ms</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="159"/>
        <source>Inférences : %1
Lots : %2 (moyenne %3 images)
Erreurs du détecteur : %4
Latence p50 / p95 / p99 : %5 / %6 / %7 ms</source>
        <translation>Inferences: %1
Batches: %2 (mean %3 pictures)
Detector errors: %4
Latency p50 / p95 / p99: %5 / %6 / %7 ms</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="175"/>
        <source>Calcul (GPU / CPU)</source>
        <translation>Compute (GPU / CPU)</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="178"/>
        <source>détecteur inconnu</source>
        <translation>unknown detector</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="187"/>
        <source>mémoire GPU %1</source>
        <translation>GPU memory %1</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="193"/>
        <source>charge GPU %1</source>
        <translation>GPU load %1</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="199"/>
        <source>charge CPU %1</source>
        <translation>CPU load %1</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="209"/>
        <source>Espace disque</source>
        <translation>Disk space</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="212"/>
        <source>non mesuré</source>
        <translation>not measured</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="227"/>
        <source>%1 libres sur %2 (%3)</source>
        <translation>%1 free of %2 (%3)</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="230"/>
        <source>%1 libres</source>
        <translation>%1 free</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="239"/>
        <source>Base de données</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="244"/>
        <source>erreur d&apos;écriture</source>
        <translation>write error</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="249"/>
        <source>%1 écritures en attente</source>
        <translation>%1 writes pending</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="253"/>
        <source>échecs d&apos;écriture récents</source>
        <translation>recent write failures</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="256"/>
        <source>écritures à jour</source>
        <translation>writes up to date</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="260"/>
        <source>En attente : %1
Échecs : %2</source>
        <translation>Pending: %1
Failures: %2</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="268"/>
        <source>Connecteur %1</source>
        <translation>Connector %1</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="274"/>
        <source>connecté</source>
        <translation>connected</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="278"/>
        <source>nouvelle tentative</source>
        <translation>retrying</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="282"/>
        <source>injoignable</source>
        <translation>unreachable</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="287"/>
        <source>désactivé</source>
        <translation>disabled</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/health_model.cpp" line="292"/>
        <source>%n alerte(s) en attente d&apos;envoi</source>
        <translation>
            <numerusform>%n alert waiting to be sent</numerusform>
            <numerusform>%n alerts waiting to be sent</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="417"/>
        <source>aucune donnée récente</source>
        <translation>no recent data</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="442"/>
        <source>Composant</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="444"/>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../widgets/health_model.cpp" line="446"/>
        <source>Détail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::HealthView</name>
    <message>
        <location filename="../widgets/health_view.cpp" line="85"/>
        <source>En attente des premières mesures…</source>
        <translation>Waiting for the first measurements…</translation>
    </message>
    <message>
        <location filename="../widgets/health_view.cpp" line="88"/>
        <source>Aucune mesure reçue depuis plus de %1 s : état inconnu.</source>
        <translation>No measurement received for more than %1 s: state unknown.</translation>
    </message>
    <message>
        <location filename="../widgets/health_view.cpp" line="94"/>
        <source>Tous les composants sont en service.</source>
        <translation>Every component is in service.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/health_view.cpp" line="98"/>
        <source>%n composant(s) hors service</source>
        <translation>
            <numerusform>%n component down</numerusform>
            <numerusform>%n components down</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/health_view.cpp" line="101"/>
        <source>%n composant(s) dégradé(s)</source>
        <translation>
            <numerusform>%n component degraded</numerusform>
            <numerusform>%n components degraded</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/health_view.cpp" line="126"/>
        <source>Santé de l&apos;installation</source>
        <translation>Installation health</translation>
    </message>
</context>
<context>
    <name>vigie::app::ReplayRunner</name>
    <message>
        <location filename="../app/workstation/replay_runner.cpp" line="151"/>
        <source>caméra inconnue : %1</source>
        <translation>unknown camera: %1</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ConditionEditor</name>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="203"/>
        <source>Sélectionnez d&apos;abord un ET, OU, NON, « pendant au moins » ou « dans les … suivant » qui peut recevoir une condition de plus.</source>
        <translation>First select an AND, OR, NOT, “for at least” or “within … after” that can take one more condition.</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="220"/>
        <source>Aucune autre règle de cette caméra à combiner.</source>
        <translation>No other rule of this camera to combine.</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="258"/>
        <source>Règle « %1 »</source>
        <translation>Rule “%1”</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="262"/>
        <source>ET — toutes les conditions</source>
        <translation>AND — all conditions</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="265"/>
        <source>OU — au moins une condition</source>
        <translation>OR — at least one condition</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="268"/>
        <source>NON — la condition est absente</source>
        <translation>NOT — the condition is absent</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="271"/>
        <source>pendant au moins %1 s</source>
        <translation>for at least %1 s</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="274"/>
        <source>la seconde dans les %1 s suivant la première</source>
        <translation>the second within %1 s after the first</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/rule_builder.cpp" line="283"/>
        <source> (encore %n condition(s) à ajouter)</source>
        <translation>
            <numerusform> (%n more condition to add)</numerusform>
            <numerusform> (%n more conditions to add)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="292"/>
        <source>Ajouter la règle</source>
        <translation>Add the rule</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="293"/>
        <source>ET</source>
        <translation>AND</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="294"/>
        <source>OU</source>
        <translation>OR</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="295"/>
        <source>NON</source>
        <translation>NOT</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="296"/>
        <source>Pendant au moins…</source>
        <translation>For at least…</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="297"/>
        <source>Dans les … s suivant</source>
        <translation>Within … s after</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="298"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="299"/>
        <source>Toutes les conditions en dessous doivent être vraies en même temps.</source>
        <translation>All the conditions below must be true at the same time.</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="300"/>
        <source>Au moins une des conditions en dessous doit être vraie.</source>
        <translation>At least one of the conditions below must be true.</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="301"/>
        <source>Vraie quand la condition en dessous est absente.</source>
        <translation>True when the condition below is absent.</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="303"/>
        <source>La condition en dessous doit durer au moins ce nombre de secondes.</source>
        <translation>The condition below must last at least this many seconds.</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="305"/>
        <source>La seconde condition doit survenir dans ce délai après la première.</source>
        <translation>The second condition must occur within this delay after the first.</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ParamForm</name>
    <message>
        <location filename="../widgets/param_forms.cpp" line="49"/>
        <source>↓ vers le bas de l&apos;image</source>
        <translation>↓ towards the bottom of the picture</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="50"/>
        <source>↑ vers le haut de l&apos;image</source>
        <translation>↑ towards the top of the picture</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="51"/>
        <source>← vers la gauche</source>
        <translation>← to the left</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="52"/>
        <source>→ vers la droite</source>
        <translation>→ to the right</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="53"/>
        <source>↘ en bas à droite</source>
        <translation>↘ down and right</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="54"/>
        <source>↙ en bas à gauche</source>
        <translation>↙ down and left</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="55"/>
        <source>↗ en haut à droite</source>
        <translation>↗ up and right</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="56"/>
        <source>↖ en haut à gauche</source>
        <translation>↖ up and left</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="220"/>
        <source>Objets concernés</source>
        <translation>Objects concerned</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="231"/>
        <location filename="../widgets/param_forms.cpp" line="380"/>
        <location filename="../widgets/param_forms.cpp" line="388"/>
        <location filename="../widgets/param_forms.cpp" line="491"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="235"/>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="236"/>
        <source>m</source>
        <translation>m</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="238"/>
        <source>Les détections moins sûres sont ignorées ; plus haut, moins de fausses alertes.</source>
        <translation>Less certain detections are ignored; higher means fewer false alerts.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="248"/>
        <source>Types d&apos;objets qui déclenchent la règle.</source>
        <translation>Kinds of objects that trigger the rule.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="252"/>
        <source>Présence minimale</source>
        <translation>Minimum presence</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="253"/>
        <source>Temps passé dans la zone avant le signalement (0 : dès l&apos;entrée).</source>
        <translation>Time spent in the zone before the signal (0: on entry).</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="258"/>
        <location filename="../widgets/param_forms.cpp" line="269"/>
        <location filename="../widgets/param_forms.cpp" line="311"/>
        <location filename="../widgets/param_forms.cpp" line="459"/>
        <location filename="../widgets/param_forms.cpp" line="515"/>
        <source>Score minimal</source>
        <translation>Minimum score</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="265"/>
        <source>Types d&apos;objets dont le passage est signalé.</source>
        <translation>Kinds of objects whose crossing is signalled.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="276"/>
        <source>Types d&apos;objets dont le sens est contrôlé.</source>
        <translation>Kinds of objects whose direction is checked.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="282"/>
        <source>Sens autorisé</source>
        <translation>Allowed direction</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="284"/>
        <source>Sens normal de circulation dans la zone, sur l&apos;image.</source>
        <translation>Normal direction of flow in the zone, on the picture.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="292"/>
        <source>Tolérance d&apos;angle</source>
        <translation>Angle tolerance</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="293"/>
        <source>Écart accepté autour du contresens exact (90° : tout recul compte).</source>
        <translation>Deviation accepted around the exact wrong way (90°: any backward move counts).</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="296"/>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="300"/>
        <source>Distance minimale</source>
        <translation>Minimum distance</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="301"/>
        <source>Distance parcourue au sol à contresens avant le signalement.</source>
        <translation>Ground distance covered the wrong way before the signal.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="305"/>
        <source>Durée minimale</source>
        <translation>Minimum duration</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="306"/>
        <source>Durée du déplacement à contresens avant le signalement.</source>
        <translation>Duration of the wrong-way movement before the signal.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="319"/>
        <source>Seuil de densité</source>
        <translation>Density threshold</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="320"/>
        <source>Densité au-delà de laquelle la zone est signalée (étalonnage requis).</source>
        <translation>Density above which the zone is signalled (calibration required).</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="323"/>
        <source>personnes/m²</source>
        <translation>persons/m²</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="327"/>
        <source>Durée au-dessus du seuil</source>
        <translation>Time above the threshold</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="328"/>
        <source>La densité doit rester au-dessus du seuil aussi longtemps.</source>
        <translation>The density must stay above the threshold this long.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="335"/>
        <source>Méthode</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="336"/>
        <source>Comptage des personnes détectées, ou carte de densité pour les foules compactes.</source>
        <translation>Counting detected people, or a density map for packed crowds.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="340"/>
        <source>Automatique</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="341"/>
        <source>Comptage des personnes</source>
        <translation>People counting</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="342"/>
        <source>Carte de densité</source>
        <translation>Density map</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="364"/>
        <source>Carte de densité au-delà de</source>
        <translation>Density map above</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="365"/>
        <source>En automatique, la carte de densité prend le relais au-delà de ce nombre.</source>
        <translation>In automatic mode, the density map takes over above this number.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="369"/>
        <location filename="../widgets/param_forms.cpp" line="396"/>
        <source>personnes</source>
        <translation>persons</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="376"/>
        <location filename="../widgets/param_forms.cpp" line="487"/>
        <source>Sensibilité</source>
        <translation>Sensitivity</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="377"/>
        <source>Plus haut : davantage de signalements, y compris des mouvements moins marqués.</source>
        <translation>Higher: more signals, including less marked movements.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="384"/>
        <source>Part des personnes</source>
        <translation>Share of people</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="385"/>
        <source>Part des personnes de la zone qui doivent prendre part au mouvement.</source>
        <translation>Share of the people in the zone who must take part in the movement.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="392"/>
        <source>Nombre minimal de personnes</source>
        <translation>Minimum number of people</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="393"/>
        <source>Aucun signalement en dessous de ce nombre de personnes dans la zone.</source>
        <translation>No signal below this number of people in the zone.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="400"/>
        <source>Vitesse de course</source>
        <translation>Running speed</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="401"/>
        <source>Une personne plus rapide au sol est considérée comme courant.</source>
        <translation>A person faster than this on the ground is considered running.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="404"/>
        <source>m/s</source>
        <translation>m/s</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="408"/>
        <source>Apprentissage du mouvement habituel</source>
        <translation>Learning the usual movement</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="411"/>
        <source>Durée sur laquelle le mouvement normal de la zone est appris.</source>
        <translation>Duration over which the normal movement of the zone is learned.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="417"/>
        <source>Surface en mouvement</source>
        <translation>Moving area</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="418"/>
        <source>Part de la zone en mouvement qui suffit quand les personnes sont peu nombreuses.</source>
        <translation>Share of the zone moving that suffices when people are few.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="421"/>
        <source>% de la zone</source>
        <translation>% of the zone</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="428"/>
        <source>Types de bagages surveillés.</source>
        <translation>Kinds of luggage watched.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="431"/>
        <source>Immobile depuis</source>
        <translation>Static for</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="432"/>
        <source>Durée d&apos;immobilité de l&apos;objet avant le signalement.</source>
        <translation>How long the object stays still before the signal.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="438"/>
        <source>Distance du propriétaire</source>
        <translation>Owner distance</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="439"/>
        <source>Une personne plus proche : l&apos;objet n&apos;est pas considéré comme abandonné.</source>
        <translation>Someone closer: the object is not considered abandoned.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="445"/>
        <source>Taille minimale</source>
        <translation>Minimum size</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="446"/>
        <source>Les objets plus petits (part de l&apos;image) sont ignorés.</source>
        <translation>Smaller objects (share of the picture) are ignored.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="449"/>
        <location filename="../widgets/param_forms.cpp" line="499"/>
        <source>% de l&apos;image</source>
        <translation>% of the picture</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="453"/>
        <source>Vérifier l&apos;image immobile</source>
        <translation>Check the still picture</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="454"/>
        <source>Confirme l&apos;objet par l&apos;analyse de l&apos;image, même quand la détection vacille.</source>
        <translation>Confirms the object by picture analysis, even when detection flickers.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="466"/>
        <source>Au sol depuis</source>
        <translation>On the ground for</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="467"/>
        <source>Durée passée au sol avant le signalement.</source>
        <translation>Time on the ground before the signal.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="472"/>
        <source>Confiance minimale</source>
        <translation>Minimum confidence</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="473"/>
        <source>Confiance requise dans la posture allongée.</source>
        <translation>Confidence required in the lying posture.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="477"/>
        <source>Chute préalable</source>
        <translation>Preceding fall</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="478"/>
        <source>Seule une personne qui vient de tomber est signalée, pas une personne déjà allongée.</source>
        <translation>Only a person who has just fallen is signalled, not one already lying.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="488"/>
        <source>Plus haut : davantage de signalements, y compris de petites flammes.</source>
        <translation>Higher: more signals, including small flames.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="495"/>
        <source>Surface minimale</source>
        <translation>Minimum area</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="496"/>
        <source>Surface des flammes ou de la fumée, en part de l&apos;image.</source>
        <translation>Area of the flames or smoke, as a share of the picture.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="502"/>
        <source>Persistance</source>
        <translation>Persistence</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="503"/>
        <source>Le feu doit persister aussi longtemps avant le signalement.</source>
        <translation>The fire must persist this long before the signal.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="511"/>
        <source>Classes d&apos;armes du modèle installé.</source>
        <translation>Weapon classes of the installed model.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="519"/>
        <source>Images consécutives</source>
        <translation>Consecutive pictures</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="520"/>
        <source>Nombre d&apos;images analysées de suite où l&apos;arme doit être vue.</source>
        <translation>Number of analysed pictures in a row in which the weapon must be seen.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="523"/>
        <source>images</source>
        <translation>pictures</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="702"/>
        <source>Activé</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="718"/>
        <source>Aucun paramètre pour cet événement.</source>
        <translation>No parameter for this event.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="721"/>
        <source>Valeurs par défaut</source>
        <translation>Default values</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="722"/>
        <source>Remet chaque paramètre de cet événement à sa valeur conseillée.</source>
        <translation>Resets every parameter of this event to its recommended value.</translation>
    </message>
    <message>
        <location filename="../widgets/param_forms.cpp" line="783"/>
        <source>personnalisé (%1 ; %2)</source>
        <translation>custom (%1; %2)</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ReplayTimeline</name>
    <message>
        <location filename="../widgets/replay_view.cpp" line="67"/>
        <source>Chronologie des détections et des alertes</source>
        <translation>Timeline of detections and alerts</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ReplayView</name>
    <message>
        <location filename="../widgets/replay_view.cpp" line="286"/>
        <source>Paramètres modifiés : relancez le rejeu pour voir l&apos;effet.</source>
        <translation>Parameters changed: run the replay again to see the effect.</translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="294"/>
        <source>Aucune vidéo choisie</source>
        <translation>No video chosen</translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="301"/>
        <source>Choisir une vidéo enregistrée</source>
        <translation>Choose a recorded video</translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="302"/>
        <source>Vidéos (*.mp4 *.mkv *.avi *.mov *.ts);;Tous les fichiers (*)</source>
        <translation>Videos (*.mp4 *.mkv *.avi *.mov *.ts);;All files (*)</translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="316"/>
        <source>Analyse en cours…</source>
        <translation>Analysing…</translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="366"/>
        <source>%1 → %2  %3 (score %4 %)</source>
        <translation>%1 → %2  %3 (score %4 %)</translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="375"/>
        <source>Analyse en cours… %1 s analysées</source>
        <translation>Analysing… %1 s analysed</translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="384"/>
        <source>Échec du rejeu : %1</source>
        <translation>Replay failed: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/replay_view.cpp" line="388"/>
        <source>Rejeu terminé : %1 images analysées sur %2 s, %n alerte(s).</source>
        <translation>
            <numerusform>Replay finished: %1 pictures analysed over %2 s, %n alert.</numerusform>
            <numerusform>Replay finished: %1 pictures analysed over %2 s, %n alerts.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="465"/>
        <source>Rejeu et réglage — caméra « %1 »</source>
        <translation>Replay and tuning — camera “%1”</translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="468"/>
        <source>Choisir une vidéo…</source>
        <translation>Choose a video…</translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="469"/>
        <source>Lancer le rejeu</source>
        <translation>Start the replay</translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="470"/>
        <source>Arrêter</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="471"/>
        <source>Appliquer au site</source>
        <translation>Apply to the site</translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="472"/>
        <source>Garde ces réglages pour l&apos;analyse en direct.</source>
        <translation>Keeps these settings for live analysis.</translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="473"/>
        <source>Règle à régler :</source>
        <translation>Rule to tune:</translation>
    </message>
    <message>
        <location filename="../widgets/replay_view.cpp" line="474"/>
        <source>Alertes du rejeu</source>
        <translation>Replay alerts</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::RuleBuilder</name>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="523"/>
        <source>Planning de « %1 »</source>
        <translation>Schedule of “%1”</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="542"/>
        <source>Règles de la caméra « %1 »</source>
        <translation>Rules of camera “%1”</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="543"/>
        <source>Nouvelle règle</source>
        <translation>New rule</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="544"/>
        <source>Supprimer la règle</source>
        <translation>Delete the rule</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="546"/>
        <source>Nom :</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="547"/>
        <source>Type :</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="548"/>
        <source>Événement détecté</source>
        <translation>Detected event</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="549"/>
        <source>Composition d&apos;autres règles</source>
        <translation>Composition of other rules</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="550"/>
        <source>Événement :</source>
        <translation>Event:</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="554"/>
        <source>Zones / lignes :</source>
        <translation>Zones / lines:</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="555"/>
        <source>Gravité :</source>
        <translation>Severity:</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="559"/>
        <source>Seuil de réactivation :</source>
        <translation>Re-trigger delay:</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="561"/>
        <source>Aucune nouvelle alerte de cette règle sur cette caméra pendant ce délai après la précédente.</source>
        <translation>No new alert of this rule on this camera for this long after the previous one.</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="563"/>
        <source>Fin d&apos;alerte après :</source>
        <translation>Alert ends after:</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="564"/>
        <source>L&apos;alerte se termine quand la condition est absente depuis ce délai.</source>
        <translation>The alert ends when the condition has been absent for this long.</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="565"/>
        <source>Condition seulement (ne lève pas d&apos;alerte elle-même)</source>
        <translation>Condition only (raises no alert itself)</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="566"/>
        <source>Paramètres</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="567"/>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="568"/>
        <source>Planning :</source>
        <translation>Schedule:</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="569"/>
        <source>Enregistrer la règle</source>
        <translation>Save the rule</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="577"/>
        <source>Arrêt général du traitement</source>
        <translation>Stop all processing</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="578"/>
        <source>Traitement arrêté — reprendre</source>
        <translation>Processing stopped — resume</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="579"/>
        <source>Arrête toute analyse sur toutes les caméras ; les alertes en cours se ferment.</source>
        <translation>Stops all analysis on every camera; open alerts close.</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="581"/>
        <source>Relance l&apos;analyse de toutes les caméras.</source>
        <translation>Restarts the analysis of every camera.</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="731"/>
        <source>Toujours actif</source>
        <translation>Always active</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="736"/>
        <source>Nouveau planning…</source>
        <translation>New schedule…</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="847"/>
        <source>La règle ne peut pas être enregistrée :
%1</source>
        <translation>The rule cannot be saved:
%1</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="881"/>
        <source>les conditions ci-dessous</source>
        <translation>the conditions below</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="890"/>
        <source>choisir une zone</source>
        <translation>choose a zone</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="891"/>
        <source>toute l&apos;image</source>
        <translation>the whole picture</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="893"/>
        <source>%1 dans %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="895"/>
        <source>toujours</source>
        <translation>always</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="901"/>
        <source> (aucune plage)</source>
        <translation> (no time slot)</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="904"/>
        <source>condition pour d&apos;autres règles, sans alerte</source>
        <translation>condition for other rules, no alert</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="905"/>
        <source>alerte %1</source>
        <translation>alert %1</translation>
    </message>
    <message>
        <location filename="../widgets/rule_builder.cpp" line="906"/>
        <source>Quand %1 sur la caméra %2, pendant %3, alors %4.</source>
        <translation>When %1 on camera %2, during %3, then %4.</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::RuleListModel</name>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="96"/>
        <source>(composition)</source>
        <translation>(composition)</translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="99"/>
        <source>Image entière</source>
        <translation>Whole picture</translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="119"/>
        <source>Toujours</source>
        <translation>Always</translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="144"/>
        <source>Règle active : décocher pour la suspendre sur cette caméra</source>
        <translation>Rule active: untick to suspend it on this camera</translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="145"/>
        <source>Règle suspendue : cocher pour la réactiver</source>
        <translation>Rule suspended: tick to reactivate it</translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="152"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="152"/>
        <source>Suspendue</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="195"/>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="197"/>
        <source>Règle</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="199"/>
        <source>Événement</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="201"/>
        <source>Zones / lignes</source>
        <translation>Zones / lines</translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="203"/>
        <source>Planning</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../widgets/rule_list_model.cpp" line="205"/>
        <source>Gravité</source>
        <translation>Severity</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ScheduleEditor</name>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="574"/>
        <source>Horaires illisibles : écrivez par exemple « 08:00-12:00, 14:00-18:00 ».</source>
        <translation>Unreadable times: write for example “08:00-12:00, 14:00-18:00”.</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="596"/>
        <source>inactif toute la journée</source>
        <translation>inactive all day</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="597"/>
        <source>remplacé par %1</source>
        <translation>replaced by %1</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="606"/>
        <source>Nom du planning :</source>
        <translation>Schedule name:</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="607"/>
        <source>ex. Heures d&apos;ouverture</source>
        <translation>e.g. Opening hours</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="608"/>
        <source>Lun–Ven 08:00–19:00</source>
        <translation>Mon–Fri 08:00–19:00</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="609"/>
        <source>24 h/24, 7 j/7</source>
        <translation>24/7</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="610"/>
        <source>Tout effacer</source>
        <translation>Clear all</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="613"/>
        <source>Certaines plages ne tombaient pas sur une demi-heure : elles sont arrondies dès que la grille est modifiée.</source>
        <translation>Some slots were not on a half hour: they are rounded as soon as the grid is changed.</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="615"/>
        <source>Cliquez-glissez pour peindre les plages actives ; partir d&apos;une case active les efface.</source>
        <translation>Click and drag to paint active slots; starting on an active cell erases them.</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="617"/>
        <source>Exceptions (jours fériés, événements)</source>
        <translation>Exceptions (public holidays, events)</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="618"/>
        <source>Date :</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="619"/>
        <source>Ce jour-là :</source>
        <translation>On that day:</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="620"/>
        <source>Inactif toute la journée</source>
        <translation>Inactive all day</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="621"/>
        <source>Horaires de remplacement</source>
        <translation>Replacement times</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="622"/>
        <source>Horaires :</source>
        <translation>Times:</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="623"/>
        <source>Ajouter l&apos;exception</source>
        <translation>Add the exception</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="624"/>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ScheduleGrid</name>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="60"/>
        <location filename="../widgets/schedule_grid.cpp" line="346"/>
        <source>Planning hebdomadaire</source>
        <translation>Weekly schedule</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="251"/>
        <source>Lun</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="252"/>
        <source>Mar</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="253"/>
        <source>Mer</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="254"/>
        <source>Jeu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="255"/>
        <source>Ven</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="256"/>
        <source>Sam</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_grid.cpp" line="257"/>
        <source>Dim</source>
        <translation>Sun</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ZoneCanvas</name>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="70"/>
        <source>Image de la caméra : zones et lignes</source>
        <translation>Camera picture: zones and lines</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="417"/>
        <source>Masque %1</source>
        <translation>Mask %1</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="417"/>
        <source>Zone %1</source>
        <translation>Zone %1</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="429"/>
        <source>Ligne %1</source>
        <translation>Line %1</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="518"/>
        <source>Indiquez la largeur et la profondeur du quadrilatère au sol.</source>
        <translation>Enter the width and depth of the ground quadrilateral.</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="581"/>
        <source>Aucune image de la caméra</source>
        <translation>No picture from the camera</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="641"/>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ZoneEditor</name>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="964"/>
        <source>Non étalonnée : l&apos;échelle sera estimée d&apos;après la taille des personnes.</source>
        <translation>Not calibrated: the scale will be estimated from the size of people.</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="967"/>
        <source>Étalonnée par le quadrilatère au sol.</source>
        <translation>Calibrated by the ground quadrilateral.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/zone_editor.cpp" line="968"/>
        <source>Étalonnée par %n longueur(s) de référence.</source>
        <translation>
            <numerusform>Calibrated by %n reference length.</numerusform>
            <numerusform>Calibrated by %n reference lengths.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="971"/>
        <source>Étalonnage incomplet : %1</source>
        <translation>Incomplete calibration: %1</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="977"/>
        <source>Zones et lignes — caméra « %1 »</source>
        <translation>Zones and lines — camera “%1”</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="979"/>
        <source>Sélection</source>
        <translation>Select</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="980"/>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="981"/>
        <source>Masque</source>
        <translation>Mask</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="982"/>
        <source>Ligne</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="983"/>
        <source>Quadrilatère au sol</source>
        <translation>Ground quadrilateral</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="984"/>
        <source>Longueur de référence</source>
        <translation>Reference length</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="991"/>
        <source>Glissez un sommet pour le déplacer ; cliquez sur un bord pour ajouter un sommet ; Suppr efface le sommet ou la forme choisie.</source>
        <translation>Drag a vertex to move it; click an edge to add a vertex; Del deletes the selected vertex or shape.</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="998"/>
        <source>Cliquez pour placer les points ; double-clic, Entrée ou clic sur le premier point pour terminer ; Échap pour annuler.</source>
        <translation>Click to place points; double-click, Enter or a click on the first point to finish; Esc to cancel.</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1003"/>
        <source>Cliquez les quatre coins d&apos;un rectangle au sol : proche gauche, proche droit, loin droit, loin gauche ; puis indiquez ses côtés.</source>
        <translation>Click the four corners of a rectangle on the ground: near left, near right, far right, far left; then enter its sides.</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1008"/>
        <source>Tracez au sol la même longueur connue deux fois, près et loin de la caméra (par exemple un marquage ou une dalle de 2 m).</source>
        <translation>Draw the same known length on the ground twice, near and far from the camera (for example a 2 m marking or slab).</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1012"/>
        <source>Nom :</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1013"/>
        <source>Sens de passage :</source>
        <translation>Crossing direction:</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1014"/>
        <source>Les deux sens</source>
        <translation>Both directions</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1015"/>
        <source>Vers la gauche de la ligne</source>
        <translation>Towards the left of the line</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1016"/>
        <source>Vers la droite de la ligne</source>
        <translation>Towards the right of the line</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1017"/>
        <source>Supprimer la forme</source>
        <translation>Delete the shape</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1018"/>
        <source>Étalonnage</source>
        <translation>Calibration</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1019"/>
        <source>Largeur (côté proche) :</source>
        <translation>Width (near side):</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1020"/>
        <source>Profondeur :</source>
        <translation>Depth:</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1021"/>
        <source>Longueur de référence :</source>
        <translation>Reference length:</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1022"/>
        <source>Grille :</source>
        <translation>Grid:</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1023"/>
        <source>cases de 1 m</source>
        <translation>1 m cells</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1024"/>
        <source>cases de 5 m</source>
        <translation>5 m cells</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1025"/>
        <source>masquée</source>
        <translation>hidden</translation>
    </message>
    <message>
        <location filename="../widgets/zone_editor.cpp" line="1026"/>
        <source>Appliquer</source>
        <translation>Apply</translation>
    </message>
</context>
<context>
    <name>vigie::app::Workstation</name>
    <message>
        <location filename="../app/workstation/workstation.cpp" line="593"/>
        <source>Zones et lignes enregistrées.</source>
        <translation>Zones and lines saved.</translation>
    </message>
    <message>
        <location filename="../app/workstation/workstation.cpp" line="604"/>
        <source>Règles enregistrées.</source>
        <translation>Rules saved.</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AccessLabels</name>
    <message>
        <location filename="../widgets/access_labels.cpp" line="24"/>
        <source>Niveau 1 — opérateur</source>
        <translation>Level 1 — operator</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="26"/>
        <source>Niveau 2 — utilisateur avancé</source>
        <translation>Level 2 — advanced user</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="28"/>
        <source>Niveau 3 — administrateur technique</source>
        <translation>Level 3 — technical administrator</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="32"/>
        <source>Niveau inconnu</source>
        <translation>Unknown level</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="38"/>
        <source>Voir le direct</source>
        <translation>View live video</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="40"/>
        <source>Voir les alertes</source>
        <translation>View alerts</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="42"/>
        <source>Qualifier les alertes</source>
        <translation>Qualify alerts</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="44"/>
        <source>Voir les images des alertes</source>
        <translation>View alert pictures</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="46"/>
        <source>Revoir les séquences</source>
        <translation>Replay clips</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="48"/>
        <source>Voir les comptages</source>
        <translation>View counts</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="50"/>
        <source>Exporter les données</source>
        <translation>Export data</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="52"/>
        <source>Dessiner les zones et lignes</source>
        <translation>Draw zones and lines</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="54"/>
        <source>Modifier les règles</source>
        <translation>Edit rules</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="56"/>
        <source>Activer ou désactiver les règles</source>
        <translation>Enable or disable rules</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="58"/>
        <source>Modifier les plannings</source>
        <translation>Edit schedules</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="60"/>
        <source>Arrêter le traitement</source>
        <translation>Stop processing</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="62"/>
        <source>Gérer les caméras</source>
        <translation>Manage cameras</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="64"/>
        <source>Gérer les comptes</source>
        <translation>Manage accounts</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="66"/>
        <source>Gérer les groupes et profils</source>
        <translation>Manage groups and profiles</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="68"/>
        <source>Régler les durées de conservation</source>
        <translation>Set retention periods</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="70"/>
        <source>Faire les sauvegardes</source>
        <translation>Make backups</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="72"/>
        <source>Gérer les licences</source>
        <translation>Manage licences</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="74"/>
        <source>Lire le journal d&apos;audit</source>
        <translation>Read the audit log</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="76"/>
        <source>Lire les journaux applicatifs</source>
        <translation>Read the application logs</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="78"/>
        <source>Voir la santé du système</source>
        <translation>View system health</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="80"/>
        <source>Modifier les réglages généraux</source>
        <translation>Change general settings</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="84"/>
        <source>Droit inconnu</source>
        <translation>Unknown right</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="88"/>
        <source>au moins %1 caractères</source>
        <translation>at least %1 characters</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="89"/>
        <source>au moins 3 types parmi : minuscules, majuscules, chiffres, autres caractères</source>
        <translation>at least 3 kinds among: lower case, upper case, digits, other characters</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="90"/>
        <source>ne contient pas l&apos;identifiant</source>
        <translation>does not contain the login</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="132"/>
        <source>Identifiant ou mot de passe incorrect.</source>
        <translation>Invalid login or password.</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="135"/>
        <source>Compte verrouillé après trop d&apos;essais infructueux : réessayez plus tard ou demandez à un administrateur de le déverrouiller.</source>
        <translation>Account locked after too many failed attempts: try again later or ask an administrator to unlock it.</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="140"/>
        <source>Votre session a expiré : reconnectez-vous.</source>
        <translation>Your session has expired: log in again.</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="143"/>
        <source>Le nouveau mot de passe doit être différent de l&apos;actuel.</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="157"/>
        <source>Le mot de passe ne respecte pas la règle : %1.</source>
        <translation>The password breaks the rule: %1.</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="161"/>
        <source>Le mot de passe est trop long.</source>
        <translation>The password is too long.</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="164"/>
        <source>Action refusée : vos droits ne le permettent pas.
(%1)</source>
        <translation>Action refused: your rights do not allow it.
(%1)</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="168"/>
        <source>Identifiant invalide : de 3 à 64 lettres, chiffres, « . », « _ », « - » ou « @ », en commençant par une lettre ou un chiffre.</source>
        <translation>Invalid login: 3 to 64 letters, digits, &quot;.&quot;, &quot;_&quot;, &quot;-&quot; or &quot;@&quot;, starting with a letter or a digit.</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="173"/>
        <source>Ce nom existe déjà.
(%1)</source>
        <translation>This name already exists.
(%1)</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="176"/>
        <source>Il doit toujours rester un administrateur (niveau 3) actif.
(%1)</source>
        <translation>There must always remain an active administrator (level 3).
(%1)</translation>
    </message>
    <message>
        <location filename="../widgets/access_labels.cpp" line="179"/>
        <source>L&apos;opération n&apos;a pas abouti : %1</source>
        <translation>The operation failed: %1</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AlertListModel</name>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="269"/>
        <source>Reportée</source>
        <translation>Postponed</translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="200"/>
        <source>Vue (%1)</source>
        <translation>Seen (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="202"/>
        <source>Nouvelle (en cours)</source>
        <translation>New (ongoing)</translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="202"/>
        <source>Nouvelle</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="205"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="222"/>
        <source>%1 le %2 — règle %3, zone %4, de %5 s à %6 s</source>
        <translation>%1 on %2 — rule %3, zone %4, from %5 s to %6 s</translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="231"/>
        <source>Commentaire : %1</source>
        <translation>Comment: %1</translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="267"/>
        <source>Image</source>
        <translation>Picture</translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="269"/>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="271"/>
        <source>Gravité</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="273"/>
        <source>Caméra</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="275"/>
        <source>Événement</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="277"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../widgets/alert_list_model.cpp" line="279"/>
        <source>État</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AlertPanel</name>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="731"/>
        <source>Mettre l&apos;alerte de côté 30 s ; elle revient si personne ne l&apos;a traitée (Ctrl+R)</source>
        <translation>Put the alert aside for 30 s; it comes back if nobody has handled it (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="729"/>
        <source>Reporter 30 s</source>
        <translation>Postpone 30 s</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="697"/>
        <source>Reportée : elle revient si personne ne la traite.</source>
        <translation>Postponed: it comes back unless someone handles it.</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="477"/>
        <source>Choisissez le motif de la fausse alerte.</source>
        <translation>Choose the reason for the false alert.</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="579"/>
        <source>Recherche impossible : %1</source>
        <translation>Search failed: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/alert_panel.cpp" line="591"/>
        <source>%n alerte(s) trouvée(s) dans l&apos;historique</source>
        <translation>
            <numerusform>%n alert found in the history</numerusform>
            <numerusform>%n alerts found in the history</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="635"/>
        <source>Sélectionnez une alerte pour revoir sa séquence.</source>
        <translation>Select an alert to replay its clip.</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="648"/>
        <source>Pas de séquence enregistrée pour cette alerte.</source>
        <translation>No clip recorded for this alert.</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="670"/>
        <source>Aucune alerte sélectionnée.</source>
        <translation>No alert selected.</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="673"/>
        <source>%1 — %2
Caméra : %3 · règle : %4 · zone : %5
Le %6 · score %7</source>
        <translation>%1 — %2
Camera: %3 · rule: %4 · zone: %5
On %6 · score %7</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="681"/>
        <source>Prise en charge par %1</source>
        <translation>Taken by %1</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="686"/>
        <source> par %1</source>
        <translation> by %1</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="693"/>
        <source>Vos droits ne permettent pas de qualifier les alertes.</source>
        <translation>Your rights do not allow you to qualify alerts.</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="702"/>
        <source>Alertes — %1 nouvelle(s)</source>
        <translation>Alerts — %1 new</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="703"/>
        <source>Alertes</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="708"/>
        <source> · son coupé</source>
        <translation> · sound muted</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="710"/>
        <source>Fiche — levée de doute</source>
        <translation>Alarm verification</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="711"/>
        <source>Prendre en charge</source>
        <translation>Take</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="712"/>
        <source>Prendre l&apos;alerte en charge et revoir la séquence (Espace)</source>
        <translation>Take the alert and replay its clip (Space)</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="713"/>
        <source>Confirmer</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="714"/>
        <source>Confirmer l&apos;alerte sélectionnée (Ctrl+Entrée)</source>
        <translation>Confirm the selected alert (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="715"/>
        <source>Fausse alerte</source>
        <translation>False alert</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="716"/>
        <source>Classer en fausse alerte, avec un motif (Ctrl+Suppr)</source>
        <translation>Mark as a false alert, with a reason (Ctrl+Del)</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="717"/>
        <source>Commentaire (facultatif)</source>
        <translation>Comment (optional)</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="718"/>
        <source>Historique</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="719"/>
        <source>Chercher dans les alertes enregistrées avec ces filtres</source>
        <translation>Search the stored alerts with these filters</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="720"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="720"/>
        <source>Lecture</source>
        <translation>Play</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="721"/>
        <source>Revoir la séquence de −15 s à +10 s (Espace)</source>
        <translation>Replay the clip from −15 s to +10 s (Space)</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="732"/>
        <source>Toutes les caméras</source>
        <translation>All cameras</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="738"/>
        <source>Tous les événements</source>
        <translation>All events</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="744"/>
        <source>Tous les états</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="745"/>
        <source>Nouvelles</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="746"/>
        <source>Confirmées</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="747"/>
        <source>Fausses alertes</source>
        <translation>False alerts</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="748"/>
        <source>Toute période</source>
        <translation>Any time</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="749"/>
        <source>Dernière heure</source>
        <translation>Last hour</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="750"/>
        <source>Dernières 24 h</source>
        <translation>Last 24 h</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="751"/>
        <source>7 derniers jours</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="752"/>
        <source>30 derniers jours</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="757"/>
        <source>Motif de fausse alerte…</source>
        <translation>False alert reason…</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="757"/>
        <source>Reflet</source>
        <translation>Reflection</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="757"/>
        <source>Ombre</source>
        <translation>Shadow</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="757"/>
        <source>Animal</source>
        <translation>Animal</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="758"/>
        <source>Mauvaise classe d&apos;objet</source>
        <translation>Wrong object class</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="758"/>
        <source>Zone mal placée</source>
        <translation>Badly placed zone</translation>
    </message>
    <message>
        <location filename="../widgets/alert_panel.cpp" line="758"/>
        <source>Autre</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::CameraTreeModel</name>
    <message>
        <location filename="../widgets/camera_tree_model.cpp" line="94"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../widgets/camera_tree_model.cpp" line="115"/>
        <source>%1 (identifiant %2)</source>
        <translation>%1 (id %2)</translation>
    </message>
    <message>
        <location filename="../widgets/camera_tree_model.cpp" line="117"/>
        <source>Caméra désactivée</source>
        <translation>Camera disabled</translation>
    </message>
    <message>
        <location filename="../widgets/camera_tree_model.cpp" line="143"/>
        <source>Caméra</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../widgets/camera_tree_model.cpp" line="143"/>
        <source>Tuile</source>
        <translation>Tile</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::LoginDialog</name>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="117"/>
        <source>Saisissez votre identifiant et votre mot de passe.</source>
        <translation>Enter your login and password.</translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="125"/>
        <source>Les deux mots de passe sont différents.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="150"/>
        <source>Connexion de %1 (%2).</source>
        <translation>%1 logged in (%2).</translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="157"/>
        <source>Vigie — Connexion</source>
        <translation>Vigie — Login</translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="158"/>
        <source>Vigie</source>
        <translation>Vigie</translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="158"/>
        <source>Vigie — %1</source>
        <translation>Vigie — %1</translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="160"/>
        <source>Aucun compte n&apos;existe encore sur ce poste. Créez le compte de l&apos;administrateur technique (niveau 3) : il ouvrira ensuite les comptes des opérateurs.</source>
        <translation>No account exists on this workstation yet. Create the technical administrator account (level 3); it will then open the operators&apos; accounts.</translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="163"/>
        <source>Identifiez-vous pour accéder au poste de supervision. Les actions sont enregistrées dans le journal d&apos;audit.</source>
        <translation>Log in to use the monitoring workstation. Actions are recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="165"/>
        <source>Identifiant</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="166"/>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="167"/>
        <source>Confirmer le mot de passe</source>
        <translation>Confirm the password</translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="171"/>
        <source>Le mot de passe doit comporter : %1.</source>
        <translation>The password must have: %1.</translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="173"/>
        <source>Créer et se connecter</source>
        <translation>Create and log in</translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="173"/>
        <source>Se connecter</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../widgets/login_dialog.cpp" line="174"/>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::OperatorWindow</name>
    <message>
        <location filename="../widgets/operator_window.cpp" line="854"/>
        <source>Reporter 30 s	Ctrl+R</source>
        <translation>Postpone 30 s	Ctrl+R</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="398"/>
        <source>Accès refusé : vos droits ne permettent pas d&apos;ouvrir cet écran.</source>
        <translation>Access denied: your rights do not allow you to open this screen.</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="584"/>
        <source>Afficher la caméra</source>
        <translation>Show camera</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="595"/>
        <source>Vider la tuile</source>
        <translation>Clear the tile</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="604"/>
        <source>Restaurer le mur</source>
        <translation>Restore the wall</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="604"/>
        <source>Agrandir la tuile</source>
        <translation>Enlarge the tile</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/operator_window.cpp" line="640"/>
        <source>%n pers.</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/operator_window.cpp" line="722"/>
        <source>(!) %n alerte(s) nouvelle(s)</source>
        <translation>
            <numerusform>(!) %n new alert</numerusform>
            <numerusform>(!) %n new alerts</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="723"/>
        <source>%1 — %2 — %3</source>
        <translation>%1 — %2 — %3</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="753"/>
        <source>Traitement arrêté</source>
        <translation>Processing stopped</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/operator_window.cpp" line="755"/>
        <source>Santé : %n caméra(s) hors ligne</source>
        <translation>
            <numerusform>Health: %n camera offline</numerusform>
            <numerusform>Health: %n cameras offline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/operator_window.cpp" line="757"/>
        <source>Santé : %n caméra(s) dégradée(s)</source>
        <translation>
            <numerusform>Health: %n camera degraded</numerusform>
            <numerusform>Health: %n cameras degraded</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="759"/>
        <source>Santé : tout est nominal</source>
        <translation>Health: all nominal</translation>
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
        <translation>F11 / Esc: full screen / leave
Enter or double-click: enlarge / restore the tile
1 to 9 (numeric keypad as 3×3): select the tile
Arrows: move the tile selection
Alt+1 to Alt+9: open view n
PgUp / PgDown, Ctrl+Tab: previous / next wall
Space: take the alert and replay its clip
Ctrl+R: postpone the alert by 30 s
Ctrl+Enter: confirm the alert
Ctrl+Del: false alert (reason asked)
Ctrl+↑ / Ctrl+↓: previous / next alert
M: mute / unmute
Ctrl+H: search the history
Ctrl+L: camera list
F1: this reminder</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="791"/>
        <source>Raccourcis clavier</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="805"/>
        <source>Vigie — Mur B et alertes</source>
        <translation>Vigie — Wall B and alerts</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="805"/>
        <source>Vigie — Supervision</source>
        <translation>Vigie — Monitoring</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="810"/>
        <source>(%1) </source>
        <translation>(%1) </translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="814"/>
        <source>Mur A (tuiles 1 à 9)</source>
        <translation>Wall A (tiles 1 to 9)</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="815"/>
        <source>Mur B (tuiles 10 à 18)</source>
        <translation>Wall B (tiles 10 to 18)</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="818"/>
        <source>Caméras</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="819"/>
        <source>Liste des caméras</source>
        <translation>Camera list</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="821"/>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="822"/>
        <source>Vue %1</source>
        <translation>View %1</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="823"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="824"/>
        <source>Changer d&apos;utilisateur</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="825"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="826"/>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="827"/>
        <source>Plein écran</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="828"/>
        <source>Surimpressions (boîtes, zones, valeurs)</source>
        <translation>Overlays (boxes, zones, values)</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="830"/>
        <source>Mur suivant</source>
        <translation>Next wall</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="836"/>
        <source>A&amp;lertes</source>
        <translation>A&amp;lerts</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="838"/>
        <source>Prendre en charge	Espace</source>
        <translation>Take	Space</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="839"/>
        <source>Confirmer	Ctrl+Entrée</source>
        <translation>Confirm	Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="840"/>
        <source>Fausse alerte…	Ctrl+Suppr</source>
        <translation>False alert…	Ctrl+Del</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="841"/>
        <source>Couper le son	M</source>
        <translation>Mute	M</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="842"/>
        <source>Chercher dans l&apos;historique</source>
        <translation>Search the history</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="844"/>
        <source>&amp;Paramétrage</source>
        <translation>&amp;Set-up</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="845"/>
        <source>A&amp;dministration</source>
        <translation>A&amp;dministration</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="849"/>
        <source>Zones et lignes…</source>
        <translation>Zones and lines…</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="852"/>
        <source>Règles et plannings…</source>
        <translation>Rules and schedules…</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="855"/>
        <source>Rejeu et réglage…</source>
        <translation>Replay and tuning…</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="858"/>
        <source>Administration du système…</source>
        <translation>System administration…</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="861"/>
        <source>Santé du système…</source>
        <translation>System health…</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="864"/>
        <source>Statistiques (comptage, densité)…</source>
        <translation>Statistics (counting, density)…</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="870"/>
        <source>&amp;Traitement</source>
        <translation>&amp;Processing</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="871"/>
        <source>Reprendre le traitement</source>
        <translation>Resume processing</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="872"/>
        <source>Arrêter tout le traitement</source>
        <translation>Stop all processing</translation>
    </message>
    <message>
        <location filename="../widgets/operator_window.cpp" line="873"/>
        <source>Aid&amp;e</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::VideoTile</name>
    <message>
        <location filename="../widgets/video_tile.cpp" line="41"/>
        <source>Tuile %1</source>
        <translation>Tile %1</translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="153"/>
        <source>Aucune caméra
Glissez une caméra de la liste ici</source>
        <translation>No camera
Drag a camera from the list here</translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="159"/>
        <source>Image figée</source>
        <translation>Frozen picture</translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="159"/>
        <source>Image figée depuis %1</source>
        <translation>Frozen picture since %1</translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="163"/>
        <source>%1 — dernière image à %2</source>
        <translation>%1 — last picture at %2</translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="165"/>
        <source>Hors ligne — reconnexion automatique…</source>
        <translation>Offline — reconnecting automatically…</translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="167"/>
        <source>Dernière image à %1</source>
        <translation>Last picture at %1</translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="172"/>
        <source>En attente d&apos;image…</source>
        <translation>Waiting for a picture…</translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="266"/>
        <source>IA</source>
        <translation>AI</translation>
    </message>
    <message>
        <location filename="../widgets/video_tile.cpp" line="277"/>
        <source>%1 i/s</source>
        <translation>%1 fps</translation>
    </message>
</context>
</TS>
