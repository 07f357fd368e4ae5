/**
 * NLP.js (`node-nlp`, French `NlpManager`) trained on the component's data, for the side by
 * side of `npm run nlu:eval`: development only, never imported by the bot (a test checks it).
 */
import { NlpManager } from 'node-nlp';

/** A trained NLP.js classifier of one label set. */
export interface NlpJsClassifier {
  classify(text: string): Promise<{ label: string; confidence: number }>;
}

/**
 * Trains an NLP.js manager on labelled texts (no entity extraction, no sentiment, nothing
 * saved to disk); a text NLP.js cannot place (its `None`) gets `fallback`.
 */
export async function trainNlpJs(
  examples: readonly { text: string; label: string }[],
  fallback: string,
): Promise<NlpJsClassifier> {
  const manager = new NlpManager({
    languages: ['fr'],
    autoSave: false,
    autoLoad: false,
    forceNER: false,
    nlu: { log: false },
    ner: { builtins: [] },
    sentiment: false,
  });
  for (const example of examples) manager.addDocument('fr', example.text, example.label);
  await manager.train();
  return {
    async classify(text) {
      const result = await manager.process('fr', text);
      const label = result.intent === 'None' ? fallback : result.intent;
      return { label, confidence: result.score };
    },
  };
}
