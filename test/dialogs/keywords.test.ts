import assert from 'node:assert/strict';
import {
  asksForMyEntries,
  readDataRequest,
  readFollowUpAnswer,
  readRenewalAnswer,
  readSmallTalk,
} from '../../dialogs/keywords';

describe('dialogs: everyday words', () => {
  it('reads questions about the service as small talk, not requests', () => {
    const cases: [string, string | undefined][] = [
      ['?', 'question'],
      ['??', 'question'],
      ["c'est gratuit ?", 'price'],
      ['ça coute combien', 'price'],
      ['c la mairie ?', 'who'],
      ['qui etes vous', 'who'],
      ['vous êtes un robot ?', 'bot'],
      ['je veux parler a un humain', undefined],
      ["je cherche qqn pour les courses c'est gratuit ?", undefined],
      ['bonjour', undefined],
      // A one-word approval is an acknowledgement, never a testimonial.
      ['top', 'acknowledgement'],
      ['Cool !', 'acknowledgement'],
      ['nickel', 'acknowledgement'],
      ['top merci', 'thanks'],
    ];
    for (const [text, expected] of cases) assert.equal(readSmallTalk(text), expected, text);
  });

  it('tells seeing, a copy and deleting one\u2019s data apart', () => {
    const cases: [string, string | undefined][] = [
      ['voir mes données', 'see'],
      ["qu'est-ce que vous savez sur moi", 'see'],
      ['envoyez-moi mes infos', 'export'],
      ['je voudrais une copie de mes données', 'export'],
      ['supprimez tout', 'delete'],
      ['effacer mon compte', 'delete'],
      ['supprimer mon annonce', undefined],
      ['je cherche qqn pour les courses', undefined],
    ];
    for (const [text, expected] of cases) assert.equal(readDataRequest(text), expected, text);
    assert.ok(asksForMyEntries('mes demandes en cours'));
    assert.ok(!asksForMyEntries('mes courses'));
  });

  it('reads typed answers to the renewal and the follow-up', () => {
    assert.equal(readRenewalAnswer('oui toujours'), true);
    assert.equal(readRenewalAnswer('gardez la svp'), true);
    assert.equal(readRenewalAnswer("non c'est bon j'ai trouvé"), false);
    assert.equal(readRenewalAnswer('plus besoin merci'), false);
    assert.equal(readRenewalAnswer('quand ?'), undefined);
    assert.equal(readFollowUpAnswer("oui ça s'est bien passé"), true);
    assert.equal(readFollowUpAnswer("personne n'est venu"), false);
    assert.equal(readFollowUpAnswer('je cherche un voisin pour mon chat'), undefined);
  });
});
