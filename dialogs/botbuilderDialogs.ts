/**
 * The classes of `botbuilder-dialogs` the conversation layer uses, imported from their own
 * files.
 *
 * @remarks
 * The package's index also loads the choice, confirm, number and date-time prompts, whose
 * text recognizers (`@microsoft/recognizers-text-*`, `globalize` with its CLDR data,
 * `lodash`) cost resident memory in every instance although the bot never uses them. The
 * package has no `exports` map and ships a declaration file next to each of these files,
 * so the imports below are typed as the index's. Types alone (`import type`) may still
 * come from `'botbuilder-dialogs'`: they load nothing.
 */
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { Dialog, DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
export { DialogContextError } from 'botbuilder-dialogs/lib/dialogContextError';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { ActivityPrompt } from 'botbuilder-dialogs/lib/prompts/activityPrompt';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
