import assert from 'node:assert/strict';
import { buildVocabulary, correctedTokens, textFeatures } from '../../services/nlu/features';
import { foldAccents, normalizeText, normalizeTokens } from '../../services/nlu/normalize';
import { Vocabulary } from '../../services/nlu/typo';

describe('nlu normalisation', () => {
  it('lower-cases and folds accents and ligatures', () => {
    assert.equal(foldAccents('Élève CŒUR à l’École'), 'eleve coeur a l’ecole');
  });

  it('expands elisions with straight and curly apostrophes', () => {
    assert.equal(
      normalizeText("J'ai besoin de l'aide qu'il propose"),
      'je ai besoin de le aide que il propose',
    );
    assert.equal(normalizeText('J’ai'), 'je ai');
  });

  it('expands SMS shorthand', () => {
    assert.equal(
      normalizeText('jpeux faire les courses pr qqn'),
      'je peux faire les courses pour quelque un',
    );
    assert.equal(normalizeText('jsp svp'), 'je sais pas se il vous plait');
    assert.equal(
      normalizeText('slt mrc bcp qq1 ds le quartier'),
      'salut merci beaucoup quelque un dans le quartier',
    );
    assert.equal(normalizeText('jai une dmd'), 'je ai une demande');
    assert.equal(normalizeText('cc mci'), 'salut merci');
  });

  it('gives no token for empty, punctuation-only or emoji-only text', () => {
    assert.deepEqual(normalizeTokens(''), []);
    assert.deepEqual(normalizeTokens('😀🙏 !!! ...'), []);
  });
});

describe('nlu typo tolerance', () => {
  const vocabulary = new Vocabulary(['courses', 'pharmacie', 'medicaments', 'imprimer', 'besoin', 'chien']);

  it('corrects a close misspelling to the known word', () => {
    assert.equal(vocabulary.correct('coursses'), 'courses');
    assert.equal(vocabulary.correct('pharmacei'), 'pharmacie');
    assert.equal(vocabulary.correct('medicamens'), 'medicaments');
    assert.equal(vocabulary.correct('imprimmer'), 'imprimer');
  });

  it('leaves known, short, numeric and distant words alone', () => {
    assert.equal(vocabulary.correct('besoin'), 'besoin');
    assert.equal(vocabulary.correct('chat'), 'chat');
    assert.equal(vocabulary.correct('pr'), 'pr');
    assert.equal(vocabulary.correct('2024'), '2024');
    assert.equal(vocabulary.correct('ordinateur'), 'ordinateur');
  });

  it('feeds corrected, stemmed words and bigrams to the classifiers', () => {
    const trained = buildVocabulary(['je peux faire les courses']);
    assert.deepEqual(correctedTokens('jpeux fair les coursses', trained), [
      'je',
      'peux',
      'faire',
      'les',
      'courses',
    ]);
    const features = textFeatures('jpeux fair les coursses', trained);
    assert.ok(features.includes('cours'), 'stem of "courses"');
    assert.ok(features.includes('peux_fair'), 'bigram across the dropped article');
    assert.ok(!features.includes('le') && !features.includes('les'), 'articles are dropped');
  });
});
