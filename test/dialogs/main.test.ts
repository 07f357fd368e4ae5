/**
 * MainDialog routing: menu payloads, free text by intent, asking instead of guessing,
 * misunderstandings counted in dialog state, interruptions in the middle of a dialog.
 * Over in-memory fakes of the dialogs' ports: no database.
 */
import { strict as assert } from 'node:assert';
import type { Nlu } from '../../services/nlu';
import { CONFIDENCE_THRESHOLD } from '../../dialogs/understanding';
import { startFakeConversation, type FakeConversation } from './support/fakes';
import { sharedNlu } from './support/harness';
import { keyPattern, payloadsOf, runTable, textsOf } from './support/table';
import * as tables from './testData/main';

const PSID = 'resident-main';

describe('dialogs: main routing', function () {
  let harness: FakeConversation;
  beforeEach(function () {
    harness = startFakeConversation(sharedNlu());
  });

  const reasons = () => Promise.resolve(harness.reasons(PSID));

  it('answers greetings, help, thanks, old payloads and attachments with the menu', async function () {
    await runTable(harness, PSID, tables.menuAnswers);
    assert.deepEqual(await reasons(), []);
  });

  it('flags a request for a person, from the menu or typed', async function () {
    await runTable(harness, PSID, tables.askForHuman);
    await runTable(harness, PSID, tables.askForHumanTyped);
    assert.deepEqual(await reasons(), ['asked_for_human', 'asked_for_human']);
  });

  it('asks to choose below the confidence threshold, and flags two misunderstandings in a row', async function () {
    // Which phrase scores low moves with the training data: pin one doubtful understanding.
    const model = sharedNlu();
    const doubtful: Nlu = Object.assign(Object.create(model) as Nlu, {
      understand: (text: string) =>
        text === 'La Maille'
          ? { ...model.understand(text), intent: 'need' as const, intentConfidence: CONFIDENCE_THRESHOLD / 2 }
          : model.understand(text),
    });
    harness = startFakeConversation(doubtful);
    await runTable(harness, PSID, tables.misunderstoodTwice);
    assert.deepEqual(await reasons(), ['misunderstood_twice']);
  });

  it('asks "est-ce une urgence ?" when only the classifier suspects one, and acts on the answer', async function () {
    // Which phrase the classifier doubts moves with the training data: pin one.
    const model = sharedNlu();
    const unsure = 'ma voisine ne va pas bien du tout';
    const doubting: Nlu = Object.assign(Object.create(model) as Nlu, {
      understand: (text: string) =>
        text === unsure
          ? { ...model.understand(text), emergency: null, unsureEmergency: true }
          : model.understand(text),
    });
    harness = startFakeConversation(doubting);
    const asked = await harness.say(PSID, unsure);
    assert.match(textsOf(asked), keyPattern('emergency.ask'));
    assert.doesNotMatch(textsOf(asked), /15 : SAMU/, 'no number before the answer');
    assert.deepEqual(payloadsOf(asked.at(-1)), ['EMERGENCY_YES', 'EMERGENCY_NO']);

    const no = await harness.say(PSID, { payload: 'EMERGENCY_NO' });
    assert.match(textsOf(no), keyPattern('emergency.notEmergency'));
    assert.equal(harness.handovers.length, 0);

    await harness.say(PSID, unsure);
    const yes = await harness.say(PSID, { payload: 'EMERGENCY_YES' });
    assert.match(textsOf(yes), /15 : SAMU/);
    assert.equal(harness.handovers.length, 1, 'handed to a referent');
    assert.deepEqual(await reasons(), ['emergency']);
  });

  it('never hands over on "ok", thanks or an emoji, however many in a row', async function () {
    for (const text of ['ok', 'ok', 'merci', '🙏', 'ok merci', "d'accord"]) await harness.say(PSID, text);
    assert.deepEqual(await reasons(), []);
    assert.equal(harness.handovers.length, 0);
  });

  it('does not flag misunderstandings that are not in a row', async function () {
    await runTable(harness, PSID, tables.misunderstoodApart);
    assert.deepEqual(await reasons(), []);
  });

  it('does not ask again for a category the first message made clear', async function () {
    await runTable(harness, PSID, tables.offerWithCategory);
  });

  it('does not ask how urgent a need the first message said was urgent', async function () {
    await runTable(harness, PSID, tables.urgentNeed);
  });

  it('explains and asks again on "aide", and stops on "menu"', async function () {
    await runTable(harness, PSID, tables.helpAndMenuMidDialog);
  });

  it('starts what a persistent-menu payload names, even in the middle of a dialog', async function () {
    await runTable(harness, PSID, tables.menuPayloadMidDialog);
  });

  it('asks again with the same choices when an answer fits none', async function () {
    await runTable(harness, PSID, tables.wrongAnswerRetried);
  });
});
