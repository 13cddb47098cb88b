import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  sqlTranslatorProvider
} from "./chunk-2BMUJHNS.js";
import "./chunk-EG5ZEDIP.js";
import "./chunk-QZA63442.js";
import "./chunk-CO73GOZP.js";
export {
  sqlTranslatorProvider
};
