/**
 * The console's page frame: skip link, header with the navigation and sign-out, main
 * content. Every page wraps its content in {@link ConsoleLayout}; pages without a session
 * (sign-in, refusals) use {@link PublicLayout}.
 */
import type { ComponentChildren } from 'preact';
import { t } from '../../services/i18n';
import type { ConsoleSection, Staff } from './contract';

/** Where the console lives. */
export const CONSOLE_BASE = '/console';

/** The absolute path of a console page (`consolePath('/carte')` → `/console/carte`). */
export function consolePath(path: string): string {
  return path === '/' ? `${CONSOLE_BASE}/` : `${CONSOLE_BASE}${path}`;
}

/** The navigation: section, path, label key, admins only. */
const NAVIGATION: readonly { section: ConsoleSection; path: string; label: string; adminOnly?: boolean }[] = [
  { section: 'queue', path: '/', label: 'console.nav.queue' },
  { section: 'residents', path: '/residents', label: 'console.nav.residents' },
  { section: 'map', path: '/carte', label: 'console.nav.map' },
  { section: 'dashboard', path: '/tableau', label: 'console.nav.dashboard' },
  { section: 'referents', path: '/referents', label: 'console.nav.referents', adminOnly: true },
];

/** Props of {@link ConsoleLayout}. */
export interface ConsoleLayoutProps {
  staff: Staff;
  /** The session's CSRF token (for the sign-out form). */
  csrf: string;
  /** The section highlighted in the navigation. */
  section?: ConsoleSection;
  /** The page's title (also its `<h1>`). */
  title: string;
  /** Extra scripts served under `/console/static/` (file names). */
  scripts?: readonly string[];
  /** Extra style sheets served under `/console/static/` (file names). */
  styles?: readonly string[];
  children?: ComponentChildren;
}

/** A signed-in page: navigation, sign-out, the page's title and content. */
export function ConsoleLayout(props: ConsoleLayoutProps) {
  const { staff } = props;
  return (
    <Document title={props.title} scripts={props.scripts} styles={props.styles}>
      <header class="top">
        <p class="brand">{t('console.brand')}</p>
        <nav aria-label={t('console.nav.label')}>
          <ul>
            {NAVIGATION.filter((item) => !item.adminOnly || staff.role === 'admin').map((item) => (
              <li key={item.path}>
                <a
                  href={consolePath(item.path)}
                  aria-current={item.section === props.section ? 'page' : undefined}
                >
                  {t(item.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <form method="post" action={consolePath('/deconnexion')} class="signout">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <span class="who">
            {staff.name} · {t(staff.role === 'admin' ? 'console.role.admin' : 'console.role.moderator')}
          </span>
          <button type="submit">{t('console.signOut')}</button>
        </form>
      </header>
      <main id="contenu" tabIndex={-1}>
        <h1>{props.title}</h1>
        {props.children}
      </main>
    </Document>
  );
}

/** A page without a session (sign-in, refusals). */
export function PublicLayout(props: { title: string; children?: ComponentChildren }) {
  return (
    <Document title={props.title}>
      <header class="top">
        <p class="brand">{t('console.brand')}</p>
      </header>
      <main id="contenu" tabIndex={-1}>
        <h1>{props.title}</h1>
        {props.children}
      </main>
    </Document>
  );
}

function Document(props: {
  title: string;
  scripts?: readonly string[];
  styles?: readonly string[];
  children?: ComponentChildren;
}) {
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${props.title} · ${t('console.brand')}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={consolePath('/static/console.css')} />
        {(props.styles ?? []).map((file) => (
          <link key={file} rel="stylesheet" href={consolePath(`/static/${file}`)} />
        ))}
        {(props.scripts ?? []).map((file) => (
          <script key={file} src={consolePath(`/static/${file}`)} defer />
        ))}
      </head>
      <body>
        <a class="skip" href="#contenu">
          {t('console.skip')}
        </a>
        {props.children}
      </body>
    </html>
  );
}
