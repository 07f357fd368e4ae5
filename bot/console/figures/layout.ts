/**
 * How the figures' pages are put in the console's layout, which the console's router owns.
 */
import type { ComponentChildren, VNode } from 'preact';
import type { ConsoleRequest, ConsoleSection } from '../contract';

/** What a page gives the layout. */
export interface LayoutProps {
  title: string;
  section: ConsoleSection;
  request: ConsoleRequest;
  children: ComponentChildren;
}

/** The console's layout (navigation, sign-out form, styles), as the router provides it. */
export type ConsoleLayout = (props: LayoutProps) => VNode;
