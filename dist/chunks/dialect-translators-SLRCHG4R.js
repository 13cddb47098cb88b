import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  sqlTranslatorProvider
} from "./chunk-7RBRETO7.js";
import "./chunk-EG5ZEDIP.js";
import "./chunk-A6PVFRXN.js";
export {
  sqlTranslatorProvider
};
