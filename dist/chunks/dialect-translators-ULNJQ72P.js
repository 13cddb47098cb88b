import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  sqlTranslatorProvider
} from "./chunk-TA54E7XG.js";
import "./chunk-EG5ZEDIP.js";
import "./chunk-422L6CHM.js";
import "./chunk-CO73GOZP.js";
export {
  sqlTranslatorProvider
};
