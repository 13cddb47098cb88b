import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  sqlTranslatorProvider
} from "./chunk-QFFM3SVI.js";
import "./chunk-EG5ZEDIP.js";
import "./chunk-SCCHQXSH.js";
export {
  sqlTranslatorProvider
};
