<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA" sourcelanguage="en_CA">
<context>
    <name>CounterBar</name>
    <message>
        <source>{network}: —</source>
        <translation>{network}&#xa0;: —</translation>
    </message>
    <message>
        <source>{network}: {used} of {limit} — {over} over</source>
        <translation>{network}&#xa0;: {used} sur {limit} — {over} de trop</translation>
    </message>
    <message>
        <source>{network}: {used} of {limit}</source>
        <translation>{network}&#xa0;: {used} sur {limit}</translation>
    </message>
    <message>
        <source> — has a character {network} refuses</source>
        <translation> — contient un caractère refusé par {network}</translation>
    </message>
    <message>
        <source>Bluesky bytes: —</source>
        <translation>Bluesky (octets)&#xa0;: —</translation>
    </message>
    <message>
        <source>Bluesky bytes: {used} of {limit} — {over} over</source>
        <translation>Bluesky (octets)&#xa0;: {used} sur {limit} — {over} de trop</translation>
    </message>
    <message>
        <source>Bluesky bytes: {used} of {limit}</source>
        <translation>Bluesky (octets)&#xa0;: {used} sur {limit}</translation>
    </message>
</context>
<context>
    <name>Lang</name>
    <message>
        <source>English</source>
        <translation>anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>français</translation>
    </message>
</context>
<context>
    <name>LanguageEditor</name>
    <message>
        <source>Current draft</source>
        <translation>Ébauche en cours</translation>
    </message>
    <message>
        <source>Version {seq} · {time} · {author} · {origin}</source>
        <translation>Version {seq} · {time} · {author} · {origin}</translation>
    </message>
    <message>
        <source> (latest)</source>
        <translation> (la plus récente)</translation>
    </message>
    <message>
        <source>Showing version {seq} ({time}, {author}, {origin}) — read only.</source>
        <translation>Version {seq} affichée ({time}, {author}, {origin}) — lecture seule.</translation>
    </message>
    <message>
        <source>This text has {length} characters; Tandem keeps at most {max}.</source>
        <translation>Ce texte compte {length} caractères; Tandem en conserve au plus {max}.</translation>
    </message>
    <message>
        <source>Refused characters (invisible control or text-direction characters): {count}, at position {positions}.</source>
        <translation>Caractères refusés (caractères de contrôle invisibles ou de sens d’écriture)&#xa0;: {count}, à la position {positions}.</translation>
    </message>
    <message>
        <source>It cannot be saved as a version until this is fixed; what you typed is kept by autosave.</source>
        <translation>Il ne peut pas être enregistré comme version tant que ce n’est pas corrigé; ce que vous avez tapé est conservé par la sauvegarde automatique.</translation>
    </message>
    <message>
        <source>Highlighted: {machine} characters from machine translation (dotted underline), {memory} from translation memory (dashed underline).</source>
        <translation>En surbrillance&#xa0;: {machine} caractères issus de la traduction automatique (soulignement pointillé), {memory} de la mémoire de traduction (soulignement en tirets).</translation>
    </message>
    <message>
        <source>Highlighted: {machine} characters from machine translation (dotted underline).</source>
        <translation>En surbrillance&#xa0;: {machine} caractères issus de la traduction automatique (soulignement pointillé).</translation>
    </message>
    <message>
        <source>Highlighted: {memory} characters from translation memory (dashed underline).</source>
        <translation>En surbrillance&#xa0;: {memory} caractères issus de la mémoire de traduction (soulignement en tirets).</translation>
    </message>
    <message>
        <source>Recovered text that was typed but not saved as a version (autosave). Review it, then save a version; Ctrl+Z goes back to the last version.</source>
        <translation>Texte récupéré par la sauvegarde automatique&#xa0;: il avait été tapé, mais pas enregistré comme version. Relisez-le, puis enregistrez une version; Ctrl+Z revient à la dernière version.</translation>
    </message>
    <message>
        <source>Machine translation — needs linguistic review</source>
        <translation>Traduction automatique — révision linguistique requise</translation>
    </message>
    <message>
        <source>&amp;English text</source>
        <translation>Texte an&amp;glais</translation>
    </message>
    <message>
        <source>English text</source>
        <translation>Texte anglais</translation>
    </message>
    <message>
        <source>The English version of the post. Counters below show the length on each network.</source>
        <translation>La version anglaise de la publication. Les compteurs en dessous indiquent sa longueur sur chaque réseau.</translation>
    </message>
    <message>
        <source>Write the English post here.</source>
        <translation>Rédigez ici la publication en anglais.</translation>
    </message>
    <message>
        <source>English version, read only</source>
        <translation>Version anglaise, en lecture seule</translation>
    </message>
    <message>
        <source>English version history</source>
        <translation>Historique des versions anglaises</translation>
    </message>
    <message>
        <source>English length counters</source>
        <translation>Compteurs de longueur du texte anglais</translation>
    </message>
    <message>
        <source>Fre&amp;nch text</source>
        <translation>Texte françai&amp;s</translation>
    </message>
    <message>
        <source>French text</source>
        <translation>Texte français</translation>
    </message>
    <message>
        <source>The French version of the post. Counters below show the length on each network.</source>
        <translation>La version française de la publication. Les compteurs en dessous indiquent sa longueur sur chaque réseau.</translation>
    </message>
    <message>
        <source>Write the French post here.</source>
        <translation>Rédigez ici la publication en français.</translation>
    </message>
    <message>
        <source>French version, read only</source>
        <translation>Version française, en lecture seule</translation>
    </message>
    <message>
        <source>French version history</source>
        <translation>Historique des versions françaises</translation>
    </message>
    <message>
        <source>French length counters</source>
        <translation>Compteurs de longueur du texte français</translation>
    </message>
    <message>
        <source>Versions:</source>
        <translation>Versions&#xa0;:</translation>
    </message>
    <message>
        <source>Pick a version to read it; the first entry is the text you are editing.</source>
        <translation>Choisissez une version pour la lire; la première entrée est le texte que vous modifiez.</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Restaurer cette version</translation>
    </message>
    <message>
        <source>Makes this version the newest one; the history keeps every version.</source>
        <translation>Fait de cette version la plus récente; l’historique conserve toutes les versions.</translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation>Retour à l’ébauche</translation>
    </message>
    <message>
        <source>Remove refused characters</source>
        <translation>Retirer les caractères refusés</translation>
    </message>
    <message>
        <source>Removes the characters that cannot be saved; Ctrl+Z undoes it.</source>
        <translation>Retire les caractères qui ne peuvent pas être enregistrés; Ctrl+Z annule l’opération.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Dismiss the recovered-text notice</source>
        <translation>Fermer l’avis de texte récupéré</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Recovered unsaved text ({languages}) from autosave.</source>
        <translation>Texte non enregistré récupéré ({languages}) grâce à la sauvegarde automatique.</translation>
    </message>
    <message>
        <source>Untitled post</source>
        <translation>Publication sans titre</translation>
    </message>
    <message>
        <source>Nothing to save: both texts match their latest versions.</source>
        <translation>Rien à enregistrer&#xa0;: les deux textes correspondent à leur dernière version.</translation>
    </message>
    <message>
        <source>Not saved as a version: {reasons} The text is kept by autosave.</source>
        <translation>Non enregistré comme version&#xa0;: {reasons} Le texte est conservé par la sauvegarde automatique.</translation>
    </message>
    <message>
        <source>Not saved as a version ({languages}): the text has refused characters or is too long. It is kept by autosave; fix it, then save again.</source>
        <translation>Non enregistré comme version ({languages})&#xa0;: le texte contient des caractères refusés ou est trop long. Il est conservé par la sauvegarde automatique; corrigez-le, puis enregistrez de nouveau.</translation>
    </message>
    <message>
        <source>{language} version {seq}</source>
        <translation>version {seq} en {language}</translation>
    </message>
    <message>
        <source>Saved: {versions}.</source>
        <translation>Enregistré&#xa0;: {versions}.</translation>
    </message>
    <message>
        <source>Restored as {language} version {seq}.</source>
        <translation>Restauré comme version {seq} en {language}.</translation>
    </message>
    <message>
        <source>Saving draft…</source>
        <translation>Enregistrement de l’ébauche…</translation>
    </message>
    <message>
        <source>Draft autosaved; not yet a version (Ctrl+S saves a version).</source>
        <translation>Ébauche sauvegardée automatiquement; ce n’est pas encore une version (Ctrl+S enregistre une version).</translation>
    </message>
    <message>
        <source>All changes saved as versions.</source>
        <translation>Toutes les modifications sont enregistrées comme versions.</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>Erreur inattendue&#xa0;: {error}</translation>
    </message>
    <message>
        <source>About Tandem</source>
        <translation>À propos de Tandem</translation>
    </message>
    <message>
        <source>Tandem {version}
Bilingual posting desk for Government of Canada communications.</source>
        <translation>Tandem {version}
Poste de publication bilingue pour les communications du gouvernement du Canada.</translation>
    </message>
    <message>
        <source>Tandem — bilingual posting desk</source>
        <translation>Tandem — poste de publication bilingue</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>&amp;Publication</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Language / Langue</source>
        <translation>&amp;Langue / Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;New post</source>
        <translation>&amp;Nouvelle publication</translation>
    </message>
    <message>
        <source>Create a new post (Ctrl+N)</source>
        <translation>Créer une publication (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Save version</source>
        <translation>&amp;Enregistrer la version</translation>
    </message>
    <message>
        <source>Save each changed language as a new version (Ctrl+S)</source>
        <translation>Enregistrer chaque langue modifiée comme nouvelle version (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Find posts</source>
        <translation>&amp;Rechercher des publications</translation>
    </message>
    <message>
        <source>Post &amp;list</source>
        <translation>&amp;Liste des publications</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <source>&amp;English text</source>
        <translation>Texte an&amp;glais</translation>
    </message>
    <message>
        <source>Fre&amp;nch text</source>
        <translation>Texte françai&amp;s</translation>
    </message>
    <message>
        <source>French ver&amp;sions</source>
        <translation>V&amp;ersions françaises</translation>
    </message>
    <message>
        <source>English &amp;versions</source>
        <translation>&amp;Versions anglaises</translation>
    </message>
    <message>
        <source>This store is read-only ({path}): you can read posts, but nothing can be saved.</source>
        <translation>Cette base de données est en lecture seule ({path})&#xa0;: vous pouvez lire les publications, mais rien ne peut être enregistré.</translation>
    </message>
    <message>
        <source>&amp;About Tandem</source>
        <translation>À &amp;propos de Tandem</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Français</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Post actions</source>
        <translation>Actions sur la publication</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>T&amp;itre&#xa0;:</translation>
    </message>
    <message>
        <source>Post title</source>
        <translation>Titre de la publication</translation>
    </message>
    <message>
        <source>A short internal name for the post; it is not published.</source>
        <translation>Un nom interne court pour la publication; il n’est pas publié.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the message</source>
        <translation>Fermer le message</translation>
    </message>
    <message>
        <source>No post is open. Create one with New post (Ctrl+N), or pick one in the list.</source>
        <translation>Aucune publication n’est ouverte. Créez-en une avec Nouvelle publication (Ctrl+N) ou choisissez-en une dans la liste.</translation>
    </message>
    <message>
        <source>Checks, review and approvals</source>
        <translation>Vérifications, révision et approbations</translation>
    </message>
    <message>
        <source>Close the side panel</source>
        <translation>Fermer le panneau latéral</translation>
    </message>
    <message>
        <source>Detach the side panel</source>
        <translation>Détacher le panneau latéral</translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <source>Store: {path}</source>
        <translation>Base de données&#xa0;: {path}</translation>
    </message>
    <message>
        <source>User: {user}</source>
        <translation>Utilisateur&#xa0;: {user}</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>en mémoire</translation>
    </message>
</context>
<context>
    <name>Origin</name>
    <message>
        <source>human</source>
        <translation>rédaction humaine</translation>
    </message>
    <message>
        <source>machine translation</source>
        <translation>traduction automatique</translation>
    </message>
    <message>
        <source>translation memory</source>
        <translation>mémoire de traduction</translation>
    </message>
</context>
<context>
    <name>PostListModel</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mise à jour</translation>
    </message>
</context>
<context>
    <name>PostListPanel</name>
    <message>
        <source>Matching posts: {count}</source>
        <translation>Publications correspondantes&#xa0;: {count}</translation>
    </message>
    <message>
        <source>Posts: {count}</source>
        <translation>Publications&#xa0;: {count}</translation>
    </message>
    <message>
        <source>Sea&amp;rch:</source>
        <translation>&amp;Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>Title, English or French text</source>
        <translation>Titre, texte anglais ou français</translation>
    </message>
    <message>
        <source>Search posts</source>
        <translation>Rechercher des publications</translation>
    </message>
    <message>
        <source>Finds posts whose title, English text or French text contains these words.</source>
        <translation>Trouve les publications dont le titre, le texte anglais ou le texte français contient ces mots.</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>É&amp;tat&#xa0;:</translation>
    </message>
    <message>
        <source>Filter by state</source>
        <translation>Filtrer par état</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Publications</translation>
    </message>
    <message>
        <source>Newest first. Moving to a post opens it in the editor.</source>
        <translation>Les plus récentes d’abord. Sélectionner une publication l’ouvre dans l’éditeur.</translation>
    </message>
</context>
<context>
    <name>PostState</name>
    <message>
        <source>Draft</source>
        <translation>Ébauche</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>En révision</translation>
    </message>
    <message>
        <source>In approval</source>
        <translation>En approbation</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approuvée</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Planifiée</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Publication en cours</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publiée</translation>
    </message>
    <message>
        <source>Partly published</source>
        <translation>Publiée en partie</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Tandem cannot start</source>
        <translation>Tandem ne peut pas démarrer</translation>
    </message>
    <message>
        <source>Tandem could not open its store.</source>
        <translation>Tandem n’a pas pu ouvrir sa base de données.</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>Erreur inattendue&#xa0;: {error}</translation>
    </message>
</context>
</TS>
