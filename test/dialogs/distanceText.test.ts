import assert from 'node:assert/strict';
import { distanceShort, distanceText } from '../../dialogs/matching/distanceText';

describe('dialogs: distances as residents read them', () => {
  it('says a band, never a figure of metres', () => {
    assert.equal(distanceText(0), 'à moins de 500 m');
    assert.equal(distanceText(432), 'à moins de 500 m');
    assert.equal(distanceText(582), "à moins d'1 km");
    assert.equal(distanceText(1000), "à moins d'1 km");
    assert.equal(distanceText(1450), 'à moins de 2 km');
  });

  it('fits a quick reply title', () => {
    assert.equal(distanceShort(432), '< 500 m');
    assert.equal(distanceShort(800), '< 1 km');
    assert.equal(distanceShort(2100), '< 3 km');
  });
});
