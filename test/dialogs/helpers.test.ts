/**
 * The small pure pieces of the dialogs: commands despite typos, payloads from Messenger or
 * typed, the emergency numbers by kind (long texts split for Messenger: test/services/splitText.test.ts).
 */
import { strict as assert } from 'node:assert';
import { emergencyText } from '../../dialogs/emergency';
import { readCommand, readYesNo } from '../../dialogs/keywords';
import { categoryFromPayload, idAfter, readLocation, readPayload, readText } from '../../dialogs/payload';
import { shortTitle } from '../../dialogs/replies';

describe('dialogs: helpers', function () {
  const commands: Array<[string, string | undefined]> = [
    ['annuler', 'cancel'],
    ['Annuler.', 'cancel'],
    ['ANNULÉ', 'cancel'],
    ['anuler', 'cancel'],
    ['annulez', 'cancel'],
    ['stop', 'cancel'],
    ['Arrêter', 'cancel'],
    ['menu', 'menu'],
    ['Retour au menu', 'menu'],
    ['aide', 'help'],
    ['Aide !', 'help'],
    ["j'ai besoin d'aide pour mes courses", undefined],
    ['stopper la pluie', undefined],
    ['annuaire', undefined],
  ];
  for (const [text, expected] of commands) {
    it(`reads «${text}» as ${expected ?? 'no command'}`, function () {
      assert.equal(readCommand(text), expected);
    });
  }

  it('reads oui / non and their variants', function () {
    assert.equal(readYesNo('Oui'), true);
    assert.equal(readYesNo("d'accord"), true);
    assert.equal(readYesNo('ouii'), true);
    assert.equal(readYesNo('Non merci'), false);
    assert.equal(readYesNo('peut-être'), undefined);
  });

  it('reads payloads from Messenger values and from typed payload texts', function () {
    assert.equal(readPayload({ value: { payload: 'MENU_OFFER' }, text: 'Proposer de l’aide' }), 'MENU_OFFER');
    assert.equal(readPayload({ text: 'MENU_NEED' }), 'MENU_NEED');
    assert.equal(readPayload({ text: 'GET_STARTED' }), 'GET_STARTED');
    assert.equal(
      readPayload({ text: 'MATCH_PICK_5f0c1a2b3c4d5e6f70819203' }),
      'MATCH_PICK_5f0c1a2b3c4d5e6f70819203',
    );
    assert.equal(readPayload({ text: 'Je propose MENU' }), undefined);
    assert.equal(readPayload({ text: 'jean_dupont@example.org' }), undefined);
    assert.equal(readText({ text: 'MENU_NEED' }), undefined);
    assert.equal(readText({ text: ' bonjour ' }), 'bonjour');
  });

  it('reads shared locations and ignores malformed ones', function () {
    assert.deepEqual(readLocation({ value: { location: { lat: 43.58, lon: 5 } } }), { lat: 43.58, lon: 5 });
    assert.equal(readLocation({ value: { location: { lat: '43', lon: 5 } } }), undefined);
    assert.equal(readLocation({ value: { payload: 'X' } }), undefined);
  });

  it('reads categories and ids from payloads', function () {
    assert.equal(categoryFromPayload('CATEGORY_IT_ADMIN'), 'it_admin');
    assert.equal(categoryFromPayload('CATEGORY_UNKNOWN'), undefined);
    assert.equal(idAfter('ENTRY_PAUSE_5f0c1a2b3c4d5e6f70819203', 'ENTRY_PAUSE_'), '5f0c1a2b3c4d5e6f70819203');
    assert.equal(idAfter('ENTRY_PAUSE_5f0c1a2b3c4d5e6f70819203', 'ENTRY_'), undefined);
    assert.equal(idAfter('MATCH_ACCEPT_../../etc', 'MATCH_ACCEPT_'), undefined);
  });

  it('always gives 15, 17, 18, 112 and 114, and the lines of the kind of emergency', function () {
    for (const kind of ['medical', 'fire', 'suicide', 'violence', null] as const) {
      const text = emergencyText(kind);
      for (const number of ['15 :', '17 :', '18 :', '112 :', '114 :'])
        assert.ok(text.includes(number), `${kind} ${number}`);
      assert.equal(text.includes('3114'), kind === 'suicide');
      assert.equal(text.includes('3919'), kind === 'violence');
      assert.equal(text.includes('119 :'), kind === 'violence');
    }
  });

  it('cuts quick-reply titles to 20 characters', function () {
    assert.equal(shortTitle('Informatique/papiers'), 'Informatique/papiers');
    assert.equal(shortTitle('Un titre bien trop long pour Messenger').length, 20);
  });
});
