import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  changesSince,
  modifiedSince,
  textAtBase
} from "./chunk-MHB6SG62.js";
import "./chunk-3V43ZQYI.js";
import "./chunk-4QRIUKKB.js";
import "./chunk-CO73GOZP.js";
export {
  changesSince,
  modifiedSince,
  textAtBase
};
