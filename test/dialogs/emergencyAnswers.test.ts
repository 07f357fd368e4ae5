import assert from 'node:assert/strict';
import { readEmergencyAnswer, readsAsReassurance } from '../../dialogs/keywords';

describe('what residents type around an emergency', () => {
  it('reads a typed yes to « Est-ce une urgence ? »', () => {
    for (const text of [
      'oui',
      'Oui vite !!',
      'ouiii',
      'OUAIS',
      'yes',
      "c'est urgent",
      'au secours',
      'très grave',
    ]) {
      assert.equal(readEmergencyAnswer(text), true, text);
    }
  });

  it('reads a typed no, "pas urgent" included', () => {
    for (const text of [
      'non',
      'Non merci',
      'nn',
      'nooon',
      'no',
      'pas du tout',
      "non c'était il y a longtemps",
      "c'est pas urgent",
      "ce n'est pas une urgence",
      'ça va',
      'rien de grave',
    ]) {
      assert.equal(readEmergencyAnswer(text), false, text);
    }
  });

  it('reads neither in anything else', () => {
    for (const text of ['je sais pas trop', 'bof', 'peut-être', '', undefined, 'si vous pouvez venir']) {
      assert.equal(readEmergencyAnswer(text), undefined, String(text));
    }
  });

  it('hears that the danger is over once the numbers were given', () => {
    for (const text of [
      'non',
      'ça va',
      'fausse alerte',
      "c'était une fausse alerte, c'est le barbecue du voisin",
      'il va mieux',
      'ca va les pompiers sont la',
      'je me suis trompée',
    ]) {
      assert.equal(readsAsReassurance(text), true, text);
    }
    for (const text of ['il respire plus', "j'ai besoin d'aide pour mes courses", 'oui', '']) {
      assert.equal(readsAsReassurance(text), false, text);
    }
  });
});
