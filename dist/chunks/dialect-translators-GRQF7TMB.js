import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  sqlTranslatorProvider
} from "./chunk-MZ3HG5SK.js";
import "./chunk-EG5ZEDIP.js";
import "./chunk-4COWPLQP.js";
import "./chunk-CO73GOZP.js";
export {
  sqlTranslatorProvider
};
