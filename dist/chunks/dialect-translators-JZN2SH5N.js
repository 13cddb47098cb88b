import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  sqlTranslatorProvider
} from "./chunk-DIKDDDAX.js";
import "./chunk-ILBVUVET.js";
import "./chunk-ZIV56SFR.js";
export {
  sqlTranslatorProvider
};
