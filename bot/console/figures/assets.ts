/**
 * The files the map and the dashboard load, served by the bot under `/console/static/`
 * (no CDN: the Content-Security-Policy allows only the bot's own scripts and styles).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { StaticFile } from '../router';

/**
 * The folder of our own static files: next to this file when run from the sources (tsx,
 * mocha), in the sources when run from `dist/` (the build copies no static file).
 */
function ownFolder(): string {
  const beside = join(__dirname, 'static');
  return existsSync(beside)
    ? beside
    : join(__dirname, '..', '..', '..', '..', 'bot', 'console', 'figures', 'static');
}

const OWN = ownFolder();
const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** The figures' static files by name (`/console/static/<name>`). */
export const FIGURES_ASSETS: Readonly<Record<string, StaticFile>> = Object.freeze({
  'leaflet.js': { path: require.resolve('leaflet/dist/leaflet.js'), type: JS },
  'leaflet.css': { path: require.resolve('leaflet/dist/leaflet.css'), type: CSS },
  // chart.js exports no subpath: its UMD build sits beside its CommonJS entry.
  'chart.umd.min.js': { path: join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), type: JS },
  'figures-map.js': { path: join(OWN, 'map.js'), type: JS },
  'figures-dashboard.js': { path: join(OWN, 'dashboard.js'), type: JS },
  'figures.css': { path: join(OWN, 'figures.css'), type: CSS },
});
