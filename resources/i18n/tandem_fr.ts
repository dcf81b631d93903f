<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA" sourcelanguage="en_CA">
<context>
    <name></name>
    <message>
        <source>{language} version {seq} (sha256 {hash}): “{start}”</source>
        <extracomment>Characters of the text shown, and of the sha256.</extracomment>
        <translation>{language}, version {seq} (sha256 {hash})&#xa0;: «&#xa0;{start}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>AlternativesDialog</name>
    <message>
        <source>Translation memory matches</source>
        <extracomment>Per language, the version the pane&apos;s text started from (None: it was empty): recording refuses a language someone else saved since, instead of going on top.</extracomment>
        <translation>Correspondances de la mémoire de traduction</translation>
    </message>
    <message>
        <source>Translation memory has close matches for this text. Use one instead of the suggestion? The one you pick is recorded as a translation memory version.</source>
        <translation>La mémoire de traduction contient des correspondances proches de ce texte. En utiliser une au lieu de la suggestion? Celle que vous choisissez est enregistrée comme version issue de la mémoire de traduction.</translation>
    </message>
    <message>
        <source>&amp;Use this match</source>
        <translation>&amp;Utiliser cette correspondance</translation>
    </message>
    <message>
        <source>Use this match</source>
        <translation>Utiliser cette correspondance</translation>
    </message>
    <message>
        <source>&amp;Keep the suggestion</source>
        <translation>&amp;Garder la suggestion</translation>
    </message>
    <message>
        <source>Keep the suggestion</source>
        <translation>Garder la suggestion</translation>
    </message>
    <message>
        <source>{score} — {text}</source>
        <translation>{score} — {text}</translation>
    </message>
    <message>
        <source>Matches “{source}” ({reference}).</source>
        <translation>Correspond à «&#xa0;{source}&#xa0;» ({reference}).</translation>
    </message>
</context>
<context>
    <name>AppearancePage</name>
    <message>
        <source>&amp;Colours:</source>
        <extracomment>The largest size at which the main window (both languages side by side, the side panel, a long post) still fits 1280 × 700 in English and in French: measured 1232 px wide in French at 18 pt, 1486 px at 24 pt (tests/ui/test_fit.py checks every size).</extracomment>
        <translation>&amp;Couleurs&#xa0;:</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claires</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombres</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Couleurs</translation>
    </message>
    <message>
        <source>&amp;Font size:</source>
        <translation>&amp;Taille du texte&#xa0;:</translation>
    </message>
    <message>
        <source>System size</source>
        <translation>Taille du système</translation>
    </message>
    <message>
        <source> pt</source>
        <translation>&#xa0;pt</translation>
    </message>
    <message>
        <source>Font size in points</source>
        <translation>Taille du texte en points</translation>
    </message>
    <message>
        <source>Up to {size} pt: larger, the window no longer fits a laptop screen.</source>
        <translation>Jusqu’à {size}&#xa0;pt&#xa0;: au-delà, la fenêtre ne tient plus sur l’écran d’un portable.</translation>
    </message>
</context>
<context>
    <name>ApprovalsPanel</name>
    <message>
        <source>What readers will see: the saved versions an approval binds</source>
        <translation>Ce que verront les lecteurs&#xa0;: les versions enregistrées que lie une approbation</translation>
    </message>
    <message>
        <source>Preview of the versions under approval</source>
        <translation>Aperçu des versions soumises à l’approbation</translation>
    </message>
    <message>
        <source>{state} since {time} ({duration})</source>
        <translation>{state} depuis le {time} ({duration})</translation>
    </message>
    <message>
        <source>Nothing: this post waits for no one.</source>
        <translation>Rien&#xa0;: cette publication n’attend personne.</translation>
    </message>
    <message>
        <source>Waiting for: {what}</source>
        <translation>En attente de&#xa0;: {what}</translation>
    </message>
    <message>
        <source>the {language} text</source>
        <translation>le texte en {language}</translation>
    </message>
    <message>
        <source>{language} review (version {seq})</source>
        <translation>la révision en {language} (version {seq})</translation>
    </message>
    <message>
        <source>a new {language} version (version {seq} was rejected by {user}: {comment})</source>
        <translation>une nouvelle version en {language} (la version {seq} a été refusée par {user}&#xa0;: {comment})</translation>
    </message>
    <message>
        <source>approval step “{step}”</source>
        <translation>l’étape d’approbation «&#xa0;{step}&#xa0;»</translation>
    </message>
    <message>
        <source>publication</source>
        <translation>la publication</translation>
    </message>
    <message>
        <source>the missing language to be published, or the published one retracted</source>
        <translation>la publication de la langue manquante, ou le retrait de celle qui est publiée</translation>
    </message>
    <message>
        <source>the scheduled time</source>
        <translation>l’heure planifiée</translation>
    </message>
    <message>
        <source>the networks</source>
        <translation>les réseaux</translation>
    </message>
    <message>
        <source>{what}, since {time} ({duration}); can act: {who}</source>
        <translation>{what}, depuis le {time} ({duration}); peut agir&#xa0;: {who}</translation>
    </message>
    <message>
        <source>Skipped (not for this post type)</source>
        <translation>Sautée (ne s’applique pas à ce type de publication)</translation>
    </message>
    <message>
        <source>Waiting for earlier steps</source>
        <translation>En attente des étapes précédentes</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>En attente d’approbation</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Franchie</translation>
    </message>
    <message>
        <source>Not started (the post is not in approval)</source>
        <translation>Pas commencée (la publication n’est pas en approbation)</translation>
    </message>
    <message>
        <source>{duration} so far</source>
        <translation>{duration} jusqu’ici</translation>
    </message>
    <message>
        <source>every approver</source>
        <translation>tous les approbateurs</translation>
    </message>
    <message>
        <source>any one approver</source>
        <translation>un seul approbateur</translation>
    </message>
    <message>
        <source>Approved by {who}</source>
        <translation>Approuvée par {who}</translation>
    </message>
    <message>
        <source>Can act: {who}</source>
        <translation>Peut agir&#xa0;: {who}</translation>
    </message>
    <message>
        <source>Voided on {time}
by a new version (#{version})</source>
        <translation>Annulée le {time}
par une nouvelle version (nº {version})</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Approbation</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valide</translation>
    </message>
    <message>
        <source>Save the texts first: an approval is given to the saved versions, not to text still being edited.</source>
        <translation>Enregistrez d’abord les textes&#xa0;: une approbation porte sur les versions enregistrées, pas sur un texte en cours de modification.</translation>
    </message>
    <message>
        <source>Approvals are given once both languages are signed off.</source>
        <translation>Les approbations se donnent une fois les deux langues validées.</translation>
    </message>
    <message>
        <source>You approved step “{step}”.</source>
        <translation>Vous avez approuvé l’étape «&#xa0;{step}&#xa0;».</translation>
    </message>
    <message>
        <source>Approving step “{step}” needs {role}; you do not hold it.</source>
        <translation>Approuver l’étape «&#xa0;{step}&#xa0;» exige {role}; vous ne l’avez pas.</translation>
    </message>
    <message>
        <source>You cannot approve step “{step}”: you wrote part of this post, and no one approves their own post.</source>
        <translation>Vous ne pouvez pas approuver l’étape «&#xa0;{step}&#xa0;»&#xa0;: vous avez rédigé une partie de cette publication, et personne n’approuve sa propre publication.</translation>
    </message>
    <message>
        <source>Approve “{title}” at step “{step}”? You approve exactly these saved versions:</source>
        <translation>Approuver «&#xa0;{title}&#xa0;» à l’étape «&#xa0;{step}&#xa0;»&#xa0;? Vous approuvez exactement ces versions enregistrées&#xa0;:</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Approbations</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>En attente de</translation>
    </message>
    <message>
        <source>Approval &amp;chain</source>
        <translation>Chaîne d’appro&amp;bation</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Approval chain steps</source>
        <translation>Étapes de la chaîne d’approbation</translation>
    </message>
    <message>
        <source>Each step of the chain: its state, who approved it, who can act and how long it took.</source>
        <translation>Chaque étape de la chaîne&#xa0;: son état, qui l’a approuvée, qui peut agir et le temps qu’elle a pris.</translation>
    </message>
    <message>
        <source>Approvals &amp;given</source>
        <translation>Approbations &amp;données</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Approvals given</source>
        <translation>Approbations données</translation>
    </message>
    <message>
        <source>Every approval of this post; an approval is voided when a new version is written.</source>
        <translation>Toutes les approbations de cette publication; une approbation est annulée quand une nouvelle version est rédigée.</translation>
    </message>
    <message>
        <source>S&amp;tep:</source>
        <translation>Étape à appr&amp;ouver&#xa0;:</translation>
    </message>
    <message>
        <source>Step to approve</source>
        <translation>Étape à approuver</translation>
    </message>
    <message>
        <source>Co&amp;mment (optional):</source>
        <translation>Co&amp;mmentaire (facultatif)&#xa0;:</translation>
    </message>
    <message>
        <source>Approval comment</source>
        <translation>Commentaire d’approbation</translation>
    </message>
    <message>
        <source>Optional comment kept with the approval</source>
        <translation>Commentaire facultatif conservé avec l’approbation</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>Appro&amp;uver</translation>
    </message>
    <message>
        <source>Approve the post at this step</source>
        <translation>Approuver la publication à cette étape</translation>
    </message>
    <message>
        <source>Approve both official texts at the chosen step (Ctrl+Shift+A)</source>
        <translation>Approuver les deux textes officiels à l’étape choisie (Ctrl+Maj+A)</translation>
    </message>
    <message>
        <source>Approve the open post at the step chosen in the Approvals panel (Ctrl+Shift+A)</source>
        <translation>Approuver la publication ouverte à l’étape choisie dans le panneau Approbations (Ctrl+Maj+A)</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Refresh the approvals</source>
        <translation>Actualiser les approbations</translation>
    </message>
    <message>
        <source>No post is open.</source>
        <translation>Aucune publication n’est ouverte.</translation>
    </message>
</context>
<context>
    <name>ArchivedPostsScreen</name>
    <message>
        <source>Choose a post in the list.</source>
        <translation>Choisissez une publication dans la liste.</translation>
    </message>
    <message>
        <source>“{title}” is back in the lists.</source>
        <translation>«&#xa0;{title}&#xa0;» est de retour dans les listes.</translation>
    </message>
    <message>
        <source>Archived posts</source>
        <translation>Publications archivées</translation>
    </message>
    <message>
        <source>Arc&amp;hived posts…</source>
        <translation>Publications arc&amp;hivées…</translation>
    </message>
    <message>
        <source>&amp;Archived posts, newest first:</source>
        <translation>Publications &amp;archivées, les plus récentes d’abord&#xa0;:</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Archived by</source>
        <translation>Archivée par</translation>
    </message>
    <message>
        <source>Archived on</source>
        <translation>Archivée le</translation>
    </message>
    <message>
        <source>&amp;Bring back</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Bring the chosen post back into the lists</source>
        <translation>Remettre la publication choisie dans les listes</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <source>Attach an image</source>
        <translation>Joindre une image</translation>
    </message>
    <message>
        <source>Image file</source>
        <translation>Fichier de l’image</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Languages the image shows in</source>
        <translation>Langues où l’image s’affiche</translation>
    </message>
    <message>
        <source>Both languages</source>
        <translation>Les deux langues</translation>
    </message>
    <message>
        <source>English only</source>
        <translation>Anglais seulement</translation>
    </message>
    <message>
        <source>French only</source>
        <translation>Français seulement</translation>
    </message>
    <message>
        <source>English alt text</source>
        <translation>Texte de remplacement anglais</translation>
    </message>
    <message>
        <source>French alt text</source>
        <translation>Texte de remplacement français</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Shows in:</source>
        <translation>&amp;Affichée en&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;English alt text:</source>
        <translation>Texte de remplacement &amp;anglais&#xa0;:</translation>
    </message>
    <message>
        <source>F&amp;rench alt text:</source>
        <translation>Texte de remplacement f&amp;rançais&#xa0;:</translation>
    </message>
    <message>
        <source>Choose an image</source>
        <translation>Choisir une image</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.gif)</source>
        <translation>Images (*.png *.jpg *.jpeg *.webp *.gif)</translation>
    </message>
</context>
<context>
    <name>AuditCheckScreen</name>
    <message>
        <source>Checking the audit log…</source>
        <translation>Vérification du journal d’audit…</translation>
    </message>
    <message>
        <source>The audit log is intact: {entries} entries, the hash chain is unbroken, and versions, sign-offs, approvals, roles and states agree with it. {signed} decision signatures verified.</source>
        <translation>Le journal d’audit est intact&#xa0;: {entries} entrées, la chaîne de hachage est ininterrompue, et les versions, validations, approbations, rôles et états concordent avec lui. {signed} signatures de décision vérifiées.</translation>
    </message>
    <message>
        <source>Audit check passed.</source>
        <translation>Vérification de l’audit réussie.</translation>
    </message>
    <message>
        <source>The audit log has been TAMPERED WITH: {count} problems found. Keep a copy of the store and tell your IT security contact.</source>
        <translation>Le journal d’audit a été ALTÉRÉ&#xa0;: {count} problèmes trouvés. Gardez une copie de la base et prévenez votre responsable de la sécurité informatique.</translation>
    </message>
    <message>
        <source>Audit check failed.</source>
        <translation>La vérification de l’audit a échoué.</translation>
    </message>
    <message>
        <source>Problem: {text}</source>
        <translation>Problème&#xa0;: {text}</translation>
    </message>
    <message>
        <source>Unsigned decision: {text}</source>
        <translation>Décision non signée&#xa0;: {text}</translation>
    </message>
    <message>
        <source>Nothing to report.</source>
        <translation>Rien à signaler.</translation>
    </message>
    <message>
        <source>&amp;Details ({count}):</source>
        <translation>&amp;Détails ({count})&#xa0;:</translation>
    </message>
    <message>
        <source>Audit check</source>
        <translation>Vérification du journal d’audit</translation>
    </message>
    <message>
        <source>Check the &amp;audit log…</source>
        <translation>Vérifier le journal d’&amp;audit…</translation>
    </message>
    <message>
        <source>Every change in Tandem is written to a hash-chained audit log. The check recomputes the chain and compares the versions, sign-offs, approvals, roles and states with it.</source>
        <translation>Chaque modification dans Tandem est inscrite dans un journal d’audit chaîné par hachage. La vérification recalcule la chaîne et y compare les versions, validations, approbations, rôles et états.</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>&amp;Vérifier de nouveau</translation>
    </message>
    <message>
        <source>Run the audit check again</source>
        <translation>Refaire la vérification du journal d’audit</translation>
    </message>
    <message>
        <source>Audit check details</source>
        <translation>Détails de la vérification</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Détails&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ChainEditorScreen</name>
    <message>
        <source>The IT policy sets this chain: it cannot be changed here.</source>
        <translation>La politique informatique fixe cette chaîne&#xa0;: elle ne peut pas être modifiée ici.</translation>
    </message>
    <message>
        <source>Only an administrator can change the chain; you can read it.</source>
        <translation>Seul un administrateur peut modifier la chaîne&#xa0;; vous pouvez la consulter.</translation>
    </message>
    <message>
        <source>Changes apply to posts entering approval after you save; posts already in approval keep the chain they started with.</source>
        <translation>Les modifications s’appliquent aux publications qui entrent en approbation après l’enregistrement&#xa0;; celles déjà en approbation gardent leur chaîne de départ.</translation>
    </message>
    <message>
        <source>New step {number}</source>
        <translation>Nouvelle étape {number}</translation>
    </message>
    <message>
        <source>Approval chain saved: {count} steps.</source>
        <translation>Chaîne d’approbation enregistrée&#xa0;: {count} étapes.</translation>
    </message>
    <message>
        <source>all approvers</source>
        <translation>tous les approbateurs</translation>
    </message>
    <message>
        <source>any one approver</source>
        <translation>un seul approbateur</translation>
    </message>
    <message>
        <source>starts at once</source>
        <translation>commence tout de suite</translation>
    </message>
    <message>
        <source>every post</source>
        <translation>toutes les publications</translation>
    </message>
    <message>
        <source>No steps: a post is approved as soon as both languages are official.</source>
        <translation>Aucune étape&#xa0;: une publication est approuvée dès que les deux langues sont officielles.</translation>
    </message>
    <message>
        <source>“{name}” waits for {after}, then needs {who}.</source>
        <translation>«&#xa0;{name}&#xa0;» attend {after}, puis il faut {who}.</translation>
    </message>
    <message>
        <source>“{name}” starts as soon as the post enters approval and needs {who}.</source>
        <translation>«&#xa0;{name}&#xa0;» commence dès que la publication entre en approbation et il faut {who}.</translation>
    </message>
    <message>
        <source>Only for {types} posts.</source>
        <translation>Seulement pour les publications de type {types}.</translation>
    </message>
    <message>
        <source>Approval chain</source>
        <translation>Chaîne d’approbation</translation>
    </message>
    <message>
        <source>Approval chain editor</source>
        <translation>Éditeur de la chaîne d’approbation</translation>
    </message>
    <message>
        <source>Approval &amp;chain…</source>
        <translation>&amp;Chaîne d’approbation…</translation>
    </message>
    <message>
        <source>St&amp;eps, in order:</source>
        <translation>Éta&amp;pes, dans l’ordre&#xa0;:</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Who approves</source>
        <translation>Qui approuve</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>Post types</source>
        <translation>Types de publication</translation>
    </message>
    <message>
        <source>Approval steps</source>
        <translation>Étapes d’approbation</translation>
    </message>
    <message>
        <source>The chain in words</source>
        <translation>La chaîne en mots</translation>
    </message>
    <message>
        <source>&amp;Add step</source>
        <translation>A&amp;jouter une étape</translation>
    </message>
    <message>
        <source>Add a step at the end</source>
        <translation>Ajouter une étape à la fin</translation>
    </message>
    <message>
        <source>&amp;Remove step</source>
        <translation>&amp;Retirer l’étape</translation>
    </message>
    <message>
        <source>Remove the chosen step</source>
        <translation>Retirer l’étape choisie</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <source>Move the chosen step up</source>
        <translation>Monter l’étape choisie</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Descen&amp;dre</translation>
    </message>
    <message>
        <source>Move the chosen step down</source>
        <translation>Descendre l’étape choisie</translation>
    </message>
    <message>
        <source>Chosen step</source>
        <translation>Étape choisie</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Step name</source>
        <translation>Nom de l’étape</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Identifiant&#xa0;:</translation>
    </message>
    <message>
        <source>Step id (approvers hold approver:id)</source>
        <translation>Identifiant de l’étape (les approbateurs détiennent approver:identifiant)</translation>
    </message>
    <message>
        <source>Appro&amp;vers:</source>
        <translation>Appro&amp;bateurs&#xa0;:</translation>
    </message>
    <message>
        <source>How many approvers must approve</source>
        <translation>Combien d’approbateurs doivent approuver</translation>
    </message>
    <message>
        <source>Any one approver is enough</source>
        <translation>Un seul approbateur suffit</translation>
    </message>
    <message>
        <source>All approvers must approve</source>
        <translation>Tous les approbateurs doivent approuver</translation>
    </message>
    <message>
        <source>Waits &amp;for (none checked: starts at once, in parallel):</source>
        <translation>&amp;Attend (rien de coché&#xa0;: commence tout de suite, en parallèle)&#xa0;:</translation>
    </message>
    <message>
        <source>Steps this step waits for</source>
        <translation>Étapes que cette étape attend</translation>
    </message>
    <message>
        <source>Only for post &amp;types:</source>
        <translation>Seulement pour les &amp;types de publication&#xa0;:</translation>
    </message>
    <message>
        <source>Post types this step applies to, separated by commas; empty for every post</source>
        <translation>Types de publication visés par cette étape, séparés par des virgules; vide pour toutes les publications</translation>
    </message>
    <message>
        <source>empty: every post, e.g. announcement</source>
        <translation>vide&#xa0;: toutes les publications, p.&#xa0;ex. announcement</translation>
    </message>
    <message>
        <source>&amp;Save chain</source>
        <translation>&amp;Enregistrer la chaîne</translation>
    </message>
    <message>
        <source>Save the approval chain</source>
        <translation>Enregistrer la chaîne d’approbation</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Re&amp;charger</translation>
    </message>
    <message>
        <source>Discard changes and load the saved chain</source>
        <translation>Abandonner les modifications et recharger la chaîne enregistrée</translation>
    </message>
</context>
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
    <name>Duration</name>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days} j {hours} h</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Guide</source>
        <extracomment>Screenshots are shown this wide (they are 1366 px: half size, still readable).</extracomment>
        <translation>Guide</translation>
    </message>
    <message>
        <source>The Tandem guide</source>
        <translation>Le guide de Tandem</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the guide</source>
        <translation>Fermer le guide</translation>
    </message>
</context>
<context>
    <name>HalfPublishedBanner</name>
    <message>
        <source>{language} alone on {network}</source>
        <translation>{language} seul sur {network}</translation>
    </message>
    <message>
        <source>Published in one language only ({where}). Retry sending the missing language, or retract the published one.</source>
        <translation>Publiée dans une seule langue ({where}). Réessayez d’envoyer la langue manquante, ou retirez celle qui est publiée.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Retry sending the missing language</source>
        <translation>Réessayer d’envoyer la langue manquante</translation>
    </message>
    <message>
        <source>Retract {language}</source>
        <translation>Retirer la publication en {language}</translation>
    </message>
    <message>
        <source>Retract the published {language} post</source>
        <translation>Retirer la publication en {language} déjà publiée</translation>
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
        <source>Restore this version as the newest {language} version? The current text stays in the history; an official version or approvals of it no longer apply.</source>
        <translation>Restaurer cette version comme la plus récente en {language}&#xa0;? Le texte actuel reste dans l’historique&#xa0;; une version officielle ou ses approbations ne s’appliquent plus.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
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
        <source>Version {seq} by {user} is newer than the text this was typed on: saving shows both texts so you can choose.</source>
        <translation>La version {seq} de {user} est plus récente que le texte sur lequel celui-ci a été tapé&#xa0;: l’enregistrer affiche les deux textes pour que vous choisissiez.</translation>
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
    <name>LiveStatus</name>
    <message>
        <source>Live updates paused — reconnecting…</source>
        <translation>Mises à jour en direct suspendues — reconnexion…</translation>
    </message>
    <message>
        <source>Other people&apos;s changes will show again as soon as the team server answers; this window then reloads what it shows.</source>
        <translation>Les modifications des autres s’afficheront de nouveau dès que le serveur d’équipe répondra; cette fenêtre rechargera alors ce qu’elle affiche.</translation>
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
        <source>Team store: {url}</source>
        <translation>Base de données d’équipe&#xa0;: {url}</translation>
    </message>
    <message>
        <source>It withdraws the official {language} version {seq}.</source>
        <translation>La version {seq} en {language} cesse d’être officielle.</translation>
    </message>
    <message>
        <source>It voids {count} approval(s): the post goes back to review.</source>
        <translation>{count} approbation(s) sont annulées&#xa0;: la publication retourne en révision.</translation>
    </message>
    <message>
        <source>Save your changes?</source>
        <translation>Enregistrer vos modifications&#xa0;?</translation>
    </message>
    <message>
        <source>Closing saves your changes to “{title}” as new versions.</source>
        <translation>En fermant, vos modifications de «&#xa0;{title}&#xa0;» sont enregistrées comme nouvelles versions.</translation>
    </message>
    <message>
        <source>Save as new versions</source>
        <translation>Enregistrer comme nouvelles versions</translation>
    </message>
    <message>
        <source>Keep as my unsaved draft</source>
        <translation>Garder comme mon brouillon non enregistré</translation>
    </message>
    <message>
        <source>English &amp;versions</source>
        <translation>&amp;Versions anglaises</translation>
    </message>
    <message>
        <source>Bilingual posting desk</source>
        <translation>Pupitre de publication bilingue</translation>
    </message>
    <message>
        <source>This store is read-only ({path}): you can read posts, but nothing can be saved.</source>
        <extracomment>The side panel&apos;s widest default: the editors keep most of a 1366 px screen.</extracomment>
        <translation>Cette base de données est en lecture seule ({path})&#xa0;: vous pouvez lire les publications, mais rien ne peut être enregistré.</translation>
    </message>
    <message>
        <source>Another Tandem window already has this store open (process {pid} on {host}). Work in one window at a time: each shows what the other saved only once it reloads.</source>
        <translation>Une autre fenêtre de Tandem a déjà ouvert cette base (processus {pid} sur {host}). Travaillez dans une seule fenêtre à la fois&#xa0;: chacune ne montre ce que l’autre a enregistré qu’une fois rechargée.</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;About Tandem</source>
        <translation>À &amp;propos de Tandem</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Guide</translation>
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
        <source>Side &amp;panel</source>
        <translation>&amp;Panneau latéral</translation>
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
    <name>MappingsScreen</name>
    <message>
        <source>&amp;Pairs ({count}):</source>
        <translation>&amp;Paires ({count})&#xa0;:</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Hashtag</source>
        <translation>Mot-clic</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Type the English and the French form of the pair.</source>
        <translation>Tapez la forme anglaise et la forme française de la paire.</translation>
    </message>
    <message>
        <source>Pair added: {en} ↔ {fr}.</source>
        <translation>Paire ajoutée&#xa0;: {en} ↔ {fr}.</translation>
    </message>
    <message>
        <source>Choose the pair to remove in the list.</source>
        <translation>Choisissez dans la liste la paire à retirer.</translation>
    </message>
    <message>
        <source>Pair removed: {text}.</source>
        <translation>Paire retirée&#xa0;: {text}.</translation>
    </message>
    <message>
        <source>Import mappings</source>
        <translation>Importer des correspondances</translation>
    </message>
    <message>
        <source>Mapping CSV (*.csv);;All files (*)</source>
        <translation>Correspondances CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export mappings</source>
        <translation>Exporter les correspondances</translation>
    </message>
    <message>
        <source>Mapping CSV (*.csv)</source>
        <translation>Correspondances CSV (*.csv)</translation>
    </message>
    <message>
        <source>{count} pairs written to {file}.</source>
        <translation>{count} paires écrites dans {file}.</translation>
    </message>
    <message>
        <source>Handle, hashtag and address mappings</source>
        <translation>Correspondances d’identifiants, de mots-clics et d’adresses</translation>
    </message>
    <message>
        <source>Mappings</source>
        <translation>Correspondances</translation>
    </message>
    <message>
        <source>&amp;Mappings…</source>
        <translation>Corres&amp;pondances…</translation>
    </message>
    <message>
        <source>Suggestions replace an English handle, hashtag or address with its French counterpart (and back); the checks make sure both versions use matching ones.</source>
        <translation>Les suggestions remplacent un identifiant, un mot-clic ou une adresse en anglais par son équivalent français (et inversement)&#xa0;; les contrôles vérifient que les deux versions utilisent des formes correspondantes.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Mapping pairs</source>
        <translation>Paires de correspondances</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>T&amp;ype&#xa0;:</translation>
    </message>
    <message>
        <source>Kind of pair</source>
        <translation>Type de paire</translation>
    </message>
    <message>
        <source>&amp;English:</source>
        <translation>&amp;Anglais&#xa0;:</translation>
    </message>
    <message>
        <source>English form</source>
        <translation>Forme anglaise</translation>
    </message>
    <message>
        <source>e.g. @HealthCanada</source>
        <translation>p.&#xa0;ex. @HealthCanada</translation>
    </message>
    <message>
        <source>&amp;French:</source>
        <translation>&amp;Français&#xa0;:</translation>
    </message>
    <message>
        <source>French form</source>
        <translation>Forme française</translation>
    </message>
    <message>
        <source>e.g. @SanteCanada</source>
        <translation>p.&#xa0;ex. @SanteCanada</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>Re&amp;marque&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Add pair</source>
        <translation>A&amp;jouter la paire</translation>
    </message>
    <message>
        <source>Add the pair</source>
        <translation>Ajouter la paire</translation>
    </message>
    <message>
        <source>&amp;Remove pair</source>
        <translation>&amp;Retirer la paire</translation>
    </message>
    <message>
        <source>Remove the chosen pair</source>
        <translation>Retirer la paire choisie</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importer un CSV…</translation>
    </message>
    <message>
        <source>Import pairs from a CSV file</source>
        <translation>Importer des paires depuis un fichier CSV</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xporter en CSV…</translation>
    </message>
    <message>
        <source>Export every pair as a CSV file</source>
        <translation>Exporter toutes les paires dans un fichier CSV</translation>
    </message>
</context>
<context>
    <name>MediaPanel</name>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>The post as each network will show it</source>
        <translation>La publication telle que chaque réseau l’affichera</translation>
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation>&amp;Images&#xa0;:</translation>
    </message>
    <message>
        <source>Images of the post with their alt text</source>
        <translation>Images de la publication et leur texte de remplacement</translation>
    </message>
    <message>
        <source>&amp;Attach image…</source>
        <translation>&amp;Joindre une image…</translation>
    </message>
    <message>
        <source>Re&amp;move image</source>
        <translation>Re&amp;tirer l’image</translation>
    </message>
    <message>
        <source>Attach an image to the post</source>
        <translation>Joindre une image à la publication</translation>
    </message>
    <message>
        <source>Remove the selected image</source>
        <translation>Retirer l’image choisie</translation>
    </message>
</context>
<context>
    <name>MemoryScreen</name>
    <message>
        <source>{score}%</source>
        <translation>{score}&#xa0;%</translation>
    </message>
    <message>
        <source>Units in the memory: {count}</source>
        <translation>Unités dans la mémoire&#xa0;: {count}</translation>
    </message>
    <message>
        <source>&amp;Matches ({count}):</source>
        <translation>&amp;Correspondances ({count})&#xa0;:</translation>
    </message>
    <message>
        <source>Import translation memory</source>
        <translation>Importer une mémoire de traduction</translation>
    </message>
    <message>
        <source>TMX files (*.tmx);;All files (*)</source>
        <translation>Fichiers TMX (*.tmx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export translation memory</source>
        <translation>Exporter la mémoire de traduction</translation>
    </message>
    <message>
        <source>TMX files (*.tmx)</source>
        <translation>Fichiers TMX (*.tmx)</translation>
    </message>
    <message>
        <source>{count} units written to {file}.</source>
        <translation>{count} unités écrites dans {file}.</translation>
    </message>
    <message>
        <source>Translation memory</source>
        <translation>Mémoire de traduction</translation>
    </message>
    <message>
        <source>Translation mem&amp;ory…</source>
        <translation>&amp;Mémoire de traduction…</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>Text to look up in the memory</source>
        <translation>Texte à chercher dans la mémoire</translation>
    </message>
    <message>
        <source>a sentence or a few words</source>
        <translation>une phrase ou quelques mots</translation>
    </message>
    <message>
        <source>&amp;Written in:</source>
        <translation>Écrit &amp;en&#xa0;:</translation>
    </message>
    <message>
        <source>Language of the text to look up</source>
        <translation>Langue du texte à chercher</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Traduction</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Memory matches, best first</source>
        <translation>Correspondances de la mémoire, les meilleures d’abord</translation>
    </message>
    <message>
        <source>&amp;Import TMX…</source>
        <translation>&amp;Importer un TMX…</translation>
    </message>
    <message>
        <source>Import a TMX file into the memory</source>
        <translation>Importer un fichier TMX dans la mémoire</translation>
    </message>
    <message>
        <source>E&amp;xport TMX…</source>
        <translation>E&amp;xporter en TMX…</translation>
    </message>
    <message>
        <source>Export the whole memory as TMX</source>
        <translation>Exporter toute la mémoire en TMX</translation>
    </message>
    <message>
        <source>&amp;Matches:</source>
        <translation>&amp;Correspondances&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <source>The translation model {package} cannot be loaded: {reason}</source>
        <translation>Impossible de charger le modèle de traduction {package}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Tandem translates between English and French only (en→fr, fr→en), not {source}→{target}.</source>
        <translation>Tandem ne traduit qu’entre l’anglais et le français (en→fr, fr→en), pas {source}→{target}.</translation>
    </message>
    <message>
        <source>No {source}→{target} translation model is installed; install a language package.</source>
        <translation>Aucun modèle de traduction {source}→{target} n’est installé; installez un paquet linguistique.</translation>
    </message>
    <message>
        <source>There is nothing to translate: the text is empty.</source>
        <translation>Il n’y a rien à traduire&#xa0;: le texte est vide.</translation>
    </message>
    <message>
        <source>That memory match is not one of this suggestion&apos;s alternatives.</source>
        <translation>Cette correspondance de mémoire ne fait pas partie des choix de cette suggestion.</translation>
    </message>
    <message>
        <source>A suggestion needs two different languages.</source>
        <translation>Une suggestion demande deux langues différentes.</translation>
    </message>
    <message>
        <source>Unknown typography style “{style}”; use canada or france.</source>
        <translation>Style typographique inconnu «&#xa0;{style}&#xa0;»; utilisez canada ou france.</translation>
    </message>
    <message>
        <source>Unknown quality check: {checks}.</source>
        <translation>Vérification de qualité inconnue&#xa0;: {checks}.</translation>
    </message>
    <message>
        <source>Cannot read the {what} file {file}: {reason}.</source>
        <translation>Impossible de lire le fichier {what} {file}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>The {what} file is {size} MB, larger than the {cap} Tandem imports for {what} files. Split it and import the parts.</source>
        <translation>Le fichier {what} fait {size} Mo, plus que les {cap} que Tandem importe pour ce type de fichier ({what}). Divisez-le et importez les parties.</translation>
    </message>
    <message>
        <source>The {what} file is not UTF-8 text.</source>
        <translation>Le fichier {what} n’est pas du texte UTF-8.</translation>
    </message>
    <message>
        <source>Tandem has no {name} format (known: {known}).</source>
        <translation>Tandem n’a pas de format {name} (formats connus&#xa0;: {known}).</translation>
    </message>
    <message>
        <source>{file}: choose a {wanted} file ({kind}).</source>
        <translation>{file}&#xa0;: choisissez un fichier {wanted} ({kind}).</translation>
    </message>
    <message>
        <source>{file}: choose a {wanted} file of English/French pairs.</source>
        <translation>{file}&#xa0;: choisissez un fichier {wanted} de paires anglais/français.</translation>
    </message>
    <message>
        <source>no {lang} text.</source>
        <translation>aucun texte en {lang}.</translation>
    </message>
    <message>
        <source>The {what} file needs an en and an fr column (it has: {columns}).</source>
        <translation>Le fichier {what} doit avoir une colonne en et une colonne fr (il a&#xa0;: {columns}).</translation>
    </message>
    <message>
        <source>The {what} file has no {missing} column (expected: {expected}).</source>
        <translation>Il manque au fichier {what} la colonne {missing} (attendu&#xa0;: {expected}).</translation>
    </message>
    <message>
        <source>The {what} file declares XML entities, a DTD or external references, which Tandem refuses for safety.</source>
        <translation>Le fichier {what} déclare des entités XML, une DTD ou des références externes, que Tandem refuse par sécurité.</translation>
    </message>
    <message>
        <source>The XLIFF file is not well-formed XML ({reason}).</source>
        <translation>Le fichier XLIFF n’est pas du XML bien formé ({reason}).</translation>
    </message>
    <message>
        <source>The file is not XLIFF (its root is not &lt;xliff&gt;).</source>
        <translation>Le fichier n’est pas un fichier XLIFF (sa racine n’est pas &lt;xliff&gt;).</translation>
    </message>
    <message>
        <source>The XLIFF file is refused: {reason}</source>
        <translation>Le fichier XLIFF est refusé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>file {position}: {reason}</source>
        <translation>fichier {position}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>file {position}: source and target are the same language.</source>
        <translation>fichier {position}&#xa0;: la source et la cible sont dans la même langue.</translation>
    </message>
    <message>
        <source>unit {id}: no target (not translated).</source>
        <translation>unité {id}&#xa0;: aucune cible (non traduite).</translation>
    </message>
    <message>
        <source>unit {id}: {reason}</source>
        <translation>unité {id}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>No {lang} term.</source>
        <translation>Aucun terme en {lang}.</translation>
    </message>
    <message>
        <source>No {lang} term (other languages: {others}).</source>
        <translation>Aucun terme en {lang} (autres langues&#xa0;: {others}).</translation>
    </message>
    <message>
        <source>TBX version {version} is not one Tandem writes (use 2 or 3).</source>
        <translation>Tandem n’écrit pas la version {version} de TBX (utilisez 2 ou 3).</translation>
    </message>
    <message>
        <source>No {lang} text.</source>
        <translation>Aucun texte en {lang}.</translation>
    </message>
    <message>
        <source>No {lang} text (other languages: {others}).</source>
        <translation>Aucun texte en {lang} (autres langues&#xa0;: {others}).</translation>
    </message>
    <message>
        <source>unit {id}: the {code} text was set aside (not English or French).</source>
        <translation>unité {id}&#xa0;: le texte {code} a été mis de côté (ni anglais ni français).</translation>
    </message>
    <message>
        <source>unit {id}: the {codes} {lang} text was set aside; the {kept} one was kept.</source>
        <translation>unité {id}&#xa0;: le texte {codes} ({lang}) a été mis de côté; celui en {kept} a été gardé.</translation>
    </message>
    <message>
        <source>{en} / {fr} is already mapped on an earlier line.</source>
        <translation>{en} / {fr} est déjà associé sur une ligne précédente.</translation>
    </message>
    <message>
        <source>The {what} file nests elements more than {depth} levels deep (line {line}); it is not a {what} file Tandem can read.</source>
        <translation>Le fichier {what} imbrique des éléments sur plus de {depth} niveaux (ligne {line}); Tandem ne peut pas le lire comme fichier {what}.</translation>
    </message>
    <message>
        <source>This is not a {what} file (its root element is &lt;{root}&gt;).</source>
        <translation>Ce n’est pas un fichier {what} (son élément racine est &lt;{root}&gt;).</translation>
    </message>
    <message>
        <source>The {what} file is empty.</source>
        <translation>Le fichier {what} est vide.</translation>
    </message>
    <message>
        <source>The {what} file is not well-formed XML (line {line}): {reason}.</source>
        <translation>Le fichier {what} n’est pas du XML bien formé (ligne {line})&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>The file is damaged here ({reason}); nothing after this point was read.</source>
        <translation>Le fichier est endommagé à cet endroit ({reason}); rien n’a été lu après ce point.</translation>
    </message>
    <message>
        <source>A language code must be text, not {type}.</source>
        <translation>Un code de langue doit être du texte, pas {type}.</translation>
    </message>
    <message>
        <source>Language “{code}” is not English or French; Tandem works in English and French only.</source>
        <translation>La langue «&#xa0;{code}&#xa0;» n’est ni l’anglais ni le français; Tandem ne travaille qu’en anglais et en français.</translation>
    </message>
    <message>
        <source>A memory pair needs one English and one French text.</source>
        <translation>Une paire de mémoire doit avoir un texte anglais et un texte français.</translation>
    </message>
    <message>
        <source>The memory pair has an empty source text.</source>
        <translation>Le texte source de la paire de mémoire est vide.</translation>
    </message>
    <message>
        <source>The memory pair has an empty target text.</source>
        <translation>Le texte cible de la paire de mémoire est vide.</translation>
    </message>
    <message>
        <source>A memory look-up needs two different languages.</source>
        <translation>Une recherche dans la mémoire demande deux langues différentes.</translation>
    </message>
    <message>
        <source>Unknown mapping kind “{kind}”; use handle, hashtag or url.</source>
        <translation>Type de correspondance inconnu «&#xa0;{kind}&#xa0;»; utilisez handle, hashtag ou url.</translation>
    </message>
    <message>
        <source>“{value}” is not a web address.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une adresse web.</translation>
    </message>
    <message>
        <source>“{value}” is not a valid handle.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un nom de compte valide.</translation>
    </message>
    <message>
        <source>“{value}” is not a valid hashtag.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un mot-clic valide.</translation>
    </message>
    <message>
        <source>A term needs both an English and a French name.</source>
        <translation>Un terme doit avoir un nom anglais et un nom français.</translation>
    </message>
    <message>
        <source>Unknown term status “{status}” (use {known}).</source>
        <translation>Statut de terme inconnu «&#xa0;{status}&#xa0;» (utilisez {known}).</translation>
    </message>
    <message>
        <source>A translation check needs two different languages.</source>
        <translation>Une vérification de traduction demande deux langues différentes.</translation>
    </message>
    <message>
        <source>terminology</source>
        <translation>de terminologie</translation>
    </message>
    <message>
        <source>mapping CSV</source>
        <translation>CSV de correspondances</translation>
    </message>
    <message>
        <source>pairs</source>
        <translation>de paires</translation>
    </message>
    <message>
        <source>translation memory</source>
        <translation>mémoire de traduction</translation>
    </message>
    <message>
        <source>mappings</source>
        <translation>correspondances</translation>
    </message>
    <message>
        <source>{user} cannot {action}: that needs {needs}. An administrator can grant it.</source>
        <translation>{user} ne peut pas {action}&#xa0;: il faut {needs}. Un administrateur peut l’accorder.</translation>
    </message>
    <message>
        <source>{user}&apos;s {role} role is granted by the IT policy; only IT can remove it.</source>
        <translation>Le rôle {role} de {user} est accordé par la politique des TI; seules les TI peuvent le retirer.</translation>
    </message>
    <message>
        <source>{user} does not have the {role} role.</source>
        <translation>{user} n’a pas le rôle {role}.</translation>
    </message>
    <message>
        <source>{user} is the last administrator of this store; make someone else an administrator first.</source>
        <translation>{user} est le dernier administrateur de cette base; nommez d’abord quelqu’un d’autre administrateur.</translation>
    </message>
    <message>
        <source>“{user}” is not a valid user name.</source>
        <translation>«&#xa0;{user}&#xa0;» n’est pas un nom d’utilisateur valide.</translation>
    </message>
    <message>
        <source>Approver roles name the approval step they act on: approver:&lt;step id&gt;, for example approver:program (the approval chain lists the step ids).</source>
        <translation>Les rôles d’approbateur nomment l’étape d’approbation visée&#xa0;: approver:&lt;identifiant d’étape&gt;, par exemple approver:program (la chaîne d’approbation donne les identifiants des étapes).</translation>
    </message>
    <message>
        <source>{user} cannot approve post {post}: they wrote part of it, and no one approves their own post.</source>
        <translation>{user} ne peut pas approuver la publication {post}&#xa0;: cette personne en a rédigé une partie, et personne n’approuve sa propre publication.</translation>
    </message>
    <message>
        <source>Post {post} changed since it entered approval; it must be reviewed again.</source>
        <translation>La publication {post} a changé depuis son entrée en approbation; elle doit être révisée de nouveau.</translation>
    </message>
    <message>
        <source>Step {step} does not apply to {post_type} posts.</source>
        <translation>L’étape {step} ne s’applique pas aux publications de type {post_type}.</translation>
    </message>
    <message>
        <source>Step {step} of post {post} has already passed.</source>
        <translation>L’étape {step} de la publication {post} est déjà franchie.</translation>
    </message>
    <message>
        <source>Step {step} of post {post} waits for: {pending}.</source>
        <translation>L’étape {step} de la publication {post} attend&#xa0;: {pending}.</translation>
    </message>
    <message>
        <source>You already approved post {post} at step {step}.</source>
        <translation>Vous avez déjà approuvé la publication {post} à l’étape {step}.</translation>
    </message>
    <message>
        <source>You already approved post {post} at every step you can act on now.</source>
        <translation>Vous avez déjà approuvé la publication {post} à toutes les étapes où vous pouvez agir maintenant.</translation>
    </message>
    <message>
        <source>You can approve several steps of post {post}; choose one: {steps}.</source>
        <translation>Vous pouvez approuver plusieurs étapes de la publication {post}; choisissez-en une&#xa0;: {steps}.</translation>
    </message>
    <message>
        <source>Post {post} has no {lang} text to review.</source>
        <translation>La publication {post} n’a pas de texte en {lang} à réviser.</translation>
    </message>
    <message>
        <source>The {lang} text of post {post} changed since you opened it (it is now v{seq}); review the new version.</source>
        <translation>Le texte en {lang} de la publication {post} a changé depuis que vous l’avez ouvert (c’est maintenant la v{seq}); révisez la nouvelle version.</translation>
    </message>
    <message>
        <source>The {lang} v{seq} of post {post} was already signed off by {reviewer} at {at}; a change needs a new version.</source>
        <translation>La v{seq} en {lang} de la publication {post} a déjà été validée par {reviewer} le {at}; un changement demande une nouvelle version.</translation>
    </message>
    <message>
        <source>The {lang} v{seq} of post {post} was already sent back by {reviewer} at {at}; a change needs a new version.</source>
        <translation>La v{seq} en {lang} de la publication {post} a déjà été renvoyée par {reviewer} le {at}; un changement demande une nouvelle version.</translation>
    </message>
    <message>
        <source>Post {post} is a draft: both languages need text before review.</source>
        <translation>La publication {post} est une ébauche&#xa0;: les deux langues doivent avoir un texte avant la révision.</translation>
    </message>
    <message>
        <source>Sending a version back needs a comment saying what to fix.</source>
        <translation>Pour renvoyer une version, ajoutez un commentaire qui dit quoi corriger.</translation>
    </message>
    <message>
        <source>Title refused: keep it under 200 characters.</source>
        <translation>Titre refusé&#xa0;: gardez-le sous 200 caractères.</translation>
    </message>
    <message>
        <source>Title refused: it must have 1 to 200 characters.</source>
        <translation>Titre refusé&#xa0;: il doit compter de 1 à 200 caractères.</translation>
    </message>
    <message>
        <source>Version {version} does not belong to post {post}.</source>
        <translation>La version {version} n’appartient pas à la publication {post}.</translation>
    </message>
    <message>
        <source>Text refused: {problems}</source>
        <translation>Texte refusé&#xa0;: {problems}</translation>
    </message>
    <message>
        <source>Text is {length} characters long; Tandem keeps posts up to {limit} characters.</source>
        <translation>Le texte compte {length} caractères; Tandem garde les publications jusqu’à {limit} caractères.</translation>
    </message>
    <message>
        <source>Invalid UTF-8 (undecodable byte) at character {at}.</source>
        <translation>UTF-8 invalide (octet indécodable) au caractère {at}.</translation>
    </message>
    <message>
        <source>NUL character at position {at}.</source>
        <translation>Caractère NUL à la position {at}.</translation>
    </message>
    <message>
        <source>Text-direction control {char} at position {at} could make the post read differently from what was approved.</source>
        <translation>Le caractère de contrôle de direction {char} à la position {at} pourrait faire lire la publication autrement que ce qui a été approuvé.</translation>
    </message>
    <message>
        <source>Unicode noncharacter {char} at position {at}.</source>
        <translation>Non-caractère Unicode {char} à la position {at}.</translation>
    </message>
    <message>
        <source>More than {limit} combining marks on one character at position {at}: they pile up over the lines around it.</source>
        <translation>Plus de {limit} signes diacritiques combinés sur un caractère à la position {at}&#xa0;: ils débordent sur les lignes voisines.</translation>
    </message>
    <message>
        <source>Invisible character {char} at position {at}: it would be published without anyone having seen it.</source>
        <translation>Caractère invisible {char} à la position {at}&#xa0;: il serait publié sans que personne l’ait vu.</translation>
    </message>
    <message>
        <source>The {lang} text of post {post} was saved by {author} (v{seq}) since you opened it; your text was not saved over it.</source>
        <translation>Le texte en {lang} de la publication {post} a été enregistré par {author} (v{seq}) depuis que vous l’avez ouvert; votre texte ne l’a pas remplacé.</translation>
    </message>
    <message>
        <source>Control character {char} at position {at}.</source>
        <translation>Caractère de contrôle {char} à la position {at}.</translation>
    </message>
    <message>
        <source>X refuses the character {char}.</source>
        <translation>X refuse le caractère {char}.</translation>
    </message>
    <message>
        <source>The English post has {en} part(s) and the French post {fr}: a thread needs the same number of parts in both languages.</source>
        <translation>La publication anglaise compte {en} partie(s) et la française {fr}&#xa0;: un fil doit compter autant de parties dans les deux langues.</translation>
    </message>
    <message>
        <source>A single word is too long for one post: {word}…</source>
        <translation>Un seul mot est trop long pour une publication&#xa0;: {word}…</translation>
    </message>
    <message>
        <source>There is no text to split.</source>
        <translation>Il n’y a pas de texte à découper.</translation>
    </message>
    <message>
        <source>This text needs more than {limit} parts; shorten it.</source>
        <translation>Ce texte demande plus de {limit} parties; raccourcissez-le.</translation>
    </message>
    <message>
        <source>This setting is locked by the IT policy ({key}).</source>
        <translation>Ce paramètre est imposé par la politique des TI ({key}).</translation>
    </message>
    <message>
        <source>The IT policy {source} is not a valid TOML file ({error}). Ask IT.</source>
        <translation>La politique des TI {source} n’est pas un fichier TOML valide ({error}). Adressez-vous aux TI.</translation>
    </message>
    <message>
        <source>The IT policy {source} holds what looks like a secret ({key}). Secrets never go in the IT policy: each user keeps them in their own keyring. Ask IT.</source>
        <translation>La politique des TI {source} contient ce qui ressemble à un secret ({key}). Les secrets ne vont jamais dans la politique des TI&#xa0;: chaque personne les garde dans son propre trousseau. Adressez-vous aux TI.</translation>
    </message>
    <message>
        <source>The IT policy {source} has an unknown setting ({key}). Ask IT.</source>
        <translation>La politique des TI {source} contient un paramètre inconnu ({key}). Adressez-vous aux TI.</translation>
    </message>
    <message>
        <source>The IT policy {source} has an invalid setting ({key}). Ask IT. Details: {detail}</source>
        <translation>La politique des TI {source} contient un paramètre invalide ({key}). Adressez-vous aux TI. Détails (en anglais)&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>The IT policy {source} cannot be read ({error}). Ask IT.</source>
        <translation>La politique des TI {source} ne peut pas être lue ({error}). Adressez-vous aux TI.</translation>
    </message>
    <message>
        <source>{store} is managed by the IT policy {recorded}, which is not in force here: Tandem does not open it without its policy. Restore the policy file, or ask IT.</source>
        <translation>{store} est gérée par la politique des TI {recorded}, qui n’est pas en vigueur ici&#xa0;: Tandem ne l’ouvre pas sans sa politique. Rétablissez le fichier de politique, ou adressez-vous aux TI.</translation>
    </message>
    <message>
        <source>{store} is managed by the IT policy {recorded}, but the policy in force here is {current}: Tandem does not open it under another policy. Ask IT.</source>
        <translation>{store} est gérée par la politique des TI {recorded}, mais la politique en vigueur ici est {current}&#xa0;: Tandem ne l’ouvre pas sous une autre politique. Adressez-vous aux TI.</translation>
    </message>
    <message>
        <source>{user} holds no Tandem role in the team store {url}; ask an administrator to grant one.</source>
        <translation>{user} n’a aucun rôle Tandem dans la base d’équipe {url}; demandez à un administrateur de vous en accorder un.</translation>
    </message>
    <message>
        <source>{url} holds no Tandem team store yet; ask IT, who create it.</source>
        <translation>{url} ne contient pas encore de base d’équipe Tandem; adressez-vous aux TI, qui la créent.</translation>
    </message>
    <message>
        <source>{url} needs a schema upgrade ({schema} → {known}) that only its owner ({owner}) may run. Ask IT.</source>
        <translation>{url} doit passer à un nouveau schéma ({schema} → {known}), ce que seul son propriétaire ({owner}) peut faire. Adressez-vous aux TI.</translation>
    </message>
    <message>
        <source>{url} is not a valid team store address. Ask IT.</source>
        <translation>{url} n’est pas une adresse de base d’équipe valide. Adressez-vous aux TI.</translation>
    </message>
    <message>
        <source>The team server {host} is not on this computer, so Tandem connects to it only over verified TLS, which this address does not ask for. Ask IT.</source>
        <translation>Le serveur d’équipe {host} n’est pas sur cet ordinateur&#xa0;: Tandem ne s’y connecte qu’en TLS vérifié, ce que cette adresse ne demande pas. Adressez-vous aux TI.</translation>
    </message>
    <message>
        <source>The team server refused: {error}.</source>
        <translation>Le serveur d’équipe a refusé&#xa0;: {error}.</translation>
    </message>
    <message>
        <source>The team store {url} cannot be reached: {error}</source>
        <translation>La base d’équipe {url} est injoignable&#xa0;: {error}</translation>
    </message>
    <message>
        <source>The team store {url} refused the change: {error}</source>
        <translation>La base d’équipe {url} a refusé la modification&#xa0;: {error}</translation>
    </message>
    <message>
        <source>The team store {url} now signs you in as {login}, not as {was}; restart Tandem.</source>
        <translation>La base de données d’équipe {url} vous connecte maintenant en tant que {login}, et non plus {was}&#xa0;; redémarrez Tandem.</translation>
    </message>
    <message>
        <source>An account in the IT policy {source} holds what looks like a secret ({key}). Secrets never go in the IT policy. Ask IT.</source>
        <translation>Un compte de la politique des TI {source} contient ce qui ressemble à un secret ({key}). Les secrets ne vont jamais dans la politique des TI. Adressez-vous aux TI.</translation>
    </message>
    <message>
        <source>{en} or {fr} is already mapped; remove that pair first.</source>
        <translation>{en} ou {fr} a déjà une correspondance; retirez d’abord cette paire.</translation>
    </message>
    <message>
        <source>{en} / {fr}: one of them is already mapped to something else.</source>
        <translation>{en} / {fr}&#xa0;: l’un des deux a déjà une autre correspondance.</translation>
    </message>
    <message>
        <source>No mapping has {en}.</source>
        <translation>Aucune correspondance n’a {en}.</translation>
    </message>
    <message>
        <source>Post {post} has no {lang} text to translate yet; write it first.</source>
        <translation>La publication {post} n’a pas encore de texte en {lang} à traduire; rédigez-le d’abord.</translation>
    </message>
    <message>
        <source>The {lang} text of post {post} changed since this suggestion was made; ask for a new suggestion.</source>
        <translation>Le texte en {lang} de la publication {post} a changé depuis cette suggestion; demandez-en une nouvelle.</translation>
    </message>
    <message>
        <source>Post {post} has no {lang} text yet; quality checks compare the English and French versions.</source>
        <translation>La publication {post} n’a pas encore de texte en {lang}; les vérifications comparent les versions anglaise et française.</translation>
    </message>
    <message>
        <source>This finding has no automatic fix; edit the text.</source>
        <translation>Ce constat n’a pas de correction automatique; modifiez le texte.</translation>
    </message>
    <message>
        <source>The {lang} text of post {post} changed since the checks ran; run them again.</source>
        <translation>Le texte en {lang} de la publication {post} a changé depuis les vérifications; relancez-les.</translation>
    </message>
    <message>
        <source>Post {post} has no {lang} text to translate.</source>
        <translation>La publication {post} n’a pas de texte en {lang} à traduire.</translation>
    </message>
    <message>
        <source>The file names a {lang} version of post {post} that Tandem does not have: it was not exported from this store. Export the post again.</source>
        <translation>Le fichier nomme une version en {lang} de la publication {post} que Tandem n’a pas&#xa0;: il n’a pas été exporté de cette base. Exportez de nouveau la publication.</translation>
    </message>
    <message>
        <source>The file does not match the {lang} v{seq} of post {post} it names: it was altered after export. Export the post again.</source>
        <translation>Le fichier ne correspond pas à la v{seq} en {lang} de la publication {post} qu’il nomme&#xa0;: il a été modifié après l’exportation. Exportez de nouveau la publication.</translation>
    </message>
    <message>
        <source>The {lang} text of post {post} changed since this file was exported (the file translates v{seq}). Export the post again and translate the current text.</source>
        <translation>Le texte en {lang} de la publication {post} a changé depuis l’exportation de ce fichier (le fichier traduit la v{seq}). Exportez de nouveau la publication et traduisez le texte actuel.</translation>
    </message>
    <message>
        <source>The {lang} text of post {post} changed since this file was exported (it is now v{seq}): importing it would replace the newer text. Export the post again, or copy the translation into the current text by hand.</source>
        <translation>Le texte en {lang} de la publication {post} a changé depuis l’exportation de ce fichier (c’est maintenant la v{seq})&#xa0;: l’importer remplacerait le texte plus récent. Exportez de nouveau la publication, ou copiez la traduction à la main dans le texte actuel.</translation>
    </message>
    <message>
        <source>There is no approval step {step}. Steps: {steps}.</source>
        <translation>Il n’y a pas d’étape d’approbation {step}. Étapes&#xa0;: {steps}.</translation>
    </message>
    <message>
        <source>The approval chain is larger than {limit} KB.</source>
        <translation>La chaîne d’approbation dépasse {limit} Ko.</translation>
    </message>
    <message>
        <source>The approval chain is not valid {format}: {error}</source>
        <translation>La chaîne d’approbation n’est pas du {format} valide&#xa0;: {error}</translation>
    </message>
    <message>
        <source>The system did not say which account runs Tandem, so Tandem cannot say who is acting. Ask IT.</source>
        <translation>Le système n’a pas indiqué quel compte exécute Tandem; Tandem ne peut donc pas dire qui agit. Adressez-vous aux TI.</translation>
    </message>
    <message>
        <source>{variable} is set, but the IT policy ({source}) forbids acting as another user.</source>
        <translation>{variable} est défini, mais la politique des TI ({source}) interdit d’agir au nom d’une autre personne.</translation>
    </message>
    <message>
        <source>{variable}={user} is not a valid user name.</source>
        <translation>{variable}={user} n’est pas un nom d’utilisateur valide.</translation>
    </message>
    <message>
        <source>{user} has no registered signing key, and the IT policy requires every sign-off and approval to be signed. Create a signing key on this computer and ask an administrator to register its public key.</source>
        <translation>{user} n’a pas de clé de signature enregistrée, et la politique des TI exige que chaque validation et chaque approbation soient signées. Créez une clé de signature sur cet ordinateur et demandez à un administrateur d’enregistrer sa clé publique.</translation>
    </message>
    <message>
        <source>{user}&apos;s decisions are signed (key {key} is registered), but this computer&apos;s keyring holds no signing key for {user}. Decide on the computer that holds the key, or create a new key here and ask an administrator to register it.</source>
        <translation>Les décisions de {user} sont signées (la clé {key} est enregistrée), mais le trousseau de cet ordinateur ne contient aucune clé de signature pour {user}. Décidez sur l’ordinateur qui détient la clé, ou créez une nouvelle clé ici et demandez à un administrateur de l’enregistrer.</translation>
    </message>
    <message>
        <source>The signing key in this computer&apos;s keyring ({key}) is not the key registered for {user} ({registered}); ask an administrator to register it.</source>
        <translation>La clé de signature du trousseau de cet ordinateur ({key}) n’est pas celle enregistrée pour {user} ({registered}); demandez à un administrateur de l’enregistrer.</translation>
    </message>
    <message>
        <source>{path} is being created or upgraded by another Tandem window or process; try again in a minute.</source>
        <translation>{path} est en cours de création ou de mise à niveau par une autre fenêtre ou un autre processus Tandem; réessayez dans une minute.</translation>
    </message>
    <message>
        <source>There is no post {post}.</source>
        <translation>Il n’y a pas de publication {post}.</translation>
    </message>
    <message>
        <source>There is no version {version}.</source>
        <translation>Il n’y a pas de version {version}.</translation>
    </message>
    <message>
        <source>There is no publication {publication}.</source>
        <translation>Il n’y a pas de diffusion {publication}.</translation>
    </message>
    <message>
        <source>There is no outbox entry {entry}.</source>
        <translation>Il n’y a pas d’envoi {entry} dans la file d’envoi.</translation>
    </message>
    <message>
        <source>{value} is not a date; use for example 2025-01-31.</source>
        <translation>{value} n’est pas une date; utilisez par exemple 2025-01-31.</translation>
    </message>
    <message>
        <source>Unknown record format {format}; use one of {formats}.</source>
        <translation>Format de dossier inconnu {format}; utilisez l’un de ceux-ci&#xa0;: {formats}.</translation>
    </message>
    <message>
        <source>A dictionary entry is one word of at most 100 characters, with a letter in it.</source>
        <translation>Une entrée du dictionnaire est un seul mot d’au plus 100 caractères, qui contient une lettre.</translation>
    </message>
    <message>
        <source>Unknown role {role}. Roles: author, translator, publisher, admin, approver:&lt;step id&gt;.</source>
        <translation>Rôle inconnu {role}. Rôles&#xa0;: author, translator, publisher, admin, approver:&lt;identifiant d’étape&gt;.</translation>
    </message>
    <message>
        <source>Someone decided this in another window a moment ago; refresh and look again.</source>
        <translation>Quelqu’un vient de trancher dans une autre fenêtre; actualisez et regardez de nouveau.</translation>
    </message>
    <message>
        <source>Another Tandem window or process changed this publication a moment ago; refresh and look again.</source>
        <translation>Une autre fenêtre ou un autre processus Tandem vient de modifier cette diffusion; actualisez et regardez de nouveau.</translation>
    </message>
    <message>
        <source>This file is not a PNG, JPEG, WebP or GIF image, whatever its name. Export it as one of those formats.</source>
        <translation>Ce fichier n’est pas une image PNG, JPEG, WebP ou GIF, quel que soit son nom. Exportez-le dans l’un de ces formats.</translation>
    </message>
    <message>
        <source>The file is {size} MB; Tandem accepts images up to {limit} MB.</source>
        <translation>Le fichier fait {size} Mo; Tandem accepte les images jusqu’à {limit} Mo.</translation>
    </message>
    <message>
        <source>The {format} file cannot be read: it is damaged or not really an image ({error}).</source>
        <translation>Le fichier {format} ne peut pas être lu&#xa0;: il est endommagé ou n’est pas vraiment une image ({error}).</translation>
    </message>
    <message>
        <source>The file starts like {format} but decodes as {decoded}; refused.</source>
        <translation>Le fichier commence comme du {format}, mais se décode comme du {decoded}; refusé.</translation>
    </message>
    <message>
        <source>The image is too large to open safely: Tandem refuses images over {limit} megapixels. Scale it down first.</source>
        <translation>L’image est trop grande pour être ouverte sans risque&#xa0;: Tandem refuse les images de plus de {limit} mégapixels. Réduisez-la d’abord.</translation>
    </message>
    <message>
        <source>The {format} file is truncated or damaged and cannot be decoded ({error}). Export it again.</source>
        <translation>Le fichier {format} est tronqué ou endommagé et ne peut pas être décodé ({error}). Exportez-le de nouveau.</translation>
    </message>
    <message>
        <source>Could not bring the image under {limit} bytes.</source>
        <translation>Impossible de ramener l’image sous {limit} octets.</translation>
    </message>
    <message>
        <source>The {lang} alt text is required: describe the image for people who cannot see it.</source>
        <translation>Le texte de remplacement en {lang} est obligatoire&#xa0;: décrivez l’image pour les personnes qui ne la voient pas.</translation>
    </message>
    <message>
        <source>The {lang} alt text is {length} characters; keep it under {limit} (X&apos;s limit).</source>
        <translation>Le texte de remplacement en {lang} compte {length} caractères; restez sous {limit} (la limite de X).</translation>
    </message>
    <message>
        <source>The image {sha}… is missing from this store.</source>
        <translation>L’image {sha}… manque dans cette base.</translation>
    </message>
    <message>
        <source>Post {post} has {count} image(s); there is no image {number}.</source>
        <translation>La publication {post} a {count} image(s); il n’y a pas d’image {number}.</translation>
    </message>
    <message>
        <source>The {lang} post already has {limit} images, the most every network accepts.</source>
        <translation>La publication en {lang} a déjà {limit} images, le maximum que tous les réseaux acceptent.</translation>
    </message>
    <message>
        <source>Image {number} is shown in {lang} only.</source>
        <translation>L’image {number} ne paraît qu’en {lang}.</translation>
    </message>
    <message>
        <source>The database location is locked by the IT policy ({source}) to {path}.</source>
        <translation>L’emplacement de la base de données est imposé par la politique des TI ({source})&#xa0;: {path}.</translation>
    </message>
    <message>
        <source>The team database is locked by the IT policy ({source}) to {url}.</source>
        <translation>La base de données d’équipe est imposée par la politique des TI ({source})&#xa0;: {url}.</translation>
    </message>
    <message>
        <source>Post {post} ({state}) cannot {event} now.</source>
        <translation>La publication {post} ({state}) ne peut pas {event} maintenant.</translation>
    </message>
    <message>
        <source>Post {post} ({state}) cannot become {to} this way.</source>
        <translation>La publication {post} ({state}) ne peut pas passer à l’état {to} de cette façon.</translation>
    </message>
    <message>
        <source>The database {path} cannot be read (permission denied).</source>
        <translation>La base de données {path} ne peut pas être lue (permission refusée).</translation>
    </message>
    <message>
        <source>Cannot create the folder for {path}: {error}.</source>
        <translation>Impossible de créer le dossier de {path}&#xa0;: {error}.</translation>
    </message>
    <message>
        <source>Cannot create {path}: its folder is not writable.</source>
        <translation>Impossible de créer {path}&#xa0;: son dossier n’est pas accessible en écriture.</translation>
    </message>
    <message>
        <source>{path} is not a usable Tandem database ({error}). Nothing was changed; restore it from a backup or ask IT which file to use.</source>
        <translation>{path} n’est pas une base de données Tandem utilisable ({error}). Rien n’a été modifié; restaurez-la à partir d’une sauvegarde ou demandez aux TI quel fichier utiliser.</translation>
    </message>
    <message>
        <source>{path} was written by a newer Tandem (schema {schema}; this version knows up to {known}). Upgrade Tandem; the file was not touched.</source>
        <translation>{path} a été écrit par une version plus récente de Tandem (schéma {schema}; cette version connaît jusqu’au schéma {known}). Mettez Tandem à jour; le fichier n’a pas été modifié.</translation>
    </message>
    <message>
        <source>{path} needs a schema upgrade but is read-only. Make it writable and retry.</source>
        <translation>{path} doit passer à un nouveau schéma, mais il est en lecture seule. Rendez-le accessible en écriture, puis réessayez.</translation>
    </message>
    <message>
        <source>Post {post} cannot be archived while it is being published or scheduled ({state}): cancel the schedule first.</source>
        <translation>La publication {post} ne peut pas être archivée pendant qu’elle est en cours de publication ou planifiée ({state})&#xa0;: annulez d’abord la planification.</translation>
    </message>
    <message>
        <source>Post {post} was deleted.</source>
        <translation>La publication {post} a été supprimée.</translation>
    </message>
    <message>
        <source>Post {post} is not a draft ({state}): only a draft nobody has reviewed can be deleted. Archive it instead.</source>
        <translation>La publication {post} n’est pas une ébauche ({state})&#xa0;: seule une ébauche que personne n’a révisée peut être supprimée. Archivez-la plutôt.</translation>
    </message>
    <message>
        <source>Post {post} has been reviewed: its review stays on record. Archive it instead.</source>
        <translation>La publication {post} a été révisée&#xa0;: sa révision reste consignée. Archivez-la plutôt.</translation>
    </message>
    <message>
        <source>Post {post} was not published; nothing was sent: {problems}.</source>
        <translation>La publication {post} n’a pas été publiée; rien n’a été envoyé&#xa0;: {problems}.</translation>
    </message>
    <message>
        <source>{user} does not hold the publisher role (an administrator can grant it)</source>
        <translation>{user} n’a pas le rôle de responsable de la publication (un administrateur peut l’accorder)</translation>
    </message>
    <message>
        <source>{at} is not in the future: publish now instead, or choose a later time.</source>
        <translation>{at} n’est pas dans le futur&#xa0;: publiez maintenant, ou choisissez une heure plus tardive.</translation>
    </message>
    <message>
        <source>Post {post} ({state}) cannot be retried: only a post published in one language only, or whose publishing was interrupted, can be.</source>
        <translation>La publication {post} ({state}) ne peut pas être relancée&#xa0;: seule une publication parue dans une seule langue, ou dont la publication a été interrompue, peut l’être.</translation>
    </message>
    <message>
        <source>Post {post} ({state}) has no language to retract: only a post published in one language only has one.</source>
        <translation>La publication {post} ({state}) n’a pas de langue à retirer&#xa0;: seule une publication parue dans une seule langue en a une.</translation>
    </message>
    <message>
        <source>Post {post} is being published by another Tandem window or process; try again when it is done.</source>
        <translation>La publication {post} est en cours de publication par une autre fenêtre ou un autre processus Tandem; réessayez quand ce sera terminé.</translation>
    </message>
    <message>
        <source>Post {post} is already published; a post is never sent twice.</source>
        <translation>La publication {post} est déjà publiée&#xa0;; une publication n’est jamais envoyée deux fois.</translation>
    </message>
    <message>
        <source>The {lang} of post {post} is not out alone anywhere.</source>
        <translation>Le texte en {lang} de la publication {post} n’est publié seul nulle part.</translation>
    </message>
    <message>
        <source>The {lang} post on {account} was handed off: Tandem cannot retract it; ask the receiving system.</source>
        <translation>La publication en {lang} sur {account} a été transmise à un autre système&#xa0;: Tandem ne peut pas la retirer; adressez-vous au système destinataire.</translation>
    </message>
    <message>
        <source>Post {post} changed while it was being checked; nothing was sent. Check it again.</source>
        <translation>La publication {post} a changé pendant sa vérification; rien n’a été envoyé. Vérifiez-la de nouveau.</translation>
    </message>
    <message>
        <source>Another Tandem window or process took over this publication; this one stops sending.</source>
        <translation>Une autre fenêtre ou un autre processus Tandem a repris cette publication; celle-ci cesse d’envoyer.</translation>
    </message>
    <message>
        <source>The {lang} post on {account} cannot change state that way.</source>
        <translation>La publication en {lang} sur {account} ne peut pas changer d’état de cette façon.</translation>
    </message>
    <message>
        <source>The {lang} post on {account} no longer matches the text recorded before sending: it was not sent.</source>
        <translation>La publication en {lang} sur {account} ne correspond plus au texte enregistré avant l’envoi&#xa0;: elle n’a pas été envoyée.</translation>
    </message>
    <message>
        <source>post {post} is at the stage “{state}”: only approved posts are published</source>
        <translation>la publication {post} est à l’étape «&#xa0;{state}&#xa0;»&#xa0;: seules les publications approuvées sont publiées</translation>
    </message>
    <message>
        <source>the target account {account} was removed: choose the targets again</source>
        <translation>le compte cible {account} a été retiré&#xa0;: choisissez de nouveau les cibles</translation>
    </message>
    <message>
        <source>{account} ({channel}): {problem}</source>
        <translation>{account} ({channel})&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>the {lang} text is too long ({used}/{limit} {unit})</source>
        <translation>le texte en {lang} est trop long ({used}/{limit} {unit})</translation>
    </message>
    <message>
        <source>the {lang} text: {problem}</source>
        <translation>le texte en {lang}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>the {lang} text has no official version</source>
        <translation>le texte en {lang} n’a pas de version officielle</translation>
    </message>
    <message>
        <source>the {lang} text has no official version (v{seq} is not signed off)</source>
        <translation>le texte en {lang} n’a pas de version officielle (la v{seq} n’est pas validée)</translation>
    </message>
    <message>
        <source>the {lang} text of v{seq} no longer matches the fingerprint it was signed off with (altered in the database)</source>
        <translation>le texte en {lang} de la v{seq} ne correspond plus à l’empreinte validée (modifié dans la base de données)</translation>
    </message>
    <message>
        <source>the {lang} sign-off does not match v{seq}</source>
        <translation>la validation du texte en {lang} ne correspond pas à la v{seq}</translation>
    </message>
    <message>
        <source>the approval chain is not complete</source>
        <translation>la chaîne d’approbation n’est pas terminée</translation>
    </message>
    <message>
        <source>the approval chain is not complete (waiting for {waiting})</source>
        <translation>la chaîne d’approbation n’est pas terminée (en attente de {waiting})</translation>
    </message>
    <message>
        <source>the {lang} post has {images} images; this network takes at most {limit}</source>
        <translation>la publication en {lang} compte {images} images; ce réseau en accepte au plus {limit}</translation>
    </message>
    <message>
        <source>the approvals were given on other versions than the official ones</source>
        <translation>les approbations portent sur d’autres versions que les versions officielles</translation>
    </message>
    <message>
        <source>{approver}&apos;s approval at step {step} does not match the official texts</source>
        <translation>l’approbation de {approver} à l’étape {step} ne correspond pas aux textes officiels</translation>
    </message>
    <message>
        <source>the {lang} post on {account} was recorded for other versions than the official ones</source>
        <translation>la publication en {lang} sur {account} a été enregistrée pour d’autres versions que les versions officielles</translation>
    </message>
    <message>
        <source>on {channel}, {accounts} would post in {lang} only: add an account for the other language (or use one bilingual account instead)</source>
        <translation>sur {channel}, {accounts} publierait seulement en {lang}&#xa0;: ajoutez un compte pour l’autre langue (ou utilisez plutôt un seul compte bilingue)</translation>
    </message>
    <message>
        <source>post {post} has no targets and there are no default targets: choose its targets</source>
        <translation>la publication {post} n’a pas de cibles et il n’y a pas de cibles par défaut&#xa0;: choisissez ses cibles</translation>
    </message>
    <message>
        <source>Targets refused for post {post} — Tandem never publishes one language without the other: {problems}.</source>
        <translation>Cibles refusées pour la publication {post} — Tandem ne publie jamais une langue sans l’autre&#xa0;: {problems}.</translation>
    </message>
    <message>
        <source>Post {post} cannot be published to its targets: {problems}.</source>
        <translation>La publication {post} ne peut pas être publiée sur ses cibles&#xa0;: {problems}.</translation>
    </message>
    <message>
        <source>Post {post} targets removed account(s) {accounts}: choose its targets again.</source>
        <translation>La publication {post} vise des comptes retirés ({accounts})&#xa0;: choisissez de nouveau ses cibles.</translation>
    </message>
    <message>
        <source>Default targets refused — Tandem never publishes one language without the other: {problems}.</source>
        <translation>Cibles par défaut refusées — Tandem ne publie jamais une langue sans l’autre&#xa0;: {problems}.</translation>
    </message>
    <message>
        <source>the IT policy&apos;s default targets name {account}, which is not an account</source>
        <translation>les cibles par défaut de la politique des TI nomment {account}, qui n’est pas un compte</translation>
    </message>
    <message>
        <source>Post {post} ({state}): its targets can no longer change.</source>
        <translation>Publication {post} ({state})&#xa0;: ses cibles ne peuvent plus changer.</translation>
    </message>
    <message>
        <source>The account {account} is provisioned by the IT policy and cannot be removed.</source>
        <translation>Le compte {account} est fourni par la politique des TI et ne peut pas être retiré.</translation>
    </message>
    <message>
        <source>The account {account} is one of the IT policy&apos;s default targets.</source>
        <translation>Le compte {account} fait partie des cibles par défaut de la politique des TI.</translation>
    </message>
    <message>
        <source>The account {account} is a target of post(s) {posts}: change their targets first.</source>
        <translation>Le compte {account} est une cible des publications {posts}&#xa0;: changez d’abord leurs cibles.</translation>
    </message>
    <message>
        <source>The account {account} is one of your default targets: change them first.</source>
        <translation>Le compte {account} fait partie de vos cibles par défaut&#xa0;: changez-les d’abord.</translation>
    </message>
    <message>
        <source>There is no account {account}.</source>
        <translation>Il n’y a pas de compte {account}.</translation>
    </message>
    <message>
        <source>Unknown network {channel}: choose one of {choices}.</source>
        <translation>Réseau inconnu {channel}&#xa0;: choisissez parmi {choices}.</translation>
    </message>
    <message>
        <source>An account name is 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit (for example gc-bluesky-en).</source>
        <translation>Un nom de compte compte de 1 à 64 lettres, chiffres, points, traits d’union ou traits de soulignement, et commence par une lettre ou un chiffre (par exemple gc-bluesky-fr).</translation>
    </message>
    <message>
        <source>The service address contains spaces or control characters.</source>
        <translation>L’adresse du service contient des espaces ou des caractères de contrôle.</translation>
    </message>
    <message>
        <source>The service address is malformed (check the host and port).</source>
        <translation>L’adresse du service est mal formée (vérifiez l’hôte et le port).</translation>
    </message>
    <message>
        <source>The service address must not contain a user name or password: secrets are asked for separately and kept in the OS keyring.</source>
        <translation>L’adresse du service ne doit pas contenir de nom d’utilisateur ni de mot de passe&#xa0;: les secrets sont demandés à part et gardés dans le trousseau du système.</translation>
    </message>
    <message>
        <source>The service address {url} must start with https:// and name a host.</source>
        <translation>L’adresse du service {url} doit commencer par https:// et nommer un hôte.</translation>
    </message>
    <message>
        <source>The service address must not have a #fragment.</source>
        <translation>L’adresse du service ne doit pas avoir de #fragment.</translation>
    </message>
    <message>
        <source>A Bluesky account needs a handle: a domain handle such as canada.bsky.social, or a DID.</source>
        <translation>Un compte Bluesky a besoin d’un identifiant&#xa0;: un nom de domaine comme canada.bsky.social, ou un DID.</translation>
    </message>
    <message>
        <source>A Mastodon account needs a handle: a user name, optionally with its server (user or user@example.social).</source>
        <translation>Un compte Mastodon a besoin d’un identifiant&#xa0;: un nom d’utilisateur, avec son serveur au besoin (utilisateur ou utilisateur@exemple.social).</translation>
    </message>
    <message>
        <source>An X account needs a handle: 1 to 15 letters, digits or underscores.</source>
        <translation>Un compte X a besoin d’un identifiant&#xa0;: de 1 à 15 lettres, chiffres ou traits de soulignement.</translation>
    </message>
    <message>
        <source>A webhook needs a label without spaces (up to 200 characters).</source>
        <translation>Un webhook a besoin d’une étiquette sans espaces (jusqu’à 200 caractères).</translation>
    </message>
    <message>
        <source>{handle} is not a Bluesky handle: expected a domain handle such as canada.bsky.social, or a DID.</source>
        <translation>{handle} n’est pas un identifiant Bluesky&#xa0;: attendu un nom de domaine comme canada.bsky.social, ou un DID.</translation>
    </message>
    <message>
        <source>{handle} is not a Mastodon handle: expected a user name, optionally with its server (user or user@example.social).</source>
        <translation>{handle} n’est pas un identifiant Mastodon&#xa0;: attendu un nom d’utilisateur, avec son serveur au besoin (utilisateur ou utilisateur@exemple.social).</translation>
    </message>
    <message>
        <source>{handle} is not an X handle: expected 1 to 15 letters, digits or underscores.</source>
        <translation>{handle} n’est pas un identifiant X&#xa0;: attendu de 1 à 15 lettres, chiffres ou traits de soulignement.</translation>
    </message>
    <message>
        <source>{handle} is not a webhook label: expected a label without spaces (up to 200 characters).</source>
        <translation>{handle} n’est pas une étiquette de webhook&#xa0;: attendu une étiquette sans espaces (jusqu’à 200 caractères).</translation>
    </message>
    <message>
        <source>Unknown language {lang_given}: choose English, French or both.</source>
        <translation>Langue inconnue {lang_given}&#xa0;: choisissez anglais, français ou les deux.</translation>
    </message>
    <message>
        <source>Unknown order {order}: choose English first or French first.</source>
        <translation>Ordre inconnu {order}&#xa0;: choisissez l’anglais d’abord ou le français d’abord.</translation>
    </message>
    <message>
        <source>The language order and combining apply only to bilingual accounts.</source>
        <translation>L’ordre des langues et la combinaison ne s’appliquent qu’aux comptes bilingues.</translation>
    </message>
    <message>
        <source>A {channel} account needs its service address (its https:// URL).</source>
        <translation>Un compte {channel} a besoin de l’adresse de son service (son adresse https://).</translation>
    </message>
    <message>
        <source>An account named {account} already exists: choose another name, or remove that one first.</source>
        <translation>Un compte nommé {account} existe déjà&#xa0;: choisissez un autre nom, ou retirez d’abord celui-là.</translation>
    </message>
    <message>
        <source>No encrypted keyring is available ({keyring}), so secrets cannot be stored. Ask IT to set up the system keyring.</source>
        <translation>Aucun trousseau chiffré n’est disponible ({keyring}); les secrets ne peuvent pas être conservés. Demandez aux TI de configurer le trousseau du système.</translation>
    </message>
    <message>
        <source>The keyring ({keyring}) did not answer: {reason}. Unlock it, or ask IT.</source>
        <translation>Le trousseau ({keyring}) n’a pas répondu&#xa0;: {reason}. Déverrouillez-le, ou adressez-vous aux TI.</translation>
    </message>
    <message>
        <source>The secret is empty: nothing was stored.</source>
        <translation>Le secret est vide&#xa0;: rien n’a été conservé.</translation>
    </message>
    <message>
        <source>The secret is {length} characters long (more than {limit}): nothing was stored.</source>
        <translation>Le secret compte {length} caractères (plus de {limit})&#xa0;: rien n’a été conservé.</translation>
    </message>
    <message>
        <source>The secret contains a line break or another control character: give it on one line. Nothing was stored.</source>
        <translation>Le secret contient un saut de ligne ou un autre caractère de contrôle&#xa0;: saisissez-le sur une seule ligne. Rien n’a été conservé.</translation>
    </message>
    <message>
        <source>The keyring ({keyring}) has no secret for the account {account}: enter it in the account&apos;s settings.</source>
        <translation>Le trousseau ({keyring}) n’a pas de secret pour le compte {account}&#xa0;: saisissez-le dans les paramètres du compte.</translation>
    </message>
    <message>
        <source>no attempt was made</source>
        <translation>aucune tentative n’a été faite</translation>
    </message>
    <message>
        <source>{error} Enter valid credentials for the account {account} in its settings, then retry.</source>
        <translation>{error} Saisissez des identifiants valides pour le compte {account} dans ses paramètres, puis réessayez.</translation>
    </message>
    <message>
        <source>{error} (the limit lifts at {at} UTC)</source>
        <translation>{error} (la limite sera levée à {at} UTC)</translation>
    </message>
    <message>
        <source>Not sent: {cause}.</source>
        <translation>Non envoyé&#xa0;: {cause}.</translation>
    </message>
    <message>
        <source>the {lang} post on {account} failed first ({error})</source>
        <translation>la publication en {lang} sur {account} a échoué en premier ({error})</translation>
    </message>
    <message>
        <source>Unknown whether it went out: {error}</source>
        <translation>On ne sait pas si elle est partie&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Not sent: publishing was interrupted too long ago.</source>
        <translation>Non envoyé&#xa0;: la diffusion a été interrompue il y a trop longtemps.</translation>
    </message>
    <message>
        <source>Not posted late: publishing was interrupted more than {minutes} minutes ago.</source>
        <translation>Non publié en retard&#xa0;: la diffusion a été interrompue il y a plus de {minutes} minutes.</translation>
    </message>
    <message>
        <source>Withdrawn: the {lang} post it pairs with was retracted.</source>
        <translation>Retiré&#xa0;: la publication en {lang} qui l’accompagne a été retirée.</translation>
    </message>
    <message>
        <source>Withdrawn when the lone language was retracted.</source>
        <translation>Retiré lors du retrait de la langue publiée seule.</translation>
    </message>
    <message>
        <source>English and French</source>
        <translation>anglais et français</translation>
    </message>
    <message>
        <source>be edited</source>
        <translation>être modifiée</translation>
    </message>
    <message>
        <source>be signed off</source>
        <translation>être validée</translation>
    </message>
    <message>
        <source>have a version rejected</source>
        <translation>voir une version renvoyée</translation>
    </message>
    <message>
        <source>be approved</source>
        <translation>être approuvée</translation>
    </message>
    <message>
        <source>be re-evaluated</source>
        <translation>être réévaluée</translation>
    </message>
    <message>
        <source>be scheduled</source>
        <translation>être planifiée</translation>
    </message>
    <message>
        <source>be unscheduled</source>
        <translation>être retirée de la planification</translation>
    </message>
    <message>
        <source>be published</source>
        <translation>être publiée</translation>
    </message>
    <message>
        <source>be marked published</source>
        <translation>être marquée comme publiée</translation>
    </message>
    <message>
        <source>be marked half-published</source>
        <translation>être marquée comme publiée dans une seule langue</translation>
    </message>
    <message>
        <source>be marked failed</source>
        <translation>être marquée comme échouée</translation>
    </message>
    <message>
        <source>have a language retracted</source>
        <translation>voir une langue retirée</translation>
    </message>
    <message>
        <source>create posts</source>
        <translation>créer des publications</translation>
    </message>
    <message>
        <source>edit this post</source>
        <translation>modifier cette publication</translation>
    </message>
    <message>
        <source>restore a version of this post</source>
        <translation>rétablir une version de cette publication</translation>
    </message>
    <message>
        <source>delete this post</source>
        <translation>supprimer cette publication</translation>
    </message>
    <message>
        <source>archive this post</source>
        <translation>archiver cette publication</translation>
    </message>
    <message>
        <source>take this post out of the archive</source>
        <translation>sortir cette publication des archives</translation>
    </message>
    <message>
        <source>attach images to this post</source>
        <translation>joindre des images à cette publication</translation>
    </message>
    <message>
        <source>remove images from this post</source>
        <translation>retirer des images de cette publication</translation>
    </message>
    <message>
        <source>replace an image of this post</source>
        <translation>remplacer une image de cette publication</translation>
    </message>
    <message>
        <source>change an image description of this post</source>
        <translation>modifier la description d’une image de cette publication</translation>
    </message>
    <message>
        <source>sign off this version</source>
        <translation>valider cette version</translation>
    </message>
    <message>
        <source>send this version back</source>
        <translation>renvoyer cette version</translation>
    </message>
    <message>
        <source>approve this post</source>
        <translation>approuver cette publication</translation>
    </message>
    <message>
        <source>set the approval chain</source>
        <translation>définir la chaîne d’approbation</translation>
    </message>
    <message>
        <source>grant roles</source>
        <translation>accorder des rôles</translation>
    </message>
    <message>
        <source>revoke roles</source>
        <translation>retirer des rôles</translation>
    </message>
    <message>
        <source>publish this post</source>
        <translation>mettre cette publication en ligne</translation>
    </message>
    <message>
        <source>retry publishing this post</source>
        <translation>relancer la mise en ligne de cette publication</translation>
    </message>
    <message>
        <source>retract a language of this post</source>
        <translation>retirer une langue de cette publication</translation>
    </message>
    <message>
        <source>schedule this post</source>
        <translation>planifier cette publication</translation>
    </message>
    <message>
        <source>unschedule this post</source>
        <translation>retirer cette publication de la planification</translation>
    </message>
    <message>
        <source>import translation memory</source>
        <translation>importer une mémoire de traduction</translation>
    </message>
    <message>
        <source>import terms</source>
        <translation>importer des termes</translation>
    </message>
    <message>
        <source>change the mappings</source>
        <translation>modifier les correspondances</translation>
    </message>
    <message>
        <source>add words to the team dictionary</source>
        <translation>ajouter des mots au dictionnaire de l’équipe</translation>
    </message>
    <message>
        <source>remove words from the team dictionary</source>
        <translation>retirer des mots du dictionnaire de l’équipe</translation>
    </message>
    <message>
        <source>register signing keys</source>
        <translation>enregistrer des clés de signature</translation>
    </message>
    <message>
        <source>do this</source>
        <translation>faire cela</translation>
    </message>
    <message>
        <source>weighted characters</source>
        <translation>caractères pondérés</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>caractères</translation>
    </message>
</context>
<context>
    <name>MissedScheduleDialog</name>
    <message>
        <source>Missed scheduled publication</source>
        <translation>Publication planifiée manquée</translation>
    </message>
    <message>
        <source>“{title}” (post {id}) was to be published on {time}, while Tandem was closed. It was not published. What should Tandem do? Publishing cannot be undone.</source>
        <translation>«&#xa0;{title}&#xa0;» (publication {id}) devait être publiée le {time}, pendant que Tandem était fermé. Elle n’a pas été publiée. Que doit faire Tandem&#xa0;? Une publication ne peut pas être annulée.</translation>
    </message>
    <message>
        <source>New &amp;time:</source>
        <translation>Nouvelle &amp;heure&#xa0;:</translation>
    </message>
    <message>
        <source>New date and time to publish</source>
        <translation>Nouvelles date et heure de publication</translation>
    </message>
    <message>
        <source>&amp;Publish now</source>
        <translation>&amp;Publier maintenant</translation>
    </message>
    <message>
        <source>Publish English and French now</source>
        <translation>Publier l’anglais et le français maintenant</translation>
    </message>
    <message>
        <source>&amp;Reschedule</source>
        <translation>&amp;Replanifier</translation>
    </message>
    <message>
        <source>Reschedule at the new time</source>
        <translation>Replanifier à la nouvelle heure</translation>
    </message>
    <message>
        <source>&amp;Leave it scheduled</source>
        <translation>&amp;Laisser planifiée</translation>
    </message>
    <message>
        <source>Leave it as it is; Tandem asks again at the next start</source>
        <translation>La laisser telle quelle; Tandem redemandera au prochain démarrage</translation>
    </message>
</context>
<context>
    <name>ModelsController</name>
    <message>
        <source>&amp;Install language package…</source>
        <translation>&amp;Installer un paquet linguistique…</translation>
    </message>
    <message>
        <source>List, install or remove the translation models</source>
        <translation>Afficher, installer ou retirer les modèles de traduction</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <source>Install a language package</source>
        <translation>Installer un paquet linguistique</translation>
    </message>
    <message>
        <source>Language packages (*.argosmodel)</source>
        <translation>Paquets linguistiques (*.argosmodel)</translation>
    </message>
    <message>
        <source>Checking and installing {file}…</source>
        <translation>Vérification et installation de {file}…</translation>
    </message>
    <message>
        <source>Remove the language package?</source>
        <translation>Retirer le paquet linguistique?</translation>
    </message>
    <message>
        <source>Remove {name}? Suggestions from {languages} need another package afterwards.</source>
        <translation>Retirer {name}? Il faudra ensuite un autre paquet pour les suggestions {languages}.</translation>
    </message>
    <message>
        <source>Download a language package?</source>
        <translation>Télécharger un paquet linguistique?</translation>
    </message>
    <message>
        <source>Tandem will download the newest {languages} package listed in the Argos package index (about 100 MB, from GitHub), check it and install it. Continue?</source>
        <translation>Tandem téléchargera le paquet {languages} le plus récent de l’index des paquets Argos (environ 100&#xa0;Mo, depuis GitHub), le vérifiera et l’installera. Continuer?</translation>
    </message>
    <message>
        <source>Downloading the {languages} package…</source>
        <translation>Téléchargement du paquet {languages}…</translation>
    </message>
    <message>
        <source>Cancelling the download…</source>
        <translation>Annulation du téléchargement…</translation>
    </message>
    <message>
        <source>Download cancelled; nothing was installed.</source>
        <translation>Téléchargement annulé; rien n’a été installé.</translation>
    </message>
    <message>
        <source>Removed {name}.</source>
        <translation>{name} a été retiré.</translation>
    </message>
    <message>
        <source>Installed {name} ({languages}, version {version}).</source>
        <translation>{name} a été installé ({languages}, version {version}).</translation>
    </message>
    <message>
        <source>Not removed:</source>
        <translation>Non retiré&#xa0;:</translation>
    </message>
    <message>
        <source>Not installed; the installed packages are unchanged:</source>
        <translation>Non installé; les paquets installés sont inchangés&#xa0;:</translation>
    </message>
    <message>
        <source>{received} of {total} MB</source>
        <translation>{received} sur {total}&#xa0;Mo</translation>
    </message>
    <message>
        <source>{received} MB</source>
        <translation>{received}&#xa0;Mo</translation>
    </message>
    <message>
        <source>{source} → {target}</source>
        <translation>{source} → {target}</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>Erreur inattendue&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Unusable: {problem}</source>
        <translation>Inutilisable&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Folder: {path}</source>
        <translation>Dossier&#xa0;: {path}</translation>
    </message>
    <message>
        <source>No language package is installed.</source>
        <translation>Aucun paquet linguistique n’est installé.</translation>
    </message>
    <message>
        <source>Language packages</source>
        <translation>Paquets linguistiques</translation>
    </message>
    <message>
        <source>Installed translation models. Tandem translates offline with them; without one, suggestions come from translation memory only.</source>
        <translation>Modèles de traduction installés. Tandem traduit hors ligne avec eux; sans modèle, les suggestions viennent uniquement de la mémoire de traduction.</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Paquet</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Installed language packages</source>
        <translation>Paquets linguistiques installés</translation>
    </message>
    <message>
        <source>Install from &amp;file…</source>
        <translation>Installer à partir d’un &amp;fichier…</translation>
    </message>
    <message>
        <source>Install from file</source>
        <translation>Installer à partir d’un fichier</translation>
    </message>
    <message>
        <source>Choose an .argosmodel file; it is checked completely before it is installed.</source>
        <translation>Choisissez un fichier .argosmodel; il est entièrement vérifié avant d’être installé.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Remove the selected package</source>
        <translation>Retirer le paquet choisi</translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation>&amp;Langues&#xa0;:</translation>
    </message>
    <message>
        <source>Languages of the package to download</source>
        <translation>Langues du paquet à télécharger</translation>
    </message>
    <message>
        <source>&amp;Download from the Argos index…</source>
        <translation>&amp;Télécharger depuis l’index Argos…</translation>
    </message>
    <message>
        <source>Download from the Argos index</source>
        <translation>Télécharger depuis l’index Argos</translation>
    </message>
    <message>
        <source>Asks first; then downloads the newest package for these languages over the internet.</source>
        <translation>Demande d’abord une confirmation, puis télécharge par Internet le paquet le plus récent pour ces langues.</translation>
    </message>
    <message>
        <source>Downloading language packages is turned off by the IT policy (translation.allow_online_install). Ask IT for the package file.</source>
        <translation>Le téléchargement de paquets linguistiques est désactivé par la politique des TI (translation.allow_online_install). Demandez le fichier du paquet aux TI.</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progression du téléchargement</translation>
    </message>
    <message>
        <source>&amp;Cancel download</source>
        <translation>&amp;Annuler le téléchargement</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>Annuler le téléchargement</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the language packages dialog</source>
        <translation>Fermer la fenêtre des paquets linguistiques</translation>
    </message>
</context>
<context>
    <name>MyTasksWindow</name>
    <message>
        <source>Post {id}</source>
        <translation>Publication {id}</translation>
    </message>
    <message>
        <source>To review ({count})</source>
        <translation>À réviser ({count})</translation>
    </message>
    <message>
        <source>To approve ({count})</source>
        <translation>À approuver ({count})</translation>
    </message>
    <message>
        <source>To publish ({count})</source>
        <translation>À publier ({count})</translation>
    </message>
    <message>
        <source>Published in one language only ({count})</source>
        <translation>Publiées dans une seule langue ({count})</translation>
    </message>
    <message>
        <source>{count} waiting for you</source>
        <translation>{count} en attente pour vous</translation>
    </message>
    <message>
        <source>Nothing waits for you.</source>
        <translation>Rien ne vous attend.</translation>
    </message>
    <message>
        <source>&amp;My tasks ({count})</source>
        <translation>&amp;Mes tâches ({count})</translation>
    </message>
    <message>
        <source>My tasks</source>
        <translation>Mes tâches</translation>
    </message>
    <message>
        <source>&amp;What waits for you:</source>
        <translation>&amp;Ce qui vous attend&#xa0;:</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Tasks waiting for you, by kind</source>
        <translation>Tâches qui vous attendent, par type</translation>
    </message>
    <message>
        <source>Enter opens the post in the editors.</source>
        <translation>Entrée ouvre la publication dans les éditeurs.</translation>
    </message>
    <message>
        <source>&amp;Open post</source>
        <translation>&amp;Ouvrir la publication</translation>
    </message>
    <message>
        <source>Open the chosen post in the editors</source>
        <translation>Ouvrir la publication choisie dans les éditeurs</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Refresh my tasks</source>
        <translation>Actualiser mes tâches</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close my tasks</source>
        <translation>Fermer mes tâches</translation>
    </message>
    <message>
        <source>What waits for you: to review, approve, publish (Ctrl+Shift+M)</source>
        <translation>Ce qui vous attend&#xa0;: à réviser, approuver, publier (Ctrl+Maj+M)</translation>
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
    <message>
        <source>machine-assisted, {share}</source>
        <translation>assistée par la machine, {share}</translation>
    </message>
</context>
<context>
    <name>PostLifecycle</name>
    <message>
        <source>Copy of {title}</source>
        <translation>Copie de {title}</translation>
    </message>
    <message>
        <source>Copy made: “{title}” (post {id}).</source>
        <translation>Copie faite&#xa0;: «&#xa0;{title}&#xa0;» (publication {id}).</translation>
    </message>
    <message>
        <source>“{title}” archived: it left the lists. Tools → Archived posts brings it back.</source>
        <translation>«&#xa0;{title}&#xa0;» archivée&#xa0;: elle a quitté les listes. Outils → Publications archivées la rétablit.</translation>
    </message>
    <message>
        <source>Delete post</source>
        <translation>Supprimer la publication</translation>
    </message>
    <message>
        <source>Delete post {id}? Only a draft nobody has reviewed can be deleted. It leaves every list; its versions stay in the record and the deletion is audited.</source>
        <translation>Supprimer la publication {id}&#xa0;? Seule une ébauche que personne n’a révisée peut être supprimée. Elle quitte toutes les listes&#xa0;; ses versions restent au registre et la suppression est consignée dans le journal d’audit.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>“{title}” deleted.</source>
        <translation>«&#xa0;{title}&#xa0;» supprimée.</translation>
    </message>
    <message>
        <source>D&amp;uplicate post</source>
        <translation>D&amp;upliquer la publication</translation>
    </message>
    <message>
        <source>A new draft with this post&apos;s text</source>
        <translation>Une nouvelle ébauche avec le texte de cette publication</translation>
    </message>
    <message>
        <source>Arc&amp;hive post</source>
        <translation>Arc&amp;hiver la publication</translation>
    </message>
    <message>
        <source>Take this post out of the lists</source>
        <translation>Retirer cette publication des listes</translation>
    </message>
    <message>
        <source>&amp;Delete post…</source>
        <translation>&amp;Supprimer la publication…</translation>
    </message>
    <message>
        <source>Only a draft nobody has reviewed</source>
        <translation>Seulement une ébauche que personne n’a révisée</translation>
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
    <name>PostStatusLine</name>
    <message>
        <source>{language}: official version {seq}, signed off by {user} on {time}</source>
        <translation>En {language}&#xa0;: version officielle {seq}, validée par {user} le {time}</translation>
    </message>
    <message>
        <source>{language}: not signed off (version {seq} rejected by {user})</source>
        <translation>En {language}&#xa0;: non validée (version {seq} refusée par {user})</translation>
    </message>
    <message>
        <source>{language}: not signed off (version {seq} awaits review)</source>
        <translation>En {language}&#xa0;: non validée (la version {seq} attend la révision)</translation>
    </message>
    <message>
        <source>{language}: not signed off (no text yet)</source>
        <translation>En {language}&#xa0;: non validée (pas encore de texte)</translation>
    </message>
    <message>
        <source>State: {state}</source>
        <translation>État&#xa0;: {state}</translation>
    </message>
</context>
<context>
    <name>PostTargetsDialog</name>
    <message>
        <source>This post has targets of its own.</source>
        <translation>Cette publication a ses propres destinations.</translation>
    </message>
    <message>
        <source>This post uses the IT policy&apos;s default targets.</source>
        <translation>Cette publication utilise les destinations par défaut de la politique des TI.</translation>
    </message>
    <message>
        <source>This post uses your default targets.</source>
        <translation>Cette publication utilise vos destinations par défaut.</translation>
    </message>
    <message>
        <source>This post has no targets yet.</source>
        <translation>Cette publication n’a pas encore de destinations.</translation>
    </message>
    <message>
        <source>Targets of post {id}</source>
        <translation>Destinations de la publication {id}</translation>
    </message>
    <message>
        <source>&amp;Accounts this post goes to. Every network needs both languages: an English and a French account, or one bilingual account.</source>
        <translation>&amp;Comptes où va cette publication. Chaque réseau doit recevoir les deux langues&#xa0;: un compte anglais et un compte français, ou un seul compte bilingue.</translation>
    </message>
    <message>
        <source>Targets of this post</source>
        <translation>Destinations de cette publication</translation>
    </message>
    <message>
        <source>Use the default targets</source>
        <translation>Utiliser les destinations par défaut</translation>
    </message>
    <message>
        <source>Use the default targets for this post</source>
        <translation>Utiliser les destinations par défaut pour cette publication</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>PreflightDialog</name>
    <message>
        <source>Publish “{title}”</source>
        <translation>Publier «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>Ready to publish. Tandem will send both languages, in this order:</source>
        <translation>Prête à publier. Tandem enverra les deux langues, dans cet ordre&#xa0;:</translation>
    </message>
    <message>
        <source>This post cannot be published now; nothing will be sent:</source>
        <translation>Cette publication ne peut pas être publiée maintenant; rien ne sera envoyé&#xa0;:</translation>
    </message>
    <message>
        <source>{used} of {limit}</source>
        <translation>{used} sur {limit}</translation>
    </message>
    <message>
        <source>Publishing… do not close Tandem.</source>
        <translation>Publication en cours… ne fermez pas Tandem.</translation>
    </message>
    <message>
        <source>Checking the post again and scheduling it…</source>
        <translation>Nouvelle vérification de la publication et planification…</translation>
    </message>
    <message>
        <source>The post changed after this check. Close this window and publish again to check the new texts.</source>
        <translation>La publication a changé depuis cette vérification. Fermez cette fenêtre et publiez de nouveau pour vérifier les nouveaux textes.</translation>
    </message>
    <message>
        <source>Tandem tried these targets, in this order:</source>
        <translation>Tandem a essayé ces destinations, dans cet ordre&#xa0;:</translation>
    </message>
    <message>
        <source>Published in English and French.</source>
        <translation>Publiée en anglais et en français.</translation>
    </message>
    <message>
        <source>Published in one language only. Retry the missing language or retract the published one from the red banner above the editors.</source>
        <translation>Publiée dans une seule langue. Réessayez la langue manquante ou retirez celle qui est publiée à partir du bandeau rouge au-dessus des éditeurs.</translation>
    </message>
    <message>
        <source>Not published: {state}.</source>
        <translation>Non publiée&#xa0;: {state}.</translation>
    </message>
    <message>
        <source>Scheduled: Tandem will send both languages, in this order:</source>
        <translation>Planifiée&#xa0;: Tandem enverra les deux langues, dans cet ordre&#xa0;:</translation>
    </message>
    <message>
        <source>Scheduled for {time}: Tandem publishes both languages then, while it is running.</source>
        <translation>Planifiée pour le {time}&#xa0;: Tandem publiera alors les deux langues, s’il est ouvert.</translation>
    </message>
    <message>
        <source>Publish now?</source>
        <translation>Publier maintenant&#xa0;?</translation>
    </message>
    <message>
        <source>Publish English and French now? This cannot be undone.</source>
        <translation>Publier l’anglais et le français maintenant&#xa0;? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Both texts go to every target account, back to back.</source>
        <translation>Les deux textes partent vers chaque compte de destination, l’un après l’autre.</translation>
    </message>
    <message>
        <source>Publish now</source>
        <translation>Publier maintenant</translation>
    </message>
    <message>
        <source>Schedule publication?</source>
        <translation>Planifier la publication&#xa0;?</translation>
    </message>
    <message>
        <source>Publish English and French at {time}? Once sent, this cannot be undone.</source>
        <translation>Publier l’anglais et le français le {time}&#xa0;? Une fois l’envoi fait, c’est irréversible.</translation>
    </message>
    <message>
        <source>Until then you can unschedule it from the Publishing panel.</source>
        <translation>D’ici là, vous pouvez l’annuler dans le panneau Publication.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planifier</translation>
    </message>
    <message>
        <source>Publish — Tandem</source>
        <translation>Publier — Tandem</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publier</translation>
    </message>
    <message>
        <source>&amp;English text</source>
        <translation>Texte an&amp;glais</translation>
    </message>
    <message>
        <source>F&amp;rench text</source>
        <translation>Texte &amp;français</translation>
    </message>
    <message>
        <source>English text to publish</source>
        <translation>Texte anglais à publier</translation>
    </message>
    <message>
        <source>French text to publish</source>
        <translation>Texte français à publier</translation>
    </message>
    <message>
        <source>&amp;Targets, in sending order:</source>
        <translation>&amp;Destinations, dans l’ordre d’envoi&#xa0;:</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nº</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Connecté en tant que</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>Targets in sending order</source>
        <translation>Destinations dans l’ordre d’envoi</translation>
    </message>
    <message>
        <source>Or at a later ti&amp;me:</source>
        <translation>Ou plus &amp;tard&#xa0;:</translation>
    </message>
    <message>
        <source>Date and time to publish</source>
        <translation>Date et heure de publication</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>Pla&amp;nifier</translation>
    </message>
    <message>
        <source>Schedule publication at this time</source>
        <translation>Planifier la publication à cette heure</translation>
    </message>
    <message>
        <source>&amp;Publish now…</source>
        <translation>&amp;Publier maintenant…</translation>
    </message>
    <message>
        <source>Publish English and French now</source>
        <translation>Publier l’anglais et le français maintenant</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the publish window</source>
        <translation>Fermer la fenêtre de publication</translation>
    </message>
    <message>
        <source>What was published, with links</source>
        <translation>Ce qui a été publié, avec les liens</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>&amp;Network:</source>
        <translation>&amp;Réseau&#xa0;:</translation>
    </message>
    <message>
        <source>Network to preview</source>
        <translation>Réseau à prévisualiser</translation>
    </message>
    <message>
        <source>English preview</source>
        <translation>Aperçu anglais</translation>
    </message>
    <message>
        <source>French preview</source>
        <translation>Aperçu français</translation>
    </message>
    <message>
        <source>ALT</source>
        <translation>TXT ALT</translation>
    </message>
    <message>
        <source>Link card</source>
        <translation>Carte de lien</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Partie</translation>
    </message>
    <message>
        <source>no alt text</source>
        <translation>aucun texte de remplacement</translation>
    </message>
</context>
<context>
    <name>PublishController</name>
    <message>
        <source>Checking the post and every target account…</source>
        <extracomment>How often scheduled posts that are due get published while the app runs.</extracomment>
        <translation>Vérification de la publication et de chaque compte de destination…</translation>
    </message>
    <message>
        <source>The scheduled publication was cancelled; the post is approved.</source>
        <translation>La publication planifiée est annulée; la publication est approuvée.</translation>
    </message>
    <message>
        <source>Retry publishing?</source>
        <translation>Réessayer la publication&#xa0;?</translation>
    </message>
    <message>
        <source>Send the missing language now? This cannot be undone.</source>
        <translation>Envoyer la langue manquante maintenant&#xa0;? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Tandem first checks with the network what is already out, so nothing is posted twice.</source>
        <translation>Tandem vérifie d’abord auprès du réseau ce qui est déjà publié, pour que rien ne soit publié deux fois.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Retract the {language} post?</source>
        <translation>Retirer la publication en {language}&#xa0;?</translation>
    </message>
    <message>
        <source>Delete the published {language} post from the networks where it is out alone? This cannot be undone.</source>
        <translation>Supprimer la publication en {language} des réseaux où elle est seule&#xa0;? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>People may already have seen or shared it.</source>
        <translation>Des gens l’ont peut-être déjà vue ou partagée.</translation>
    </message>
    <message>
        <source>Retract {language}</source>
        <translation>Retirer la publication en {language}</translation>
    </message>
    <message>
        <source>Both languages are out now.</source>
        <translation>Les deux langues sont maintenant publiées.</translation>
    </message>
    <message>
        <source>The lone language was retracted; the post is approved again.</source>
        <translation>La langue publiée seule a été retirée; la publication est de nouveau approuvée.</translation>
    </message>
    <message>
        <source>Still published in one language only: {state}.</source>
        <translation>Toujours publiée dans une seule langue&#xa0;: {state}.</translation>
    </message>
    <message>
        <source>Interrupted publications finished: {count}.</source>
        <translation>Publications interrompues terminées&#xa0;: {count}.</translation>
    </message>
    <message>
        <source>Posts published in one language only: {count}. Open each to retry or retract.</source>
        <translation>Publications dans une seule langue&#xa0;: {count}. Ouvrez chacune pour réessayer ou retirer.</translation>
    </message>
    <message>
        <source>Publications whose fate the networks could not confirm: {count}. Tandem checks again at the next start.</source>
        <translation>Publications dont les réseaux n’ont pas pu confirmer le sort&#xa0;: {count}. Tandem vérifiera de nouveau au prochain démarrage.</translation>
    </message>
    <message>
        <source>Interrupted publications not sent late: {count}. The posts are approved again; publish them again if still wanted.</source>
        <translation>Publications interrompues non envoyées en retard&#xa0;: {count}. Elles sont de nouveau approuvées; publiez-les de nouveau au besoin.</translation>
    </message>
    <message>
        <source>“{title}” is rescheduled for {time}.</source>
        <translation>«&#xa0;{title}&#xa0;» est replanifiée pour le {time}.</translation>
    </message>
    <message>
        <source>A scheduled post was not published: {reasons}</source>
        <translation>Une publication planifiée n’a pas été publiée&#xa0;: {reasons}</translation>
    </message>
    <message>
        <source>Scheduled posts published: {count}.</source>
        <translation>Publications planifiées publiées&#xa0;: {count}.</translation>
    </message>
    <message>
        <source>&amp;Publish…</source>
        <translation>&amp;Publier…</translation>
    </message>
    <message>
        <source>Check, then publish English and French together (Ctrl+Shift+P)</source>
        <translation>Vérifier, puis publier l’anglais et le français ensemble (Ctrl+Maj+P)</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publier</translation>
    </message>
</context>
<context>
    <name>PublishPanel</name>
    <message>
        <source>English and French</source>
        <translation>anglais et français</translation>
    </message>
    <message>
        <source>out</source>
        <translation>publiée</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>pas encore envoyée</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>withdrawn or deleted</source>
        <translation>retirée ou supprimée</translation>
    </message>
    <message>
        <source>{language} on {account} ({network}): {state}</source>
        <translation>En {language} sur {account} ({network})&#xa0;: {state}</translation>
    </message>
    <message>
        <source>Gap between the languages on {network}: {seconds} s</source>
        <translation>Écart entre les langues sur {network}&#xa0;: {seconds} s</translation>
    </message>
    <message>
        <source>⚠ Published in one language only: retry or retract it (red banner above the editors).</source>
        <translation>⚠ Publiée dans une seule langue&#xa0;: réessayez ou retirez-la (bandeau rouge au-dessus des éditeurs).</translation>
    </message>
    <message>
        <source>State: {state}</source>
        <translation>État&#xa0;: {state}</translation>
    </message>
    <message>
        <source>Scheduled for {time} by {user}.</source>
        <translation>Planifiée pour le {time} par {user}.</translation>
    </message>
    <message>
        <source>Not scheduled.</source>
        <translation>Non planifiée.</translation>
    </message>
    <message>
        <source>chosen for this post</source>
        <translation>choisies pour cette publication</translation>
    </message>
    <message>
        <source>the IT policy&apos;s defaults</source>
        <translation>celles par défaut de la politique des TI</translation>
    </message>
    <message>
        <source>your default targets</source>
        <translation>vos destinations par défaut</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>No targets yet.</source>
        <translation>Pas encore de destinations.</translation>
    </message>
    <message>
        <source>Targets ({source})</source>
        <translation>Destinations ({source})</translation>
    </message>
    <message>
        <source>Never published.</source>
        <translation>Jamais publiée.</translation>
    </message>
    <message>
        <source>Started by {user} on {time}.</source>
        <translation>Lancée par {user} le {time}.</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Latest publication</source>
        <translation>Dernière publication</translation>
    </message>
    <message>
        <source>Latest publication, with links</source>
        <translation>Dernière publication, avec les liens</translation>
    </message>
    <message>
        <source>Choose targets…</source>
        <translation>Choisir les destinations…</translation>
    </message>
    <message>
        <source>Choose the targets of this post</source>
        <translation>Choisir les destinations de cette publication</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Publier…</translation>
    </message>
    <message>
        <source>Check and publish this post</source>
        <translation>Vérifier et publier cette publication</translation>
    </message>
    <message>
        <source>Unschedule</source>
        <translation>Annuler la planification</translation>
    </message>
    <message>
        <source>Cancel the scheduled publication</source>
        <translation>Annuler la publication planifiée</translation>
    </message>
    <message>
        <source>No post is open.</source>
        <translation>Aucune publication n’est ouverte.</translation>
    </message>
</context>
<context>
    <name>QaPanel</name>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>English and French</source>
        <translation>anglais et français</translation>
    </message>
    <message>
        <source>French</source>
        <translation>français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>anglais</translation>
    </message>
    <message>
        <source>{severity}: {message}</source>
        <translation>{severity}&#xa0;: {message}</translation>
    </message>
    <message>
        <source> ({where})</source>
        <translation> ({where})</translation>
    </message>
    <message>
        <source>A one-click fix is available: Fix.</source>
        <translation>Une correction en un clic est offerte&#xa0;: Corriger.</translation>
    </message>
    <message>
        <source>Open a post to check its English and French texts against each other.</source>
        <translation>Ouvrez une publication pour comparer ses textes anglais et français.</translation>
    </message>
    <message>
        <source>Write both the English and the French text to check them against each other.</source>
        <translation>Rédigez le texte anglais et le texte français pour les comparer.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>No problems found between the English and French texts.</source>
        <translation>Aucun problème entre les textes anglais et français.</translation>
    </message>
    <message>
        <source>Findings: {count}. Select one to see it in the text.</source>
        <translation>Constatations&#xa0;: {count}. Choisissez-en une pour la voir dans le texte.</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Vérifications</translation>
    </message>
    <message>
        <source>Checks between the English and French texts</source>
        <translation>Vérifications entre les textes anglais et français</translation>
    </message>
    <message>
        <source>Findings between the English and French texts</source>
        <translation>Constatations entre les textes anglais et français</translation>
    </message>
    <message>
        <source>Selecting a finding selects its text in the editor; Enter moves the cursor there.</source>
        <translation>Choisir une constatation sélectionne son texte dans l’éditeur; Entrée y place le curseur.</translation>
    </message>
    <message>
        <source>Fi&amp;x</source>
        <translation>Co&amp;rriger</translation>
    </message>
    <message>
        <source>Fix the selected finding</source>
        <translation>Corriger la constatation choisie</translation>
    </message>
    <message>
        <source>Applies the suggested correction to the text; Ctrl+Z in the editor undoes it.</source>
        <translation>Applique la correction proposée au texte; Ctrl+Z dans l’éditeur l’annule.</translation>
    </message>
</context>
<context>
    <name>RecordsExportScreen</name>
    <message>
        <source>Export records</source>
        <translation>Exporter le registre</translation>
    </message>
    <message>
        <source>Records written to {file}.</source>
        <translation>Registre écrit dans {file}.</translation>
    </message>
    <message>
        <source>Export &amp;records…</source>
        <translation>Exporter le &amp;registre…</translation>
    </message>
    <message>
        <source>The record holds every version with its provenance, every sign-off, approval, state change and publication, with the result of the audit check.</source>
        <translation>Le registre contient chaque version avec sa provenance, chaque validation, approbation, changement d’état et publication, avec le résultat de la vérification du journal d’audit.</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format&#xa0;:</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Format du fichier</translation>
    </message>
    <message>
        <source>JSON (for other systems)</source>
        <translation>JSON (pour d’autres systèmes)</translation>
    </message>
    <message>
        <source>CSV (spreadsheet)</source>
        <translation>CSV (tableur)</translation>
    </message>
    <message>
        <source>HTML (to read or print)</source>
        <translation>HTML (à lire ou imprimer)</translation>
    </message>
    <message>
        <source>Only &amp;post number:</source>
        <translation>Seulement la &amp;publication numéro&#xa0;:</translation>
    </message>
    <message>
        <source>Export only one post</source>
        <translation>Exporter une seule publication</translation>
    </message>
    <message>
        <source>Number of the post to export</source>
        <translation>Numéro de la publication à exporter</translation>
    </message>
    <message>
        <source>Only posts active &amp;since:</source>
        <translation>Seulement les publications actives &amp;depuis le&#xa0;:</translation>
    </message>
    <message>
        <source>Export only posts active since a date</source>
        <translation>Exporter seulement les publications actives depuis une date</translation>
    </message>
    <message>
        <source>Earliest activity date</source>
        <translation>Date d’activité la plus ancienne</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Choose a file and export the records</source>
        <translation>Choisir un fichier et exporter le registre</translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <source>No text yet.</source>
        <translation>Pas encore de texte.</translation>
    </message>
    <message>
        <source>Version {seq} · {origin} · written by {author} on {time}</source>
        <translation>Version {seq} · {origin} · rédigée par {author} le {time}</translation>
    </message>
    <message>
        <source>Signed off by {user} on {time}: this is the official version.</source>
        <translation>Validée par {user} le {time}&#xa0;: c’est la version officielle.</translation>
    </message>
    <message>
        <source>Rejected by {user}: {comment}</source>
        <translation>Refusée par {user}&#xa0;: {comment}</translation>
    </message>
    <message>
        <source>Awaits sign-off.</source>
        <translation>En attente de validation.</translation>
    </message>
    <message>
        <source>Signing off the {language} version needs {roles} (it contains machine-translated or translation-memory text); you do not hold it.</source>
        <translation>Valider la version en {language} exige {roles} (elle contient du texte issu de la traduction automatique ou de la mémoire de traduction); vous ne l’avez pas.</translation>
    </message>
    <message>
        <source>Signing off the {language} version needs {roles}; you do not hold it.</source>
        <translation>Valider la version en {language} exige {roles}; vous ne l’avez pas.</translation>
    </message>
    <message>
        <source>No machine suggestion in this language&apos;s history.</source>
        <translation>Aucune suggestion automatique dans l’historique de cette langue.</translation>
    </message>
    <message>
        <source>Changes from the machine suggestion (version {seq}): {count}. Struck-through text was removed, underlined text was added.</source>
        <translation>Changements par rapport à la suggestion automatique (version {seq})&#xa0;: {count}. Le texte barré a été retiré, le texte souligné a été ajouté.</translation>
    </message>
    <message>
        <source>Changes from the machine suggestion (version {seq}): none, the text is the suggestion as is.</source>
        <translation>Changements par rapport à la suggestion automatique (version {seq})&#xa0;: aucun, le texte est la suggestion telle quelle.</translation>
    </message>
    <message>
        <source>Write what to fix in the comment, then reject.</source>
        <translation>Écrivez dans le commentaire ce qu’il faut corriger, puis refusez.</translation>
    </message>
    <message>
        <source>English text</source>
        <translation>Texte anglais</translation>
    </message>
    <message>
        <source>French text</source>
        <translation>Texte français</translation>
    </message>
    <message>
        <source>{language} text under review</source>
        <translation>Texte en {language} à réviser</translation>
    </message>
    <message>
        <source>Read only. Machine translation is highlighted with a dotted underline, translation memory with a dashed underline.</source>
        <translation>Lecture seule. La traduction automatique est mise en évidence par un soulignement pointillé, la mémoire de traduction par un soulignement tireté.</translation>
    </message>
    <message>
        <source>Comment (required to reject)</source>
        <translation>Commentaire (obligatoire pour refuser)</translation>
    </message>
    <message>
        <source>Highlighted: machine translation (dotted underline), translation memory (dashed underline).</source>
        <translation>En surbrillance&#xa0;: traduction automatique (soulignement pointillé), mémoire de traduction (soulignement tireté).</translation>
    </message>
    <message>
        <source>{share} from machine translation or memory</source>
        <translation>{share} du texte vient de la traduction automatique ou de la mémoire</translation>
    </message>
    <message>
        <source>{language} changes from the machine suggestion</source>
        <translation>Changements en {language} par rapport à la suggestion automatique</translation>
    </message>
    <message>
        <source>{language} review comment</source>
        <translation>Commentaire de révision en {language}</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>Valider</translation>
    </message>
    <message>
        <source>Sign off the {language} version</source>
        <translation>Valider la version en {language}</translation>
    </message>
    <message>
        <source>Make this {language} version official ({shortcut})</source>
        <translation>Faire de cette version en {language} la version officielle ({shortcut})</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <source>Reject the {language} version</source>
        <translation>Refuser la version en {language}</translation>
    </message>
    <message>
        <source>Send this version back to its writers; the comment says what to fix</source>
        <translation>Renvoyer cette version à ses rédacteurs; le commentaire dit quoi corriger</translation>
    </message>
</context>
<context>
    <name>ReviewQueueWindow</name>
    <message>
        <source>{title}
To review: {languages} · waiting since {time}</source>
        <extracomment>QA findings shown without scrolling. Labels of the two panes that are kept the same height (the texts line up).</extracomment>
        <translation>{title}
À réviser&#xa0;: {languages} · en attente depuis le {time}</translation>
    </message>
    <message>
        <source>Post {id} · waiting for review since {time}</source>
        <translation>Publication {id} · en attente de révision depuis le {time}</translation>
    </message>
    <message>
        <source>The {language} text of this post has unsaved changes in the editor: save or undo them first; a sign-off applies to the saved version shown here.</source>
        <translation>Le texte en {language} de cette publication a des modifications non enregistrées dans l’éditeur&#xa0;: enregistrez-les ou annulez-les d’abord&#xa0;; une validation porte sur la version enregistrée affichée ici.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>{severity}: {message}</source>
        <translation>{severity}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>No QA findings between the two versions.</source>
        <translation>Aucune constatation du contrôle de la qualité entre les deux versions.</translation>
    </message>
    <message>
        <source>&amp;QA findings ({count})</source>
        <translation>&amp;Constatations du contrôle de la qualité ({count})</translation>
    </message>
    <message>
        <source>Pairs waiting: {count}</source>
        <translation>Paires en attente&#xa0;: {count}</translation>
    </message>
    <message>
        <source>{language} version {seq} of “{title}” signed off: it is now official.</source>
        <translation>Version {seq} en {language} de «&#xa0;{title}&#xa0;» validée&#xa0;: c’est maintenant la version officielle.</translation>
    </message>
    <message>
        <source>{language} version {seq} of “{title}” rejected; its writers will see your comment.</source>
        <translation>Version {seq} en {language} de «&#xa0;{title}&#xa0;» refusée; ses rédacteurs verront votre commentaire.</translation>
    </message>
    <message>
        <source>Sign off this version of “{title}”? It becomes the official text.</source>
        <translation>Valider cette version de «&#xa0;{title}&#xa0;»&#xa0;? Elle devient le texte officiel.</translation>
    </message>
    <message>
        <source>Reject this version of “{title}”? Its writers will see your comment.</source>
        <translation>Refuser cette version de «&#xa0;{title}&#xa0;»&#xa0;? Ses auteurs verront votre commentaire.</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>Valider</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <source>Review queue — Tandem</source>
        <translation>File de révision — Tandem</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>File de révision</translation>
    </message>
    <message>
        <source>&amp;Pairs waiting for review (oldest first):</source>
        <translation>&amp;Paires en attente de révision (les plus anciennes d’abord)&#xa0;:</translation>
    </message>
    <message>
        <source>Pairs waiting for review</source>
        <translation>Paires en attente de révision</translation>
    </message>
    <message>
        <source>Oldest first. Moving to a pair shows both languages side by side.</source>
        <translation>Les plus anciennes d’abord. Aller sur une paire affiche les deux langues côte à côte.</translation>
    </message>
    <message>
        <source>QA findings</source>
        <translation>Constatations du contrôle de la qualité</translation>
    </message>
    <message>
        <source>Nothing waits for review.</source>
        <translation>Rien n’attend de révision.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Refresh the review queue</source>
        <translation>Actualiser la file de révision</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the review queue</source>
        <translation>Fermer la file de révision</translation>
    </message>
    <message>
        <source>Sign off the English version</source>
        <translation>Valider la version anglaise</translation>
    </message>
    <message>
        <source>Sign off the French version</source>
        <translation>Valider la version française</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Review &amp;queue</source>
        <translation>File de &amp;révision</translation>
    </message>
    <message>
        <source>Pairs waiting for linguistic review (Ctrl+Shift+R)</source>
        <translation>Paires en attente de révision linguistique (Ctrl+Maj+R)</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>{step} approver</source>
        <translation>approbateur de l’étape {step}</translation>
    </message>
    <message>
        <source>author</source>
        <translation>auteur</translation>
    </message>
    <message>
        <source>translator</source>
        <translation>traducteur</translation>
    </message>
    <message>
        <source>approver</source>
        <translation>approbateur</translation>
    </message>
    <message>
        <source>publisher</source>
        <translation>responsable de la publication</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>the {role} role</source>
        <translation>le rôle {role}</translation>
    </message>
    <message>
        <source>one of the roles {roles}</source>
        <translation>l’un des rôles {roles}</translation>
    </message>
    <message>
        <source>nobody yet: an admin must grant {roles}</source>
        <translation>personne pour l’instant&#xa0;: un administrateur doit accorder {roles}</translation>
    </message>
    <message>
        <source>no one (Tandem does it)</source>
        <translation>personne (Tandem s’en charge)</translation>
    </message>
</context>
<context>
    <name>SaveConflictDialog</name>
    <message>
        <source>Someone else saved this text</source>
        <translation>Quelqu&apos;un d&apos;autre a enregistré ce texte</translation>
    </message>
    <message>
        <source>{user} saved the {language} text (version {seq}) after you started from {start}. Your text was not saved over it. Compare them and choose.</source>
        <translation>{user} a enregistré le texte ({language}, version {seq}) après votre point de départ&#xa0;: {start}. Votre texte n&apos;a pas été enregistré par-dessus. Comparez-les et choisissez.</translation>
    </message>
    <message>
        <source>version {version}</source>
        <translation>version {version}</translation>
    </message>
    <message>
        <source>an empty text</source>
        <translation>un texte vide</translation>
    </message>
    <message>
        <source>Your text (not saved)</source>
        <translation>Votre texte (non enregistré)</translation>
    </message>
    <message>
        <source>Your text, not saved</source>
        <translation>Votre texte, non enregistré</translation>
    </message>
    <message>
        <source>&amp;Save mine on top</source>
        <translation>&amp;Enregistrer le mien par-dessus</translation>
    </message>
    <message>
        <source>Save your text as a new version on top of version {seq}.</source>
        <translation>Enregistrer votre texte comme nouvelle version par-dessus la version {seq}.</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Prendre le leur</translation>
    </message>
    <message>
        <source>Drop your unsaved text and show version {seq}.</source>
        <translation>Abandonner votre texte non enregistré et afficher la version {seq}.</translation>
    </message>
    <message>
        <source>&amp;Copy mine</source>
        <translation>&amp;Copier le mien</translation>
    </message>
    <message>
        <source>Copy your text to the clipboard and keep editing.</source>
        <translation>Copier votre texte dans le presse-papiers et continuer la rédaction.</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>Continuer la &amp;rédaction</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continuer la rédaction</translation>
    </message>
    <message>
        <source>Close this and keep editing; nothing is lost (Esc).</source>
        <translation>Fermer et continuer la rédaction. Rien n&apos;est perdu (Échap).</translation>
    </message>
    <message>
        <source>Version {seq} by {user}, {time}</source>
        <translation>Version {seq} par {user}, {time}</translation>
    </message>
    <message>
        <source>Showing {language} version {seq}; your text was dropped.</source>
        <translation>Affichage de la version {seq} ({language}). Votre texte a été abandonné.</translation>
    </message>
    <message>
        <source>Your {language} text is on the clipboard; it was not saved.</source>
        <translation>Votre texte ({language}) est dans le presse-papiers. Il n&apos;a pas été enregistré.</translation>
    </message>
</context>
<context>
    <name>ScreenDialog</name>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>Impossible de lire {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>Impossible d’écrire {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>{file}: {added} added, {duplicates} already there, {skipped} skipped.</source>
        <translation>{file}&#xa0;: {added} ajoutés, {duplicates} déjà présents, {skipped} ignorés.</translation>
    </message>
    <message>
        <source>Line {line}: {reason}</source>
        <translation>Ligne {line}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>… and {count} more.</source>
        <translation>… et {count} de plus.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Fermer cette fenêtre</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Set by your IT policy</source>
        <translation>Défini par votre politique des TI</translation>
    </message>
    <message>
        <source>Hand-off webhook</source>
        <translation>Webhook de transfert</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Bilingual, English first</source>
        <translation>Bilingue, anglais d’abord</translation>
    </message>
    <message>
        <source>Bilingual, French first</source>
        <translation>Bilingue, français d’abord</translation>
    </message>
    <message>
        <source>, one post when both fit</source>
        <translation>, une seule publication si les deux tiennent</translation>
    </message>
    <message>
        <source>{name} — {network}, {language} ({handle})</source>
        <translation>{name} — {network}, {language} ({handle})</translation>
    </message>
    <message>
        <source>Acting as another user (TANDEM_USER)</source>
        <translation>Agir au nom d’un autre utilisateur (TANDEM_USER)</translation>
    </message>
    <message>
        <source>Database location</source>
        <translation>Emplacement de la base de données</translation>
    </message>
    <message>
        <source>Team server</source>
        <translation>Serveur d’équipe</translation>
    </message>
    <message>
        <source>Administrators</source>
        <translation>Administrateurs</translation>
    </message>
    <message>
        <source>Roles granted by IT</source>
        <translation>Rôles accordés par les TI</translation>
    </message>
    <message>
        <source>Approval chain</source>
        <translation>Chaîne d’approbation</translation>
    </message>
    <message>
        <source>Who signs off text written by people</source>
        <translation>Qui valide le texte rédigé par des personnes</translation>
    </message>
    <message>
        <source>Language packages folder</source>
        <translation>Dossier des paquets linguistiques</translation>
    </message>
    <message>
        <source>Downloading language packages</source>
        <translation>Téléchargement des paquets linguistiques</translation>
    </message>
    <message>
        <source>Publishing accounts</source>
        <translation>Comptes de publication</translation>
    </message>
    <message>
        <source>Default targets</source>
        <translation>Destinations par défaut</translation>
    </message>
    <message>
        <source>Telemetry</source>
        <translation>Télémétrie</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Unknown (keyring unavailable)</source>
        <translation>Inconnu (trousseau indisponible)</translation>
    </message>
    <message>
        <source>Added by {user}</source>
        <translation>Ajouté par {user}</translation>
    </message>
    <message>
        <source>These settings are &amp;set by your IT policy ({source}) and cannot be changed here.</source>
        <translation>Ces paramètres sont &amp;définis par votre politique des TI ({source}) et ne peuvent pas être modifiés ici.</translation>
    </message>
    <message>
        <source>Your IT policy &amp;sets no setting: nothing is locked.</source>
        <translation>Votre politique des TI ne &amp;définit aucun paramètre&#xa0;: rien n’est verrouillé.</translation>
    </message>
    <message>
        <source>Remove the selected account and its secret</source>
        <translation>Supprimer le compte choisi et son secret</translation>
    </message>
    <message>
        <source>Account {name} added; its secret is in the OS keyring.</source>
        <translation>Compte {name} ajouté; son secret est dans le trousseau du système.</translation>
    </message>
    <message>
        <source>The secret of {name} is stored in the OS keyring.</source>
        <translation>Le secret de {name} est enregistré dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Account {name} removed, with its secret.</source>
        <translation>Compte {name} supprimé, avec son secret.</translation>
    </message>
    <message>
        <source>Default targets saved.</source>
        <translation>Destinations par défaut enregistrées.</translation>
    </message>
    <message>
        <source>Default: {url}</source>
        <translation>Par défaut&#xa0;: {url}</translation>
    </message>
    <message>
        <source>Required: the https:// address of the server</source>
        <translation>Obligatoire&#xa0;: l’adresse https:// du serveur</translation>
    </message>
    <message>
        <source>For example {name}</source>
        <translation>Par exemple {name}</translation>
    </message>
    <message>
        <source>For example {handle}</source>
        <translation>Par exemple {handle}</translation>
    </message>
    <message>
        <source>Settings — Tandem</source>
        <translation>Paramètres — Tandem</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Default targets</source>
        <translation>Destinations par défaut</translation>
    </message>
    <message>
        <source>IT policy</source>
        <translation>Politique des TI</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Pages des paramètres</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Secret stored</source>
        <translation>Secret enregistré</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Publishing accounts</source>
        <translation>Comptes de publication</translation>
    </message>
    <message>
        <source>Secrets are kept in the OS keyring; this list only says whether one is stored.</source>
        <translation>Les secrets sont gardés dans le trousseau du système; cette liste indique seulement s’il y en a un.</translation>
    </message>
    <message>
        <source>New secret for the selected account:</source>
        <translation>Nouveau secret pour le compte choisi&#xa0;:</translation>
    </message>
    <message>
        <source>New secret for the selected account</source>
        <translation>Nouveau secret pour le compte choisi</translation>
    </message>
    <message>
        <source>App password or token</source>
        <translation>Mot de passe d’application ou jeton</translation>
    </message>
    <message>
        <source>Store secret</source>
        <translation>Enregistrer le secret</translation>
    </message>
    <message>
        <source>Store the secret in the OS keyring</source>
        <translation>Enregistrer le secret dans le trousseau du système</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <source>Remove the selected account</source>
        <translation>Supprimer le compte choisi</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Ajouter un compte</translation>
    </message>
    <message>
        <source>&amp;Network:</source>
        <translation>&amp;Réseau&#xa0;:</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>N&amp;om&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation>O&amp;rdre&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Handle:</source>
        <translation>&amp;Identifiant&#xa0;:</translation>
    </message>
    <message>
        <source>Se&amp;cret:</source>
        <translation>Se&amp;cret&#xa0;:</translation>
    </message>
    <message>
        <source>Network of the new account</source>
        <translation>Réseau du nouveau compte</translation>
    </message>
    <message>
        <source>Name of the new account</source>
        <translation>Nom du nouveau compte</translation>
    </message>
    <message>
        <source>Language of the new account</source>
        <translation>Langue du nouveau compte</translation>
    </message>
    <message>
        <source>Order of the languages</source>
        <translation>Ordre des langues</translation>
    </message>
    <message>
        <source>One post with both languages when they fit</source>
        <translation>Une seule publication avec les deux langues si elles tiennent</translation>
    </message>
    <message>
        <source>Server address of the new account</source>
        <translation>Adresse du serveur du nouveau compte</translation>
    </message>
    <message>
        <source>Handle of the new account</source>
        <translation>Identifiant du nouveau compte</translation>
    </message>
    <message>
        <source>Secret of the new account</source>
        <translation>Secret du nouveau compte</translation>
    </message>
    <message>
        <source>Goes to the OS keyring only</source>
        <translation>Va seulement dans le trousseau du système</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Ajouter le compte</translation>
    </message>
    <message>
        <source>Add the account</source>
        <translation>Ajouter le compte</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Bilingual</source>
        <translation>Bilingue</translation>
    </message>
    <message>
        <source>English first</source>
        <translation>Anglais d’abord</translation>
    </message>
    <message>
        <source>French first</source>
        <translation>Français d’abord</translation>
    </message>
    <message>
        <source>&amp;Accounts a post goes to when it has no targets of its own. Every network needs both languages: an English and a French account, or one bilingual account.</source>
        <translation>&amp;Comptes où va une publication qui n’a pas ses propres destinations. Chaque réseau doit recevoir les deux langues&#xa0;: un compte anglais et un compte français, ou un seul compte bilingue.</translation>
    </message>
    <message>
        <source>Save default targets</source>
        <translation>Enregistrer les destinations par défaut</translation>
    </message>
    <message>
        <source>Save the default targets</source>
        <translation>Enregistrer les destinations par défaut</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <source>Settings locked by the IT policy</source>
        <translation>Paramètres verrouillés par la politique des TI</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the settings</source>
        <translation>Fermer les paramètres</translation>
    </message>
</context>
<context>
    <name>SettingsLauncher</name>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Publishing accounts, default targets and the settings your IT policy locks (Ctrl+,)</source>
        <translation>Comptes de publication, destinations par défaut et paramètres verrouillés par votre politique des TI (Ctrl+,)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Every command has a key. Tab and Shift+Tab move between controls; a suggested translation is accepted with Tab and dismissed with Escape.</source>
        <translation>Chaque commande a sa touche. Tab et Maj+Tab passent d’une commande à l’autre; une traduction suggérée s’accepte avec Tab et s’écarte avec Échap.</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the list of shortcuts</source>
        <translation>Fermer la liste des raccourcis</translation>
    </message>
</context>
<context>
    <name>SpellCheckFeature</name>
    <message>
        <source>No suggestions</source>
        <translation>Aucune suggestion</translation>
    </message>
    <message>
        <source>Add “%1” to my dictionary</source>
        <translation>Ajouter «&#xa0;%1&#xa0;» à mon dictionnaire</translation>
    </message>
    <message>
        <source>Add “%1” to the team dictionary</source>
        <translation>Ajouter «&#xa0;%1&#xa0;» au dictionnaire de l’équipe</translation>
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
<context>
    <name>SuggestionController</name>
    <message>
        <source>Suggested by machine translation</source>
        <translation>Suggestion de la traduction automatique</translation>
    </message>
    <message>
        <source>Suggested from translation memory</source>
        <translation>Suggestion de la mémoire de traduction</translation>
    </message>
    <message>
        <source>{kind}: Tab accepts it, Esc dismisses it.</source>
        <translation>{kind}&#xa0;: Tab l’accepte, Échap l’écarte.</translation>
    </message>
    <message>
        <source>{kind}: press {shortcut}, then Tab to accept it.</source>
        <translation>{kind}&#xa0;: appuyez sur {shortcut}, puis sur Tab pour l’accepter.</translation>
    </message>
    <message>
        <source>A suggested translation is shown: Tab accepts it, Escape dismisses it.</source>
        <translation>Une traduction suggérée est affichée&#xa0;: Tab l’accepte, Échap l’écarte.</translation>
    </message>
    <message>
        <source>{language} suggestion saved as version {seq} ({origin}); it needs linguistic review.</source>
        <translation>Suggestion pour le texte {language} enregistrée comme version {seq} ({origin}); elle doit passer la révision linguistique.</translation>
    </message>
    <message>
        <source>The {language} text already is this suggestion (version {seq}).</source>
        <translation>Le texte {language} est déjà cette suggestion (version {seq}).</translation>
    </message>
    <message>
        <source>There is no {language} text to translate yet.</source>
        <translation>Il n’y a pas encore de texte {language} à traduire.</translation>
    </message>
    <message>
        <source>Replace the {language} text?</source>
        <translation>Remplacer le texte {language}?</translation>
    </message>
    <message>
        <source>The {language} text was written by a person. Replace it with a suggestion? It stays in the version history.</source>
        <translation>Le texte {language} a été rédigé par une personne. Le remplacer par une suggestion? Il reste dans l’historique des versions.</translation>
    </message>
    <message>
        <source>Suggesting {language}…</source>
        <translation>Suggestion du texte {language} en cours…</translation>
    </message>
    <message>
        <source>&amp;Suggest French</source>
        <translation>&amp;Suggérer le français</translation>
    </message>
    <message>
        <source>Translate the English text into a new French version ({shortcut})</source>
        <translation>Traduire le texte anglais en une nouvelle version française ({shortcut})</translation>
    </message>
    <message>
        <source>&amp;Suggest English</source>
        <translation>&amp;Suggérer l’anglais</translation>
    </message>
    <message>
        <source>Translate the French text into a new English version ({shortcut})</source>
        <translation>Traduire le texte français en une nouvelle version anglaise ({shortcut})</translation>
    </message>
</context>
<context>
    <name>TerminologyScreen</name>
    <message>
        <source>&amp;Terms: {shown} of {total} (type to narrow the list)</source>
        <translation>&amp;Termes&#xa0;: {shown} sur {total} (tapez pour restreindre la liste)</translation>
    </message>
    <message>
        <source>&amp;Terms ({count}):</source>
        <translation>&amp;Termes ({count})&#xa0;:</translation>
    </message>
    <message>
        <source>Import terms</source>
        <translation>Importer des termes</translation>
    </message>
    <message>
        <source>Termbases (*.tbx *.tsv *.txt);;All files (*)</source>
        <translation>Bases terminologiques (*.tbx *.tsv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export terms</source>
        <translation>Exporter les termes</translation>
    </message>
    <message>
        <source>TBX (*.tbx);;Tab-separated values (*.tsv)</source>
        <translation>TBX (*.tbx);;Valeurs séparées par des tabulations (*.tsv)</translation>
    </message>
    <message>
        <source>{count} terms written to {file}.</source>
        <translation>{count} termes écrits dans {file}.</translation>
    </message>
    <message>
        <source>Terminology</source>
        <translation>Terminologie</translation>
    </message>
    <message>
        <source>&amp;Terminology…</source>
        <translation>&amp;Terminologie…</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>Term to find, in either language</source>
        <translation>Terme à trouver, dans l’une ou l’autre langue</translation>
    </message>
    <message>
        <source>a name or an abbreviation</source>
        <translation>un nom ou une abréviation</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>Abbr.</source>
        <translation>Abrév.</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Termes</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>Import terms from a TBX or TSV file</source>
        <translation>Importer des termes depuis un fichier TBX ou TSV</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Export every term as TBX or TSV</source>
        <translation>Exporter tous les termes en TBX ou TSV</translation>
    </message>
    <message>
        <source>&amp;Terms:</source>
        <translation>&amp;Termes&#xa0;:</translation>
    </message>
</context>
<context>
    <name>TranslatorHost</name>
    <message>
        <source>Language packages: {problems}</source>
        <translation>Paquets linguistiques&#xa0;: {problems}</translation>
    </message>
    <message>
        <source>Installed language packages: {packages}.</source>
        <translation>Paquets linguistiques installés&#xa0;: {packages}.</translation>
    </message>
    <message>
        <source>No translation model is installed: suggestions come from translation memory only. Add one with File → Install language package…</source>
        <translation>Aucun modèle de traduction n’est installé&#xa0;: les suggestions viennent uniquement de la mémoire de traduction. Ajoutez-en un avec Fichier → Installer un paquet linguistique…</translation>
    </message>
</context>
<context>
    <name>UsersRolesScreen</name>
    <message>
        <source>Only an administrator can grant or take back roles; you can see who holds what.</source>
        <translation>Seul un administrateur peut attribuer ou retirer des rôles&#xa0;; vous pouvez voir qui détient quoi.</translation>
    </message>
    <message>
        <source>IT policy (locked)</source>
        <translation>Politique informatique (verrouillé)</translation>
    </message>
    <message>
        <source>Tandem</source>
        <translation>Tandem</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Translator</source>
        <translation>Traducteur</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Approver ({step})</source>
        <translation>Approbateur ({step})</translation>
    </message>
    <message>
        <source>Type a user name and choose a role.</source>
        <translation>Tapez un nom d’utilisateur et choisissez un rôle.</translation>
    </message>
    <message>
        <source>{user} now has the {role} role.</source>
        <translation>{user} a maintenant le rôle {role}.</translation>
    </message>
    <message>
        <source>{user} already had the {role} role.</source>
        <translation>{user} avait déjà le rôle {role}.</translation>
    </message>
    <message>
        <source>{user} no longer has the {role} role.</source>
        <translation>{user} n’a plus le rôle {role}.</translation>
    </message>
    <message>
        <source>Users and roles</source>
        <translation>Utilisateurs et rôles</translation>
    </message>
    <message>
        <source>&amp;Users and roles…</source>
        <translation>&amp;Utilisateurs et rôles…</translation>
    </message>
    <message>
        <source>Authors write posts, translators sign off translations, approvers approve their step of the chain, publishers publish, administrators manage roles and the chain.</source>
        <translation>Les auteurs rédigent les publications, les traducteurs valident les traductions, les approbateurs approuvent leur étape de la chaîne, les éditeurs publient, les administrateurs gèrent les rôles et la chaîne.</translation>
    </message>
    <message>
        <source>&amp;Roles held:</source>
        <translation>&amp;Rôles détenus&#xa0;:</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>Défini par</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>Attribué par</translation>
    </message>
    <message>
        <source>Roles held</source>
        <translation>Rôles détenus</translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation>U&amp;tilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>login name, e.g. jsmith</source>
        <translation>nom de connexion, p.&#xa0;ex. jtremblay</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>R&amp;ôle&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Grant</source>
        <translation>Attri&amp;buer</translation>
    </message>
    <message>
        <source>Grant the role to the user</source>
        <translation>Attribuer le rôle à l’utilisateur</translation>
    </message>
    <message>
        <source>Ta&amp;ke back</source>
        <translation>Retir&amp;er</translation>
    </message>
    <message>
        <source>Take the role back from the user</source>
        <translation>Retirer le rôle à l’utilisateur</translation>
    </message>
</context>
<context>
    <name>WorkWatcher</name>
    <message>
        <source>Nothing is waiting for you.</source>
        <extracomment>How long a status-bar notice stays (ms).</extracomment>
        <translation>Rien ne vous attend.</translation>
    </message>
    <message>
        <source>Tandem: work waiting for you</source>
        <translation>Tandem&#xa0;: du travail vous attend</translation>
    </message>
    <message>
        <source>Pairs to review: {count}</source>
        <translation>Paires à réviser&#xa0;: {count}</translation>
    </message>
    <message>
        <source>Approval steps waiting for you: {count}</source>
        <translation>Étapes d’approbation qui vous attendent&#xa0;: {count}</translation>
    </message>
    <message>
        <source>Approved posts to publish: {count}</source>
        <translation>Publications approuvées à publier&#xa0;: {count}</translation>
    </message>
    <message>
        <source>Posts published in one language only: {count}</source>
        <translation>Publications dans une seule langue&#xa0;: {count}</translation>
    </message>
    <message>
        <source>To review: “{title}”</source>
        <translation>À réviser&#xa0;: «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>To approve: “{title}”</source>
        <translation>À approuver&#xa0;: «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>To publish: “{title}”</source>
        <translation>À publier&#xa0;: «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>Published in one language only: “{title}”</source>
        <translation>Publiée dans une seule langue&#xa0;: «&#xa0;{title}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>XliffScreen</name>
    <message>
        <source>Export XLIFF</source>
        <translation>Exporter en XLIFF</translation>
    </message>
    <message>
        <source>XLIFF 2.0 (*.xlf *.xliff)</source>
        <translation>XLIFF 2.0 (*.xlf *.xliff)</translation>
    </message>
    <message>
        <source>Post {id} written to {file}: send it to the translation tool.</source>
        <translation>Publication {id} écrite dans {file}&#xa0;: envoyez-la à l’outil de traduction.</translation>
    </message>
    <message>
        <source>Import XLIFF</source>
        <translation>Importer un XLIFF</translation>
    </message>
    <message>
        <source>XLIFF 2.0 (*.xlf *.xliff);;All files (*)</source>
        <translation>XLIFF 2.0 (*.xlf *.xliff);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>{language} version {seq} of post {id} recorded from the file; it needs a sign-off.</source>
        <translation>Version {seq} en {language} de la publication {id} enregistrée depuis le fichier&#xa0;; elle doit être validée.</translation>
    </message>
    <message>
        <source>Post {id} unchanged: the file&apos;s {language} translation is the current text.</source>
        <translation>Publication {id} inchangée&#xa0;: la traduction en {language} du fichier est le texte actuel.</translation>
    </message>
    <message>
        <source>XLIFF export and import</source>
        <translation>Export et import XLIFF</translation>
    </message>
    <message>
        <source>&amp;XLIFF export and import…</source>
        <translation>&amp;XLIFF&#xa0;: export et import…</translation>
    </message>
    <message>
        <source>Send a post to a translation tool</source>
        <translation>Envoyer une publication à un outil de traduction</translation>
    </message>
    <message>
        <source>&amp;Post number:</source>
        <translation>Numéro de la &amp;publication&#xa0;:</translation>
    </message>
    <message>
        <source>Number of the post to export</source>
        <translation>Numéro de la publication à exporter</translation>
    </message>
    <message>
        <source>&amp;Translate from:</source>
        <translation>&amp;Traduire depuis&#xa0;:</translation>
    </message>
    <message>
        <source>Source language</source>
        <translation>Langue source</translation>
    </message>
    <message>
        <source>&amp;Export XLIFF…</source>
        <translation>&amp;Exporter en XLIFF…</translation>
    </message>
    <message>
        <source>Export the post as XLIFF 2.0</source>
        <translation>Exporter la publication en XLIFF 2.0</translation>
    </message>
    <message>
        <source>Bring a translation back</source>
        <translation>Rapporter une traduction</translation>
    </message>
    <message>
        <source>The translated file becomes a new version of the target language; it needs a sign-off like any other translation.</source>
        <translation>Le fichier traduit devient une nouvelle version de la langue cible&#xa0;; il doit être validé comme toute autre traduction.</translation>
    </message>
    <message>
        <source>Translation t&amp;ool (recorded):</source>
        <translation>&amp;Outil de traduction (consigné)&#xa0;:</translation>
    </message>
    <message>
        <source>Name of the translation tool used</source>
        <translation>Nom de l’outil de traduction utilisé</translation>
    </message>
    <message>
        <source>&amp;Import XLIFF…</source>
        <translation>&amp;Importer un XLIFF…</translation>
    </message>
    <message>
        <source>Import a translated XLIFF file</source>
        <translation>Importer un fichier XLIFF traduit</translation>
    </message>
</context>
</TS>
