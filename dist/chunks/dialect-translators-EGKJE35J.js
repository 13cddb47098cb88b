import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  sqlTranslatorProvider
} from "./chunk-ZSFL57IA.js";
import "./chunk-EG5ZEDIP.js";
import "./chunk-RN6JMZ7T.js";
import "./chunk-CO73GOZP.js";
export {
  sqlTranslatorProvider
};
