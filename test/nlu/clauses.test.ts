import assert from 'node:assert/strict';
import { findAlsoRequested, splitClauses } from '../../services/nlu/clauses';
import type { Category, Intent } from '../../services/nlu';
import { sharedNlu } from '../dialogs/support/harness';

/** Classifiers that read a few words only: the splitter's own logic, without the model. */
const byWords = {
  intent: (text: string) => ({
    label: (/je peux|je propose/.test(text) ? 'offer' : 'other') as Intent,
    confidence: 0.9,
  }),
  category: (text: string) => {
    const label: Category = /courses/.test(text)
      ? 'groceries'
      : /imprim/.test(text)
        ? 'printing'
        : /chien/.test(text)
          ? 'pets'
          : 'other';
    return { label, confidence: label === 'other' ? 0.3 : 0.9 };
  },
};

describe('nlu two requests in one message', () => {
  it('cuts at the connectors between two clauses, never inside a short list', () => {
    assert.deepEqual(splitClauses('les courses et aussi imprimer un papier'), [
      ['les courses', 'imprimer un papier'],
    ]);
    assert.deepEqual(splitClauses('les courses, en plus promener le chien'), [
      ['les courses', 'promener le chien'],
    ]);
    assert.deepEqual(splitClauses('lundi et mardi'), []);
  });

  it('reports a second clause of another kind of help, with its own intent or the first one', () => {
    assert.deepEqual(
      findAlsoRequested('besoin pour les courses et aussi imprimer un papier', 'need', byWords),
      {
        first: { label: 'groceries', confidence: 0.9 },
        also: { intent: 'need', category: 'printing' },
      },
    );
    assert.deepEqual(
      findAlsoRequested('besoin pour les courses et puis je peux promener un chien', 'need', byWords)?.also,
      { intent: 'offer', category: 'pets' },
    );
  });

  it('reports nothing for one kind of help, or a clause without one', () => {
    assert.equal(findAlsoRequested('les courses du lundi et les courses du mardi', 'need', byWords), null);
    assert.equal(findAlsoRequested('les courses et aussi merci beaucoup', 'need', byWords), null);
  });

  it('understands the second request of real messages, and handles the first first', () => {
    const nlu = sharedNlu();
    const two = nlu.understand('slt jcherche qqn pr les courses et aussi pr imprimer un papier');
    assert.equal(two.intent, 'need');
    assert.equal(two.category, 'groceries');
    assert.deepEqual(two.alsoRequested, { intent: 'need', category: 'printing' });
    const offer = nlu.understand('je peux promener les chiens et puis aussi aider aux devoirs');
    assert.equal(offer.intent, 'offer');
    assert.deepEqual(offer.alsoRequested, { intent: 'offer', category: 'homework' });
    assert.equal(
      nlu.understand('je cherche quelqu un pour les courses le lundi et le mardi').alsoRequested,
      undefined,
    );
    assert.equal(nlu.understand("besoin d'aide pour mes courses").alsoRequested, undefined);
  });
});
