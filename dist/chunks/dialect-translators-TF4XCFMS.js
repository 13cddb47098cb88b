import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  sqlTranslatorProvider
} from "./chunk-CDA4DFMR.js";
import "./chunk-EG5ZEDIP.js";
import "./chunk-USU5H3WH.js";
export {
  sqlTranslatorProvider
};
