import assert from 'node:assert/strict';
import { buildMessengerProfile } from '../../bot/messenger/profile';

describe('messenger/profile: buildMessengerProfile', () => {
  const body = buildMessengerProfile();

  it('has the Get Started button', () => {
    assert.deepEqual(body.get_started, { payload: 'GET_STARTED' });
  });

  it('greets in default and fr_FR within 160 characters, keeping Meta placeholders', () => {
    assert.deepEqual(
      body.greeting.map((greeting) => greeting.locale),
      ['default', 'fr_FR'],
    );
    for (const greeting of body.greeting)
      assert.ok(greeting.text.length > 0 && Array.from(greeting.text).length <= 160);
    assert.ok(body.greeting[1].text.includes('{{user_first_name}}'));
  });

  it('has the seven menu postbacks with titles of at most 30 characters', () => {
    const [menu] = body.persistent_menu;
    assert.equal(menu.locale, 'default');
    assert.equal(menu.composer_input_disabled, false);
    assert.deepEqual(
      menu.call_to_actions.map((action) => action.payload),
      [
        'MENU_OFFER',
        'MENU_NEED',
        'MENU_HUMAN',
        'MENU_MY_ENTRIES',
        'MENU_PRIVACY',
        'MENU_TESTIMONIAL',
        'MENU_HELP',
      ],
    );
    for (const action of menu.call_to_actions) {
      assert.equal(action.type, 'postback');
      assert.ok(action.title.length > 0 && Array.from(action.title).length <= 30);
    }
    assert.equal(menu.call_to_actions[0].title, 'Proposer mon aide');
  });
});
