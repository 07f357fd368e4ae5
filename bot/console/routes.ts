/**
 * Every page of the console, as {@link ConsoleRoute}s built from the application's parts.
 */
import type { PartSource } from '../parts';
import type { ConsoleRoute } from './contract';
import { figuresRoutes } from './figures/routes';
import { queuePage } from './pages/queuePage';

/** The console's routes over `parts`. */
export function consoleRoutes(parts: PartSource): ConsoleRoute[] {
  return [
    { method: 'GET', path: '/', handle: (request) => Promise.resolve({ html: queuePage(request) }) },
    ...figuresRoutes({ figures: parts.get('figures'), tileUrl: parts.config.mapTileUrl }),
  ];
}
