/**
 * Types of the single files of `natural` that {@link ./natural.ts} imports.
 *
 * @remarks
 * The package declares types only for its folders' index files, which load every sibling
 * (all the languages' stemmers, the maximum-entropy classifier with the part-of-speech
 * tagger's lexicons). These declarations give each file the type its index declares for it.
 */
declare module 'natural/lib/natural/classifiers/bayes_classifier' {
  import { BayesClassifier } from 'natural/lib/natural/classifiers';
  export = BayesClassifier;
}

declare module 'natural/lib/natural/classifiers/logistic_regression_classifier' {
  import { LogisticRegressionClassifier } from 'natural/lib/natural/classifiers';
  export = LogisticRegressionClassifier;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer_fr' {
  import { PorterStemmerFr } from 'natural/lib/natural/stemmers';
  export = PorterStemmerFr;
}

declare module 'natural/lib/natural/distance/jaro-winkler_distance' {
  import { JaroWinklerDistance } from 'natural/lib/natural/distance';
  export = JaroWinklerDistance;
}

declare module 'natural/lib/natural/distance/levenshtein_distance' {
  export { LevenshteinDistance } from 'natural/lib/natural/distance';
}
