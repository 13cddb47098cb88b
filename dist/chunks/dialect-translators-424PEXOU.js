import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  sqlTranslatorProvider
} from "./chunk-7XVXTHNX.js";
import "./chunk-CKSV6XE2.js";
import "./chunk-ZIV56SFR.js";
export {
  sqlTranslatorProvider
};
