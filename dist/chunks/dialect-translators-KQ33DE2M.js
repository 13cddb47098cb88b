import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  sqlTranslatorProvider
} from "./chunk-XKTBM2PP.js";
import "./chunk-2K2FGMU2.js";
import "./chunk-YGL7NF3V.js";
export {
  sqlTranslatorProvider
};
