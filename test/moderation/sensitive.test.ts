import assert from 'node:assert/strict';
import { isSensitiveHandover } from '../../dialogs/moderation/sensitive';
import { screenText } from '../../dialogs/screening';

describe('dialogs/moderation/sensitive (which hand-overs stay within the neighbourhood)', () => {
  it('keeps emergencies, complaints, violence, health details and addresses within the neighbourhood', () => {
    assert.equal(isSensitiveHandover('emergency', []), true);
    assert.equal(isSensitiveHandover('complaint', ['le voisin est pas venu']), true);
    assert.equal(isSensitiveHandover('asked_for_human', ['mon fils me menace']), true);
    assert.equal(isSensitiveHandover('asked_for_human', ['je sors de l hôpital, chimio mardi']), true);
    const address = screenText('je suis au 12 rue des Lilas au 2eme').text;
    assert.equal(isSensitiveHandover('asked_for_human', [address]), true, address);
  });

  it('leaves an ordinary request to every referent', () => {
    assert.equal(
      isSensitiveHandover('asked_for_human', ['je voudrais parler a quelqu un pour les courses']),
      false,
    );
    assert.equal(isSensitiveHandover('misunderstood_twice', []), false);
  });
});
