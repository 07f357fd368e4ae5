/** The part of NLP.js (`node-nlp`, a dev dependency) the comparison uses. */
declare module 'node-nlp' {
  /** NLP.js's manager: documents per locale and intent, trained, then asked. */
  export class NlpManager {
    constructor(settings?: Record<string, unknown>);
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<{ intent: string; score: number }>;
  }
}
