/**
 * The parts of `natural` this module uses, imported from their own files.
 *
 * @remarks
 * `import natural from 'natural'` loads every storage backend of the library, and each
 * of them calls `require('dotenv').config()`: that reads the working directory's `.env`
 * into `process.env` and prints a banner on standard output, which would corrupt the
 * JSON-lines output of `npm run nlu` and change the bot's environment behind its back.
 * The folders' index files are no better for memory: `classifiers` loads the
 * maximum-entropy classifier with the part-of-speech tagger's English and Dutch lexicons,
 * `stemmers` every language's stemmer (with the Indonesian dictionary), together about
 * 18 MiB of resident memory the bot never uses. So each class or function comes from its
 * own file (the package has no `exports` map, so the paths are reachable; their types are
 * in `naturalModules.d.ts`).
 */
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier';
import LogisticRegressionClassifier from 'natural/lib/natural/classifiers/logistic_regression_classifier';
import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance';
import PorterStemmerFr from 'natural/lib/natural/stemmers/porter_stemmer_fr';

export { BayesClassifier, LogisticRegressionClassifier, PorterStemmerFr, JaroWinklerDistance };
export { LevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance';
