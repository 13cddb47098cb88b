import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  changesSince,
  modifiedSince,
  textAtBase
} from "./chunk-OCQHGSW5.js";
import "./chunk-KBEHG57G.js";
import "./chunk-X6VOD3YV.js";
import "./chunk-CO73GOZP.js";
export {
  changesSince,
  modifiedSince,
  textAtBase
};
