/**
 * The parts of `natural` this module uses, imported from their own files.
 *
 * @remarks
 * `import natural from 'natural'` loads every storage backend of the library, and each
 * of them calls `require('dotenv').config()`: that reads the working directory's `.env`
 * into `process.env` and prints a banner on standard output, which would corrupt the
 * JSON-lines output of `npm run nlu` and change the bot's environment behind its back.
 * Importing the classifier, stemmer and distance modules directly avoids both.
 */
export { BayesClassifier, LogisticRegressionClassifier } from 'natural/lib/natural/classifiers';
export { PorterStemmerFr } from 'natural/lib/natural/stemmers';
export { JaroWinklerDistance, LevenshteinDistance } from 'natural/lib/natural/distance';
