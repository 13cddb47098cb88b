import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  sqlTranslatorProvider
} from "./chunk-ADIRU66E.js";
import "./chunk-CKSV6XE2.js";
import "./chunk-X36UFAKY.js";
export {
  sqlTranslatorProvider
};
