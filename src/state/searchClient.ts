import { SearchClient } from '../workers/searchClient';

/** The app's one search client (one worker at a time; newest request wins). */
export const searchClient = new SearchClient();
