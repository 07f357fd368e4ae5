import assert from 'node:assert/strict';
import { assessEmergency, detectEmergency, type EmergencyKind } from '../../services/nlu/emergency';
import { normalizeText } from '../../services/nlu/normalize';

const detect = (text: string): EmergencyKind | null => detectEmergency(normalizeText(text));

describe('nlu emergency rules', () => {
  const cases: [string, EmergencyKind][] = [
    ['mon pere est tombé il respire mal', 'medical'],
    ['ma mère est tombee dans la cuisine', 'medical'],
    ['il respire plus', 'medical'],
    ["j'étouffe", 'medical'],
    ['il etouf', 'medical'],
    ['douleur à la poitrine depuis ce matin', 'medical'],
    ['elle fait un malaise', 'medical'],
    ['il a avalé des médicaments, beaucoup trop', 'medical'],
    ["j'ai envie d'en finir", 'suicide'],
    ['je veux me suicider', 'suicide'],
    ['jai plus envie de vivre', 'suicide'],
    ['AU FEU !!!', 'fire'],
    ['incendie dans l immeuble', 'fire'],
    ['ça brûle chez la voisine', 'fire'],
    ['il me frappe', 'violence'],
    ['violences conjugales', 'violence'],
    ['agression devant la pharmacie', 'violence'],
  ];
  for (const [text, kind] of cases) {
    it(`flags "${text}" as ${kind}`, () => assert.equal(detect(text), kind));
  }

  it('puts violence before the fall it caused', () => {
    assert.equal(detect('il me frappe et je suis tombée'), 'violence');
  });

  for (const text of [
    'je suis tombé sur votre page',
    'je suis tombée sur une annonce de la mairie',
    'ma box est tombée en panne',
    'ça tombe bien je suis dispo',
    "on a vu le feu d'artifice",
    'au feu rouge tournez à droite',
    'je peux faire les courses',
    'mon chat est tombé amoureux du voisin',
    'je voudrais en savoir plus',
    "j'ai avalé mes médicaments ce matin comme prévu",
    '',
  ]) {
    it(`does not flag "${text}"`, () => assert.equal(detect(text), null));
  }

  // Issue 12: the emergencies the old rules missed, in the words residents use.
  const missedBefore: [string, EmergencyKind][] = [
    ['mon petit a bu du produit vaisselle et de la javel', 'medical'],
    ['elle a la bouche qui part de travers et ne peut plus lever le bras', 'medical'],
    ['jai tout preparé les cachets sont sur la table', 'suicide'],
    ['je vais sauter du balcon ce soir', 'suicide'],
    ['il me cogne quand il a bu', 'violence'],
    ['il donne des coups de ceinture aux enfants', 'violence'],
    ['ça sent le gaz dans tout le couloir', 'fire'],
    ['my little girl swallowed batteries', 'medical'],
  ];
  for (const [text, kind] of missedBefore) {
    it(`now flags "${text}" as ${kind}`, () => assert.equal(detect(text), kind));
  }

  for (const text of [
    'mon mari a fait un AVC il y a deux ans, il va mieux',
    "l'hiver dernier ma mère est tombée dans l'escalier",
    'le plus vite possible',
    'dans la semaine',
    'ma mère',
    'mon mari',
    'elle vient demain',
    'mon ordinateur ne répond plus',
    'je suis mort de rire',
    'je me jette à l eau, je m inscris comme bénévole',
    "j'ai préparé les médicaments de ma mère dans le pilulier",
    'je suis en danger de rater mon bus',
    "l'alarme incendie sonne pour l'exercice",
    'au secours je comprends rien au formulaire de la caf',
    'le ciel est bleu',
  ]) {
    it(`gives no verdict on "${text}"`, () => assert.equal(assessEmergency(text), null));
  }

  it('asks rather than recites on a fall with nobody nor any injury said, and on suicide told in the past', () => {
    assert.deepEqual(assessEmergency('il est tombé'), { kind: 'medical', sure: false });
    assert.deepEqual(assessEmergency('il est tombé, il saigne de la tête'), {
      kind: 'medical',
      sure: true,
    });
    assert.equal(assessEmergency("mon frère s'est suicidé il y a trois ans")?.sure, false);
  });

  it('judges each sentence: an old event does not hide a new one', () => {
    assert.deepEqual(assessEmergency('Il y a deux ans il a fait un AVC. Là il ne répond plus.'), {
      kind: 'medical',
      sure: true,
    });
  });
});
