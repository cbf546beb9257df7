import { LayoutClient } from '../workers/layoutClient';

/** The app's one graph-layout client (one worker; newest request wins; layouts cached by network and expansion). */
export const layoutClient = new LayoutClient();
