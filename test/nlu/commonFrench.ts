/**
 * About 1,000 of the most common French words, accent-folded as `normalizeTokens` gives
 * them, written from general knowledge of French word frequency (function words, the most
 * used verbs in their usual forms, everyday nouns, adjectives and adverbs, and the words of
 * a neighbourly help request). Used to check that the typo corrector never rewrites them.
 */
export const COMMON_FRENCH_WORDS: readonly string[] = `
le la les un une des du de au aux et ou mais donc or ni car que qui quoi dont ou ce cet cette ces
mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs je tu il elle on nous vous ils elles
me te se moi toi lui eux en y ne pas plus jamais rien personne aucun aucune tout tous toute toutes
autre autres meme memes quel quelle quels quelles chaque plusieurs quelque quelques certain certaine
certains certaines tel telle tels telles dans sur sous avec sans pour par vers chez entre depuis pendant
avant apres devant derriere contre selon malgre parmi jusque jusqu comme si quand lorsque puisque
parce alors ainsi aussi encore deja toujours souvent parfois jamais bientot tot tard hier demain
aujourd hui maintenant ici la bas loin pres dedans dehors dessus dessous partout ailleurs oui non peut
etre bien mal mieux pire tres trop peu beaucoup assez tant autant moins presque vraiment seulement
surtout enfin ensuite puis soudain vite lentement doucement ensemble environ vraiment simplement
etre suis es est sommes etes sont etais etait etions etiez etaient serai seras sera serons serez seront
serais serait serions seriez seraient sois soit soyons soyez soient ete fus fut
avoir ai as avons avez ont avais avait avions aviez avaient aurai auras aura aurons aurez auront
aurais aurait aurions auriez auraient aie aies ait ayons ayez aient eu eue eus eut
faire fais fait faisons faites font faisais faisait ferai fera ferons ferez feront ferais ferait fasse
aller vais vas va allons allez vont allais allait irai ira irons irez iront irais irait aille alle allee
venir viens vient venons venez viennent venais venait viendrai viendra viendrait venu venue venus
pouvoir peux peut pouvons pouvez peuvent pouvais pouvait pourrai pourra pourrais pourrait pourriez pu puisse
vouloir veux veut voulons voulez veulent voulais voulait voudrais voudrait voudriez voulu veuille
devoir dois doit devons devez doivent devais devait devrais devrait devriez du due doive
savoir sais sait savons savez savent savais savait saurai saurais su sache
dire dis dit disons dites disent disais disait dirai dira dirait
voir vois voit voyons voyez voient voyais voyait verrai verra vu vue
prendre prends prend prenons prenez prennent prenais prenait prendrai prendra pris prise
donner donne donnes donnons donnez donnent donnais donnait donnerai donnera donne donnee
mettre mets met mettons mettez mettent mis mise mettrai mettra
passer passe passes passons passez passent passais passait passerai passera
trouver trouve trouves trouvons trouvez trouvent trouvais trouvait trouverai
parler parle parles parlons parlez parlent parlais parlait parlerai
aimer aime aimes aimons aimez aiment aimais aimait aimerais aimerait
croire crois croit croyons croyez croient cru
demander demande demandes demandons demandez demandent demandais demandait
rester reste restes restons restez restent restais restait
penser pense penses pensons pensez pensent pensais pensait
tenir tiens tient tenons tenez tiennent tenu
sembler semble semblent semblait
laisser laisse laisses laissons laissez laissent
attendre attends attend attendons attendez attendent attendu
comprendre comprends comprend comprenons comprenez comprennent compris
connaitre connais connait connaissons connaissez connaissent connu
partir pars part partons partez partent parti partie
sortir sors sort sortons sortez sortent sorti sortie
entrer entre entres entrons entrez entrent entre
rentrer rentre rentrons rentrez rentrent
arriver arrive arrives arrivons arrivez arrivent arrivais arrivait
appeler appelle appelles appelons appelez appellent appelais appelait
regarder regarde regardes regardons regardez regardent
chercher cherche cherches cherchons cherchez cherchent cherchais cherchait
porter porte portes portons portez portent portais portait
ecrire ecris ecrit ecrivons ecrivez ecrivent
lire lis lit lisons lisez lisent lu
vivre vis vit vivons vivez vivent vecu
sentir sens sent sentons sentez sentent senti
rendre rends rend rendons rendez rendent rendu
ouvrir ouvre ouvres ouvrons ouvrez ouvrent ouvert
fermer ferme fermes fermons fermez ferment ferme
finir finis finit finissons finissez finissent fini
commencer commence commences commencons commencez commencent
aider aide aides aidons aidez aident aidais aidait aiderai aidera aiderait
payer paie paye payons payez paient paye
acheter achete achetes achetons achetez achetent
manger mange manges mangeons mangez mangent
boire bois boit buvons buvez boivent bu
dormir dors dort dormons dormez dorment
jouer joue joues jouons jouez jouent
travailler travaille travailles travaillons travaillez travaillent
habiter habite habites habitons habitez habitent
marcher marche marches marchons marchez marchent
monter monte montes montons montez montent
descendre descends descend descendons descendez descendent
apporter apporte apportes apportons apportez apportent
amener amene amenes amenons amenez amenent
emmener emmene emmenes
envoyer envoie envoies envoyons envoyez envoient envoye
recevoir recois recoit recevons recevez recoivent recu
repondre reponds repond repondons repondez repondent
utiliser utilise utilises utilisons utilisez utilisent
essayer essaie essaye essayons essayez essaient
proposer propose proposes proposons proposez proposent
remercier remercie remercies remercions remerciez remercient
expliquer explique expliques expliquons expliquez expliquent
imprimer imprime imprimes imprimons imprimez impriment
garder garde gardes gardons gardez gardent
promener promene promenes promenons promenez promenent
preparer prepare prepares preparons preparez preparent
changer change changes changeons changez changent
oublier oublie oublies oublions oubliez oublient
apprendre apprends apprend apprenons apprenez apprennent appris
montrer montre montres montrons montrez montrent
occuper occupe occupes occupons occupez occupent
installer installe installes installons installez installent
nettoyer nettoie nettoies nettoyons nettoyez nettoient
reparer repare repares reparons reparez reparent
conduire conduis conduit conduisons conduisez conduisent
chose choses homme hommes femme femmes enfant enfants fille filles fils garcon garcons bebe
mere pere mari epouse frere soeur oncle tante cousin cousine grand mere grands parents famille
ami amie amis amies voisin voisine voisins voisines gens monde personne personnes madame monsieur
jour jours nuit nuits matin matins soir soirs semaine semaines mois an ans annee annees heure heures
minute minutes moment moments temps fois lundi mardi mercredi jeudi vendredi samedi dimanche
janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
maison maisons appartement immeuble rue rues quartier ville village porte portes fenetre chambre
cuisine salon jardin cour escalier ascenseur etage garage voiture voitures bus train velo route
main mains tete yeux oeil pied pieds bras jambe jambes dos coeur corps
eau pain lait cafe the vin viande poisson legumes fruits pomme pommes sucre sel repas dejeuner diner
courses magasin marche supermarche pharmacie medecin docteur hopital ordonnance ecole college lycee
travail bureau mairie poste banque argent euros prix service services aide coup besoin envie
question questions reponse reponses probleme problemes idee idees raison fin debut milieu cote
place lieu endroit pays france monde vie histoire mot mots nom noms numero telephone message messages
lettre lettres papier papiers dossier livre livres journal photo photos image ordinateur internet
chien chiens chat chats animal animaux oiseau
chose truc machin affaire affaires sac sacs carton cartons boite boites cle cles
tout rien quelque chose beaucoup peu plupart moitie partie
bon bonne bons bonnes grand grande grands grandes petit petite petits petites nouveau nouvelle
nouveaux vieux vieille vieilles jeune jeunes beau belle beaux belles gros grosse long longue
court courte haut haute bas basse premier premiere dernier derniere prochain prochaine seul seule seuls
vrai vraie faux fausse possible impossible facile difficile simple important importante
libre disponible pret prete content contente heureux heureuse triste fatigue fatiguee malade
gentil gentille sympa super genial agreable propre sale chaud chaude froid froide plein pleine vide
rouge bleu vert blanc blanche noir noire jaune gris
un deux trois quatre cinq six sept huit neuf dix onze douze vingt trente cent mille
premier deuxieme troisieme
bonjour bonsoir salut merci pardon excusez desole desolee svp bravo
cours mot parole paroles voix bruit musique film television radio
eglise magasin boulangerie marche parc plage mer montagne soleil pluie vent neige
ecole classe eleve eleves professeur maitre devoirs lecon lecons exercice exercices examen
sante medicament medicaments vaccin masque masques gel
mois annee saison ete hiver printemps automne week
depart retour voyage vacances fete anniversaire noel
gauche droite droit milieu centre nord sud est ouest
pourquoi comment combien lequel laquelle lesquels
`
  .split(/\s+/)
  .filter((word, index, all) => word.length > 0 && all.indexOf(word) === index);
