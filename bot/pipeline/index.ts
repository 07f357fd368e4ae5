/**
 * The turn pipeline, in order: {@link TurnGuard}, {@link StateCommit}, {@link DirectoryTouch},
 * then the bot's handlers; and the adapters' {@link turnErrorPolicy}.
 */
export { TurnGuard } from './turnGuard';
export { StateCommit } from './stateCommit';
export { DirectoryTouch } from './directoryTouch';
export { turnErrorPolicy, type TurnErrorHandler, type TurnErrorPolicyOptions } from './turnErrors';
