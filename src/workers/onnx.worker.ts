import * as Comlink from 'comlink';
import { createOnnxApi } from './onnxApi';

Comlink.expose(createOnnxApi());
