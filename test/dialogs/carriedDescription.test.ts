import assert from 'node:assert/strict';
import { carriedDescription } from '../../dialogs/entry/carriedDescription';

describe('the first message as the description', () => {
  it('carries a message that tells the request in detail, without its greeting', () => {
    for (const [message, expected] of [
      [
        'Bonsoir, il me faudrait quelqu un pour sortir mon chien le soir car je suis operee du genou',
        'Il me faudrait quelqu un pour sortir mon chien le soir car je suis operee du genou',
      ],
      [
        'slt jpeux faire les courses des personnes agees le mercredi aprem',
        'Jpeux faire les courses des personnes agees le mercredi aprem',
      ],
      [
        'I need someone to print my CAF forms, my printer is broken',
        'I need someone to print my CAF forms, my printer is broken',
      ],
      [
        "je propose d'aider les collégiens en maths et en français le soir",
        "Je propose d'aider les collégiens en maths et en français le soir",
      ],
    ]) {
      assert.equal(carriedDescription(message), expected, message);
    }
  });

  it('leaves a bare request to the description question', () => {
    for (const message of [
      "j'ai besoin d'aide",
      'bonjour je propose mon aide',
      "besoin d'aide pour les courses svp",
      'je voudrais aider mes voisins',
      'pharmacie',
      'Bonjour, je peux aider ?',
      '',
    ]) {
      assert.equal(carriedDescription(message), undefined, message);
    }
    assert.equal(carriedDescription(undefined), undefined);
  });
});
