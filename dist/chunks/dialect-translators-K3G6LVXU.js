import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  sqlTranslatorProvider
} from "./chunk-4VMV7DAY.js";
import "./chunk-WKFIEVVF.js";
import "./chunk-WDUFLLU2.js";
export {
  sqlTranslatorProvider
};
