import assert from 'node:assert/strict';
import { detectEmergency, type EmergencyKind } from '../../services/nlu/emergency';
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
});
