import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  sqlTranslatorProvider
} from "./chunk-FQMLGS2V.js";
import "./chunk-2K2FGMU2.js";
import "./chunk-6UTSYPQG.js";
export {
  sqlTranslatorProvider
};
