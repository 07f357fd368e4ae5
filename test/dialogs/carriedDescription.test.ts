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

  it('reads text-message framing, « il me faudrait » and « faire » as framing', function () {
    for (const message of [
      'slt jpropose mon aide pr les devoirs',
      'il me faudrait quelqu un pour aller a la pharmacie',
      'je propose de faire des masques en tissu',
      'bjr jcherche qqn pr les courses',
    ]) {
      assert.equal(carriedDescription(message), undefined, message);
    }
  });

  it('counts a compound as one word and leaves out the relative the form carries itself', function () {
    for (const message of [
      // « week-end » and « après-midi » are one detail each, not two.
      'jpeu aider pr les devoirs le week-end',
      "je propose d'aider aux devoirs l'après-midi",
      // The grandmother, the neighbour: the beneficiary, said by the form, not a detail.
      'slt jcherche des masques pr ma grand mere',
      'j ai besoin de courses pour ma voisine qui est malade',
      'il faut promener le chien de ma grand-mère',
    ]) {
      assert.equal(carriedDescription(message), undefined, message);
    }
    // A relative with details of their own still carries the message.
    assert.equal(
      carriedDescription('bonjour ma maman doit faire sa declaration de retraite sur internet'),
      'Ma maman doit faire sa declaration de retraite sur internet',
    );
  });
});
