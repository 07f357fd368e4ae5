/**
 * The typed commands and answers an English speaker writes, read like their French forms.
 */
import assert from 'node:assert/strict';
import { readCommand, readSmallTalk, readTypedAnswer, readYesNo } from '../../dialogs/keywords';
import { resolveChoice } from '../../dialogs/prompts';
import { choice } from '../../dialogs/replies';
import { Payload } from '../../dialogs/payload';

describe('English commands and answers', function () {
  it('reads cancel, menu and help', function () {
    const cases: Array<[string, ReturnType<typeof readCommand>]> = [
      ['cancel', 'cancel'],
      ['Cancel!', 'cancel'],
      ['stop', 'cancel'],
      ['quit', 'cancel'],
      ['menu', 'menu'],
      ['Main menu', 'menu'],
      ['back to the menu', 'menu'],
      ['start over', 'menu'],
      ['help', 'help'],
      ['help please', 'help'],
      ['How does it work?', 'help'],
      ['I need help with my shopping', undefined],
    ];
    for (const [text, command] of cases) assert.equal(readCommand(text), command, text);
  });

  it('reads yes and no in their usual English forms', function () {
    for (const text of ['yes', 'Yes!', 'yeah', 'yep', 'yes please', 'sure', 'of course', 'I agree', 'ok']) {
      assert.equal(readYesNo(text), true, text);
    }
    for (const text of ['no', 'No.', 'nope', 'no thanks', 'no thank you', 'not really', "I don't agree"]) {
      assert.equal(readYesNo(text), false, text);
    }
    assert.equal(readYesNo('maybe later'), undefined);
  });

  it('reads a helper’s typed answer in English', function () {
    assert.equal(readTypedAnswer('yes of course, happy to help'), true);
    assert.equal(readTypedAnswer('sure, I can go on Saturday'), true);
    assert.equal(readTypedAnswer("sorry I can't this week"), false);
    assert.equal(readTypedAnswer("yes but I'm not available tomorrow"), false);
    assert.equal(readTypedAnswer('no, not this time'), false);
  });

  it('takes English thanks and nods for small talk', function () {
    assert.equal(readSmallTalk('thanks'), 'thanks');
    assert.equal(readSmallTalk('thank you'), 'thanks');
    assert.equal(readSmallTalk('got it'), 'acknowledgement');
    assert.equal(readSmallTalk('alright'), 'acknowledgement');
  });

  it('resolves a typed "yes"/"no" to English titles starting with Yes or No', function () {
    const choices = [choice('Yes, delete it all', 'DELETE_YES'), choice('No, keep it', 'DELETE_NO')];
    assert.equal(resolveChoice({ type: 'message', text: 'yes' }, choices), 'DELETE_YES');
    assert.equal(resolveChoice({ type: 'message', text: 'nope' }, choices), 'DELETE_NO');
    const yesNo = [choice('Yes', Payload.yes), choice('No', Payload.no)];
    assert.equal(resolveChoice({ type: 'message', text: 'sure' }, yesNo), Payload.yes);
    assert.equal(
      resolveChoice({ type: 'message', text: 'Keep this text' }, [choice('Keep this text', 'KEEP')]),
      'KEEP',
    );
  });
});
