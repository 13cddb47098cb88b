import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  sqlTranslatorProvider
} from "./chunk-IYLMXXJA.js";
import "./chunk-2K2FGMU2.js";
import "./chunk-X36UFAKY.js";
export {
  sqlTranslatorProvider
};
