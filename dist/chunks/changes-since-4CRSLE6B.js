import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  changesSince,
  modifiedSince,
  textAtBase
} from "./chunk-C725SY32.js";
import "./chunk-S7CPFA5J.js";
import "./chunk-4QRIUKKB.js";
export {
  changesSince,
  modifiedSince,
  textAtBase
};
