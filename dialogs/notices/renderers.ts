/**
 * The shape of a module's renderers (one function per notice type), shared by the renderer
 * files and the registry (./index.ts).
 */
import type { Activity } from 'botbuilder';
import type { Notice } from '../../services/messaging/notifier';

/** Renders the notices of one module: one function per notice `type`. */
export type NoticeRenderers<N extends Notice> = {
  [K in N['type']]: (notice: Extract<N, { type: K }>) => Partial<Activity>;
};
