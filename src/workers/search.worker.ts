import * as Comlink from 'comlink';
import { createSearchApi } from './searchApi';

Comlink.expose(createSearchApi());
