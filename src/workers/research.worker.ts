import * as Comlink from 'comlink';
import { createResearchApi } from './researchApi';

Comlink.expose(createResearchApi());
