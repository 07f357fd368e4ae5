/**
 * Payloads a question offers that would otherwise be taken as a global answer (for example
 * `ENTRY_RENEW_<id>`, offered by "Mes annonces" and by the expiry job's notice).
 *
 * @remarks
 * The dialog that offers one declares it in its own waterfall values with
 * {@link expectPayloads}; the global answers leave such a payload to the question
 * ({@link expectedByActiveDialogs}). Nothing reads a prompt's private state.
 */
import type { DialogContext, WaterfallStepContext } from 'botbuilder-dialogs';

/** The waterfall values that carry the declaration. */
interface ExpectingValues {
  expectedPayloads?: string[];
}

/** Declares that the question this step asks takes `payloads` (until the next step). */
export function expectPayloads(step: WaterfallStepContext, payloads: readonly string[]): void {
  (step.values as ExpectingValues).expectedPayloads = [...payloads];
}

/** True when a dialog of the active stack declared `payload` for the question it asks. */
export function expectedByActiveDialogs(dc: DialogContext, payload: string): boolean {
  for (let current: DialogContext | undefined = dc; current; current = current.child) {
    // The question's prompt is on top of the stack, the waterfall that asked it just below.
    if (current.stack.some((instance) => declares(instance.state, payload))) return true;
  }
  return false;
}

function declares(state: unknown, payload: string): boolean {
  const values: unknown =
    typeof state === 'object' && state !== null ? (state as { values?: unknown }).values : undefined;
  const expected =
    typeof values === 'object' && values !== null ? (values as ExpectingValues).expectedPayloads : undefined;
  return Array.isArray(expected) && expected.includes(payload);
}
