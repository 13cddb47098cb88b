import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  sqlTranslatorProvider
} from "./chunk-MXHSX2Q2.js";
import "./chunk-CKSV6XE2.js";
import "./chunk-7J57E3W3.js";
export {
  sqlTranslatorProvider
};
