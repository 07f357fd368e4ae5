import assert from 'node:assert/strict';
import { NeighbourhoodMatcher } from '../../services/nlu/neighbourhood';
import { loadNeighbourhoods } from '../../services/places/neighbourhoods';

describe('nlu neighbourhoods', () => {
  const neighbourhoods = loadNeighbourhoods();
  const matcher = new NeighbourhoodMatcher(neighbourhoods);
  const id = (text: string): string | null => matcher.match(text)?.id ?? null;

  it('loads unique ids with centres inside Miramas', () => {
    assert.ok(neighbourhoods.length >= 6);
    assert.equal(new Set(neighbourhoods.map((n) => n.id)).size, neighbourhoods.length);
    for (const { centre } of neighbourhoods) {
      assert.ok(Math.abs(centre.lat - 43.5833) < 0.03 && Math.abs(centre.lon - 5.0017) < 0.03);
    }
  });

  const found: [string, string][] = [
    ["j'habite à La Maille 2", 'la-maille-2'],
    ['jhabite a la maile 2', 'la-maille-2'],
    ['maille II', 'la-maille-2'],
    ['Maille1', 'la-maille-1'],
    ['MIRAMAS LE VIEU', 'miramas-le-vieux'],
    ['je suis a la carrair', 'la-carraire'],
    ['aux molieres', 'les-molieres'],
    ['centre-ville', 'centre-ville'],
    ['Cité-Jardin', 'cite-jardins'],
    ['quartier mercure', 'le-mercure'],
  ];
  for (const [text, expected] of found) {
    it(`finds ${expected} in "${text}"`, () => assert.equal(id(text), expected));
  }

  for (const text of ['ma carrière', 'la maille', 'mercredi', 'au centre commercial', 'à Istres', '🙂']) {
    it(`finds nothing in "${text}"`, () => assert.equal(id(text), null));
  }

  it('never confuses Maille 1 with Maille 2', () => {
    assert.equal(id('la maille 1'), 'la-maille-1');
    assert.equal(id('la maille 2'), 'la-maille-2');
  });
});
