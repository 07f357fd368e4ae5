/**
 * Whether the question being asked offered a given payload, so that a global answer
 * (for example `ENTRY_RENEW_<id>`, also offered by "Mes annonces") goes to that question.
 */
import type { DialogContext } from 'botbuilder-dialogs';

/** True when the innermost active prompt offered `payload` among its quick replies. */
export function offeredByActivePrompt(dc: DialogContext, payload: string): boolean {
  let current = dc;
  for (let child = current.child; child; child = current.child) current = child;
  const state: unknown = current.activeDialog?.state;
  const options: unknown =
    typeof state === 'object' && state !== null ? (state as { options?: unknown }).options : undefined;
  const validations: unknown =
    typeof options === 'object' && options !== null
      ? (options as { validations?: unknown }).validations
      : undefined;
  const choices: unknown =
    typeof validations === 'object' && validations !== null
      ? (validations as { choices?: unknown }).choices
      : undefined;
  return (
    Array.isArray(choices) &&
    choices.some(
      (action: unknown) =>
        typeof action === 'object' && action !== null && (action as { value?: unknown }).value === payload,
    )
  );
}
