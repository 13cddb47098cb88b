import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  sqlTranslatorProvider
} from "./chunk-6DMZTIBC.js";
import "./chunk-WKFIEVVF.js";
import "./chunk-FOQMQZLO.js";
export {
  sqlTranslatorProvider
};
