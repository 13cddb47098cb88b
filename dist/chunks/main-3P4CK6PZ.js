import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  ALEMBIC_VERSION,
  DEFAULT_FILE_LIMITS,
  DIALECT_CHOICES,
  Glob,
  MAX_POSTGRES_VERSION,
  MIN_POSTGRES_VERSION,
  buildGraph,
  closestName,
  decideDialect,
  dialectInputs,
  dialectNamed,
  enabledRules,
  extractProject,
  findConfigFile,
  historyDialects,
  projectAlembicVersion,
  readConfigFile,
  selectorNames
} from "./chunk-IHG6J7KS.js";
import "./chunk-RSXTFF6G.js";
import {
  InputError,
  discover
} from "./chunk-3V43ZQYI.js";
import {
  PLAN_FORMATS,
  REORDER_WARNING,
  planRendererFor
} from "./chunk-UCL75THB.js";
import {
  ExtractionCache,
  defaultCacheDir,
  extractionThreads,
  installLayout
} from "./chunk-YFKKZCWE.js";
import {
  displayPath
} from "./chunk-QCV33RUJ.js";
import "./chunk-4QRIUKKB.js";
import "./chunk-EG5ZEDIP.js";
import "./chunk-GDKKKNSU.js";
import {
  wrap
} from "./chunk-5XS3H2FR.js";
import {
  ruleDocsTemplate
} from "./chunk-A7XTBYXE.js";
import {
  LOCK_MODES,
  RULE_GROUPS,
  amongCreated,
  compareColumnTypes,
  defaultFunctions,
  failsGate,
  folderOf,
  functionKey,
  hasUnresolvedPart,
  isBookkeepingTable,
  isEnumType,
  isKnownType,
  isUnresolvedName,
  listAt,
  pushTo,
  tableKey
} from "./chunk-A6PVFRXN.js";
import {
  __commonJS,
  __toESM
} from "./chunk-CO73GOZP.js";

// node_modules/emoji-regex/index.js
var require_emoji_regex = __commonJS({
  "node_modules/emoji-regex/index.js"(exports, module) {
    module.exports = () => {
      return /[#*0-9]\uFE0F?\u20E3|[\xA9\xAE\u203C\u2049\u2122\u2139\u2194-\u2199\u21A9\u21AA\u231A\u231B\u2328\u23CF\u23ED-\u23EF\u23F1\u23F2\u23F8-\u23FA\u24C2\u25AA\u25AB\u25B6\u25C0\u25FB\u25FC\u25FE\u2600-\u2604\u260E\u2611\u2614\u2615\u2618\u2620\u2622\u2623\u2626\u262A\u262E\u262F\u2638-\u263A\u2640\u2642\u2648-\u2653\u265F\u2660\u2663\u2665\u2666\u2668\u267B\u267E\u267F\u2692\u2694-\u2697\u2699\u269B\u269C\u26A0\u26A7\u26AA\u26B0\u26B1\u26BD\u26BE\u26C4\u26C8\u26CF\u26D1\u26E9\u26F0-\u26F5\u26F7\u26F8\u26FA\u2702\u2708\u2709\u270F\u2712\u2714\u2716\u271D\u2721\u2733\u2734\u2744\u2747\u2757\u2763\u27A1\u2934\u2935\u2B05-\u2B07\u2B1B\u2B1C\u2B55\u3030\u303D\u3297\u3299]\uFE0F?|[\u261D\u270C\u270D](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?|[\u270A\u270B](?:\uD83C[\uDFFB-\uDFFF])?|[\u23E9-\u23EC\u23F0\u23F3\u25FD\u2693\u26A1\u26AB\u26C5\u26CE\u26D4\u26EA\u26FD\u2705\u2728\u274C\u274E\u2753-\u2755\u2795-\u2797\u27B0\u27BF\u2B50]|\u26D3\uFE0F?(?:\u200D\uD83D\uDCA5)?|\u26F9(?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|\u2764\uFE0F?(?:\u200D(?:\uD83D\uDD25|\uD83E\uDE79))?|\uD83C(?:[\uDC04\uDD70\uDD71\uDD7E\uDD7F\uDE02\uDE37\uDF21\uDF24-\uDF2C\uDF36\uDF7D\uDF96\uDF97\uDF99-\uDF9B\uDF9E\uDF9F\uDFCD\uDFCE\uDFD4-\uDFDF\uDFF5\uDFF7]\uFE0F?|[\uDF85\uDFC2\uDFC7](?:\uD83C[\uDFFB-\uDFFF])?|[\uDFC4\uDFCA](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDFCB\uDFCC](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDCCF\uDD8E\uDD91-\uDD9A\uDE01\uDE1A\uDE2F\uDE32-\uDE36\uDE38-\uDE3A\uDE50\uDE51\uDF00-\uDF20\uDF2D-\uDF35\uDF37-\uDF43\uDF45-\uDF4A\uDF4C-\uDF7C\uDF7E-\uDF84\uDF86-\uDF93\uDFA0-\uDFC1\uDFC5\uDFC6\uDFC8\uDFC9\uDFCF-\uDFD3\uDFE0-\uDFF0\uDFF8-\uDFFF]|\uDDE6\uD83C[\uDDE8-\uDDEC\uDDEE\uDDF1\uDDF2\uDDF4\uDDF6-\uDDFA\uDDFC\uDDFD\uDDFF]|\uDDE7\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEF\uDDF1-\uDDF4\uDDF6-\uDDF9\uDDFB\uDDFC\uDDFE\uDDFF]|\uDDE8\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDEE\uDDF0-\uDDF7\uDDFA-\uDDFF]|\uDDE9\uD83C[\uDDEA\uDDEC\uDDEF\uDDF0\uDDF2\uDDF4\uDDFF]|\uDDEA\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDED\uDDF7-\uDDFA]|\uDDEB\uD83C[\uDDEE-\uDDF0\uDDF2\uDDF4\uDDF7]|\uDDEC\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEE\uDDF1-\uDDF3\uDDF5-\uDDFA\uDDFC\uDDFE]|\uDDED\uD83C[\uDDF0\uDDF2\uDDF3\uDDF7\uDDF9\uDDFA]|\uDDEE\uD83C[\uDDE8-\uDDEA\uDDF1-\uDDF4\uDDF6-\uDDF9]|\uDDEF\uD83C[\uDDEA\uDDF2\uDDF4\uDDF5]|\uDDF0\uD83C[\uDDEA\uDDEC-\uDDEE\uDDF2\uDDF3\uDDF5\uDDF7\uDDFC\uDDFE\uDDFF]|\uDDF1\uD83C[\uDDE6-\uDDE8\uDDEE\uDDF0\uDDF7-\uDDFB\uDDFE]|\uDDF2\uD83C[\uDDE6\uDDE8-\uDDED\uDDF0-\uDDFF]|\uDDF3\uD83C[\uDDE6\uDDE8\uDDEA-\uDDEC\uDDEE\uDDF1\uDDF4\uDDF5\uDDF7\uDDFA\uDDFF]|\uDDF4\uD83C\uDDF2|\uDDF5\uD83C[\uDDE6\uDDEA-\uDDED\uDDF0-\uDDF3\uDDF7-\uDDF9\uDDFC\uDDFE]|\uDDF6\uD83C\uDDE6|\uDDF7\uD83C[\uDDEA\uDDF4\uDDF8\uDDFA\uDDFC]|\uDDF8\uD83C[\uDDE6-\uDDEA\uDDEC-\uDDF4\uDDF7-\uDDF9\uDDFB\uDDFD-\uDDFF]|\uDDF9\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDED\uDDEF-\uDDF4\uDDF7\uDDF9\uDDFB\uDDFC\uDDFF]|\uDDFA\uD83C[\uDDE6\uDDEC\uDDF2\uDDF3\uDDF8\uDDFE\uDDFF]|\uDDFB\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDEE\uDDF3\uDDFA]|\uDDFC\uD83C[\uDDEB\uDDF8]|\uDDFD\uD83C\uDDF0|\uDDFE\uD83C[\uDDEA\uDDF9]|\uDDFF\uD83C[\uDDE6\uDDF2\uDDFC]|\uDF44(?:\u200D\uD83D\uDFEB)?|\uDF4B(?:\u200D\uD83D\uDFE9)?|\uDFC3(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?|\uDFF3\uFE0F?(?:\u200D(?:\u26A7\uFE0F?|\uD83C\uDF08))?|\uDFF4(?:\u200D\u2620\uFE0F?|\uDB40\uDC67\uDB40\uDC62\uDB40(?:\uDC65\uDB40\uDC6E\uDB40\uDC67|\uDC73\uDB40\uDC63\uDB40\uDC74|\uDC77\uDB40\uDC6C\uDB40\uDC73)\uDB40\uDC7F)?)|\uD83D(?:[\uDC3F\uDCFD\uDD49\uDD4A\uDD6F\uDD70\uDD73\uDD76-\uDD79\uDD87\uDD8A-\uDD8D\uDDA5\uDDA8\uDDB1\uDDB2\uDDBC\uDDC2-\uDDC4\uDDD1-\uDDD3\uDDDC-\uDDDE\uDDE1\uDDE3\uDDE8\uDDEF\uDDF3\uDDFA\uDECB\uDECD-\uDECF\uDEE0-\uDEE5\uDEE9\uDEF0\uDEF3]\uFE0F?|[\uDC42\uDC43\uDC46-\uDC50\uDC66\uDC67\uDC6B-\uDC6D\uDC72\uDC74-\uDC76\uDC78\uDC7C\uDC83\uDC85\uDC8F\uDC91\uDCAA\uDD7A\uDD95\uDD96\uDE4C\uDE4F\uDEC0\uDECC](?:\uD83C[\uDFFB-\uDFFF])?|[\uDC6E-\uDC71\uDC73\uDC77\uDC81\uDC82\uDC86\uDC87\uDE45-\uDE47\uDE4B\uDE4D\uDE4E\uDEA3\uDEB4\uDEB5](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDD74\uDD90](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?|[\uDC00-\uDC07\uDC09-\uDC14\uDC16-\uDC25\uDC27-\uDC3A\uDC3C-\uDC3E\uDC40\uDC44\uDC45\uDC51-\uDC65\uDC6A\uDC79-\uDC7B\uDC7D-\uDC80\uDC84\uDC88-\uDC8E\uDC90\uDC92-\uDCA9\uDCAB-\uDCFC\uDCFF-\uDD3D\uDD4B-\uDD4E\uDD50-\uDD67\uDDA4\uDDFB-\uDE2D\uDE2F-\uDE34\uDE37-\uDE41\uDE43\uDE44\uDE48-\uDE4A\uDE80-\uDEA2\uDEA4-\uDEB3\uDEB7-\uDEBF\uDEC1-\uDEC5\uDED0-\uDED2\uDED5-\uDED8\uDEDC-\uDEDF\uDEEB\uDEEC\uDEF4-\uDEFC\uDFE0-\uDFEB\uDFF0]|\uDC08(?:\u200D\u2B1B)?|\uDC15(?:\u200D\uD83E\uDDBA)?|\uDC26(?:\u200D(?:\u2B1B|\uD83D\uDD25))?|\uDC3B(?:\u200D\u2744\uFE0F?)?|\uDC41\uFE0F?(?:\u200D\uD83D\uDDE8\uFE0F?)?|\uDC68(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDC68\uDC69]\u200D\uD83D(?:\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?)|[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?)|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFC-\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFD-\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFD\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFE]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?))?|\uDC69(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?[\uDC68\uDC69]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?|\uDC69\u200D\uD83D(?:\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?))|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFC-\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFC-\uDFFF])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB\uDFFD-\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFD-\uDFFF])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB-\uDFFD\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFD\uDFFF])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB-\uDFFE]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFE])))?))?|\uDD75(?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|\uDE2E(?:\u200D\uD83D\uDCA8)?|\uDE35(?:\u200D\uD83D\uDCAB)?|\uDE36(?:\u200D\uD83C\uDF2B\uFE0F?)?|\uDE42(?:\u200D[\u2194\u2195]\uFE0F?)?|\uDEB6(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?)|\uD83E(?:[\uDD0C\uDD0F\uDD18-\uDD1F\uDD30-\uDD34\uDD36\uDD77\uDDB5\uDDB6\uDDBB\uDDD2\uDDD3\uDDD5\uDEC3-\uDEC5\uDEF0\uDEF2-\uDEF8](?:\uD83C[\uDFFB-\uDFFF])?|[\uDD26\uDD35\uDD37-\uDD39\uDD3C-\uDD3E\uDDB8\uDDB9\uDDCD\uDDCF\uDDD4\uDDD6-\uDDDD](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDDDE\uDDDF](?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDD0D\uDD0E\uDD10-\uDD17\uDD20-\uDD25\uDD27-\uDD2F\uDD3A\uDD3F-\uDD45\uDD47-\uDD76\uDD78-\uDDB4\uDDB7\uDDBA\uDDBC-\uDDCC\uDDD0\uDDE0-\uDDFF\uDE70-\uDE7C\uDE80-\uDE8A\uDE8E-\uDEC2\uDEC6\uDEC8\uDECD-\uDEDC\uDEDF-\uDEEA\uDEEF]|\uDDCE(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?|\uDDD1(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1|\uDDD1\u200D\uD83E\uDDD2(?:\u200D\uD83E\uDDD2)?|\uDDD2(?:\u200D\uD83E\uDDD2)?))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE])))?))?|\uDEF1(?:\uD83C(?:\uDFFB(?:\u200D\uD83E\uDEF2\uD83C[\uDFFC-\uDFFF])?|\uDFFC(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB\uDFFD-\uDFFF])?|\uDFFD(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])?|\uDFFE(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB-\uDFFD\uDFFF])?|\uDFFF(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB-\uDFFE])?))?)/g;
    };
  }
});

// node_modules/get-caller-file/index.js
var require_get_caller_file = __commonJS({
  "node_modules/get-caller-file/index.js"(exports, module) {
    "use strict";
    module.exports = function getCallerFile2(position) {
      if (position === void 0) {
        position = 2;
      }
      if (position >= Error.stackTraceLimit) {
        throw new TypeError("getCallerFile(position) requires position be less then Error.stackTraceLimit but position was: `" + position + "` and Error.stackTraceLimit was: `" + Error.stackTraceLimit + "`");
      }
      var oldPrepareStackTrace = Error.prepareStackTrace;
      Error.prepareStackTrace = function(_, stack2) {
        return stack2;
      };
      var stack = new Error().stack;
      Error.prepareStackTrace = oldPrepareStackTrace;
      if (stack !== null && typeof stack === "object") {
        return stack[position] ? stack[position].getFileName() : void 0;
      }
    };
  }
});

// src/cli/main.ts
import { existsSync, readFileSync as readFileSync4 } from "node:fs";
import { join as join2 } from "node:path";

// node_modules/yargs/lib/platform-shims/esm.mjs
import { notStrictEqual, strictEqual } from "assert";

// node_modules/cliui/build/lib/index.js
var align = {
  right: alignRight,
  center: alignCenter
};
var top = 0;
var right = 1;
var bottom = 2;
var left = 3;
var UI = class {
  constructor(opts) {
    var _a2;
    this.width = opts.width;
    this.wrap = (_a2 = opts.wrap) !== null && _a2 !== void 0 ? _a2 : true;
    this.rows = [];
  }
  span(...args) {
    const cols = this.div(...args);
    cols.span = true;
  }
  resetOutput() {
    this.rows = [];
  }
  div(...args) {
    if (args.length === 0) {
      this.div("");
    }
    if (this.wrap && this.shouldApplyLayoutDSL(...args) && typeof args[0] === "string") {
      return this.applyLayoutDSL(args[0]);
    }
    const cols = args.map((arg) => {
      if (typeof arg === "string") {
        return this.colFromString(arg);
      }
      return arg;
    });
    this.rows.push(cols);
    return cols;
  }
  shouldApplyLayoutDSL(...args) {
    return args.length === 1 && typeof args[0] === "string" && /[\t\n]/.test(args[0]);
  }
  applyLayoutDSL(str) {
    const rows = str.split("\n").map((row) => row.split("	"));
    let leftColumnWidth = 0;
    rows.forEach((columns) => {
      if (columns.length > 1 && mixin.stringWidth(columns[0]) > leftColumnWidth) {
        leftColumnWidth = Math.min(Math.floor(this.width * 0.5), mixin.stringWidth(columns[0]));
      }
    });
    rows.forEach((columns) => {
      this.div(...columns.map((r, i) => {
        return {
          text: r.trim(),
          padding: this.measurePadding(r),
          width: i === 0 && columns.length > 1 ? leftColumnWidth : void 0
        };
      }));
    });
    return this.rows[this.rows.length - 1];
  }
  colFromString(text) {
    return {
      text,
      padding: this.measurePadding(text)
    };
  }
  measurePadding(str) {
    const noAnsi = mixin.stripAnsi(str);
    return [0, noAnsi.match(/\s*$/)[0].length, 0, noAnsi.match(/^\s*/)[0].length];
  }
  toString() {
    const lines = [];
    this.rows.forEach((row) => {
      this.rowToString(row, lines);
    });
    return lines.filter((line) => !line.hidden).map((line) => line.text).join("\n");
  }
  rowToString(row, lines) {
    this.rasterize(row).forEach((rrow, r) => {
      let str = "";
      rrow.forEach((col, c) => {
        const { width } = row[c];
        const wrapWidth = this.negatePadding(row[c]);
        let ts = col;
        if (wrapWidth > mixin.stringWidth(col)) {
          ts += " ".repeat(wrapWidth - mixin.stringWidth(col));
        }
        if (row[c].align && row[c].align !== "left" && this.wrap) {
          const fn = align[row[c].align];
          ts = fn(ts, wrapWidth);
          if (mixin.stringWidth(ts) < wrapWidth) {
            ts += " ".repeat((width || 0) - mixin.stringWidth(ts) - 1);
          }
        }
        const padding = row[c].padding || [0, 0, 0, 0];
        if (padding[left]) {
          str += " ".repeat(padding[left]);
        }
        str += addBorder(row[c], ts, "| ");
        str += ts;
        str += addBorder(row[c], ts, " |");
        if (padding[right]) {
          str += " ".repeat(padding[right]);
        }
        if (r === 0 && lines.length > 0) {
          str = this.renderInline(str, lines[lines.length - 1]);
        }
      });
      lines.push({
        text: str.replace(/ +$/, ""),
        span: row.span
      });
    });
    return lines;
  }
  // if the full 'source' can render in
  // the target line, do so.
  renderInline(source, previousLine) {
    const match = source.match(/^ */);
    const leadingWhitespace = match ? match[0].length : 0;
    const target = previousLine.text;
    const targetTextWidth = mixin.stringWidth(target.trimRight());
    if (!previousLine.span) {
      return source;
    }
    if (!this.wrap) {
      previousLine.hidden = true;
      return target + source;
    }
    if (leadingWhitespace < targetTextWidth) {
      return source;
    }
    previousLine.hidden = true;
    return target.trimRight() + " ".repeat(leadingWhitespace - targetTextWidth) + source.trimLeft();
  }
  rasterize(row) {
    const rrows = [];
    const widths = this.columnWidths(row);
    let wrapped;
    row.forEach((col, c) => {
      col.width = widths[c];
      if (this.wrap) {
        wrapped = mixin.wrap(col.text, this.negatePadding(col), { hard: true }).split("\n");
      } else {
        wrapped = col.text.split("\n");
      }
      if (col.border) {
        wrapped.unshift("." + "-".repeat(this.negatePadding(col) + 2) + ".");
        wrapped.push("'" + "-".repeat(this.negatePadding(col) + 2) + "'");
      }
      if (col.padding) {
        wrapped.unshift(...new Array(col.padding[top] || 0).fill(""));
        wrapped.push(...new Array(col.padding[bottom] || 0).fill(""));
      }
      wrapped.forEach((str, r) => {
        if (!rrows[r]) {
          rrows.push([]);
        }
        const rrow = rrows[r];
        for (let i = 0; i < c; i++) {
          if (rrow[i] === void 0) {
            rrow.push("");
          }
        }
        rrow.push(str);
      });
    });
    return rrows;
  }
  negatePadding(col) {
    let wrapWidth = col.width || 0;
    if (col.padding) {
      wrapWidth -= (col.padding[left] || 0) + (col.padding[right] || 0);
    }
    if (col.border) {
      wrapWidth -= 4;
    }
    return wrapWidth;
  }
  columnWidths(row) {
    if (!this.wrap) {
      return row.map((col) => {
        return col.width || mixin.stringWidth(col.text);
      });
    }
    let unset = row.length;
    let remainingWidth = this.width;
    const widths = row.map((col) => {
      if (col.width) {
        unset--;
        remainingWidth -= col.width;
        return col.width;
      }
      return void 0;
    });
    const unsetWidth = unset ? Math.floor(remainingWidth / unset) : 0;
    return widths.map((w, i) => {
      if (w === void 0) {
        return Math.max(unsetWidth, _minWidth(row[i]));
      }
      return w;
    });
  }
};
function addBorder(col, ts, style) {
  if (col.border) {
    if (/[.']-+[.']/.test(ts)) {
      return "";
    }
    if (ts.trim().length !== 0) {
      return style;
    }
    return "  ";
  }
  return "";
}
function _minWidth(col) {
  const padding = col.padding || [];
  const minWidth = 1 + (padding[left] || 0) + (padding[right] || 0);
  if (col.border) {
    return minWidth + 4;
  }
  return minWidth;
}
function getWindowWidth() {
  if (typeof process === "object" && process.stdout && process.stdout.columns) {
    return process.stdout.columns;
  }
  return 80;
}
function alignRight(str, width) {
  str = str.trim();
  const strWidth = mixin.stringWidth(str);
  if (strWidth < width) {
    return " ".repeat(width - strWidth) + str;
  }
  return str;
}
function alignCenter(str, width) {
  str = str.trim();
  const strWidth = mixin.stringWidth(str);
  if (strWidth >= width) {
    return str;
  }
  return " ".repeat(width - strWidth >> 1) + str;
}
var mixin;
function cliui(opts, _mixin) {
  mixin = _mixin;
  return new UI({
    width: (opts === null || opts === void 0 ? void 0 : opts.width) || getWindowWidth(),
    wrap: opts === null || opts === void 0 ? void 0 : opts.wrap
  });
}

// node_modules/ansi-regex/index.js
var ST = String.raw`(?:\u001B\u005C|\u009C)`;
var stringControls = String.raw`\u0018\u001A\u001B\u0080-\u009F`;
var osc = String.raw`(?:\u001B\]|\u009D)[^\u0007${stringControls}]*(?:\u0007|${ST})`;
var controlString = String.raw`(?:\u001B[PX^_k]|[\u0090\u0098\u009E\u009F])[^${stringControls}]*${ST}`;
var linuxPalette = String.raw`\u001B\](?:P[\dA-Fa-f]{7}|R)(?:\u0007|${ST})?`;
var csi = String.raw`(?:\u001B\[|\u009B)[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]`;
var escape = String.raw`\u001B(?:[\u0020-\u002F]+[\u0030-\u007E]|[\dA-PR-TZcf-oq-uy=><~|}])`;
var pattern = `${linuxPalette}|${osc}|${controlString}|${csi}|${escape}`;
function ansiRegex({ onlyFirst = false } = {}) {
  return new RegExp(pattern, onlyFirst ? void 0 : "g");
}

// node_modules/strip-ansi/index.js
var regex = ansiRegex();
function stripAnsi(string) {
  if (typeof string !== "string") {
    throw new TypeError(`Expected a \`string\`, got \`${typeof string}\``);
  }
  if (!string.includes("\x1B") && !string.includes("\x9B")) {
    return string;
  }
  return string.replace(regex, "");
}

// node_modules/get-east-asian-width/lookup-data.js
var ambiguousMinimalCodePoint = 161;
var ambiguousMaximumCodePoint = 1114109;
var ambiguousRanges = [161, 161, 164, 164, 167, 168, 170, 170, 173, 174, 176, 180, 182, 186, 188, 191, 198, 198, 208, 208, 215, 216, 222, 225, 230, 230, 232, 234, 236, 237, 240, 240, 242, 243, 247, 250, 252, 252, 254, 254, 257, 257, 273, 273, 275, 275, 283, 283, 294, 295, 299, 299, 305, 307, 312, 312, 319, 322, 324, 324, 328, 331, 333, 333, 338, 339, 358, 359, 363, 363, 462, 462, 464, 464, 466, 466, 468, 468, 470, 470, 472, 472, 474, 474, 476, 476, 593, 593, 609, 609, 708, 708, 711, 711, 713, 715, 717, 717, 720, 720, 728, 731, 733, 733, 735, 735, 768, 879, 913, 929, 931, 937, 945, 961, 963, 969, 1025, 1025, 1040, 1103, 1105, 1105, 8208, 8208, 8211, 8214, 8216, 8217, 8220, 8221, 8224, 8226, 8228, 8231, 8240, 8240, 8242, 8243, 8245, 8245, 8251, 8251, 8254, 8254, 8308, 8308, 8319, 8319, 8321, 8324, 8364, 8364, 8451, 8451, 8453, 8453, 8457, 8457, 8467, 8467, 8470, 8470, 8481, 8482, 8486, 8486, 8491, 8491, 8531, 8532, 8539, 8542, 8544, 8555, 8560, 8569, 8585, 8585, 8592, 8601, 8632, 8633, 8658, 8658, 8660, 8660, 8679, 8679, 8704, 8704, 8706, 8707, 8711, 8712, 8715, 8715, 8719, 8719, 8721, 8721, 8725, 8725, 8730, 8730, 8733, 8736, 8739, 8739, 8741, 8741, 8743, 8748, 8750, 8750, 8756, 8759, 8764, 8765, 8776, 8776, 8780, 8780, 8786, 8786, 8800, 8801, 8804, 8807, 8810, 8811, 8814, 8815, 8834, 8835, 8838, 8839, 8853, 8853, 8857, 8857, 8869, 8869, 8895, 8895, 8978, 8978, 9312, 9449, 9451, 9547, 9552, 9587, 9600, 9615, 9618, 9621, 9632, 9633, 9635, 9641, 9650, 9651, 9654, 9655, 9660, 9661, 9664, 9665, 9670, 9672, 9675, 9675, 9678, 9681, 9698, 9701, 9711, 9711, 9733, 9734, 9737, 9737, 9742, 9743, 9756, 9756, 9758, 9758, 9792, 9792, 9794, 9794, 9824, 9825, 9827, 9829, 9831, 9834, 9836, 9837, 9839, 9839, 9886, 9887, 9919, 9919, 9926, 9933, 9935, 9939, 9941, 9953, 9955, 9955, 9960, 9961, 9963, 9969, 9972, 9972, 9974, 9977, 9979, 9980, 9982, 9983, 10045, 10045, 10102, 10111, 11094, 11097, 12872, 12879, 57344, 63743, 65024, 65039, 65533, 65533, 127232, 127242, 127248, 127277, 127280, 127337, 127344, 127373, 127375, 127376, 127387, 127404, 917760, 917999, 983040, 1048573, 1048576, 1114109];
var fullwidthMinimalCodePoint = 12288;
var fullwidthMaximumCodePoint = 65510;
var fullwidthRanges = [12288, 12288, 65281, 65376, 65504, 65510];
var wideMinimalCodePoint = 4352;
var wideMaximumCodePoint = 262141;
var wideRanges = [4352, 4447, 8986, 8987, 9001, 9002, 9193, 9196, 9200, 9200, 9203, 9203, 9725, 9726, 9748, 9749, 9776, 9783, 9800, 9811, 9855, 9855, 9866, 9871, 9875, 9875, 9889, 9889, 9898, 9899, 9917, 9918, 9924, 9925, 9934, 9934, 9940, 9940, 9962, 9962, 9970, 9971, 9973, 9973, 9978, 9978, 9981, 9981, 9989, 9989, 9994, 9995, 10024, 10024, 10060, 10060, 10062, 10062, 10067, 10069, 10071, 10071, 10133, 10135, 10160, 10160, 10175, 10175, 11035, 11036, 11088, 11088, 11093, 11093, 11904, 11929, 11931, 12019, 12032, 12245, 12272, 12287, 12289, 12350, 12353, 12438, 12441, 12543, 12549, 12591, 12593, 12686, 12688, 12773, 12783, 12830, 12832, 12871, 12880, 42124, 42128, 42182, 43360, 43388, 44032, 55203, 63744, 64255, 65040, 65049, 65072, 65106, 65108, 65126, 65128, 65131, 94176, 94180, 94192, 94198, 94208, 101594, 101631, 101664, 101760, 101874, 101888, 102801, 102816, 102866, 110576, 110579, 110581, 110587, 110589, 110590, 110592, 110888, 110898, 110898, 110928, 110930, 110933, 110933, 110948, 110952, 110960, 111355, 119552, 119638, 119648, 119670, 126980, 126980, 127183, 127183, 127374, 127374, 127377, 127386, 127406, 127406, 127488, 127490, 127504, 127547, 127552, 127560, 127568, 127569, 127584, 127589, 127744, 127776, 127789, 127797, 127799, 127868, 127870, 127891, 127904, 127946, 127951, 127955, 127968, 127984, 127988, 127988, 127992, 128062, 128064, 128064, 128066, 128252, 128255, 128317, 128331, 128334, 128336, 128359, 128378, 128378, 128405, 128406, 128420, 128420, 128507, 128591, 128640, 128709, 128716, 128716, 128720, 128722, 128725, 128729, 128732, 128735, 128747, 128748, 128756, 128764, 128986, 128986, 128992, 129003, 129008, 129008, 129292, 129338, 129340, 129349, 129351, 129535, 129648, 129660, 129664, 129734, 129736, 129736, 129740, 129757, 129759, 129771, 129775, 129786, 131072, 196605, 196608, 262141];

// node_modules/get-east-asian-width/utilities.js
var isInRange = (ranges, codePoint) => {
  let low = 0;
  let high = Math.floor(ranges.length / 2) - 1;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    const i = mid * 2;
    if (codePoint < ranges[i]) {
      high = mid - 1;
    } else if (codePoint > ranges[i + 1]) {
      low = mid + 1;
    } else {
      return true;
    }
  }
  return false;
};

// node_modules/get-east-asian-width/lookup.js
var commonCjkCodePoint = 19968;
var [wideFastPathStart, wideFastPathEnd] = /* @__PURE__ */ findWideFastPathRange(wideRanges);
function findWideFastPathRange(ranges) {
  let fastPathStart = ranges[0];
  let fastPathEnd = ranges[1];
  for (let index = 0; index < ranges.length; index += 2) {
    const start = ranges[index];
    const end = ranges[index + 1];
    if (commonCjkCodePoint >= start && commonCjkCodePoint <= end) {
      return [start, end];
    }
    if (end - start > fastPathEnd - fastPathStart) {
      fastPathStart = start;
      fastPathEnd = end;
    }
  }
  return [fastPathStart, fastPathEnd];
}
var isAmbiguous = (codePoint) => {
  if (codePoint < ambiguousMinimalCodePoint || codePoint > ambiguousMaximumCodePoint) {
    return false;
  }
  return isInRange(ambiguousRanges, codePoint);
};
var isFullwidth = (codePoint) => {
  if (codePoint < fullwidthMinimalCodePoint || codePoint > fullwidthMaximumCodePoint) {
    return false;
  }
  return isInRange(fullwidthRanges, codePoint);
};
var isWide = (codePoint) => {
  if (codePoint >= wideFastPathStart && codePoint <= wideFastPathEnd) {
    return true;
  }
  if (codePoint < wideMinimalCodePoint || codePoint > wideMaximumCodePoint) {
    return false;
  }
  return isInRange(wideRanges, codePoint);
};

// node_modules/get-east-asian-width/index.js
function validate(codePoint) {
  if (!Number.isSafeInteger(codePoint)) {
    throw new TypeError(`Expected a code point, got \`${typeof codePoint}\`.`);
  }
}
function eastAsianWidth(codePoint, { ambiguousAsWide = false } = {}) {
  validate(codePoint);
  if (isFullwidth(codePoint) || isWide(codePoint) || ambiguousAsWide && isAmbiguous(codePoint)) {
    return 2;
  }
  return 1;
}

// node_modules/cliui/node_modules/string-width/index.js
var import_emoji_regex = __toESM(require_emoji_regex(), 1);
var segmenter = new Intl.Segmenter();
var defaultIgnorableCodePointRegex = new RegExp("^\\p{Default_Ignorable_Code_Point}$", "u");
function stringWidth(string, options = {}) {
  if (typeof string !== "string" || string.length === 0) {
    return 0;
  }
  const {
    ambiguousIsNarrow = true,
    countAnsiEscapeCodes = false
  } = options;
  if (!countAnsiEscapeCodes) {
    string = stripAnsi(string);
  }
  if (string.length === 0) {
    return 0;
  }
  let width = 0;
  const eastAsianWidthOptions = { ambiguousAsWide: !ambiguousIsNarrow };
  for (const { segment: character } of segmenter.segment(string)) {
    const codePoint = character.codePointAt(0);
    if (codePoint <= 31 || codePoint >= 127 && codePoint <= 159) {
      continue;
    }
    if (codePoint >= 8203 && codePoint <= 8207 || codePoint === 65279) {
      continue;
    }
    if (codePoint >= 768 && codePoint <= 879 || codePoint >= 6832 && codePoint <= 6911 || codePoint >= 7616 && codePoint <= 7679 || codePoint >= 8400 && codePoint <= 8447 || codePoint >= 65056 && codePoint <= 65071) {
      continue;
    }
    if (codePoint >= 55296 && codePoint <= 57343) {
      continue;
    }
    if (codePoint >= 65024 && codePoint <= 65039) {
      continue;
    }
    if (defaultIgnorableCodePointRegex.test(character)) {
      continue;
    }
    if ((0, import_emoji_regex.default)().test(character)) {
      width += 2;
      continue;
    }
    width += eastAsianWidth(codePoint, eastAsianWidthOptions);
  }
  return width;
}

// node_modules/wrap-ansi/node_modules/string-width/index.js
var import_emoji_regex2 = __toESM(require_emoji_regex(), 1);
var segmenter2 = new Intl.Segmenter();
var defaultIgnorableCodePointRegex2 = new RegExp("^\\p{Default_Ignorable_Code_Point}$", "u");
function stringWidth2(string, options = {}) {
  if (typeof string !== "string" || string.length === 0) {
    return 0;
  }
  const {
    ambiguousIsNarrow = true,
    countAnsiEscapeCodes = false
  } = options;
  if (!countAnsiEscapeCodes) {
    string = stripAnsi(string);
  }
  if (string.length === 0) {
    return 0;
  }
  let width = 0;
  const eastAsianWidthOptions = { ambiguousAsWide: !ambiguousIsNarrow };
  for (const { segment: character } of segmenter2.segment(string)) {
    const codePoint = character.codePointAt(0);
    if (codePoint <= 31 || codePoint >= 127 && codePoint <= 159) {
      continue;
    }
    if (codePoint >= 8203 && codePoint <= 8207 || codePoint === 65279) {
      continue;
    }
    if (codePoint >= 768 && codePoint <= 879 || codePoint >= 6832 && codePoint <= 6911 || codePoint >= 7616 && codePoint <= 7679 || codePoint >= 8400 && codePoint <= 8447 || codePoint >= 65056 && codePoint <= 65071) {
      continue;
    }
    if (codePoint >= 55296 && codePoint <= 57343) {
      continue;
    }
    if (codePoint >= 65024 && codePoint <= 65039) {
      continue;
    }
    if (defaultIgnorableCodePointRegex2.test(character)) {
      continue;
    }
    if ((0, import_emoji_regex2.default)().test(character)) {
      width += 2;
      continue;
    }
    width += eastAsianWidth(codePoint, eastAsianWidthOptions);
  }
  return width;
}

// node_modules/ansi-styles/index.js
var ANSI_BACKGROUND_OFFSET = 10;
var wrapAnsi16 = (offset = 0) => (code) => `\x1B[${code + offset}m`;
var wrapAnsi256 = (offset = 0) => (code) => `\x1B[${38 + offset};5;${code}m`;
var wrapAnsi16m = (offset = 0) => (red, green, blue) => `\x1B[${38 + offset};2;${red};${green};${blue}m`;
var styles = {
  modifier: {
    reset: [0, 0],
    // 21 isn't widely supported and 22 does the same thing
    bold: [1, 22],
    dim: [2, 22],
    italic: [3, 23],
    underline: [4, 24],
    overline: [53, 55],
    inverse: [7, 27],
    hidden: [8, 28],
    strikethrough: [9, 29]
  },
  color: {
    black: [30, 39],
    red: [31, 39],
    green: [32, 39],
    yellow: [33, 39],
    blue: [34, 39],
    magenta: [35, 39],
    cyan: [36, 39],
    white: [37, 39],
    // Bright color
    blackBright: [90, 39],
    gray: [90, 39],
    // Alias of `blackBright`
    grey: [90, 39],
    // Alias of `blackBright`
    redBright: [91, 39],
    greenBright: [92, 39],
    yellowBright: [93, 39],
    blueBright: [94, 39],
    magentaBright: [95, 39],
    cyanBright: [96, 39],
    whiteBright: [97, 39]
  },
  bgColor: {
    bgBlack: [40, 49],
    bgRed: [41, 49],
    bgGreen: [42, 49],
    bgYellow: [43, 49],
    bgBlue: [44, 49],
    bgMagenta: [45, 49],
    bgCyan: [46, 49],
    bgWhite: [47, 49],
    // Bright color
    bgBlackBright: [100, 49],
    bgGray: [100, 49],
    // Alias of `bgBlackBright`
    bgGrey: [100, 49],
    // Alias of `bgBlackBright`
    bgRedBright: [101, 49],
    bgGreenBright: [102, 49],
    bgYellowBright: [103, 49],
    bgBlueBright: [104, 49],
    bgMagentaBright: [105, 49],
    bgCyanBright: [106, 49],
    bgWhiteBright: [107, 49]
  }
};
var modifierNames = Object.keys(styles.modifier);
var foregroundColorNames = Object.keys(styles.color);
var backgroundColorNames = Object.keys(styles.bgColor);
var colorNames = [...foregroundColorNames, ...backgroundColorNames];
function assembleStyles() {
  const codes = /* @__PURE__ */ new Map();
  for (const [groupName, group] of Object.entries(styles)) {
    for (const [styleName, style] of Object.entries(group)) {
      styles[styleName] = {
        open: `\x1B[${style[0]}m`,
        close: `\x1B[${style[1]}m`
      };
      group[styleName] = styles[styleName];
      codes.set(style[0], style[1]);
    }
    Object.defineProperty(styles, groupName, {
      value: group,
      enumerable: false
    });
  }
  Object.defineProperty(styles, "codes", {
    value: codes,
    enumerable: false
  });
  styles.color.close = "\x1B[39m";
  styles.bgColor.close = "\x1B[49m";
  styles.color.ansi = wrapAnsi16();
  styles.color.ansi256 = wrapAnsi256();
  styles.color.ansi16m = wrapAnsi16m();
  styles.bgColor.ansi = wrapAnsi16(ANSI_BACKGROUND_OFFSET);
  styles.bgColor.ansi256 = wrapAnsi256(ANSI_BACKGROUND_OFFSET);
  styles.bgColor.ansi16m = wrapAnsi16m(ANSI_BACKGROUND_OFFSET);
  Object.defineProperties(styles, {
    rgbToAnsi256: {
      value(red, green, blue) {
        if (red === green && green === blue) {
          if (red < 8) {
            return 16;
          }
          if (red > 248) {
            return 231;
          }
          return Math.round((red - 8) / 247 * 24) + 232;
        }
        return 16 + 36 * Math.round(red / 255 * 5) + 6 * Math.round(green / 255 * 5) + Math.round(blue / 255 * 5);
      },
      enumerable: false
    },
    hexToRgb: {
      value(hex) {
        const matches = /[a-f\d]{6}|[a-f\d]{3}/i.exec(hex.toString(16));
        if (!matches) {
          return [0, 0, 0];
        }
        let [colorString] = matches;
        if (colorString.length === 3) {
          colorString = [...colorString].map((character) => character + character).join("");
        }
        const integer = Number.parseInt(colorString, 16);
        return [
          /* eslint-disable no-bitwise */
          integer >> 16 & 255,
          integer >> 8 & 255,
          integer & 255
          /* eslint-enable no-bitwise */
        ];
      },
      enumerable: false
    },
    hexToAnsi256: {
      value: (hex) => styles.rgbToAnsi256(...styles.hexToRgb(hex)),
      enumerable: false
    },
    ansi256ToAnsi: {
      value(code) {
        if (code < 8) {
          return 30 + code;
        }
        if (code < 16) {
          return 90 + (code - 8);
        }
        let red;
        let green;
        let blue;
        if (code >= 232) {
          red = ((code - 232) * 10 + 8) / 255;
          green = red;
          blue = red;
        } else {
          code -= 16;
          const remainder = code % 36;
          red = Math.floor(code / 36) / 5;
          green = Math.floor(remainder / 6) / 5;
          blue = remainder % 6 / 5;
        }
        const value = Math.max(red, green, blue) * 2;
        if (value === 0) {
          return 30;
        }
        let result = 30 + (Math.round(blue) << 2 | Math.round(green) << 1 | Math.round(red));
        if (value === 2) {
          result += 60;
        }
        return result;
      },
      enumerable: false
    },
    rgbToAnsi: {
      value: (red, green, blue) => styles.ansi256ToAnsi(styles.rgbToAnsi256(red, green, blue)),
      enumerable: false
    },
    hexToAnsi: {
      value: (hex) => styles.ansi256ToAnsi(styles.hexToAnsi256(hex)),
      enumerable: false
    }
  });
  return styles;
}
var ansiStyles = assembleStyles();
var ansi_styles_default = ansiStyles;

// node_modules/wrap-ansi/index.js
var ESCAPES = /* @__PURE__ */ new Set([
  "\x1B",
  "\x9B"
]);
var END_CODE = 39;
var ANSI_ESCAPE_BELL = "\x07";
var ANSI_CSI = "[";
var ANSI_OSC = "]";
var ANSI_SGR_TERMINATOR = "m";
var ANSI_ESCAPE_LINK = `${ANSI_OSC}8;;`;
var wrapAnsiCode = (code) => `${ESCAPES.values().next().value}${ANSI_CSI}${code}${ANSI_SGR_TERMINATOR}`;
var wrapAnsiHyperlink = (url) => `${ESCAPES.values().next().value}${ANSI_ESCAPE_LINK}${url}${ANSI_ESCAPE_BELL}`;
var wordLengths = (string) => string.split(" ").map((character) => stringWidth2(character));
var wrapWord = (rows, word, columns) => {
  const characters = [...word];
  let isInsideEscape = false;
  let isInsideLinkEscape = false;
  let visible = stringWidth2(stripAnsi(rows.at(-1)));
  for (const [index, character] of characters.entries()) {
    const characterLength = stringWidth2(character);
    if (visible + characterLength <= columns) {
      rows[rows.length - 1] += character;
    } else {
      rows.push(character);
      visible = 0;
    }
    if (ESCAPES.has(character)) {
      isInsideEscape = true;
      const ansiEscapeLinkCandidate = characters.slice(index + 1, index + 1 + ANSI_ESCAPE_LINK.length).join("");
      isInsideLinkEscape = ansiEscapeLinkCandidate === ANSI_ESCAPE_LINK;
    }
    if (isInsideEscape) {
      if (isInsideLinkEscape) {
        if (character === ANSI_ESCAPE_BELL) {
          isInsideEscape = false;
          isInsideLinkEscape = false;
        }
      } else if (character === ANSI_SGR_TERMINATOR) {
        isInsideEscape = false;
      }
      continue;
    }
    visible += characterLength;
    if (visible === columns && index < characters.length - 1) {
      rows.push("");
      visible = 0;
    }
  }
  if (!visible && rows.at(-1).length > 0 && rows.length > 1) {
    rows[rows.length - 2] += rows.pop();
  }
};
var stringVisibleTrimSpacesRight = (string) => {
  const words = string.split(" ");
  let last = words.length;
  while (last > 0) {
    if (stringWidth2(words[last - 1]) > 0) {
      break;
    }
    last--;
  }
  if (last === words.length) {
    return string;
  }
  return words.slice(0, last).join(" ") + words.slice(last).join("");
};
var exec = (string, columns, options = {}) => {
  if (options.trim !== false && string.trim() === "") {
    return "";
  }
  let returnValue = "";
  let escapeCode;
  let escapeUrl;
  const lengths = wordLengths(string);
  let rows = [""];
  for (const [index, word] of string.split(" ").entries()) {
    if (options.trim !== false) {
      rows[rows.length - 1] = rows.at(-1).trimStart();
    }
    let rowLength = stringWidth2(rows.at(-1));
    if (index !== 0) {
      if (rowLength >= columns && (options.wordWrap === false || options.trim === false)) {
        rows.push("");
        rowLength = 0;
      }
      if (rowLength > 0 || options.trim === false) {
        rows[rows.length - 1] += " ";
        rowLength++;
      }
    }
    if (options.hard && lengths[index] > columns) {
      const remainingColumns = columns - rowLength;
      const breaksStartingThisLine = 1 + Math.floor((lengths[index] - remainingColumns - 1) / columns);
      const breaksStartingNextLine = Math.floor((lengths[index] - 1) / columns);
      if (breaksStartingNextLine < breaksStartingThisLine) {
        rows.push("");
      }
      wrapWord(rows, word, columns);
      continue;
    }
    if (rowLength + lengths[index] > columns && rowLength > 0 && lengths[index] > 0) {
      if (options.wordWrap === false && rowLength < columns) {
        wrapWord(rows, word, columns);
        continue;
      }
      rows.push("");
    }
    if (rowLength + lengths[index] > columns && options.wordWrap === false) {
      wrapWord(rows, word, columns);
      continue;
    }
    rows[rows.length - 1] += word;
  }
  if (options.trim !== false) {
    rows = rows.map((row) => stringVisibleTrimSpacesRight(row));
  }
  const preString = rows.join("\n");
  const pre = [...preString];
  let preStringIndex = 0;
  for (const [index, character] of pre.entries()) {
    returnValue += character;
    if (ESCAPES.has(character)) {
      const { groups } = new RegExp(`(?:\\${ANSI_CSI}(?<code>\\d+)m|\\${ANSI_ESCAPE_LINK}(?<uri>.*)${ANSI_ESCAPE_BELL})`).exec(preString.slice(preStringIndex)) || { groups: {} };
      if (groups.code !== void 0) {
        const code2 = Number.parseFloat(groups.code);
        escapeCode = code2 === END_CODE ? void 0 : code2;
      } else if (groups.uri !== void 0) {
        escapeUrl = groups.uri.length === 0 ? void 0 : groups.uri;
      }
    }
    const code = ansi_styles_default.codes.get(Number(escapeCode));
    if (pre[index + 1] === "\n") {
      if (escapeUrl) {
        returnValue += wrapAnsiHyperlink("");
      }
      if (escapeCode && code) {
        returnValue += wrapAnsiCode(code);
      }
    } else if (character === "\n") {
      if (escapeCode && code) {
        returnValue += wrapAnsiCode(escapeCode);
      }
      if (escapeUrl) {
        returnValue += wrapAnsiHyperlink(escapeUrl);
      }
    }
    preStringIndex += character.length;
  }
  return returnValue;
};
function wrapAnsi(string, columns, options) {
  return String(string).normalize().replaceAll("\r\n", "\n").split("\n").map((line) => exec(line, columns, options)).join("\n");
}

// node_modules/cliui/index.mjs
function ui(opts) {
  return cliui(opts, {
    stringWidth,
    stripAnsi,
    wrap: wrapAnsi
  });
}

// node_modules/escalade/sync/index.mjs
import { dirname, resolve } from "path";
import { readdirSync, statSync } from "fs";
function sync_default(start, callback) {
  let dir = resolve(".", start);
  let tmp, stats = statSync(dir);
  if (!stats.isDirectory()) {
    dir = dirname(dir);
  }
  while (true) {
    tmp = callback(dir, readdirSync(dir));
    if (tmp) return resolve(dir, tmp);
    dir = dirname(tmp = dir);
    if (tmp === dir) break;
  }
}

// node_modules/yargs/lib/platform-shims/esm.mjs
import { inspect } from "util";
import { fileURLToPath } from "url";

// node_modules/yargs-parser/build/lib/index.js
import { format } from "util";
import { normalize, resolve as resolve2 } from "path";

// node_modules/yargs-parser/build/lib/string-utils.js
function camelCase(str) {
  const isCamelCase = str !== str.toLowerCase() && str !== str.toUpperCase();
  if (!isCamelCase) {
    str = str.toLowerCase();
  }
  if (str.indexOf("-") === -1 && str.indexOf("_") === -1) {
    return str;
  } else {
    let camelcase = "";
    let nextChrUpper = false;
    const leadingHyphens = str.match(/^-+/);
    for (let i = leadingHyphens ? leadingHyphens[0].length : 0; i < str.length; i++) {
      let chr = str.charAt(i);
      if (nextChrUpper) {
        nextChrUpper = false;
        chr = chr.toUpperCase();
      }
      if (i !== 0 && (chr === "-" || chr === "_")) {
        nextChrUpper = true;
      } else if (chr !== "-" && chr !== "_") {
        camelcase += chr;
      }
    }
    return camelcase;
  }
}
function decamelize(str, joinString) {
  const lowercase = str.toLowerCase();
  joinString = joinString || "-";
  let notCamelcase = "";
  for (let i = 0; i < str.length; i++) {
    const chrLower = lowercase.charAt(i);
    const chrString = str.charAt(i);
    if (chrLower !== chrString && i > 0) {
      notCamelcase += `${joinString}${lowercase.charAt(i)}`;
    } else {
      notCamelcase += chrString;
    }
  }
  return notCamelcase;
}
function looksLikeNumber(x) {
  if (x === null || x === void 0)
    return false;
  if (typeof x === "number")
    return true;
  if (/^0x[0-9a-f]+$/i.test(x))
    return true;
  if (/^0[^.]/.test(x))
    return false;
  return /^[-]?(?:\d+(?:\.\d*)?|\.\d+)(e[-+]?\d+)?$/.test(x);
}

// node_modules/yargs-parser/build/lib/tokenize-arg-string.js
function tokenizeArgString(argString) {
  if (Array.isArray(argString)) {
    return argString.map((e) => typeof e !== "string" ? e + "" : e);
  }
  argString = argString.trim();
  let i = 0;
  let prevC = null;
  let c = null;
  let opening = null;
  const args = [];
  for (let ii = 0; ii < argString.length; ii++) {
    prevC = c;
    c = argString.charAt(ii);
    if (c === " " && !opening) {
      if (!(prevC === " ")) {
        i++;
      }
      continue;
    }
    if (c === opening) {
      opening = null;
    } else if ((c === "'" || c === '"') && !opening) {
      opening = c;
    }
    if (!args[i])
      args[i] = "";
    args[i] += c;
  }
  return args;
}

// node_modules/yargs-parser/build/lib/yargs-parser-types.js
var DefaultValuesForTypeKey;
(function(DefaultValuesForTypeKey2) {
  DefaultValuesForTypeKey2["BOOLEAN"] = "boolean";
  DefaultValuesForTypeKey2["STRING"] = "string";
  DefaultValuesForTypeKey2["NUMBER"] = "number";
  DefaultValuesForTypeKey2["ARRAY"] = "array";
})(DefaultValuesForTypeKey || (DefaultValuesForTypeKey = {}));

// node_modules/yargs-parser/build/lib/yargs-parser.js
var mixin2;
var YargsParser = class {
  constructor(_mixin) {
    mixin2 = _mixin;
  }
  parse(argsInput, options) {
    const opts = Object.assign({
      alias: void 0,
      array: void 0,
      boolean: void 0,
      config: void 0,
      configObjects: void 0,
      configuration: void 0,
      coerce: void 0,
      count: void 0,
      default: void 0,
      envPrefix: void 0,
      narg: void 0,
      normalize: void 0,
      string: void 0,
      number: void 0,
      __: void 0,
      key: void 0
    }, options);
    const args = tokenizeArgString(argsInput);
    const inputIsString = typeof argsInput === "string";
    const aliases = combineAliases(Object.assign(/* @__PURE__ */ Object.create(null), opts.alias));
    const configuration = Object.assign({
      "boolean-negation": true,
      "camel-case-expansion": true,
      "combine-arrays": false,
      "dot-notation": true,
      "duplicate-arguments-array": true,
      "flatten-duplicate-arrays": true,
      "greedy-arrays": true,
      "halt-at-non-option": false,
      "nargs-eats-options": false,
      "negation-prefix": "no-",
      "parse-numbers": true,
      "parse-positional-numbers": true,
      "populate--": false,
      "set-placeholder-key": false,
      "short-option-groups": true,
      "strip-aliased": false,
      "strip-dashed": false,
      "unknown-options-as-args": false
    }, opts.configuration);
    const defaults = Object.assign(/* @__PURE__ */ Object.create(null), opts.default);
    const configObjects = opts.configObjects || [];
    const envPrefix = opts.envPrefix;
    const notFlagsOption = configuration["populate--"];
    const notFlagsArgv = notFlagsOption ? "--" : "_";
    const newAliases = /* @__PURE__ */ Object.create(null);
    const defaulted = /* @__PURE__ */ Object.create(null);
    const __ = opts.__ || mixin2.format;
    const flags = {
      aliases: /* @__PURE__ */ Object.create(null),
      arrays: /* @__PURE__ */ Object.create(null),
      bools: /* @__PURE__ */ Object.create(null),
      strings: /* @__PURE__ */ Object.create(null),
      numbers: /* @__PURE__ */ Object.create(null),
      counts: /* @__PURE__ */ Object.create(null),
      normalize: /* @__PURE__ */ Object.create(null),
      configs: /* @__PURE__ */ Object.create(null),
      nargs: /* @__PURE__ */ Object.create(null),
      coercions: /* @__PURE__ */ Object.create(null),
      keys: []
    };
    const negative = /^-([0-9]+(\.[0-9]+)?|\.[0-9]+)$/;
    const negatedBoolean = new RegExp("^--" + configuration["negation-prefix"] + "(.+)");
    [].concat(opts.array || []).filter(Boolean).forEach(function(opt) {
      const key = typeof opt === "object" ? opt.key : opt;
      const assignment = Object.keys(opt).map(function(key2) {
        const arrayFlagKeys = {
          boolean: "bools",
          string: "strings",
          number: "numbers"
        };
        return arrayFlagKeys[key2];
      }).filter(Boolean).pop();
      if (assignment) {
        flags[assignment][key] = true;
      }
      flags.arrays[key] = true;
      flags.keys.push(key);
    });
    [].concat(opts.boolean || []).filter(Boolean).forEach(function(key) {
      flags.bools[key] = true;
      flags.keys.push(key);
    });
    [].concat(opts.string || []).filter(Boolean).forEach(function(key) {
      flags.strings[key] = true;
      flags.keys.push(key);
    });
    [].concat(opts.number || []).filter(Boolean).forEach(function(key) {
      flags.numbers[key] = true;
      flags.keys.push(key);
    });
    [].concat(opts.count || []).filter(Boolean).forEach(function(key) {
      flags.counts[key] = true;
      flags.keys.push(key);
    });
    [].concat(opts.normalize || []).filter(Boolean).forEach(function(key) {
      flags.normalize[key] = true;
      flags.keys.push(key);
    });
    if (typeof opts.narg === "object") {
      Object.entries(opts.narg).forEach(([key, value]) => {
        if (typeof value === "number") {
          flags.nargs[key] = value;
          flags.keys.push(key);
        }
      });
    }
    if (typeof opts.coerce === "object") {
      Object.entries(opts.coerce).forEach(([key, value]) => {
        if (typeof value === "function") {
          flags.coercions[key] = value;
          flags.keys.push(key);
        }
      });
    }
    if (typeof opts.config !== "undefined") {
      if (Array.isArray(opts.config) || typeof opts.config === "string") {
        ;
        [].concat(opts.config).filter(Boolean).forEach(function(key) {
          flags.configs[key] = true;
        });
      } else if (typeof opts.config === "object") {
        Object.entries(opts.config).forEach(([key, value]) => {
          if (typeof value === "boolean" || typeof value === "function") {
            flags.configs[key] = value;
          }
        });
      }
    }
    extendAliases(opts.key, aliases, opts.default, flags.arrays);
    Object.keys(defaults).forEach(function(key) {
      (flags.aliases[key] || []).forEach(function(alias) {
        defaults[alias] = defaults[key];
      });
    });
    let error = null;
    checkConfiguration();
    let notFlags = [];
    const argv = Object.assign(/* @__PURE__ */ Object.create(null), { _: [] });
    const argvReturn = {};
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      const truncatedArg = arg.replace(/^-{3,}/, "---");
      let broken;
      let key;
      let letters;
      let m;
      let next;
      let value;
      if (arg !== "--" && /^-/.test(arg) && isUnknownOptionAsArg(arg)) {
        pushPositional(arg);
      } else if (truncatedArg.match(/^---+(=|$)/)) {
        pushPositional(arg);
        continue;
      } else if (arg.match(/^--.+=/) || !configuration["short-option-groups"] && arg.match(/^-.+=/)) {
        m = arg.match(/^--?([^=]+)=([\s\S]*)$/);
        if (m !== null && Array.isArray(m) && m.length >= 3) {
          if (checkAllAliases(m[1], flags.arrays)) {
            i = eatArray(i, m[1], args, m[2]);
          } else if (checkAllAliases(m[1], flags.nargs) !== false) {
            i = eatNargs(i, m[1], args, m[2]);
          } else {
            setArg(m[1], m[2], true);
          }
        }
      } else if (arg.match(negatedBoolean) && configuration["boolean-negation"]) {
        m = arg.match(negatedBoolean);
        if (m !== null && Array.isArray(m) && m.length >= 2) {
          key = m[1];
          setArg(key, checkAllAliases(key, flags.arrays) ? [false] : false);
        }
      } else if (arg.match(/^--.+/) || !configuration["short-option-groups"] && arg.match(/^-[^-]+/)) {
        m = arg.match(/^--?(.+)/);
        if (m !== null && Array.isArray(m) && m.length >= 2) {
          key = m[1];
          if (checkAllAliases(key, flags.arrays)) {
            i = eatArray(i, key, args);
          } else if (checkAllAliases(key, flags.nargs) !== false) {
            i = eatNargs(i, key, args);
          } else {
            next = args[i + 1];
            if (next !== void 0 && (!next.match(/^-/) || next.match(negative)) && !checkAllAliases(key, flags.bools) && !checkAllAliases(key, flags.counts)) {
              setArg(key, next);
              i++;
            } else if (/^(true|false)$/.test(next)) {
              setArg(key, next);
              i++;
            } else {
              setArg(key, defaultValue(key));
            }
          }
        }
      } else if (arg.match(/^-.\..+=/)) {
        m = arg.match(/^-([^=]+)=([\s\S]*)$/);
        if (m !== null && Array.isArray(m) && m.length >= 3) {
          setArg(m[1], m[2]);
        }
      } else if (arg.match(/^-.\..+/) && !arg.match(negative)) {
        next = args[i + 1];
        m = arg.match(/^-(.\..+)/);
        if (m !== null && Array.isArray(m) && m.length >= 2) {
          key = m[1];
          if (next !== void 0 && !next.match(/^-/) && !checkAllAliases(key, flags.bools) && !checkAllAliases(key, flags.counts)) {
            setArg(key, next);
            i++;
          } else {
            setArg(key, defaultValue(key));
          }
        }
      } else if (arg.match(/^-[^-]+/) && !arg.match(negative)) {
        letters = arg.slice(1, -1).split("");
        broken = false;
        for (let j = 0; j < letters.length; j++) {
          next = arg.slice(j + 2);
          if (letters[j + 1] && letters[j + 1] === "=") {
            value = arg.slice(j + 3);
            key = letters[j];
            if (checkAllAliases(key, flags.arrays)) {
              i = eatArray(i, key, args, value);
            } else if (checkAllAliases(key, flags.nargs) !== false) {
              i = eatNargs(i, key, args, value);
            } else {
              setArg(key, value);
            }
            broken = true;
            break;
          }
          if (next === "-") {
            setArg(letters[j], next);
            continue;
          }
          if (/[A-Za-z]/.test(letters[j]) && /^-?\d+(\.\d*)?(e-?\d+)?$/.test(next) && checkAllAliases(next, flags.bools) === false) {
            setArg(letters[j], next);
            broken = true;
            break;
          }
          if (letters[j + 1] && letters[j + 1].match(/\W/)) {
            setArg(letters[j], next);
            broken = true;
            break;
          } else {
            setArg(letters[j], defaultValue(letters[j]));
          }
        }
        key = arg.slice(-1)[0];
        if (!broken && key !== "-") {
          if (checkAllAliases(key, flags.arrays)) {
            i = eatArray(i, key, args);
          } else if (checkAllAliases(key, flags.nargs) !== false) {
            i = eatNargs(i, key, args);
          } else {
            next = args[i + 1];
            if (next !== void 0 && (!/^(-|--)[^-]/.test(next) || next.match(negative)) && !checkAllAliases(key, flags.bools) && !checkAllAliases(key, flags.counts)) {
              setArg(key, next);
              i++;
            } else if (/^(true|false)$/.test(next)) {
              setArg(key, next);
              i++;
            } else {
              setArg(key, defaultValue(key));
            }
          }
        }
      } else if (arg.match(/^-[0-9]$/) && arg.match(negative) && checkAllAliases(arg.slice(1), flags.bools)) {
        key = arg.slice(1);
        setArg(key, defaultValue(key));
      } else if (arg === "--") {
        notFlags = args.slice(i + 1);
        break;
      } else if (configuration["halt-at-non-option"]) {
        notFlags = args.slice(i);
        break;
      } else {
        pushPositional(arg);
      }
    }
    applyEnvVars(argv, true);
    applyEnvVars(argv, false);
    setConfig(argv);
    setConfigObjects();
    applyDefaultsAndAliases(argv, flags.aliases, defaults, true);
    applyCoercions(argv);
    if (configuration["set-placeholder-key"])
      setPlaceholderKeys(argv);
    Object.keys(flags.counts).forEach(function(key) {
      if (!hasKey(argv, key.split(".")))
        setArg(key, 0);
    });
    if (notFlagsOption && notFlags.length)
      argv[notFlagsArgv] = [];
    notFlags.forEach(function(key) {
      argv[notFlagsArgv].push(key);
    });
    if (configuration["camel-case-expansion"] && configuration["strip-dashed"]) {
      Object.keys(argv).filter((key) => key !== "--" && key.includes("-")).forEach((key) => {
        delete argv[key];
      });
    }
    if (configuration["strip-aliased"]) {
      ;
      [].concat(...Object.keys(aliases).map((k) => aliases[k])).forEach((alias) => {
        if (configuration["camel-case-expansion"] && alias.includes("-")) {
          delete argv[alias.split(".").map((prop) => camelCase(prop)).join(".")];
        }
        delete argv[alias];
      });
    }
    function pushPositional(arg) {
      const maybeCoercedNumber = maybeCoerceNumber("_", arg);
      if (typeof maybeCoercedNumber === "string" || typeof maybeCoercedNumber === "number") {
        argv._.push(maybeCoercedNumber);
      }
    }
    function eatNargs(i, key, args2, argAfterEqualSign) {
      let ii;
      let toEat = checkAllAliases(key, flags.nargs);
      toEat = typeof toEat !== "number" || isNaN(toEat) ? 1 : toEat;
      if (toEat === 0) {
        if (!isUndefined(argAfterEqualSign)) {
          error = Error(__("Argument unexpected for: %s", key));
        }
        setArg(key, defaultValue(key));
        return i;
      }
      let available = isUndefined(argAfterEqualSign) ? 0 : 1;
      if (configuration["nargs-eats-options"]) {
        if (args2.length - (i + 1) + available < toEat) {
          error = Error(__("Not enough arguments following: %s", key));
        }
        available = toEat;
      } else {
        for (ii = i + 1; ii < args2.length; ii++) {
          if (!args2[ii].match(/^-[^0-9]/) || args2[ii].match(negative) || isUnknownOptionAsArg(args2[ii]))
            available++;
          else
            break;
        }
        if (available < toEat)
          error = Error(__("Not enough arguments following: %s", key));
      }
      let consumed = Math.min(available, toEat);
      if (!isUndefined(argAfterEqualSign) && consumed > 0) {
        setArg(key, argAfterEqualSign);
        consumed--;
      }
      for (ii = i + 1; ii < consumed + i + 1; ii++) {
        setArg(key, args2[ii]);
      }
      return i + consumed;
    }
    function eatArray(i, key, args2, argAfterEqualSign) {
      let argsToSet = [];
      let next = argAfterEqualSign || args2[i + 1];
      const nargsCount = checkAllAliases(key, flags.nargs);
      if (checkAllAliases(key, flags.bools) && !/^(true|false)$/.test(next)) {
        argsToSet.push(true);
      } else if (isUndefined(next) || isUndefined(argAfterEqualSign) && /^-/.test(next) && !negative.test(next) && !isUnknownOptionAsArg(next)) {
        if (defaults[key] !== void 0) {
          const defVal = defaults[key];
          argsToSet = Array.isArray(defVal) ? defVal : [defVal];
        }
      } else {
        if (!isUndefined(argAfterEqualSign)) {
          argsToSet.push(processValue(key, argAfterEqualSign, true));
        }
        for (let ii = i + 1; ii < args2.length; ii++) {
          if (!configuration["greedy-arrays"] && argsToSet.length > 0 || nargsCount && typeof nargsCount === "number" && argsToSet.length >= nargsCount)
            break;
          next = args2[ii];
          if (/^-/.test(next) && !negative.test(next) && !isUnknownOptionAsArg(next))
            break;
          i = ii;
          argsToSet.push(processValue(key, next, inputIsString));
        }
      }
      if (typeof nargsCount === "number" && (nargsCount && argsToSet.length < nargsCount || isNaN(nargsCount) && argsToSet.length === 0)) {
        error = Error(__("Not enough arguments following: %s", key));
      }
      setArg(key, argsToSet);
      return i;
    }
    function setArg(key, val, shouldStripQuotes = inputIsString) {
      if (/-/.test(key) && configuration["camel-case-expansion"]) {
        const alias = key.split(".").map(function(prop) {
          return camelCase(prop);
        }).join(".");
        addNewAlias(key, alias);
      }
      const value = processValue(key, val, shouldStripQuotes);
      const splitKey = key.split(".");
      setKey(argv, splitKey, value);
      if (flags.aliases[key]) {
        flags.aliases[key].forEach(function(x) {
          const keyProperties = x.split(".");
          setKey(argv, keyProperties, value);
        });
      }
      if (splitKey.length > 1 && configuration["dot-notation"]) {
        ;
        (flags.aliases[splitKey[0]] || []).forEach(function(x) {
          let keyProperties = x.split(".");
          const a = [].concat(splitKey);
          a.shift();
          keyProperties = keyProperties.concat(a);
          if (!(flags.aliases[key] || []).includes(keyProperties.join("."))) {
            setKey(argv, keyProperties, value);
          }
        });
      }
      if (checkAllAliases(key, flags.normalize) && !checkAllAliases(key, flags.arrays)) {
        const keys = [key].concat(flags.aliases[key] || []);
        keys.forEach(function(key2) {
          Object.defineProperty(argvReturn, key2, {
            enumerable: true,
            get() {
              return val;
            },
            set(value2) {
              val = typeof value2 === "string" ? mixin2.normalize(value2) : value2;
            }
          });
        });
      }
    }
    function addNewAlias(key, alias) {
      if (!(flags.aliases[key] && flags.aliases[key].length)) {
        flags.aliases[key] = [alias];
        newAliases[alias] = true;
      }
      if (!(flags.aliases[alias] && flags.aliases[alias].length)) {
        addNewAlias(alias, key);
      }
    }
    function processValue(key, val, shouldStripQuotes) {
      if (shouldStripQuotes) {
        val = stripQuotes(val);
      }
      if (checkAllAliases(key, flags.bools) || checkAllAliases(key, flags.counts)) {
        if (typeof val === "string")
          val = val === "true";
      }
      let value = Array.isArray(val) ? val.map(function(v) {
        return maybeCoerceNumber(key, v);
      }) : maybeCoerceNumber(key, val);
      if (checkAllAliases(key, flags.counts) && (isUndefined(value) || typeof value === "boolean")) {
        value = increment();
      }
      if (checkAllAliases(key, flags.normalize) && checkAllAliases(key, flags.arrays)) {
        if (Array.isArray(val))
          value = val.map((val2) => {
            return mixin2.normalize(val2);
          });
        else
          value = mixin2.normalize(val);
      }
      return value;
    }
    function maybeCoerceNumber(key, value) {
      if (!configuration["parse-positional-numbers"] && key === "_")
        return value;
      if (!checkAllAliases(key, flags.strings) && !checkAllAliases(key, flags.bools) && !Array.isArray(value)) {
        const shouldCoerceNumber = looksLikeNumber(value) && configuration["parse-numbers"] && Number.isSafeInteger(Math.floor(parseFloat(`${value}`)));
        if (shouldCoerceNumber || !isUndefined(value) && checkAllAliases(key, flags.numbers)) {
          value = Number(value);
        }
      }
      return value;
    }
    function setConfig(argv2) {
      const configLookup = /* @__PURE__ */ Object.create(null);
      applyDefaultsAndAliases(configLookup, flags.aliases, defaults);
      Object.keys(flags.configs).forEach(function(configKey) {
        const configPath = argv2[configKey] || configLookup[configKey];
        if (configPath) {
          try {
            let config = null;
            const resolvedConfigPath = mixin2.resolve(mixin2.cwd(), configPath);
            const resolveConfig = flags.configs[configKey];
            if (typeof resolveConfig === "function") {
              try {
                config = resolveConfig(resolvedConfigPath);
              } catch (e) {
                config = e;
              }
              if (config instanceof Error) {
                error = config;
                return;
              }
            } else {
              config = mixin2.require(resolvedConfigPath);
            }
            setConfigObject(config);
          } catch (ex) {
            if (ex.name === "PermissionDenied")
              error = ex;
            else if (argv2[configKey])
              error = Error(__("Invalid JSON config file: %s", configPath));
          }
        }
      });
    }
    function setConfigObject(config, prev) {
      Object.keys(config).forEach(function(key) {
        const value = config[key];
        const fullKey = prev ? prev + "." + key : key;
        if (typeof value === "object" && value !== null && !Array.isArray(value) && configuration["dot-notation"]) {
          setConfigObject(value, fullKey);
        } else {
          if (!hasKey(argv, fullKey.split(".")) || checkAllAliases(fullKey, flags.arrays) && configuration["combine-arrays"]) {
            setArg(fullKey, value);
          }
        }
      });
    }
    function setConfigObjects() {
      if (typeof configObjects !== "undefined") {
        configObjects.forEach(function(configObject) {
          setConfigObject(configObject);
        });
      }
    }
    function applyEnvVars(argv2, configOnly) {
      if (typeof envPrefix === "undefined")
        return;
      const prefix = typeof envPrefix === "string" ? envPrefix : "";
      const env2 = mixin2.env();
      Object.keys(env2).forEach(function(envVar) {
        if (prefix === "" || envVar.lastIndexOf(prefix, 0) === 0) {
          const keys = envVar.split("__").map(function(key, i) {
            if (i === 0) {
              key = key.substring(prefix.length);
            }
            return camelCase(key);
          });
          if ((configOnly && flags.configs[keys.join(".")] || !configOnly) && !hasKey(argv2, keys)) {
            setArg(keys.join("."), env2[envVar]);
          }
        }
      });
    }
    function applyCoercions(argv2) {
      let coerce;
      const applied = /* @__PURE__ */ new Set();
      Object.keys(argv2).forEach(function(key) {
        if (!applied.has(key)) {
          coerce = checkAllAliases(key, flags.coercions);
          if (typeof coerce === "function") {
            try {
              const value = maybeCoerceNumber(key, coerce(argv2[key]));
              [].concat(flags.aliases[key] || [], key).forEach((ali) => {
                applied.add(ali);
                argv2[ali] = value;
              });
            } catch (err) {
              error = err;
            }
          }
        }
      });
    }
    function setPlaceholderKeys(argv2) {
      flags.keys.forEach((key) => {
        if (~key.indexOf("."))
          return;
        if (typeof argv2[key] === "undefined")
          argv2[key] = void 0;
      });
      return argv2;
    }
    function applyDefaultsAndAliases(obj, aliases2, defaults2, canLog = false) {
      Object.keys(defaults2).forEach(function(key) {
        if (!hasKey(obj, key.split("."))) {
          setKey(obj, key.split("."), defaults2[key]);
          if (canLog)
            defaulted[key] = true;
          (aliases2[key] || []).forEach(function(x) {
            if (hasKey(obj, x.split(".")))
              return;
            setKey(obj, x.split("."), defaults2[key]);
          });
        }
      });
    }
    function hasKey(obj, keys) {
      let o = obj;
      if (!configuration["dot-notation"])
        keys = [keys.join(".")];
      keys.slice(0, -1).forEach(function(key2) {
        o = o[key2] || {};
      });
      const key = keys[keys.length - 1];
      if (typeof o !== "object")
        return false;
      else
        return key in o;
    }
    function setKey(obj, keys, value) {
      let o = obj;
      if (!configuration["dot-notation"])
        keys = [keys.join(".")];
      keys.slice(0, -1).forEach(function(key2) {
        key2 = sanitizeKey(key2);
        if (typeof o === "object" && o[key2] === void 0) {
          o[key2] = {};
        }
        if (typeof o[key2] !== "object" || Array.isArray(o[key2])) {
          if (Array.isArray(o[key2])) {
            o[key2].push({});
          } else {
            o[key2] = [o[key2], {}];
          }
          o = o[key2][o[key2].length - 1];
        } else {
          o = o[key2];
        }
      });
      const key = sanitizeKey(keys[keys.length - 1]);
      const isTypeArray = checkAllAliases(keys.join("."), flags.arrays);
      const isValueArray = Array.isArray(value);
      let duplicate = configuration["duplicate-arguments-array"];
      if (!duplicate && checkAllAliases(key, flags.nargs)) {
        duplicate = true;
        if (!isUndefined(o[key]) && flags.nargs[key] === 1 || Array.isArray(o[key]) && o[key].length === flags.nargs[key]) {
          o[key] = void 0;
        }
      }
      if (value === increment()) {
        o[key] = increment(o[key]);
      } else if (Array.isArray(o[key])) {
        if (duplicate && isTypeArray && isValueArray) {
          o[key] = configuration["flatten-duplicate-arrays"] ? o[key].concat(value) : (Array.isArray(o[key][0]) ? o[key] : [o[key]]).concat([value]);
        } else if (!duplicate && Boolean(isTypeArray) === Boolean(isValueArray)) {
          o[key] = value;
        } else {
          o[key] = o[key].concat([value]);
        }
      } else if (o[key] === void 0 && isTypeArray) {
        o[key] = isValueArray ? value : [value];
      } else if (duplicate && !(o[key] === void 0 || checkAllAliases(key, flags.counts) || checkAllAliases(key, flags.bools))) {
        o[key] = [o[key], value];
      } else {
        o[key] = value;
      }
    }
    function extendAliases(...args2) {
      args2.forEach(function(obj) {
        Object.keys(obj || {}).forEach(function(key) {
          if (flags.aliases[key])
            return;
          flags.aliases[key] = [].concat(aliases[key] || []);
          flags.aliases[key].concat(key).forEach(function(x) {
            if (/-/.test(x) && configuration["camel-case-expansion"]) {
              const c = camelCase(x);
              if (c !== key && flags.aliases[key].indexOf(c) === -1) {
                flags.aliases[key].push(c);
                newAliases[c] = true;
              }
            }
          });
          flags.aliases[key].concat(key).forEach(function(x) {
            if (x.length > 1 && /[A-Z]/.test(x) && configuration["camel-case-expansion"]) {
              const c = decamelize(x, "-");
              if (c !== key && flags.aliases[key].indexOf(c) === -1) {
                flags.aliases[key].push(c);
                newAliases[c] = true;
              }
            }
          });
          flags.aliases[key].forEach(function(x) {
            flags.aliases[x] = [key].concat(flags.aliases[key].filter(function(y) {
              return x !== y;
            }));
          });
        });
      });
    }
    function checkAllAliases(key, flag) {
      const toCheck = [].concat(flags.aliases[key] || [], key);
      const keys = Object.keys(flag);
      const setAlias = toCheck.find((key2) => keys.includes(key2));
      return setAlias ? flag[setAlias] : false;
    }
    function hasAnyFlag(key) {
      const flagsKeys = Object.keys(flags);
      const toCheck = [].concat(flagsKeys.map((k) => flags[k]));
      return toCheck.some(function(flag) {
        return Array.isArray(flag) ? flag.includes(key) : flag[key];
      });
    }
    function hasFlagsMatching(arg, ...patterns) {
      const toCheck = [].concat(...patterns);
      return toCheck.some(function(pattern2) {
        const match = arg.match(pattern2);
        return match && hasAnyFlag(match[1]);
      });
    }
    function hasAllShortFlags(arg) {
      if (arg.match(negative) || !arg.match(/^-[^-]+/)) {
        return false;
      }
      let hasAllFlags = true;
      let next;
      const letters = arg.slice(1).split("");
      for (let j = 0; j < letters.length; j++) {
        next = arg.slice(j + 2);
        if (!hasAnyFlag(letters[j])) {
          hasAllFlags = false;
          break;
        }
        if (letters[j + 1] && letters[j + 1] === "=" || next === "-" || /[A-Za-z]/.test(letters[j]) && /^-?\d+(\.\d*)?(e-?\d+)?$/.test(next) || letters[j + 1] && letters[j + 1].match(/\W/)) {
          break;
        }
      }
      return hasAllFlags;
    }
    function isUnknownOptionAsArg(arg) {
      return configuration["unknown-options-as-args"] && isUnknownOption(arg);
    }
    function isUnknownOption(arg) {
      arg = arg.replace(/^-{3,}/, "--");
      if (arg.match(negative)) {
        return false;
      }
      if (hasAllShortFlags(arg)) {
        return false;
      }
      const flagWithEquals = /^-+([^=]+?)=[\s\S]*$/;
      const normalFlag = /^-+([^=]+?)$/;
      const flagEndingInHyphen = /^-+([^=]+?)-$/;
      const flagEndingInDigits = /^-+([^=]+?\d+)$/;
      const flagEndingInNonWordCharacters = /^-+([^=]+?)\W+.*$/;
      return !hasFlagsMatching(arg, flagWithEquals, negatedBoolean, normalFlag, flagEndingInHyphen, flagEndingInDigits, flagEndingInNonWordCharacters);
    }
    function defaultValue(key) {
      if (!checkAllAliases(key, flags.bools) && !checkAllAliases(key, flags.counts) && `${key}` in defaults) {
        return defaults[key];
      } else {
        return defaultForType(guessType2(key));
      }
    }
    function defaultForType(type) {
      const def = {
        [DefaultValuesForTypeKey.BOOLEAN]: true,
        [DefaultValuesForTypeKey.STRING]: "",
        [DefaultValuesForTypeKey.NUMBER]: void 0,
        [DefaultValuesForTypeKey.ARRAY]: []
      };
      return def[type];
    }
    function guessType2(key) {
      let type = DefaultValuesForTypeKey.BOOLEAN;
      if (checkAllAliases(key, flags.strings))
        type = DefaultValuesForTypeKey.STRING;
      else if (checkAllAliases(key, flags.numbers))
        type = DefaultValuesForTypeKey.NUMBER;
      else if (checkAllAliases(key, flags.bools))
        type = DefaultValuesForTypeKey.BOOLEAN;
      else if (checkAllAliases(key, flags.arrays))
        type = DefaultValuesForTypeKey.ARRAY;
      return type;
    }
    function isUndefined(num) {
      return num === void 0;
    }
    function checkConfiguration() {
      Object.keys(flags.counts).find((key) => {
        if (checkAllAliases(key, flags.arrays)) {
          error = Error(__("Invalid configuration: %s, opts.count excludes opts.array.", key));
          return true;
        } else if (checkAllAliases(key, flags.nargs)) {
          error = Error(__("Invalid configuration: %s, opts.count excludes opts.narg.", key));
          return true;
        }
        return false;
      });
    }
    return {
      aliases: Object.assign({}, flags.aliases),
      argv: Object.assign(argvReturn, argv),
      configuration,
      defaulted: Object.assign({}, defaulted),
      error,
      newAliases: Object.assign({}, newAliases)
    };
  }
};
function combineAliases(aliases) {
  const aliasArrays = [];
  const combined = /* @__PURE__ */ Object.create(null);
  let change = true;
  Object.keys(aliases).forEach(function(key) {
    aliasArrays.push([].concat(aliases[key], key));
  });
  while (change) {
    change = false;
    for (let i = 0; i < aliasArrays.length; i++) {
      for (let ii = i + 1; ii < aliasArrays.length; ii++) {
        const intersect = aliasArrays[i].filter(function(v) {
          return aliasArrays[ii].indexOf(v) !== -1;
        });
        if (intersect.length) {
          aliasArrays[i] = aliasArrays[i].concat(aliasArrays[ii]);
          aliasArrays.splice(ii, 1);
          change = true;
          break;
        }
      }
    }
  }
  aliasArrays.forEach(function(aliasArray) {
    aliasArray = aliasArray.filter(function(v, i, self) {
      return self.indexOf(v) === i;
    });
    const lastAlias = aliasArray.pop();
    if (lastAlias !== void 0 && typeof lastAlias === "string") {
      combined[lastAlias] = aliasArray;
    }
  });
  return combined;
}
function increment(orig) {
  return orig !== void 0 ? orig + 1 : 1;
}
function sanitizeKey(key) {
  if (key === "__proto__")
    return "___proto___";
  return key;
}
function stripQuotes(val) {
  return typeof val === "string" && (val[0] === "'" || val[0] === '"') && val[val.length - 1] === val[0] ? val.substring(1, val.length - 1) : val;
}

// node_modules/yargs-parser/build/lib/index.js
import { readFileSync } from "fs";
import { createRequire } from "node:module";
var _a;
var _b;
var _c;
var minNodeVersion = process && process.env && process.env.YARGS_MIN_NODE_VERSION ? Number(process.env.YARGS_MIN_NODE_VERSION) : 20;
var nodeVersion = (_b = (_a = process === null || process === void 0 ? void 0 : process.versions) === null || _a === void 0 ? void 0 : _a.node) !== null && _b !== void 0 ? _b : (_c = process === null || process === void 0 ? void 0 : process.version) === null || _c === void 0 ? void 0 : _c.slice(1);
if (nodeVersion) {
  const major = Number(nodeVersion.match(/^([^.]+)/)[1]);
  if (major < minNodeVersion) {
    throw Error(`yargs parser supports a minimum Node.js version of ${minNodeVersion}. Read our version support policy: https://github.com/yargs/yargs-parser#supported-nodejs-versions`);
  }
}
var env = process ? process.env : {};
var require2 = createRequire ? createRequire(import.meta.url) : void 0;
var parser = new YargsParser({
  cwd: process.cwd,
  env: () => {
    return env;
  },
  format,
  normalize,
  resolve: resolve2,
  require: (path) => {
    if (typeof require2 !== "undefined") {
      return require2(path);
    } else if (path.match(/\.json$/)) {
      return JSON.parse(readFileSync(path, "utf8"));
    } else {
      throw Error("only .json config files are supported in ESM");
    }
  }
});
var yargsParser = function Parser(args, opts) {
  const result = parser.parse(args.slice(), opts);
  return result.argv;
};
yargsParser.detailed = function(args, opts) {
  return parser.parse(args.slice(), opts);
};
yargsParser.camelCase = camelCase;
yargsParser.decamelize = decamelize;
yargsParser.looksLikeNumber = looksLikeNumber;
var lib_default = yargsParser;

// node_modules/yargs/lib/platform-shims/esm.mjs
import { basename, dirname as dirname2, extname, relative, resolve as resolve4, join } from "path";

// node_modules/yargs/build/lib/utils/process-argv.js
function getProcessArgvBinIndex() {
  if (isBundledElectronApp())
    return 0;
  return 1;
}
function isBundledElectronApp() {
  return isElectronApp() && !process.defaultApp;
}
function isElectronApp() {
  return !!process.versions.electron;
}
function getProcessArgvBin() {
  return process.argv[getProcessArgvBinIndex()];
}

// node_modules/string-width/index.js
var segmenter3 = new Intl.Segmenter();
var visibleCharacterRegex = new RegExp("[^\\p{Default_Ignorable_Code_Point}\\p{Control}\\p{Format}\\p{Nonspacing_Mark}\\p{Enclosing_Mark}\\p{Surrogate}]", "v");
var spacingMarkRegex = new RegExp("\\p{Spacing_Mark}", "v");
var rgiEmojiRegex = new RegExp("^\\p{RGI_Emoji}$", "v");
var unqualifiedKeycapRegex = /^[\d#*]\u20E3$/;
var extendedPictographicRegex = new RegExp("\\p{Extended_Pictographic}", "gu");
function isDoubleWidthNonRgiEmojiSequence(segment) {
  if (segment.length > 50) {
    return false;
  }
  if (unqualifiedKeycapRegex.test(segment)) {
    return true;
  }
  if (segment.includes("\u200D")) {
    const pictographics = segment.match(extendedPictographicRegex);
    return pictographics !== null && pictographics.length >= 2;
  }
  return false;
}
function baseVisible(segment) {
  const index = segment.search(visibleCharacterRegex);
  return index === -1 ? void 0 : segment.slice(index);
}
function isHangulLeadingJamo(codePoint) {
  return codePoint >= 4352 && codePoint <= 4447 || codePoint >= 43360 && codePoint <= 43388;
}
function isHangulVowelJamo(codePoint) {
  return codePoint >= 4448 && codePoint <= 4519 || codePoint >= 55216 && codePoint <= 55238;
}
function isHangulTrailingJamo(codePoint) {
  return codePoint >= 4520 && codePoint <= 4607 || codePoint >= 55243 && codePoint <= 55291;
}
function isHangulJamo(codePoint) {
  return isHangulLeadingJamo(codePoint) || isHangulVowelJamo(codePoint) || isHangulTrailingJamo(codePoint);
}
function hangulClusterWidth(visibleSegment, eastAsianWidthOptions) {
  const codePoints = [];
  for (const character of visibleSegment) {
    if (!visibleCharacterRegex.test(character)) {
      continue;
    }
    codePoints.push(character.codePointAt(0));
  }
  if (codePoints.length === 0) {
    return void 0;
  }
  let width = 0;
  for (let index = 0; index < codePoints.length; index++) {
    const codePoint = codePoints[index];
    if (!isHangulJamo(codePoint)) {
      if (width === 0) {
        return void 0;
      }
      for (let remaining = index; remaining < codePoints.length; remaining++) {
        width += eastAsianWidth(codePoints[remaining], eastAsianWidthOptions);
      }
      return width;
    }
    if (isHangulLeadingJamo(codePoint) && isHangulVowelJamo(codePoints[index + 1])) {
      width += 2;
      index += isHangulTrailingJamo(codePoints[index + 2]) ? 2 : 1;
      continue;
    }
    width += eastAsianWidth(codePoint, eastAsianWidthOptions);
  }
  return width;
}
function trailingWidth(visibleSegment, eastAsianWidthOptions) {
  let extra = 0;
  let first = true;
  for (const character of visibleSegment) {
    if (first) {
      first = false;
      continue;
    }
    if (spacingMarkRegex.test(character) || character >= "\uFF00" && character <= "\uFFEF") {
      extra += eastAsianWidth(character.codePointAt(0), eastAsianWidthOptions);
    }
  }
  return extra;
}
function stringWidth3(input, options = {}) {
  if (typeof input !== "string" || input.length === 0) {
    return 0;
  }
  const {
    ambiguousIsNarrow = true,
    countAnsiEscapeCodes = false
  } = options;
  let string = input;
  if (!countAnsiEscapeCodes && (string.includes("\x1B") || string.includes("\x9B"))) {
    string = stripAnsi(string);
  }
  if (string.length === 0) {
    return 0;
  }
  if (/^[\u0020-\u007E]*$/.test(string)) {
    return string.length;
  }
  let width = 0;
  const eastAsianWidthOptions = { ambiguousAsWide: !ambiguousIsNarrow };
  for (const { segment } of segmenter3.segment(string)) {
    const visibleSegment = baseVisible(segment);
    if (visibleSegment === void 0) {
      continue;
    }
    if (rgiEmojiRegex.test(segment) || isDoubleWidthNonRgiEmojiSequence(segment)) {
      width += 2;
      continue;
    }
    const hangulWidth = hangulClusterWidth(visibleSegment, eastAsianWidthOptions);
    if (hangulWidth !== void 0) {
      width += hangulWidth;
      continue;
    }
    const codePoint = visibleSegment.codePointAt(0);
    width += eastAsianWidth(codePoint, eastAsianWidthOptions);
    width += trailingWidth(visibleSegment, eastAsianWidthOptions);
  }
  return width;
}

// node_modules/y18n/build/lib/platform-shims/node.js
import { readFileSync as readFileSync2, statSync as statSync2, writeFile } from "fs";
import { format as format2 } from "util";
import { resolve as resolve3 } from "path";
var node_default = {
  fs: {
    readFileSync: readFileSync2,
    writeFile
  },
  format: format2,
  resolve: resolve3,
  exists: (file) => {
    try {
      return statSync2(file).isFile();
    } catch (err) {
      return false;
    }
  }
};

// node_modules/y18n/build/lib/index.js
var shim;
var Y18N = class {
  constructor(opts) {
    opts = opts || {};
    this.directory = opts.directory || "./locales";
    this.updateFiles = typeof opts.updateFiles === "boolean" ? opts.updateFiles : true;
    this.locale = opts.locale || "en";
    this.fallbackToLanguage = typeof opts.fallbackToLanguage === "boolean" ? opts.fallbackToLanguage : true;
    this.cache = /* @__PURE__ */ Object.create(null);
    this.writeQueue = [];
  }
  __(...args) {
    if (typeof arguments[0] !== "string") {
      return this._taggedLiteral(arguments[0], ...arguments);
    }
    const str = args.shift();
    let cb = function() {
    };
    if (typeof args[args.length - 1] === "function")
      cb = args.pop();
    cb = cb || function() {
    };
    if (!this.cache[this.locale])
      this._readLocaleFile();
    if (!this.cache[this.locale][str] && this.updateFiles) {
      this.cache[this.locale][str] = str;
      this._enqueueWrite({
        directory: this.directory,
        locale: this.locale,
        cb
      });
    } else {
      cb();
    }
    return shim.format.apply(shim.format, [this.cache[this.locale][str] || str].concat(args));
  }
  __n() {
    const args = Array.prototype.slice.call(arguments);
    const singular = args.shift();
    const plural = args.shift();
    const quantity = args.shift();
    let cb = function() {
    };
    if (typeof args[args.length - 1] === "function")
      cb = args.pop();
    if (!this.cache[this.locale])
      this._readLocaleFile();
    let str = quantity === 1 ? singular : plural;
    if (this.cache[this.locale][singular]) {
      const entry = this.cache[this.locale][singular];
      str = entry[quantity === 1 ? "one" : "other"];
    }
    if (!this.cache[this.locale][singular] && this.updateFiles) {
      this.cache[this.locale][singular] = {
        one: singular,
        other: plural
      };
      this._enqueueWrite({
        directory: this.directory,
        locale: this.locale,
        cb
      });
    } else {
      cb();
    }
    const values = [str];
    if (~str.indexOf("%d"))
      values.push(quantity);
    return shim.format.apply(shim.format, values.concat(args));
  }
  setLocale(locale) {
    this.locale = locale;
  }
  getLocale() {
    return this.locale;
  }
  updateLocale(obj) {
    if (!this.cache[this.locale])
      this._readLocaleFile();
    for (const key in obj) {
      if (Object.prototype.hasOwnProperty.call(obj, key)) {
        this.cache[this.locale][key] = obj[key];
      }
    }
  }
  _taggedLiteral(parts, ...args) {
    let str = "";
    parts.forEach(function(part, i) {
      const arg = args[i + 1];
      str += part;
      if (typeof arg !== "undefined") {
        str += "%s";
      }
    });
    return this.__.apply(this, [str].concat([].slice.call(args, 1)));
  }
  _enqueueWrite(work) {
    this.writeQueue.push(work);
    if (this.writeQueue.length === 1)
      this._processWriteQueue();
  }
  _processWriteQueue() {
    const _this = this;
    const work = this.writeQueue[0];
    const directory = work.directory;
    const locale = work.locale;
    const cb = work.cb;
    const languageFile = this._resolveLocaleFile(directory, locale);
    const serializedLocale = JSON.stringify(this.cache[locale], null, 2);
    shim.fs.writeFile(languageFile, serializedLocale, "utf-8", function(err) {
      _this.writeQueue.shift();
      if (_this.writeQueue.length > 0)
        _this._processWriteQueue();
      cb(err);
    });
  }
  _readLocaleFile() {
    let localeLookup = {};
    const languageFile = this._resolveLocaleFile(this.directory, this.locale);
    try {
      if (shim.fs.readFileSync) {
        localeLookup = JSON.parse(shim.fs.readFileSync(languageFile, "utf-8"));
      }
    } catch (err) {
      if (err instanceof SyntaxError) {
        err.message = "syntax error in " + languageFile;
      }
      if (err.code === "ENOENT")
        localeLookup = {};
      else
        throw err;
    }
    this.cache[this.locale] = localeLookup;
  }
  _resolveLocaleFile(directory, locale) {
    let file = shim.resolve(directory, "./", locale + ".json");
    if (this.fallbackToLanguage && !this._fileExistsSync(file) && ~locale.lastIndexOf("_")) {
      const languageFile = shim.resolve(directory, "./", locale.split("_")[0] + ".json");
      if (this._fileExistsSync(languageFile))
        file = languageFile;
    }
    return file;
  }
  _fileExistsSync(file) {
    return shim.exists(file);
  }
};
function y18n(opts, _shim) {
  shim = _shim;
  const y18n3 = new Y18N(opts);
  return {
    __: y18n3.__.bind(y18n3),
    __n: y18n3.__n.bind(y18n3),
    setLocale: y18n3.setLocale.bind(y18n3),
    getLocale: y18n3.getLocale.bind(y18n3),
    updateLocale: y18n3.updateLocale.bind(y18n3),
    locale: y18n3.locale
  };
}

// node_modules/y18n/index.mjs
var y18n2 = (opts) => {
  return y18n(opts, node_default);
};
var y18n_default = y18n2;

// node_modules/yargs/lib/platform-shims/esm.mjs
var import_get_caller_file = __toESM(require_get_caller_file(), 1);
import { createRequire as createRequire2 } from "node:module";
import { readFileSync as readFileSync3, readdirSync as readdirSync2 } from "node:fs";
var __dirname = fileURLToPath(import.meta.url);
var mainFilename = __dirname.substring(0, __dirname.lastIndexOf("node_modules"));
var require3 = createRequire2(import.meta.url);
var esm_default = {
  assert: {
    notStrictEqual,
    strictEqual
  },
  cliui: ui,
  findUp: sync_default,
  getEnv: (key) => {
    return process.env[key];
  },
  inspect,
  getProcessArgvBin,
  mainFilename: mainFilename || process.cwd(),
  Parser: lib_default,
  path: {
    basename,
    dirname: dirname2,
    extname,
    relative,
    resolve: resolve4,
    join
  },
  process: {
    argv: () => process.argv,
    cwd: process.cwd,
    emitWarning: (warning, type) => process.emitWarning(warning, type),
    execPath: () => process.execPath,
    exit: (code) => {
      process.exit(code);
    },
    nextTick: process.nextTick,
    stdColumns: typeof process.stdout.columns !== "undefined" ? process.stdout.columns : null
  },
  readFileSync: readFileSync3,
  readdirSync: readdirSync2,
  require: require3,
  getCallerFile: () => {
    const callerFile = (0, import_get_caller_file.default)(3);
    return callerFile.match(/^file:\/\//) ? fileURLToPath(callerFile) : callerFile;
  },
  stringWidth: stringWidth3,
  y18n: y18n_default({
    directory: resolve4(__dirname, "../../../locales"),
    updateFiles: false
  })
};

// node_modules/yargs/build/lib/typings/common-types.js
function assertNotStrictEqual(actual, expected, shim3, message) {
  shim3.assert.notStrictEqual(actual, expected, message);
}
function assertSingleKey(actual, shim3) {
  shim3.assert.strictEqual(typeof actual, "string");
}
function objectKeys(object2) {
  return Object.keys(object2);
}

// node_modules/yargs/build/lib/utils/is-promise.js
function isPromise(maybePromise) {
  return !!maybePromise && !!maybePromise.then && typeof maybePromise.then === "function";
}

// node_modules/yargs/build/lib/yerror.js
var YError = class _YError extends Error {
  constructor(msg) {
    super(msg || "yargs error");
    this.name = "YError";
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, _YError);
    }
  }
};

// node_modules/yargs/build/lib/parse-command.js
function parseCommand(cmd) {
  const extraSpacesStrippedCommand = cmd.replace(/\s{2,}/g, " ");
  const splitCommand = extraSpacesStrippedCommand.split(/\s+(?![^[]*]|[^<]*>)/);
  const bregex = /\.*[\][<>]/g;
  const firstCommand = splitCommand.shift();
  if (!firstCommand)
    throw new Error(`No command found in: ${cmd}`);
  const parsedCommand = {
    cmd: firstCommand.replace(bregex, ""),
    demanded: [],
    optional: []
  };
  splitCommand.forEach((cmd2, i) => {
    let variadic = false;
    cmd2 = cmd2.replace(/\s/g, "");
    if (/\.+[\]>]/.test(cmd2) && i === splitCommand.length - 1)
      variadic = true;
    if (/^\[/.test(cmd2)) {
      parsedCommand.optional.push({
        cmd: cmd2.replace(bregex, "").split("|"),
        variadic
      });
    } else {
      parsedCommand.demanded.push({
        cmd: cmd2.replace(bregex, "").split("|"),
        variadic
      });
    }
  });
  return parsedCommand;
}

// node_modules/yargs/build/lib/argsert.js
var positionName = ["first", "second", "third", "fourth", "fifth", "sixth"];
function argsert(arg1, arg2, arg3) {
  function parseArgs() {
    return typeof arg1 === "object" ? [{ demanded: [], optional: [] }, arg1, arg2] : [
      parseCommand(`cmd ${arg1}`),
      arg2,
      arg3
    ];
  }
  try {
    let position = 0;
    const [parsed, callerArguments, _length] = parseArgs();
    const args = [].slice.call(callerArguments);
    while (args.length && args[args.length - 1] === void 0)
      args.pop();
    const length = _length || args.length;
    if (length < parsed.demanded.length) {
      throw new YError(`Not enough arguments provided. Expected ${parsed.demanded.length} but received ${args.length}.`);
    }
    const totalCommands = parsed.demanded.length + parsed.optional.length;
    if (length > totalCommands) {
      throw new YError(`Too many arguments provided. Expected max ${totalCommands} but received ${length}.`);
    }
    parsed.demanded.forEach((demanded) => {
      const arg = args.shift();
      const observedType = guessType(arg);
      const matchingTypes = demanded.cmd.filter((type) => type === observedType || type === "*");
      if (matchingTypes.length === 0)
        argumentTypeError(observedType, demanded.cmd, position);
      position += 1;
    });
    parsed.optional.forEach((optional) => {
      if (args.length === 0)
        return;
      const arg = args.shift();
      const observedType = guessType(arg);
      const matchingTypes = optional.cmd.filter((type) => type === observedType || type === "*");
      if (matchingTypes.length === 0)
        argumentTypeError(observedType, optional.cmd, position);
      position += 1;
    });
  } catch (err) {
    console.warn(err.stack);
  }
}
function guessType(arg) {
  if (Array.isArray(arg)) {
    return "array";
  } else if (arg === null) {
    return "null";
  }
  return typeof arg;
}
function argumentTypeError(observedType, allowedTypes, position) {
  throw new YError(`Invalid ${positionName[position] || "manyith"} argument. Expected ${allowedTypes.join(" or ")} but received ${observedType}.`);
}

// node_modules/yargs/build/lib/middleware.js
var GlobalMiddleware = class {
  constructor(yargs) {
    this.globalMiddleware = [];
    this.frozens = [];
    this.yargs = yargs;
  }
  addMiddleware(callback, applyBeforeValidation, global = true, mutates = false) {
    argsert("<array|function> [boolean] [boolean] [boolean]", [callback, applyBeforeValidation, global], arguments.length);
    if (Array.isArray(callback)) {
      for (let i = 0; i < callback.length; i++) {
        if (typeof callback[i] !== "function") {
          throw Error("middleware must be a function");
        }
        const m = callback[i];
        m.applyBeforeValidation = applyBeforeValidation;
        m.global = global;
      }
      Array.prototype.push.apply(this.globalMiddleware, callback);
    } else if (typeof callback === "function") {
      const m = callback;
      m.applyBeforeValidation = applyBeforeValidation;
      m.global = global;
      m.mutates = mutates;
      this.globalMiddleware.push(callback);
    }
    return this.yargs;
  }
  addCoerceMiddleware(callback, option) {
    const aliases = this.yargs.getAliases();
    this.globalMiddleware = this.globalMiddleware.filter((m) => {
      const toCheck = [...aliases[option] || [], option];
      if (!m.option)
        return true;
      else
        return !toCheck.includes(m.option);
    });
    callback.option = option;
    return this.addMiddleware(callback, true, true, true);
  }
  getMiddleware() {
    return this.globalMiddleware;
  }
  freeze() {
    this.frozens.push([...this.globalMiddleware]);
  }
  unfreeze() {
    const frozen = this.frozens.pop();
    if (frozen !== void 0)
      this.globalMiddleware = frozen;
  }
  reset() {
    this.globalMiddleware = this.globalMiddleware.filter((m) => m.global);
  }
};
function commandMiddlewareFactory(commandMiddleware) {
  if (!commandMiddleware)
    return [];
  return commandMiddleware.map((middleware) => {
    middleware.applyBeforeValidation = false;
    return middleware;
  });
}
function applyMiddleware(argv, yargs, middlewares, beforeValidation) {
  return middlewares.reduce((acc, middleware) => {
    if (middleware.applyBeforeValidation !== beforeValidation) {
      return acc;
    }
    if (middleware.mutates) {
      if (middleware.applied)
        return acc;
      middleware.applied = true;
    }
    if (isPromise(acc)) {
      return acc.then((initialObj) => Promise.all([initialObj, middleware(initialObj, yargs)])).then(([initialObj, middlewareObj]) => Object.assign(initialObj, middlewareObj));
    } else {
      const result = middleware(acc, yargs);
      return isPromise(result) ? result.then((middlewareObj) => Object.assign(acc, middlewareObj)) : Object.assign(acc, result);
    }
  }, argv);
}

// node_modules/yargs/build/lib/utils/maybe-async-result.js
function maybeAsyncResult(getResult, resultHandler, errorHandler = (err) => {
  throw err;
}) {
  try {
    const result = isFunction(getResult) ? getResult() : getResult;
    return isPromise(result) ? result.then((result2) => resultHandler(result2)) : resultHandler(result);
  } catch (err) {
    return errorHandler(err);
  }
}
function isFunction(arg) {
  return typeof arg === "function";
}

// node_modules/yargs/build/lib/command.js
var DEFAULT_MARKER = /(^\*)|(^\$0)/;
var CommandInstance = class {
  constructor(usage2, validation2, globalMiddleware, shim3) {
    this.requireCache = /* @__PURE__ */ new Set();
    this.handlers = {};
    this.aliasMap = {};
    this.frozens = [];
    this.shim = shim3;
    this.usage = usage2;
    this.globalMiddleware = globalMiddleware;
    this.validation = validation2;
  }
  addDirectory(dir, req, callerFile, opts) {
    opts = opts || {};
    this.requireCache.add(callerFile);
    const fullDirPath = this.shim.path.resolve(this.shim.path.dirname(callerFile), dir);
    const files = this.shim.readdirSync(fullDirPath, {
      recursive: opts.recurse ? true : false
    });
    if (!Array.isArray(opts.extensions))
      opts.extensions = ["js"];
    const visit = typeof opts.visit === "function" ? opts.visit : (o) => o;
    for (const fileb of files) {
      const file = fileb.toString();
      if (opts.exclude) {
        let exclude = false;
        if (typeof opts.exclude === "function") {
          exclude = opts.exclude(file);
        } else {
          exclude = opts.exclude.test(file);
        }
        if (exclude)
          continue;
      }
      if (opts.include) {
        let include = false;
        if (typeof opts.include === "function") {
          include = opts.include(file);
        } else {
          include = opts.include.test(file);
        }
        if (!include)
          continue;
      }
      let supportedExtension = false;
      for (const ext of opts.extensions) {
        if (file.endsWith(ext))
          supportedExtension = true;
      }
      if (supportedExtension) {
        const joined = this.shim.path.join(fullDirPath, file);
        const module = req(joined);
        const extendableModule = Object.create(null, Object.getOwnPropertyDescriptors({ ...module }));
        const visited = visit(extendableModule, joined, file);
        if (visited) {
          if (this.requireCache.has(joined))
            continue;
          else
            this.requireCache.add(joined);
          if (!extendableModule.command) {
            extendableModule.command = this.shim.path.basename(joined, this.shim.path.extname(joined));
          }
          this.addHandler(extendableModule);
        }
      }
    }
  }
  addHandler(cmd, description, builder, handler, commandMiddleware, deprecated) {
    let aliases = [];
    const middlewares = commandMiddlewareFactory(commandMiddleware);
    handler = handler || (() => {
    });
    if (Array.isArray(cmd)) {
      if (isCommandAndAliases(cmd)) {
        [cmd, ...aliases] = cmd;
      } else {
        for (const command2 of cmd) {
          this.addHandler(command2);
        }
      }
    } else if (isCommandHandlerDefinition(cmd)) {
      let command2 = Array.isArray(cmd.command) || typeof cmd.command === "string" ? cmd.command : null;
      if (command2 === null) {
        throw new Error(`No command name given for module: ${this.shim.inspect(cmd)}`);
      }
      if (cmd.aliases)
        command2 = [].concat(command2).concat(cmd.aliases);
      this.addHandler(command2, this.extractDesc(cmd), cmd.builder, cmd.handler, cmd.middlewares, cmd.deprecated);
      return;
    } else if (isCommandBuilderDefinition(builder)) {
      this.addHandler([cmd].concat(aliases), description, builder.builder, builder.handler, builder.middlewares, builder.deprecated);
      return;
    }
    if (typeof cmd === "string") {
      const parsedCommand = parseCommand(cmd);
      aliases = aliases.map((alias) => parseCommand(alias).cmd);
      let isDefault = false;
      const parsedAliases = [parsedCommand.cmd].concat(aliases).filter((c) => {
        if (DEFAULT_MARKER.test(c)) {
          isDefault = true;
          return false;
        }
        return true;
      });
      if (parsedAliases.length === 0 && isDefault)
        parsedAliases.push("$0");
      if (isDefault) {
        parsedCommand.cmd = parsedAliases[0];
        aliases = parsedAliases.slice(1);
        cmd = cmd.replace(DEFAULT_MARKER, parsedCommand.cmd);
      }
      aliases.forEach((alias) => {
        this.aliasMap[alias] = parsedCommand.cmd;
      });
      if (description !== false) {
        this.usage.command(cmd, description, isDefault, aliases, deprecated);
      }
      this.handlers[parsedCommand.cmd] = {
        original: cmd,
        description,
        handler,
        builder: builder || {},
        middlewares,
        deprecated,
        demanded: parsedCommand.demanded,
        optional: parsedCommand.optional
      };
      if (isDefault)
        this.defaultCommand = this.handlers[parsedCommand.cmd];
    }
  }
  getCommandHandlers() {
    return this.handlers;
  }
  getCommands() {
    return Object.keys(this.handlers).concat(Object.keys(this.aliasMap));
  }
  hasDefaultCommand() {
    return !!this.defaultCommand;
  }
  runCommand(command2, yargs, parsed, commandIndex, helpOnly, helpOrVersionSet) {
    const commandHandler = this.handlers[command2] || this.handlers[this.aliasMap[command2]] || this.defaultCommand;
    const currentContext = yargs.getInternalMethods().getContext();
    const parentCommands = currentContext.commands.slice();
    const isDefaultCommand = !command2;
    if (command2) {
      currentContext.commands.push(command2);
      currentContext.fullCommands.push(commandHandler.original);
    }
    const builderResult = this.applyBuilderUpdateUsageAndParse(isDefaultCommand, commandHandler, yargs, parsed.aliases, parentCommands, commandIndex, helpOnly, helpOrVersionSet);
    return isPromise(builderResult) ? builderResult.then((result) => this.applyMiddlewareAndGetResult(isDefaultCommand, commandHandler, result.innerArgv, currentContext, helpOnly, result.aliases, yargs)) : this.applyMiddlewareAndGetResult(isDefaultCommand, commandHandler, builderResult.innerArgv, currentContext, helpOnly, builderResult.aliases, yargs);
  }
  applyBuilderUpdateUsageAndParse(isDefaultCommand, commandHandler, yargs, aliases, parentCommands, commandIndex, helpOnly, helpOrVersionSet) {
    const builder = commandHandler.builder;
    let innerYargs = yargs;
    if (isCommandBuilderCallback(builder)) {
      yargs.getInternalMethods().getUsageInstance().freeze();
      const builderOutput = builder(yargs.getInternalMethods().reset(aliases), helpOrVersionSet);
      if (isPromise(builderOutput)) {
        return builderOutput.then((output) => {
          innerYargs = isYargsInstance(output) ? output : yargs;
          return this.parseAndUpdateUsage(isDefaultCommand, commandHandler, innerYargs, parentCommands, commandIndex, helpOnly);
        });
      }
    } else if (isCommandBuilderOptionDefinitions(builder)) {
      yargs.getInternalMethods().getUsageInstance().freeze();
      innerYargs = yargs.getInternalMethods().reset(aliases);
      Object.keys(commandHandler.builder).forEach((key) => {
        innerYargs.option(key, builder[key]);
      });
    }
    return this.parseAndUpdateUsage(isDefaultCommand, commandHandler, innerYargs, parentCommands, commandIndex, helpOnly);
  }
  parseAndUpdateUsage(isDefaultCommand, commandHandler, innerYargs, parentCommands, commandIndex, helpOnly) {
    if (isDefaultCommand)
      innerYargs.getInternalMethods().getUsageInstance().unfreeze(true);
    if (this.shouldUpdateUsage(innerYargs)) {
      innerYargs.getInternalMethods().getUsageInstance().usage(this.usageFromParentCommandsCommandHandler(parentCommands, commandHandler), commandHandler.description);
    }
    const innerArgv = innerYargs.getInternalMethods().runYargsParserAndExecuteCommands(null, void 0, true, commandIndex, helpOnly);
    return isPromise(innerArgv) ? innerArgv.then((argv) => ({
      aliases: innerYargs.parsed.aliases,
      innerArgv: argv
    })) : {
      aliases: innerYargs.parsed.aliases,
      innerArgv
    };
  }
  shouldUpdateUsage(yargs) {
    return !yargs.getInternalMethods().getUsageInstance().getUsageDisabled() && yargs.getInternalMethods().getUsageInstance().getUsage().length === 0;
  }
  usageFromParentCommandsCommandHandler(parentCommands, commandHandler) {
    const c = DEFAULT_MARKER.test(commandHandler.original) ? commandHandler.original.replace(DEFAULT_MARKER, "").trim() : commandHandler.original;
    const pc = parentCommands.filter((c2) => {
      return !DEFAULT_MARKER.test(c2);
    });
    pc.push(c);
    return `$0 ${pc.join(" ")}`;
  }
  handleValidationAndGetResult(isDefaultCommand, commandHandler, innerArgv, currentContext, aliases, yargs, middlewares, positionalMap) {
    if (!yargs.getInternalMethods().getHasOutput()) {
      const validation2 = yargs.getInternalMethods().runValidation(aliases, positionalMap, yargs.parsed.error, isDefaultCommand);
      innerArgv = maybeAsyncResult(innerArgv, (result) => {
        validation2(result);
        return result;
      });
    }
    if (commandHandler.handler && !yargs.getInternalMethods().getHasOutput()) {
      yargs.getInternalMethods().setHasOutput();
      const populateDoubleDash = !!yargs.getOptions().configuration["populate--"];
      yargs.getInternalMethods().postProcess(innerArgv, populateDoubleDash, false, false);
      innerArgv = applyMiddleware(innerArgv, yargs, middlewares, false);
      innerArgv = maybeAsyncResult(innerArgv, (result) => {
        const handlerResult = commandHandler.handler(result);
        return isPromise(handlerResult) ? handlerResult.then(() => result) : result;
      });
      if (!isDefaultCommand) {
        yargs.getInternalMethods().getUsageInstance().cacheHelpMessage();
      }
      if (isPromise(innerArgv) && !yargs.getInternalMethods().hasParseCallback()) {
        innerArgv.catch((error) => {
          try {
            yargs.getInternalMethods().getUsageInstance().fail(null, error);
          } catch (_err) {
          }
        });
      }
    }
    if (!isDefaultCommand) {
      currentContext.commands.pop();
      currentContext.fullCommands.pop();
    }
    return innerArgv;
  }
  applyMiddlewareAndGetResult(isDefaultCommand, commandHandler, innerArgv, currentContext, helpOnly, aliases, yargs) {
    let positionalMap = {};
    if (helpOnly)
      return innerArgv;
    if (!yargs.getInternalMethods().getHasOutput()) {
      positionalMap = this.populatePositionals(commandHandler, innerArgv, currentContext, yargs);
    }
    const middlewares = this.globalMiddleware.getMiddleware().slice(0).concat(commandHandler.middlewares);
    const maybePromiseArgv = applyMiddleware(innerArgv, yargs, middlewares, true);
    return isPromise(maybePromiseArgv) ? maybePromiseArgv.then((resolvedInnerArgv) => this.handleValidationAndGetResult(isDefaultCommand, commandHandler, resolvedInnerArgv, currentContext, aliases, yargs, middlewares, positionalMap)) : this.handleValidationAndGetResult(isDefaultCommand, commandHandler, maybePromiseArgv, currentContext, aliases, yargs, middlewares, positionalMap);
  }
  populatePositionals(commandHandler, argv, context, yargs) {
    argv._ = argv._.slice(context.commands.length);
    const demanded = commandHandler.demanded.slice(0);
    const optional = commandHandler.optional.slice(0);
    const positionalMap = {};
    this.validation.positionalCount(demanded.length, argv._.length);
    while (demanded.length) {
      const demand = demanded.shift();
      this.populatePositional(demand, argv, positionalMap);
    }
    while (optional.length) {
      const maybe = optional.shift();
      this.populatePositional(maybe, argv, positionalMap);
    }
    argv._ = context.commands.concat(argv._.map((a) => "" + a));
    this.postProcessPositionals(argv, positionalMap, this.cmdToParseOptions(commandHandler.original), yargs);
    return positionalMap;
  }
  populatePositional(positional, argv, positionalMap) {
    const cmd = positional.cmd[0];
    if (positional.variadic) {
      positionalMap[cmd] = argv._.splice(0).map(String);
    } else {
      if (argv._.length)
        positionalMap[cmd] = [String(argv._.shift())];
    }
  }
  cmdToParseOptions(cmdString) {
    const parseOptions = {
      array: [],
      default: {},
      alias: {},
      demand: {}
    };
    const parsed = parseCommand(cmdString);
    parsed.demanded.forEach((d) => {
      const [cmd, ...aliases] = d.cmd;
      if (d.variadic) {
        parseOptions.array.push(cmd);
        parseOptions.default[cmd] = [];
      }
      parseOptions.alias[cmd] = aliases;
      parseOptions.demand[cmd] = true;
    });
    parsed.optional.forEach((o) => {
      const [cmd, ...aliases] = o.cmd;
      if (o.variadic) {
        parseOptions.array.push(cmd);
        parseOptions.default[cmd] = [];
      }
      parseOptions.alias[cmd] = aliases;
    });
    return parseOptions;
  }
  postProcessPositionals(argv, positionalMap, parseOptions, yargs) {
    const options = Object.assign({}, yargs.getOptions());
    options.default = Object.assign(parseOptions.default, options.default);
    for (const key of Object.keys(parseOptions.alias)) {
      options.alias[key] = (options.alias[key] || []).concat(parseOptions.alias[key]);
    }
    options.array = options.array.concat(parseOptions.array);
    options.config = {};
    const unparsed = [];
    Object.keys(positionalMap).forEach((key) => {
      positionalMap[key].map((value) => {
        if (options.configuration["unknown-options-as-args"])
          options.key[key] = true;
        unparsed.push(`--${key}`);
        unparsed.push(value);
      });
    });
    if (!unparsed.length)
      return;
    const config = Object.assign({}, options.configuration, {
      "populate--": false
    });
    const parsed = this.shim.Parser.detailed(unparsed, Object.assign({}, options, {
      configuration: config
    }));
    if (parsed.error) {
      yargs.getInternalMethods().getUsageInstance().fail(parsed.error.message, parsed.error);
    } else {
      const positionalKeys = Object.keys(positionalMap);
      Object.keys(positionalMap).forEach((key) => {
        positionalKeys.push(...parsed.aliases[key]);
      });
      Object.keys(parsed.argv).forEach((key) => {
        if (positionalKeys.includes(key)) {
          if (!positionalMap[key])
            positionalMap[key] = parsed.argv[key];
          if (!this.isInConfigs(yargs, key) && !this.isDefaulted(yargs, key) && Object.prototype.hasOwnProperty.call(argv, key) && Object.prototype.hasOwnProperty.call(parsed.argv, key) && (Array.isArray(argv[key]) || Array.isArray(parsed.argv[key]))) {
            argv[key] = [].concat(argv[key], parsed.argv[key]);
          } else {
            argv[key] = parsed.argv[key];
          }
        }
      });
    }
  }
  isDefaulted(yargs, key) {
    const { default: defaults } = yargs.getOptions();
    return Object.prototype.hasOwnProperty.call(defaults, key) || Object.prototype.hasOwnProperty.call(defaults, this.shim.Parser.camelCase(key));
  }
  isInConfigs(yargs, key) {
    const { configObjects } = yargs.getOptions();
    return configObjects.some((c) => Object.prototype.hasOwnProperty.call(c, key)) || configObjects.some((c) => Object.prototype.hasOwnProperty.call(c, this.shim.Parser.camelCase(key)));
  }
  runDefaultBuilderOn(yargs) {
    if (!this.defaultCommand)
      return;
    if (this.shouldUpdateUsage(yargs)) {
      const commandString = DEFAULT_MARKER.test(this.defaultCommand.original) ? this.defaultCommand.original : this.defaultCommand.original.replace(/^[^[\]<>]*/, "$0 ");
      yargs.getInternalMethods().getUsageInstance().usage(commandString, this.defaultCommand.description);
    }
    const builder = this.defaultCommand.builder;
    if (isCommandBuilderCallback(builder)) {
      return builder(yargs, true);
    } else if (!isCommandBuilderDefinition(builder)) {
      Object.keys(builder).forEach((key) => {
        yargs.option(key, builder[key]);
      });
    }
    return void 0;
  }
  extractDesc({ describe, description, desc }) {
    for (const test of [describe, description, desc]) {
      if (typeof test === "string" || test === false)
        return test;
      assertNotStrictEqual(test, true, this.shim);
    }
    return false;
  }
  freeze() {
    this.frozens.push({
      handlers: this.handlers,
      aliasMap: this.aliasMap,
      defaultCommand: this.defaultCommand
    });
  }
  unfreeze() {
    const frozen = this.frozens.pop();
    assertNotStrictEqual(frozen, void 0, this.shim);
    ({
      handlers: this.handlers,
      aliasMap: this.aliasMap,
      defaultCommand: this.defaultCommand
    } = frozen);
  }
  reset() {
    this.handlers = {};
    this.aliasMap = {};
    this.defaultCommand = void 0;
    this.requireCache = /* @__PURE__ */ new Set();
    return this;
  }
};
function command(usage2, validation2, globalMiddleware, shim3) {
  return new CommandInstance(usage2, validation2, globalMiddleware, shim3);
}
function isCommandBuilderDefinition(builder) {
  return typeof builder === "object" && !!builder.builder && typeof builder.handler === "function";
}
function isCommandAndAliases(cmd) {
  return cmd.every((c) => typeof c === "string");
}
function isCommandBuilderCallback(builder) {
  return typeof builder === "function";
}
function isCommandBuilderOptionDefinitions(builder) {
  return typeof builder === "object";
}
function isCommandHandlerDefinition(cmd) {
  return typeof cmd === "object" && !Array.isArray(cmd);
}

// node_modules/yargs/build/lib/utils/obj-filter.js
function objFilter(original = {}, filter = () => true) {
  const obj = {};
  objectKeys(original).forEach((key) => {
    if (filter(key, original[key])) {
      obj[key] = original[key];
    }
  });
  return obj;
}

// node_modules/yargs/build/lib/utils/set-blocking.js
function setBlocking(blocking) {
  if (typeof process === "undefined")
    return;
  [process.stdout, process.stderr].forEach((_stream) => {
    const stream = _stream;
    if (stream._handle && stream.isTTY && typeof stream._handle.setBlocking === "function") {
      stream._handle.setBlocking(blocking);
    }
  });
}

// node_modules/yargs/build/lib/usage.js
function isBoolean(fail) {
  return typeof fail === "boolean";
}
function usage(yargs, shim3) {
  const __ = shim3.y18n.__;
  const self = {};
  const fails = [];
  self.failFn = function failFn(f) {
    fails.push(f);
  };
  let failMessage = null;
  let globalFailMessage = null;
  let showHelpOnFail = true;
  self.showHelpOnFail = function showHelpOnFailFn(arg1 = true, arg2) {
    const [enabled, message] = typeof arg1 === "string" ? [true, arg1] : [arg1, arg2];
    if (yargs.getInternalMethods().isGlobalContext()) {
      globalFailMessage = message;
    }
    failMessage = message;
    showHelpOnFail = enabled;
    return self;
  };
  let failureOutput = false;
  self.fail = function fail(msg, err) {
    const logger = yargs.getInternalMethods().getLoggerInstance();
    if (fails.length) {
      for (let i = fails.length - 1; i >= 0; --i) {
        const fail2 = fails[i];
        if (isBoolean(fail2)) {
          if (err)
            throw err;
          else if (msg)
            throw Error(msg);
        } else {
          fail2(msg, err, self);
        }
      }
    } else {
      if (yargs.getExitProcess())
        setBlocking(true);
      if (!failureOutput) {
        failureOutput = true;
        if (showHelpOnFail) {
          yargs.showHelp("error");
          logger.error();
        }
        if (msg || err)
          logger.error(msg || err);
        const globalOrCommandFailMessage = failMessage || globalFailMessage;
        if (globalOrCommandFailMessage) {
          if (msg || err)
            logger.error("");
          logger.error(globalOrCommandFailMessage);
        }
      }
      err = err || new YError(msg);
      if (yargs.getExitProcess()) {
        return yargs.exit(1);
      } else if (yargs.getInternalMethods().hasParseCallback()) {
        return yargs.exit(1, err);
      } else {
        throw err;
      }
    }
  };
  let usages = [];
  let usageDisabled = false;
  self.usage = (msg, description) => {
    if (msg === null) {
      usageDisabled = true;
      usages = [];
      return self;
    }
    usageDisabled = false;
    usages.push([msg, description || ""]);
    return self;
  };
  self.getUsage = () => {
    return usages;
  };
  self.getUsageDisabled = () => {
    return usageDisabled;
  };
  self.getPositionalGroupName = () => {
    return __("Positionals:");
  };
  let examples = [];
  self.example = (cmd, description) => {
    examples.push([cmd, description || ""]);
  };
  let commands = [];
  self.command = function command2(cmd, description, isDefault, aliases, deprecated = false) {
    if (isDefault) {
      commands = commands.map((cmdArray) => {
        cmdArray[2] = false;
        return cmdArray;
      });
    }
    commands.push([cmd, description || "", isDefault, aliases, deprecated]);
  };
  self.getCommands = () => commands;
  let descriptions = {};
  self.describe = function describe(keyOrKeys, desc) {
    if (Array.isArray(keyOrKeys)) {
      keyOrKeys.forEach((k) => {
        self.describe(k, desc);
      });
    } else if (typeof keyOrKeys === "object") {
      Object.keys(keyOrKeys).forEach((k) => {
        self.describe(k, keyOrKeys[k]);
      });
    } else {
      descriptions[keyOrKeys] = desc;
    }
  };
  self.getDescriptions = () => descriptions;
  let epilogs = [];
  self.epilog = (msg) => {
    epilogs.push(msg);
  };
  let wrapSet = false;
  let wrap2;
  self.wrap = (cols) => {
    wrapSet = true;
    wrap2 = cols;
  };
  self.getWrap = () => {
    if (shim3.getEnv("YARGS_DISABLE_WRAP")) {
      return null;
    }
    if (!wrapSet) {
      wrap2 = windowWidth();
      wrapSet = true;
    }
    return wrap2;
  };
  const deferY18nLookupPrefix = "__yargsString__:";
  self.deferY18nLookup = (str) => deferY18nLookupPrefix + str;
  self.help = function help() {
    if (cachedHelpMessage)
      return cachedHelpMessage;
    normalizeAliases();
    const base$0 = yargs.customScriptName ? yargs.$0 : shim3.path.basename(yargs.$0);
    const demandedOptions = yargs.getDemandedOptions();
    const demandedCommands = yargs.getDemandedCommands();
    const deprecatedOptions = yargs.getDeprecatedOptions();
    const groups = yargs.getGroups();
    const options = yargs.getOptions();
    let keys = [];
    keys = keys.concat(Object.keys(descriptions));
    keys = keys.concat(Object.keys(demandedOptions));
    keys = keys.concat(Object.keys(demandedCommands));
    keys = keys.concat(Object.keys(options.default));
    keys = keys.filter(filterHiddenOptions);
    keys = Object.keys(keys.reduce((acc, key) => {
      if (key !== "_")
        acc[key] = true;
      return acc;
    }, {}));
    const theWrap = self.getWrap();
    const ui2 = shim3.cliui({
      width: theWrap,
      wrap: !!theWrap
    });
    if (!usageDisabled) {
      if (usages.length) {
        usages.forEach((usage2) => {
          ui2.div({ text: `${usage2[0].replace(/\$0/g, base$0)}` });
          if (usage2[1]) {
            ui2.div({ text: `${usage2[1]}`, padding: [1, 0, 0, 0] });
          }
        });
        ui2.div();
      } else if (commands.length) {
        let u = null;
        if (demandedCommands._) {
          u = `${base$0} <${__("command")}>
`;
        } else {
          u = `${base$0} [${__("command")}]
`;
        }
        ui2.div(`${u}`);
      }
    }
    if (commands.length > 1 || commands.length === 1 && !commands[0][2]) {
      ui2.div(__("Commands:"));
      const context = yargs.getInternalMethods().getContext();
      const parentCommands = context.commands.length ? `${context.commands.join(" ")} ` : "";
      if (yargs.getInternalMethods().getParserConfiguration()["sort-commands"] === true) {
        commands = commands.sort((a, b) => a[0].localeCompare(b[0]));
      }
      const prefix = base$0 ? `${base$0} ` : "";
      commands.forEach((command2) => {
        const commandString = `${prefix}${parentCommands}${command2[0].replace(/^\$0 ?/, "")}`;
        ui2.span({
          text: commandString,
          padding: [0, 2, 0, 2],
          width: maxWidth(commands, theWrap, `${base$0}${parentCommands}`) + 4
        }, { text: command2[1] });
        const hints = [];
        if (command2[2])
          hints.push(`[${__("default")}]`);
        if (command2[3] && command2[3].length) {
          hints.push(`[${__("aliases:")} ${command2[3].join(", ")}]`);
        }
        if (command2[4]) {
          if (typeof command2[4] === "string") {
            hints.push(`[${__("deprecated: %s", command2[4])}]`);
          } else {
            hints.push(`[${__("deprecated")}]`);
          }
        }
        if (hints.length) {
          ui2.div({
            text: hints.join(" "),
            padding: [0, 0, 0, 2],
            align: "right"
          });
        } else {
          ui2.div();
        }
      });
      ui2.div();
    }
    const aliasKeys = (Object.keys(options.alias) || []).concat(Object.keys(yargs.parsed.newAliases) || []);
    keys = keys.filter((key) => !yargs.parsed.newAliases[key] && aliasKeys.every((alias) => (options.alias[alias] || []).indexOf(key) === -1));
    const defaultGroup = __("Options:");
    if (!groups[defaultGroup])
      groups[defaultGroup] = [];
    addUngroupedKeys(keys, options.alias, groups, defaultGroup);
    const isLongSwitch = (sw) => /^--/.test(getText(sw));
    const displayedGroups = Object.keys(groups).filter((groupName) => groups[groupName].length > 0).map((groupName) => {
      const normalizedKeys = groups[groupName].filter(filterHiddenOptions).map((key) => {
        if (aliasKeys.includes(key))
          return key;
        for (let i = 0, aliasKey; (aliasKey = aliasKeys[i]) !== void 0; i++) {
          if ((options.alias[aliasKey] || []).includes(key))
            return aliasKey;
        }
        return key;
      });
      return { groupName, normalizedKeys };
    }).filter(({ normalizedKeys }) => normalizedKeys.length > 0).map(({ groupName, normalizedKeys }) => {
      const switches = normalizedKeys.reduce((acc, key) => {
        acc[key] = [key].concat(options.alias[key] || []).map((sw) => {
          if (groupName === self.getPositionalGroupName())
            return sw;
          else {
            return (/^[0-9]$/.test(sw) ? options.boolean.includes(key) ? "-" : "--" : sw.length > 1 ? "--" : "-") + sw;
          }
        }).sort((sw1, sw2) => isLongSwitch(sw1) === isLongSwitch(sw2) ? 0 : isLongSwitch(sw1) ? 1 : -1).join(", ");
        return acc;
      }, {});
      return { groupName, normalizedKeys, switches };
    });
    const shortSwitchesUsed = displayedGroups.filter(({ groupName }) => groupName !== self.getPositionalGroupName()).some(({ normalizedKeys, switches }) => !normalizedKeys.every((key) => isLongSwitch(switches[key])));
    if (shortSwitchesUsed) {
      displayedGroups.filter(({ groupName }) => groupName !== self.getPositionalGroupName()).forEach(({ normalizedKeys, switches }) => {
        normalizedKeys.forEach((key) => {
          if (isLongSwitch(switches[key])) {
            switches[key] = addIndentation(switches[key], "-x, ".length);
          }
        });
      });
    }
    displayedGroups.forEach(({ groupName, normalizedKeys, switches }) => {
      ui2.div(groupName);
      normalizedKeys.forEach((key) => {
        const kswitch = switches[key];
        let desc = descriptions[key] || "";
        let type = null;
        if (desc.includes(deferY18nLookupPrefix))
          desc = __(desc.substring(deferY18nLookupPrefix.length));
        if (options.boolean.includes(key))
          type = `[${__("boolean")}]`;
        if (options.count.includes(key))
          type = `[${__("count")}]`;
        if (options.string.includes(key))
          type = `[${__("string")}]`;
        if (options.normalize.includes(key))
          type = `[${__("string")}]`;
        if (options.array.includes(key))
          type = `[${__("array")}]`;
        if (options.number.includes(key))
          type = `[${__("number")}]`;
        const deprecatedExtra = (deprecated) => typeof deprecated === "string" ? `[${__("deprecated: %s", deprecated)}]` : `[${__("deprecated")}]`;
        const extra = [
          key in deprecatedOptions ? deprecatedExtra(deprecatedOptions[key]) : null,
          type,
          key in demandedOptions ? `[${__("required")}]` : null,
          options.choices && options.choices[key] ? `[${__("choices:")} ${self.stringifiedValues(options.choices[key])}]` : null,
          defaultString(options.default[key], options.defaultDescription[key])
        ].filter(Boolean).join(" ");
        ui2.span({
          text: getText(kswitch),
          padding: [0, 2, 0, 2 + getIndentation(kswitch)],
          width: maxWidth(switches, theWrap) + 4
        }, desc);
        const shouldHideOptionExtras = yargs.getInternalMethods().getUsageConfiguration()["hide-types"] === true;
        if (extra && !shouldHideOptionExtras)
          ui2.div({ text: extra, padding: [0, 0, 0, 2], align: "right" });
        else
          ui2.div();
      });
      ui2.div();
    });
    if (examples.length) {
      ui2.div(__("Examples:"));
      examples.forEach((example) => {
        example[0] = example[0].replace(/\$0/g, base$0);
      });
      examples.forEach((example) => {
        if (example[1] === "") {
          ui2.div({
            text: example[0],
            padding: [0, 2, 0, 2]
          });
        } else {
          ui2.div({
            text: example[0],
            padding: [0, 2, 0, 2],
            width: maxWidth(examples, theWrap) + 4
          }, {
            text: example[1]
          });
        }
      });
      ui2.div();
    }
    if (epilogs.length > 0) {
      const e = epilogs.map((epilog) => epilog.replace(/\$0/g, base$0)).join("\n");
      ui2.div(`${e}
`);
    }
    return ui2.toString().replace(/\s*$/, "");
  };
  function maxWidth(table2, theWrap, modifier) {
    let width = 0;
    if (!Array.isArray(table2)) {
      table2 = Object.values(table2).map((v) => [v]);
    }
    table2.forEach((v) => {
      width = Math.max(shim3.stringWidth(modifier ? `${modifier} ${getText(v[0])}` : getText(v[0])) + getIndentation(v[0]), width);
    });
    if (theWrap)
      width = Math.min(width, parseInt((theWrap * 0.5).toString(), 10));
    return width;
  }
  function normalizeAliases() {
    const demandedOptions = yargs.getDemandedOptions();
    const options = yargs.getOptions();
    (Object.keys(options.alias) || []).forEach((key) => {
      options.alias[key].forEach((alias) => {
        if (descriptions[alias])
          self.describe(key, descriptions[alias]);
        if (alias in demandedOptions)
          yargs.demandOption(key, demandedOptions[alias]);
        if (options.boolean.includes(alias))
          yargs.boolean(key);
        if (options.count.includes(alias))
          yargs.count(key);
        if (options.string.includes(alias))
          yargs.string(key);
        if (options.normalize.includes(alias))
          yargs.normalize(key);
        if (options.array.includes(alias))
          yargs.array(key);
        if (options.number.includes(alias))
          yargs.number(key);
      });
    });
  }
  let cachedHelpMessage;
  self.cacheHelpMessage = function() {
    cachedHelpMessage = this.help();
  };
  self.clearCachedHelpMessage = function() {
    cachedHelpMessage = void 0;
  };
  self.hasCachedHelpMessage = function() {
    return !!cachedHelpMessage;
  };
  function addUngroupedKeys(keys, aliases, groups, defaultGroup) {
    let groupedKeys = [];
    let toCheck = null;
    Object.keys(groups).forEach((group) => {
      groupedKeys = groupedKeys.concat(groups[group]);
    });
    keys.forEach((key) => {
      toCheck = [key].concat(aliases[key]);
      if (!toCheck.some((k) => groupedKeys.indexOf(k) !== -1)) {
        groups[defaultGroup].push(key);
      }
    });
    return groupedKeys;
  }
  function filterHiddenOptions(key) {
    return yargs.getOptions().hiddenOptions.indexOf(key) < 0 || yargs.parsed.argv[yargs.getOptions().showHiddenOpt];
  }
  self.showHelp = (level) => {
    const logger = yargs.getInternalMethods().getLoggerInstance();
    if (!level)
      level = "error";
    const emit = typeof level === "function" ? level : logger[level];
    emit(self.help());
  };
  self.functionDescription = (fn) => {
    const description = fn.name ? shim3.Parser.decamelize(fn.name, "-") : __("generated-value");
    return ["(", description, ")"].join("");
  };
  self.stringifiedValues = function stringifiedValues(values, separator) {
    let string = "";
    const sep2 = separator || ", ";
    const array = [].concat(values);
    if (!values || !array.length)
      return string;
    array.forEach((value) => {
      if (string.length)
        string += sep2;
      string += JSON.stringify(value);
    });
    return string;
  };
  function defaultString(value, defaultDescription) {
    let string = `[${__("default:")} `;
    if (value === void 0 && !defaultDescription)
      return null;
    if (defaultDescription) {
      string += defaultDescription;
    } else {
      switch (typeof value) {
        case "string":
          string += `"${value}"`;
          break;
        case "object":
          string += JSON.stringify(value);
          break;
        default:
          string += value;
      }
    }
    return `${string}]`;
  }
  function windowWidth() {
    const maxWidth2 = 80;
    if (shim3.process.stdColumns) {
      return Math.min(maxWidth2, shim3.process.stdColumns);
    } else {
      return maxWidth2;
    }
  }
  let version = null;
  self.version = (ver) => {
    version = ver;
  };
  self.showVersion = (level) => {
    const logger = yargs.getInternalMethods().getLoggerInstance();
    if (!level)
      level = "error";
    const emit = typeof level === "function" ? level : logger[level];
    emit(version);
  };
  self.reset = function reset(localLookup) {
    failMessage = null;
    failureOutput = false;
    usages = [];
    usageDisabled = false;
    epilogs = [];
    examples = [];
    commands = [];
    descriptions = objFilter(descriptions, (k) => !localLookup[k]);
    return self;
  };
  const frozens = [];
  self.freeze = function freeze() {
    frozens.push({
      failMessage,
      failureOutput,
      usages,
      usageDisabled,
      epilogs,
      examples,
      commands,
      descriptions
    });
  };
  self.unfreeze = function unfreeze(defaultCommand = false) {
    const frozen = frozens.pop();
    if (!frozen)
      return;
    if (defaultCommand) {
      descriptions = { ...frozen.descriptions, ...descriptions };
      commands = [...frozen.commands, ...commands];
      usages = [...frozen.usages, ...usages];
      examples = [...frozen.examples, ...examples];
      epilogs = [...frozen.epilogs, ...epilogs];
    } else {
      ({
        failMessage,
        failureOutput,
        usages,
        usageDisabled,
        epilogs,
        examples,
        commands,
        descriptions
      } = frozen);
    }
  };
  return self;
}
function isIndentedText(text) {
  return typeof text === "object";
}
function addIndentation(text, indent) {
  return isIndentedText(text) ? { text: text.text, indentation: text.indentation + indent } : { text, indentation: indent };
}
function getIndentation(text) {
  return isIndentedText(text) ? text.indentation : 0;
}
function getText(text) {
  return isIndentedText(text) ? text.text : text;
}

// node_modules/yargs/build/lib/completion-templates.js
var completionShTemplate = `###-begin-{{app_name}}-completions-###
#
# yargs command completion script
#
# Installation: {{app_path}} {{completion_command}} >> ~/.bashrc
#    or {{app_path}} {{completion_command}} >> ~/.bash_profile on OSX.
#
_{{app_name}}_yargs_completions()
{
    local cur_word args type_list

    cur_word="\${COMP_WORDS[COMP_CWORD]}"
    args=("\${COMP_WORDS[@]}")

    # ask yargs to generate completions.
    # see https://stackoverflow.com/a/40944195/7080036 for the spaces-handling awk
    mapfile -t type_list < <({{app_path}} --get-yargs-completions "\${args[@]}")
    mapfile -t COMPREPLY < <(compgen -W "$( printf '%q ' "\${type_list[@]}" )" -- "\${cur_word}" |
        awk '/ / { print "\\""$0"\\"" } /^[^ ]+$/ { print $0 }')

    # if no match was found, fall back to filename completion
    if [ \${#COMPREPLY[@]} -eq 0 ]; then
      COMPREPLY=()
    fi

    return 0
}
complete -o bashdefault -o default -F _{{app_name}}_yargs_completions {{app_name}}
###-end-{{app_name}}-completions-###
`;
var completionZshTemplate = `#compdef {{app_name}}
###-begin-{{app_name}}-completions-###
#
# yargs command completion script
#
# Installation: {{app_path}} {{completion_command}} >> ~/.zshrc
#    or {{app_path}} {{completion_command}} >> ~/.zprofile on OSX.
#
_{{app_name}}_yargs_completions()
{
  local reply
  local si=$IFS
  IFS=$'
' reply=($(COMP_CWORD="$((CURRENT-1))" COMP_LINE="$BUFFER" COMP_POINT="$CURSOR" {{app_path}} --get-yargs-completions "\${words[@]}"))
  IFS=$si
  if [[ \${#reply} -gt 0 ]]; then
    _describe 'values' reply
  else
    _default
  fi
}
if [[ "\${zsh_eval_context[-1]}" == "loadautofunc" ]]; then
  _{{app_name}}_yargs_completions "$@"
else
  compdef _{{app_name}}_yargs_completions {{app_name}}
fi
###-end-{{app_name}}-completions-###
`;
var completionFishTemplate = `###-begin-{{app_name}}-completions-###
#
# yargs command completion script
#
# Installation: {{app_path}} {{completion_command}} > ~/.config/fish/completions/{{app_name}}.fish
#
complete -f -c {{app_name}} -a '({{app_path}} --get-yargs-completions (commandline -o)[2..-1])'
###-end-{{app_name}}-completions-###
`;

// node_modules/yargs/build/lib/completion.js
var Completion = class {
  constructor(yargs, usage2, command2, shim3) {
    var _a2, _b2, _c2, _d, _e;
    this.yargs = yargs;
    this.usage = usage2;
    this.command = command2;
    this.shim = shim3;
    this.completionKey = "get-yargs-completions";
    this.aliases = null;
    this.customCompletionFunction = null;
    this.indexAfterLastReset = 0;
    this.zshShell = (_c2 = ((_a2 = this.shim.getEnv("SHELL")) === null || _a2 === void 0 ? void 0 : _a2.includes("zsh")) || ((_b2 = this.shim.getEnv("ZSH_NAME")) === null || _b2 === void 0 ? void 0 : _b2.includes("zsh"))) !== null && _c2 !== void 0 ? _c2 : false;
    this.fishShell = (_e = (_d = this.shim.getEnv("SHELL")) === null || _d === void 0 ? void 0 : _d.includes("fish")) !== null && _e !== void 0 ? _e : false;
  }
  defaultCompletion(args, argv, current, done) {
    const handlers = this.command.getCommandHandlers();
    for (let i = 0, ii = args.length; i < ii; ++i) {
      if (handlers[args[i]] && handlers[args[i]].builder) {
        const builder = handlers[args[i]].builder;
        if (isCommandBuilderCallback(builder)) {
          this.indexAfterLastReset = i + 1;
          const y = this.yargs.getInternalMethods().reset();
          builder(y, true);
          return y.argv;
        }
      }
    }
    const completions = [];
    this.commandCompletions(completions, args, current);
    this.optionCompletions(completions, args, argv, current);
    this.choicesFromOptionsCompletions(completions, args, argv, current);
    this.choicesFromPositionalsCompletions(completions, args, argv, current);
    done(null, completions);
  }
  commandCompletions(completions, args, current) {
    const parentCommands = this.yargs.getInternalMethods().getContext().commands;
    if (!current.match(/^-/) && parentCommands[parentCommands.length - 1] !== current && !this.previousArgHasChoices(args)) {
      this.usage.getCommands().forEach((usageCommand) => {
        const commandName = parseCommand(usageCommand[0]).cmd;
        if (args.indexOf(commandName) === -1) {
          const desc = usageCommand[1] || "";
          if (this.fishShell) {
            completions.push(commandName + "	" + desc);
          } else if (this.zshShell) {
            completions.push(commandName.replace(/:/g, "\\:") + ":" + desc);
          } else {
            completions.push(commandName);
          }
        }
      });
    }
  }
  optionCompletions(completions, args, argv, current) {
    if ((current.match(/^-/) || current === "" && completions.length === 0) && !this.previousArgHasChoices(args)) {
      const options = this.yargs.getOptions();
      const positionalKeys = this.yargs.getGroups()[this.usage.getPositionalGroupName()] || [];
      Object.keys(options.key).forEach((key) => {
        const negable = !!options.configuration["boolean-negation"] && options.boolean.includes(key);
        const isPositionalKey = positionalKeys.includes(key);
        if (!isPositionalKey && !options.hiddenOptions.includes(key) && !this.argsContainKey(args, key, negable)) {
          this.completeOptionKey(key, completions, current, negable && !!options.default[key]);
        }
      });
    }
  }
  choicesFromOptionsCompletions(completions, args, argv, current) {
    if (this.previousArgHasChoices(args)) {
      const choices = this.getPreviousArgChoices(args);
      if (choices && choices.length > 0) {
        if (this.fishShell) {
          completions.push(...choices);
        } else {
          completions.push(...choices.map((c) => c.replace(/:/g, "\\:")));
        }
      }
    }
  }
  choicesFromPositionalsCompletions(completions, args, argv, current) {
    if (current === "" && completions.length > 0 && this.previousArgHasChoices(args)) {
      return;
    }
    const positionalKeys = this.yargs.getGroups()[this.usage.getPositionalGroupName()] || [];
    const offset = Math.max(this.indexAfterLastReset, this.yargs.getInternalMethods().getContext().commands.length + 1);
    const positionalKey = positionalKeys[argv._.length - offset - 1];
    if (!positionalKey) {
      return;
    }
    const choices = this.yargs.getOptions().choices[positionalKey] || [];
    for (const choice of choices) {
      if (choice.startsWith(current)) {
        if (this.fishShell) {
          completions.push(choice);
        } else {
          completions.push(choice.replace(/:/g, "\\:"));
        }
      }
    }
  }
  getPreviousArgChoices(args) {
    if (args.length < 1)
      return;
    let previousArg = args[args.length - 1];
    let filter = "";
    if (!previousArg.startsWith("-") && args.length > 1) {
      filter = previousArg;
      previousArg = args[args.length - 2];
    }
    if (!previousArg.startsWith("-"))
      return;
    const previousArgKey = previousArg.replace(/^-+/, "");
    const options = this.yargs.getOptions();
    const possibleAliases = [
      previousArgKey,
      ...this.yargs.getAliases()[previousArgKey] || []
    ];
    let choices;
    for (const possibleAlias of possibleAliases) {
      if (Object.prototype.hasOwnProperty.call(options.key, possibleAlias) && Array.isArray(options.choices[possibleAlias])) {
        choices = options.choices[possibleAlias];
        break;
      }
    }
    if (choices) {
      return choices.filter((choice) => !filter || choice.startsWith(filter));
    }
  }
  previousArgHasChoices(args) {
    const choices = this.getPreviousArgChoices(args);
    return choices !== void 0 && choices.length > 0;
  }
  argsContainKey(args, key, negable) {
    const argsContains = (s) => args.indexOf((/^[^0-9]$/.test(s) ? "-" : "--") + s) !== -1;
    if (argsContains(key))
      return true;
    if (negable && argsContains(`no-${key}`))
      return true;
    if (this.aliases) {
      for (const alias of this.aliases[key]) {
        if (argsContains(alias))
          return true;
      }
    }
    return false;
  }
  completeOptionKey(key, completions, current, negable) {
    var _a2, _b2, _c2, _d;
    let keyWithDesc = key;
    if (this.zshShell || this.fishShell) {
      const descs = this.usage.getDescriptions();
      const aliasKey = (_b2 = (_a2 = this === null || this === void 0 ? void 0 : this.aliases) === null || _a2 === void 0 ? void 0 : _a2[key]) === null || _b2 === void 0 ? void 0 : _b2.find((alias) => {
        const desc2 = descs[alias];
        return typeof desc2 === "string" && desc2.length > 0;
      });
      const descFromAlias = aliasKey ? descs[aliasKey] : void 0;
      const desc = (_d = (_c2 = descs[key]) !== null && _c2 !== void 0 ? _c2 : descFromAlias) !== null && _d !== void 0 ? _d : "";
      const cleanedDesc = desc.replace("__yargsString__:", "").replace(/(\r\n|\n|\r)/gm, " ");
      if (this.fishShell) {
        keyWithDesc = `${key}	${cleanedDesc}`;
      } else {
        keyWithDesc = `${key.replace(/:/g, "\\:")}:${cleanedDesc}`;
      }
    }
    const startsByTwoDashes = (s) => /^--/.test(s);
    const isShortOption = (s) => /^[^0-9]$/.test(s);
    const dashes = !startsByTwoDashes(current) && isShortOption(key) ? "-" : "--";
    completions.push(dashes + keyWithDesc);
    if (negable) {
      completions.push(dashes + "no-" + keyWithDesc);
    }
  }
  customCompletion(args, argv, current, done) {
    assertNotStrictEqual(this.customCompletionFunction, null, this.shim);
    if (isSyncCompletionFunction(this.customCompletionFunction)) {
      const result = this.customCompletionFunction(current, argv);
      if (isPromise(result)) {
        return result.then((list2) => {
          this.shim.process.nextTick(() => {
            done(null, list2);
          });
        }).catch((err) => {
          this.shim.process.nextTick(() => {
            done(err, void 0);
          });
        });
      }
      return done(null, result);
    } else if (isFallbackCompletionFunction(this.customCompletionFunction)) {
      return this.customCompletionFunction(current, argv, (onCompleted = done) => this.defaultCompletion(args, argv, current, onCompleted), (completions) => {
        done(null, completions);
      });
    } else {
      return this.customCompletionFunction(current, argv, (completions) => {
        done(null, completions);
      });
    }
  }
  getCompletion(args, done) {
    const current = args.length ? args[args.length - 1] : "";
    const argv = this.yargs.parse(args, true);
    const completionFunction = this.customCompletionFunction ? (argv2) => this.customCompletion(args, argv2, current, done) : (argv2) => this.defaultCompletion(args, argv2, current, done);
    return isPromise(argv) ? argv.then(completionFunction) : completionFunction(argv);
  }
  generateCompletionScript($0, cmd) {
    let script;
    if (this.zshShell) {
      script = completionZshTemplate;
    } else if (this.fishShell) {
      script = completionFishTemplate;
    } else {
      script = completionShTemplate;
    }
    const name = this.shim.path.basename($0);
    if ($0.match(/\.js$/))
      $0 = `./${$0}`;
    script = script.replace(/{{app_name}}/g, name);
    script = script.replace(/{{completion_command}}/g, cmd);
    return script.replace(/{{app_path}}/g, $0);
  }
  registerFunction(fn) {
    this.customCompletionFunction = fn;
  }
  setParsed(parsed) {
    this.aliases = parsed.aliases;
  }
};
function completion(yargs, usage2, command2, shim3) {
  return new Completion(yargs, usage2, command2, shim3);
}
function isSyncCompletionFunction(completionFunction) {
  return completionFunction.length < 3;
}
function isFallbackCompletionFunction(completionFunction) {
  return completionFunction.length > 3;
}

// node_modules/yargs/build/lib/utils/levenshtein.js
function levenshtein(a, b) {
  if (a.length === 0)
    return b.length;
  if (b.length === 0)
    return a.length;
  const matrix = [];
  let i;
  for (i = 0; i <= b.length; i++) {
    matrix[i] = [i];
  }
  let j;
  for (j = 0; j <= a.length; j++) {
    matrix[0][j] = j;
  }
  for (i = 1; i <= b.length; i++) {
    for (j = 1; j <= a.length; j++) {
      if (b.charAt(i - 1) === a.charAt(j - 1)) {
        matrix[i][j] = matrix[i - 1][j - 1];
      } else {
        if (i > 1 && j > 1 && b.charAt(i - 2) === a.charAt(j - 1) && b.charAt(i - 1) === a.charAt(j - 2)) {
          matrix[i][j] = matrix[i - 2][j - 2] + 1;
        } else {
          matrix[i][j] = Math.min(matrix[i - 1][j - 1] + 1, Math.min(matrix[i][j - 1] + 1, matrix[i - 1][j] + 1));
        }
      }
    }
  }
  return matrix[b.length][a.length];
}

// node_modules/yargs/build/lib/validation.js
var specialKeys = ["$0", "--", "_"];
function validation(yargs, usage2, shim3) {
  const __ = shim3.y18n.__;
  const __n = shim3.y18n.__n;
  const self = {};
  self.nonOptionCount = function nonOptionCount(argv) {
    const demandedCommands = yargs.getDemandedCommands();
    const positionalCount = argv._.length + (argv["--"] ? argv["--"].length : 0);
    const _s = positionalCount - yargs.getInternalMethods().getContext().commands.length;
    if (demandedCommands._ && (_s < demandedCommands._.min || _s > demandedCommands._.max)) {
      if (_s < demandedCommands._.min) {
        if (demandedCommands._.minMsg !== void 0) {
          usage2.fail(demandedCommands._.minMsg ? demandedCommands._.minMsg.replace(/\$0/g, _s.toString()).replace(/\$1/, demandedCommands._.min.toString()) : null);
        } else {
          usage2.fail(__n("Not enough non-option arguments: got %s, need at least %s", "Not enough non-option arguments: got %s, need at least %s", _s, _s.toString(), demandedCommands._.min.toString()));
        }
      } else if (_s > demandedCommands._.max) {
        if (demandedCommands._.maxMsg !== void 0) {
          usage2.fail(demandedCommands._.maxMsg ? demandedCommands._.maxMsg.replace(/\$0/g, _s.toString()).replace(/\$1/, demandedCommands._.max.toString()) : null);
        } else {
          usage2.fail(__n("Too many non-option arguments: got %s, maximum of %s", "Too many non-option arguments: got %s, maximum of %s", _s, _s.toString(), demandedCommands._.max.toString()));
        }
      }
    }
  };
  self.positionalCount = function positionalCount(required, observed) {
    if (observed < required) {
      usage2.fail(__n("Not enough non-option arguments: got %s, need at least %s", "Not enough non-option arguments: got %s, need at least %s", observed, observed + "", required + ""));
    }
  };
  self.requiredArguments = function requiredArguments(argv, demandedOptions) {
    let missing = null;
    for (const key of Object.keys(demandedOptions)) {
      if (!Object.prototype.hasOwnProperty.call(argv, key) || typeof argv[key] === "undefined") {
        missing = missing || {};
        missing[key] = demandedOptions[key];
      }
    }
    if (missing) {
      const customMsgs = [];
      for (const key of Object.keys(missing)) {
        const msg = missing[key];
        if (msg && customMsgs.indexOf(msg) < 0) {
          customMsgs.push(msg);
        }
      }
      const customMsg = customMsgs.length ? `
${customMsgs.join("\n")}` : "";
      usage2.fail(__n("Missing required argument: %s", "Missing required arguments: %s", Object.keys(missing).length, Object.keys(missing).join(", ") + customMsg));
    }
  };
  self.unknownArguments = function unknownArguments(argv, aliases, positionalMap, isDefaultCommand, checkPositionals = true) {
    var _a2;
    const commandKeys = yargs.getInternalMethods().getCommandInstance().getCommands();
    const unknown2 = [];
    const currentContext = yargs.getInternalMethods().getContext();
    Object.keys(argv).forEach((key) => {
      if (!specialKeys.includes(key) && !Object.prototype.hasOwnProperty.call(positionalMap, key) && !Object.prototype.hasOwnProperty.call(yargs.getInternalMethods().getParseContext(), key) && !self.isValidAndSomeAliasIsNotNew(key, aliases)) {
        unknown2.push(key);
      }
    });
    if (checkPositionals && (currentContext.commands.length > 0 || commandKeys.length > 0 || isDefaultCommand)) {
      argv._.slice(currentContext.commands.length).forEach((key) => {
        if (!commandKeys.includes("" + key)) {
          unknown2.push("" + key);
        }
      });
    }
    if (checkPositionals) {
      const demandedCommands = yargs.getDemandedCommands();
      const maxNonOptDemanded = ((_a2 = demandedCommands._) === null || _a2 === void 0 ? void 0 : _a2.max) || 0;
      const expected = currentContext.commands.length + maxNonOptDemanded;
      if (expected < argv._.length) {
        argv._.slice(expected).forEach((key) => {
          key = String(key);
          if (!currentContext.commands.includes(key) && !unknown2.includes(key)) {
            unknown2.push(key);
          }
        });
      }
    }
    if (unknown2.length) {
      usage2.fail(__n("Unknown argument: %s", "Unknown arguments: %s", unknown2.length, unknown2.map((s) => s.trim() ? s : `"${s}"`).join(", ")));
    }
  };
  self.unknownCommands = function unknownCommands(argv) {
    const commandKeys = yargs.getInternalMethods().getCommandInstance().getCommands();
    const unknown2 = [];
    const currentContext = yargs.getInternalMethods().getContext();
    if (currentContext.commands.length > 0 || commandKeys.length > 0) {
      argv._.slice(currentContext.commands.length).forEach((key) => {
        if (!commandKeys.includes("" + key)) {
          unknown2.push("" + key);
        }
      });
    }
    if (unknown2.length > 0) {
      usage2.fail(__n("Unknown command: %s", "Unknown commands: %s", unknown2.length, unknown2.join(", ")));
      return true;
    } else {
      return false;
    }
  };
  self.isValidAndSomeAliasIsNotNew = function isValidAndSomeAliasIsNotNew(key, aliases) {
    if (!Object.prototype.hasOwnProperty.call(aliases, key)) {
      return false;
    }
    const newAliases = yargs.parsed.newAliases;
    return [key, ...aliases[key]].some((a) => !Object.prototype.hasOwnProperty.call(newAliases, a) || !newAliases[key]);
  };
  self.limitedChoices = function limitedChoices(argv) {
    const options = yargs.getOptions();
    const invalid = {};
    if (!Object.keys(options.choices).length)
      return;
    Object.keys(argv).forEach((key) => {
      if (specialKeys.indexOf(key) === -1 && Object.prototype.hasOwnProperty.call(options.choices, key)) {
        [].concat(argv[key]).forEach((value) => {
          if (options.choices[key].indexOf(value) === -1 && value !== void 0) {
            invalid[key] = (invalid[key] || []).concat(value);
          }
        });
      }
    });
    const invalidKeys = Object.keys(invalid);
    if (!invalidKeys.length)
      return;
    let msg = __("Invalid values:");
    invalidKeys.forEach((key) => {
      msg += `
  ${__("Argument: %s, Given: %s, Choices: %s", key, usage2.stringifiedValues(invalid[key]), usage2.stringifiedValues(options.choices[key]))}`;
    });
    usage2.fail(msg);
  };
  let implied = {};
  self.implies = function implies(key, value) {
    argsert("<string|object> [array|number|string]", [key, value], arguments.length);
    if (typeof key === "object") {
      Object.keys(key).forEach((k) => {
        self.implies(k, key[k]);
      });
    } else {
      yargs.global(key);
      if (!implied[key]) {
        implied[key] = [];
      }
      if (Array.isArray(value)) {
        value.forEach((i) => self.implies(key, i));
      } else {
        assertNotStrictEqual(value, void 0, shim3);
        implied[key].push(value);
      }
    }
  };
  self.getImplied = function getImplied() {
    return implied;
  };
  function keyExists(argv, val) {
    const num = Number(val);
    val = isNaN(num) ? val : num;
    if (typeof val === "number") {
      val = argv._.length >= val;
    } else if (val.match(/^--no-.+/)) {
      val = val.match(/^--no-(.+)/)[1];
      val = !Object.prototype.hasOwnProperty.call(argv, val);
    } else {
      val = Object.prototype.hasOwnProperty.call(argv, val);
    }
    return val;
  }
  self.implications = function implications(argv) {
    const implyFail = [];
    Object.keys(implied).forEach((key) => {
      const origKey = key;
      (implied[key] || []).forEach((value) => {
        let key2 = origKey;
        const origValue = value;
        key2 = keyExists(argv, key2);
        value = keyExists(argv, value);
        if (key2 && !value) {
          implyFail.push(` ${origKey} -> ${origValue}`);
        }
      });
    });
    if (implyFail.length) {
      let msg = `${__("Implications failed:")}
`;
      implyFail.forEach((value) => {
        msg += value;
      });
      usage2.fail(msg);
    }
  };
  let conflicting = {};
  self.conflicts = function conflicts(key, value) {
    argsert("<string|object> [array|string]", [key, value], arguments.length);
    if (typeof key === "object") {
      Object.keys(key).forEach((k) => {
        self.conflicts(k, key[k]);
      });
    } else {
      yargs.global(key);
      if (!conflicting[key]) {
        conflicting[key] = [];
      }
      if (Array.isArray(value)) {
        value.forEach((i) => self.conflicts(key, i));
      } else {
        conflicting[key].push(value);
      }
    }
  };
  self.getConflicting = () => conflicting;
  self.conflicting = function conflictingFn(argv) {
    Object.keys(argv).forEach((key) => {
      if (conflicting[key]) {
        conflicting[key].forEach((value) => {
          if (value && argv[key] !== void 0 && argv[value] !== void 0) {
            usage2.fail(__("Arguments %s and %s are mutually exclusive", key, value));
          }
        });
      }
    });
    if (yargs.getInternalMethods().getParserConfiguration()["strip-dashed"]) {
      Object.keys(conflicting).forEach((key) => {
        conflicting[key].forEach((value) => {
          if (value && argv[shim3.Parser.camelCase(key)] !== void 0 && argv[shim3.Parser.camelCase(value)] !== void 0) {
            usage2.fail(__("Arguments %s and %s are mutually exclusive", key, value));
          }
        });
      });
    }
  };
  self.recommendCommands = function recommendCommands(cmd, potentialCommands) {
    const threshold = 3;
    potentialCommands = potentialCommands.sort((a, b) => b.length - a.length);
    let recommended = null;
    let bestDistance = Infinity;
    for (let i = 0, candidate; (candidate = potentialCommands[i]) !== void 0; i++) {
      const d = levenshtein(cmd, candidate);
      if (d <= threshold && d < bestDistance) {
        bestDistance = d;
        recommended = candidate;
      }
    }
    if (recommended)
      usage2.fail(__("Did you mean %s?", recommended));
  };
  self.reset = function reset(localLookup) {
    implied = objFilter(implied, (k) => !localLookup[k]);
    conflicting = objFilter(conflicting, (k) => !localLookup[k]);
    return self;
  };
  const frozens = [];
  self.freeze = function freeze() {
    frozens.push({
      implied,
      conflicting
    });
  };
  self.unfreeze = function unfreeze() {
    const frozen = frozens.pop();
    assertNotStrictEqual(frozen, void 0, shim3);
    ({ implied, conflicting } = frozen);
  };
  return self;
}

// node_modules/yargs/build/lib/utils/apply-extends.js
var previouslyVisitedConfigs = [];
var shim2;
function applyExtends(config, cwd, mergeExtends, _shim) {
  shim2 = _shim;
  let defaultConfig = {};
  if (Object.prototype.hasOwnProperty.call(config, "extends")) {
    if (typeof config.extends !== "string")
      return defaultConfig;
    const isPath = /\.json|\..*rc$/.test(config.extends);
    let pathToDefault = null;
    if (!isPath) {
      try {
        pathToDefault = import.meta.resolve(config.extends);
      } catch (_err) {
        return config;
      }
    } else {
      pathToDefault = getPathToDefaultConfig(cwd, config.extends);
    }
    checkForCircularExtends(pathToDefault);
    previouslyVisitedConfigs.push(pathToDefault);
    defaultConfig = isPath ? JSON.parse(shim2.readFileSync(pathToDefault, "utf8")) : _shim.require(config.extends);
    delete config.extends;
    defaultConfig = applyExtends(defaultConfig, shim2.path.dirname(pathToDefault), mergeExtends, shim2);
  }
  previouslyVisitedConfigs = [];
  return mergeExtends ? mergeDeep(defaultConfig, config) : Object.assign({}, defaultConfig, config);
}
function checkForCircularExtends(cfgPath) {
  if (previouslyVisitedConfigs.indexOf(cfgPath) > -1) {
    throw new YError(`Circular extended configurations: '${cfgPath}'.`);
  }
}
function getPathToDefaultConfig(cwd, pathToExtend) {
  return shim2.path.resolve(cwd, pathToExtend);
}
function mergeDeep(config1, config2) {
  const target = {};
  function isObject(obj) {
    return obj && typeof obj === "object" && !Array.isArray(obj);
  }
  Object.assign(target, config1);
  for (const key of Object.keys(config2)) {
    if (key === "__proto__")
      continue;
    if (isObject(config2[key]) && isObject(target[key])) {
      target[key] = mergeDeep(config1[key], config2[key]);
    } else {
      target[key] = config2[key];
    }
  }
  return target;
}

// node_modules/yargs/build/lib/yargs-factory.js
var __classPrivateFieldSet = function(receiver, state, value, kind, f) {
  if (kind === "m") throw new TypeError("Private method is not writable");
  if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a setter");
  if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot write private member to an object whose class did not declare it");
  return kind === "a" ? f.call(receiver, value) : f ? f.value = value : state.set(receiver, value), value;
};
var __classPrivateFieldGet = function(receiver, state, kind, f) {
  if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a getter");
  if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot read private member from an object whose class did not declare it");
  return kind === "m" ? f : kind === "a" ? f.call(receiver) : f ? f.value : state.get(receiver);
};
var _YargsInstance_command;
var _YargsInstance_cwd;
var _YargsInstance_context;
var _YargsInstance_completion;
var _YargsInstance_completionCommand;
var _YargsInstance_defaultShowHiddenOpt;
var _YargsInstance_exitError;
var _YargsInstance_detectLocale;
var _YargsInstance_emittedWarnings;
var _YargsInstance_exitProcess;
var _YargsInstance_frozens;
var _YargsInstance_globalMiddleware;
var _YargsInstance_groups;
var _YargsInstance_hasOutput;
var _YargsInstance_helpOpt;
var _YargsInstance_isGlobalContext;
var _YargsInstance_logger;
var _YargsInstance_output;
var _YargsInstance_options;
var _YargsInstance_parentRequire;
var _YargsInstance_parserConfig;
var _YargsInstance_parseFn;
var _YargsInstance_parseContext;
var _YargsInstance_pkgs;
var _YargsInstance_preservedGroups;
var _YargsInstance_processArgs;
var _YargsInstance_recommendCommands;
var _YargsInstance_shim;
var _YargsInstance_strict;
var _YargsInstance_strictCommands;
var _YargsInstance_strictOptions;
var _YargsInstance_usage;
var _YargsInstance_usageConfig;
var _YargsInstance_versionOpt;
var _YargsInstance_validation;
function YargsFactory(_shim) {
  return (processArgs = [], cwd = _shim.process.cwd(), parentRequire) => {
    const yargs = new YargsInstance(processArgs, cwd, parentRequire, _shim);
    Object.defineProperty(yargs, "argv", {
      get: () => {
        return yargs.parse();
      },
      enumerable: true
    });
    yargs.help();
    yargs.version();
    return yargs;
  };
}
var kCopyDoubleDash = /* @__PURE__ */ Symbol("copyDoubleDash");
var kCreateLogger = /* @__PURE__ */ Symbol("copyDoubleDash");
var kDeleteFromParserHintObject = /* @__PURE__ */ Symbol("deleteFromParserHintObject");
var kEmitWarning = /* @__PURE__ */ Symbol("emitWarning");
var kFreeze = /* @__PURE__ */ Symbol("freeze");
var kGetDollarZero = /* @__PURE__ */ Symbol("getDollarZero");
var kGetParserConfiguration = /* @__PURE__ */ Symbol("getParserConfiguration");
var kGetUsageConfiguration = /* @__PURE__ */ Symbol("getUsageConfiguration");
var kGuessLocale = /* @__PURE__ */ Symbol("guessLocale");
var kGuessVersion = /* @__PURE__ */ Symbol("guessVersion");
var kParsePositionalNumbers = /* @__PURE__ */ Symbol("parsePositionalNumbers");
var kPkgUp = /* @__PURE__ */ Symbol("pkgUp");
var kPopulateParserHintArray = /* @__PURE__ */ Symbol("populateParserHintArray");
var kPopulateParserHintSingleValueDictionary = /* @__PURE__ */ Symbol("populateParserHintSingleValueDictionary");
var kPopulateParserHintArrayDictionary = /* @__PURE__ */ Symbol("populateParserHintArrayDictionary");
var kPopulateParserHintDictionary = /* @__PURE__ */ Symbol("populateParserHintDictionary");
var kSanitizeKey = /* @__PURE__ */ Symbol("sanitizeKey");
var kSetKey = /* @__PURE__ */ Symbol("setKey");
var kUnfreeze = /* @__PURE__ */ Symbol("unfreeze");
var kValidateAsync = /* @__PURE__ */ Symbol("validateAsync");
var kGetCommandInstance = /* @__PURE__ */ Symbol("getCommandInstance");
var kGetContext = /* @__PURE__ */ Symbol("getContext");
var kGetHasOutput = /* @__PURE__ */ Symbol("getHasOutput");
var kGetLoggerInstance = /* @__PURE__ */ Symbol("getLoggerInstance");
var kGetParseContext = /* @__PURE__ */ Symbol("getParseContext");
var kGetUsageInstance = /* @__PURE__ */ Symbol("getUsageInstance");
var kGetValidationInstance = /* @__PURE__ */ Symbol("getValidationInstance");
var kHasParseCallback = /* @__PURE__ */ Symbol("hasParseCallback");
var kIsGlobalContext = /* @__PURE__ */ Symbol("isGlobalContext");
var kPostProcess = /* @__PURE__ */ Symbol("postProcess");
var kRebase = /* @__PURE__ */ Symbol("rebase");
var kReset = /* @__PURE__ */ Symbol("reset");
var kRunYargsParserAndExecuteCommands = /* @__PURE__ */ Symbol("runYargsParserAndExecuteCommands");
var kRunValidation = /* @__PURE__ */ Symbol("runValidation");
var kSetHasOutput = /* @__PURE__ */ Symbol("setHasOutput");
var kTrackManuallySetKeys = /* @__PURE__ */ Symbol("kTrackManuallySetKeys");
var DEFAULT_LOCALE = "en_US";
var YargsInstance = class {
  constructor(processArgs = [], cwd, parentRequire, shim3) {
    this.customScriptName = false;
    this.parsed = false;
    _YargsInstance_command.set(this, void 0);
    _YargsInstance_cwd.set(this, void 0);
    _YargsInstance_context.set(this, { commands: [], fullCommands: [] });
    _YargsInstance_completion.set(this, null);
    _YargsInstance_completionCommand.set(this, null);
    _YargsInstance_defaultShowHiddenOpt.set(this, "show-hidden");
    _YargsInstance_exitError.set(this, null);
    _YargsInstance_detectLocale.set(this, true);
    _YargsInstance_emittedWarnings.set(this, {});
    _YargsInstance_exitProcess.set(this, true);
    _YargsInstance_frozens.set(this, []);
    _YargsInstance_globalMiddleware.set(this, void 0);
    _YargsInstance_groups.set(this, {});
    _YargsInstance_hasOutput.set(this, false);
    _YargsInstance_helpOpt.set(this, null);
    _YargsInstance_isGlobalContext.set(this, true);
    _YargsInstance_logger.set(this, void 0);
    _YargsInstance_output.set(this, "");
    _YargsInstance_options.set(this, void 0);
    _YargsInstance_parentRequire.set(this, void 0);
    _YargsInstance_parserConfig.set(this, {});
    _YargsInstance_parseFn.set(this, null);
    _YargsInstance_parseContext.set(this, null);
    _YargsInstance_pkgs.set(this, {});
    _YargsInstance_preservedGroups.set(this, {});
    _YargsInstance_processArgs.set(this, void 0);
    _YargsInstance_recommendCommands.set(this, false);
    _YargsInstance_shim.set(this, void 0);
    _YargsInstance_strict.set(this, false);
    _YargsInstance_strictCommands.set(this, false);
    _YargsInstance_strictOptions.set(this, false);
    _YargsInstance_usage.set(this, void 0);
    _YargsInstance_usageConfig.set(this, {});
    _YargsInstance_versionOpt.set(this, null);
    _YargsInstance_validation.set(this, void 0);
    __classPrivateFieldSet(this, _YargsInstance_shim, shim3, "f");
    __classPrivateFieldSet(this, _YargsInstance_processArgs, processArgs, "f");
    __classPrivateFieldSet(this, _YargsInstance_cwd, cwd, "f");
    __classPrivateFieldSet(this, _YargsInstance_parentRequire, parentRequire, "f");
    __classPrivateFieldSet(this, _YargsInstance_globalMiddleware, new GlobalMiddleware(this), "f");
    this.$0 = this[kGetDollarZero]();
    this[kReset]();
    __classPrivateFieldSet(this, _YargsInstance_command, __classPrivateFieldGet(this, _YargsInstance_command, "f"), "f");
    __classPrivateFieldSet(this, _YargsInstance_usage, __classPrivateFieldGet(this, _YargsInstance_usage, "f"), "f");
    __classPrivateFieldSet(this, _YargsInstance_validation, __classPrivateFieldGet(this, _YargsInstance_validation, "f"), "f");
    __classPrivateFieldSet(this, _YargsInstance_options, __classPrivateFieldGet(this, _YargsInstance_options, "f"), "f");
    __classPrivateFieldGet(this, _YargsInstance_options, "f").showHiddenOpt = __classPrivateFieldGet(this, _YargsInstance_defaultShowHiddenOpt, "f");
    __classPrivateFieldSet(this, _YargsInstance_logger, this[kCreateLogger](), "f");
    __classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.setLocale(DEFAULT_LOCALE);
  }
  addHelpOpt(opt, msg) {
    const defaultHelpOpt = "help";
    argsert("[string|boolean] [string]", [opt, msg], arguments.length);
    if (__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f")) {
      this[kDeleteFromParserHintObject](__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f"));
      __classPrivateFieldSet(this, _YargsInstance_helpOpt, null, "f");
    }
    if (opt === false && msg === void 0)
      return this;
    __classPrivateFieldSet(this, _YargsInstance_helpOpt, typeof opt === "string" ? opt : defaultHelpOpt, "f");
    this.boolean(__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f"));
    this.describe(__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f"), msg || __classPrivateFieldGet(this, _YargsInstance_usage, "f").deferY18nLookup("Show help"));
    return this;
  }
  help(opt, msg) {
    return this.addHelpOpt(opt, msg);
  }
  addShowHiddenOpt(opt, msg) {
    argsert("[string|boolean] [string]", [opt, msg], arguments.length);
    if (opt === false && msg === void 0)
      return this;
    const showHiddenOpt = typeof opt === "string" ? opt : __classPrivateFieldGet(this, _YargsInstance_defaultShowHiddenOpt, "f");
    this.boolean(showHiddenOpt);
    this.describe(showHiddenOpt, msg || __classPrivateFieldGet(this, _YargsInstance_usage, "f").deferY18nLookup("Show hidden options"));
    __classPrivateFieldGet(this, _YargsInstance_options, "f").showHiddenOpt = showHiddenOpt;
    return this;
  }
  showHidden(opt, msg) {
    return this.addShowHiddenOpt(opt, msg);
  }
  alias(key, value) {
    argsert("<object|string|array> [string|array]", [key, value], arguments.length);
    this[kPopulateParserHintArrayDictionary](this.alias.bind(this), "alias", key, value);
    return this;
  }
  array(keys) {
    argsert("<array|string>", [keys], arguments.length);
    this[kPopulateParserHintArray]("array", keys);
    this[kTrackManuallySetKeys](keys);
    return this;
  }
  boolean(keys) {
    argsert("<array|string>", [keys], arguments.length);
    this[kPopulateParserHintArray]("boolean", keys);
    this[kTrackManuallySetKeys](keys);
    return this;
  }
  check(f, global) {
    argsert("<function> [boolean]", [f, global], arguments.length);
    this.middleware((argv, _yargs) => {
      return maybeAsyncResult(() => {
        return f(argv, _yargs.getOptions());
      }, (result) => {
        if (!result) {
          __classPrivateFieldGet(this, _YargsInstance_usage, "f").fail(__classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.__("Argument check failed: %s", f.toString()));
        } else if (typeof result === "string" || result instanceof Error) {
          __classPrivateFieldGet(this, _YargsInstance_usage, "f").fail(result.toString(), result);
        }
        return argv;
      }, (err) => {
        __classPrivateFieldGet(this, _YargsInstance_usage, "f").fail(err.message ? err.message : err.toString(), err);
        return argv;
      });
    }, false, global);
    return this;
  }
  choices(key, value) {
    argsert("<object|string|array> [string|array]", [key, value], arguments.length);
    this[kPopulateParserHintArrayDictionary](this.choices.bind(this), "choices", key, value);
    return this;
  }
  coerce(keys, value) {
    argsert("<object|string|array> [function]", [keys, value], arguments.length);
    if (Array.isArray(keys)) {
      if (!value) {
        throw new YError("coerce callback must be provided");
      }
      for (const key of keys) {
        this.coerce(key, value);
      }
      return this;
    } else if (typeof keys === "object") {
      for (const key of Object.keys(keys)) {
        this.coerce(key, keys[key]);
      }
      return this;
    }
    if (!value) {
      throw new YError("coerce callback must be provided");
    }
    const coerceKey = keys;
    __classPrivateFieldGet(this, _YargsInstance_options, "f").key[coerceKey] = true;
    __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").addCoerceMiddleware((argv, yargs) => {
      var _a2;
      const coerceKeyAliases = (_a2 = yargs.getAliases()[coerceKey]) !== null && _a2 !== void 0 ? _a2 : [];
      const argvKeys = [coerceKey, ...coerceKeyAliases].filter((key) => Object.prototype.hasOwnProperty.call(argv, key));
      if (argvKeys.length === 0) {
        return argv;
      }
      return maybeAsyncResult(() => {
        return value(argv[argvKeys[0]]);
      }, (result) => {
        argvKeys.forEach((key) => {
          argv[key] = result;
        });
        return argv;
      }, (err) => {
        throw new YError(err.message);
      });
    }, coerceKey);
    return this;
  }
  conflicts(key1, key2) {
    argsert("<string|object> [string|array]", [key1, key2], arguments.length);
    __classPrivateFieldGet(this, _YargsInstance_validation, "f").conflicts(key1, key2);
    return this;
  }
  config(key = "config", msg, parseFn) {
    argsert("[object|string] [string|function] [function]", [key, msg, parseFn], arguments.length);
    if (typeof key === "object" && !Array.isArray(key)) {
      key = applyExtends(key, __classPrivateFieldGet(this, _YargsInstance_cwd, "f"), this[kGetParserConfiguration]()["deep-merge-config"] || false, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
      __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects = (__classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects || []).concat(key);
      return this;
    }
    if (typeof msg === "function") {
      parseFn = msg;
      msg = void 0;
    }
    this.describe(key, msg || __classPrivateFieldGet(this, _YargsInstance_usage, "f").deferY18nLookup("Path to JSON config file"));
    (Array.isArray(key) ? key : [key]).forEach((k) => {
      __classPrivateFieldGet(this, _YargsInstance_options, "f").config[k] = parseFn || true;
    });
    return this;
  }
  completion(cmd, desc, fn) {
    argsert("[string] [string|boolean|function] [function]", [cmd, desc, fn], arguments.length);
    if (typeof desc === "function") {
      fn = desc;
      desc = void 0;
    }
    __classPrivateFieldSet(this, _YargsInstance_completionCommand, cmd || __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f") || "completion", "f");
    if (!desc && desc !== false) {
      desc = "generate completion script";
    }
    this.command(__classPrivateFieldGet(this, _YargsInstance_completionCommand, "f"), desc);
    if (fn)
      __classPrivateFieldGet(this, _YargsInstance_completion, "f").registerFunction(fn);
    return this;
  }
  command(cmd, description, builder, handler, middlewares, deprecated) {
    argsert("<string|array|object> [string|boolean] [function|object] [function] [array] [boolean|string]", [cmd, description, builder, handler, middlewares, deprecated], arguments.length);
    __classPrivateFieldGet(this, _YargsInstance_command, "f").addHandler(cmd, description, builder, handler, middlewares, deprecated);
    return this;
  }
  commands(cmd, description, builder, handler, middlewares, deprecated) {
    return this.command(cmd, description, builder, handler, middlewares, deprecated);
  }
  commandDir(dir, opts) {
    argsert("<string> [object]", [dir, opts], arguments.length);
    const req = __classPrivateFieldGet(this, _YargsInstance_parentRequire, "f") || __classPrivateFieldGet(this, _YargsInstance_shim, "f").require;
    __classPrivateFieldGet(this, _YargsInstance_command, "f").addDirectory(dir, req, __classPrivateFieldGet(this, _YargsInstance_shim, "f").getCallerFile(), opts);
    return this;
  }
  count(keys) {
    argsert("<array|string>", [keys], arguments.length);
    this[kPopulateParserHintArray]("count", keys);
    this[kTrackManuallySetKeys](keys);
    return this;
  }
  default(key, value, defaultDescription) {
    argsert("<object|string|array> [*] [string]", [key, value, defaultDescription], arguments.length);
    if (defaultDescription) {
      assertSingleKey(key, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
      __classPrivateFieldGet(this, _YargsInstance_options, "f").defaultDescription[key] = defaultDescription;
    }
    if (typeof value === "function") {
      assertSingleKey(key, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
      if (!__classPrivateFieldGet(this, _YargsInstance_options, "f").defaultDescription[key])
        __classPrivateFieldGet(this, _YargsInstance_options, "f").defaultDescription[key] = __classPrivateFieldGet(this, _YargsInstance_usage, "f").functionDescription(value);
      value = value.call();
    }
    this[kPopulateParserHintSingleValueDictionary](this.default.bind(this), "default", key, value);
    return this;
  }
  defaults(key, value, defaultDescription) {
    return this.default(key, value, defaultDescription);
  }
  demandCommand(min = 1, max, minMsg, maxMsg) {
    argsert("[number] [number|string] [string|null|undefined] [string|null|undefined]", [min, max, minMsg, maxMsg], arguments.length);
    if (typeof max !== "number") {
      minMsg = max;
      max = Infinity;
    }
    this.global("_", false);
    __classPrivateFieldGet(this, _YargsInstance_options, "f").demandedCommands._ = {
      min,
      max,
      minMsg,
      maxMsg
    };
    return this;
  }
  demand(keys, max, msg) {
    if (Array.isArray(max)) {
      max.forEach((key) => {
        assertNotStrictEqual(msg, true, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
        this.demandOption(key, msg);
      });
      max = Infinity;
    } else if (typeof max !== "number") {
      msg = max;
      max = Infinity;
    }
    if (typeof keys === "number") {
      assertNotStrictEqual(msg, true, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
      this.demandCommand(keys, max, msg, msg);
    } else if (Array.isArray(keys)) {
      keys.forEach((key) => {
        assertNotStrictEqual(msg, true, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
        this.demandOption(key, msg);
      });
    } else {
      if (typeof msg === "string") {
        this.demandOption(keys, msg);
      } else if (msg === true || typeof msg === "undefined") {
        this.demandOption(keys);
      }
    }
    return this;
  }
  demandOption(keys, msg) {
    argsert("<object|string|array> [string]", [keys, msg], arguments.length);
    this[kPopulateParserHintSingleValueDictionary](this.demandOption.bind(this), "demandedOptions", keys, msg);
    return this;
  }
  deprecateOption(option, message) {
    argsert("<string> [string|boolean]", [option, message], arguments.length);
    __classPrivateFieldGet(this, _YargsInstance_options, "f").deprecatedOptions[option] = message;
    return this;
  }
  describe(keys, description) {
    argsert("<object|string|array> [string]", [keys, description], arguments.length);
    this[kSetKey](keys, true);
    __classPrivateFieldGet(this, _YargsInstance_usage, "f").describe(keys, description);
    return this;
  }
  detectLocale(detect) {
    argsert("<boolean>", [detect], arguments.length);
    __classPrivateFieldSet(this, _YargsInstance_detectLocale, detect, "f");
    return this;
  }
  env(prefix) {
    argsert("[string|boolean]", [prefix], arguments.length);
    if (prefix === false)
      delete __classPrivateFieldGet(this, _YargsInstance_options, "f").envPrefix;
    else
      __classPrivateFieldGet(this, _YargsInstance_options, "f").envPrefix = prefix || "";
    return this;
  }
  epilogue(msg) {
    argsert("<string>", [msg], arguments.length);
    __classPrivateFieldGet(this, _YargsInstance_usage, "f").epilog(msg);
    return this;
  }
  epilog(msg) {
    return this.epilogue(msg);
  }
  example(cmd, description) {
    argsert("<string|array> [string]", [cmd, description], arguments.length);
    if (Array.isArray(cmd)) {
      cmd.forEach((exampleParams) => this.example(...exampleParams));
    } else {
      __classPrivateFieldGet(this, _YargsInstance_usage, "f").example(cmd, description);
    }
    return this;
  }
  exit(code, err) {
    __classPrivateFieldSet(this, _YargsInstance_hasOutput, true, "f");
    __classPrivateFieldSet(this, _YargsInstance_exitError, err, "f");
    if (__classPrivateFieldGet(this, _YargsInstance_exitProcess, "f"))
      __classPrivateFieldGet(this, _YargsInstance_shim, "f").process.exit(code);
  }
  exitProcess(enabled = true) {
    argsert("[boolean]", [enabled], arguments.length);
    __classPrivateFieldSet(this, _YargsInstance_exitProcess, enabled, "f");
    return this;
  }
  fail(f) {
    argsert("<function|boolean>", [f], arguments.length);
    if (typeof f === "boolean" && f !== false) {
      throw new YError("Invalid first argument. Expected function or boolean 'false'");
    }
    __classPrivateFieldGet(this, _YargsInstance_usage, "f").failFn(f);
    return this;
  }
  getAliases() {
    return this.parsed ? this.parsed.aliases : {};
  }
  async getCompletion(args, done) {
    argsert("<array> [function]", [args, done], arguments.length);
    if (!done) {
      return new Promise((resolve9, reject) => {
        __classPrivateFieldGet(this, _YargsInstance_completion, "f").getCompletion(args, (err, completions) => {
          if (err)
            reject(err);
          else
            resolve9(completions);
        });
      });
    } else {
      return __classPrivateFieldGet(this, _YargsInstance_completion, "f").getCompletion(args, done);
    }
  }
  getDemandedOptions() {
    argsert([], 0);
    return __classPrivateFieldGet(this, _YargsInstance_options, "f").demandedOptions;
  }
  getDemandedCommands() {
    argsert([], 0);
    return __classPrivateFieldGet(this, _YargsInstance_options, "f").demandedCommands;
  }
  getDeprecatedOptions() {
    argsert([], 0);
    return __classPrivateFieldGet(this, _YargsInstance_options, "f").deprecatedOptions;
  }
  getDetectLocale() {
    return __classPrivateFieldGet(this, _YargsInstance_detectLocale, "f");
  }
  getExitProcess() {
    return __classPrivateFieldGet(this, _YargsInstance_exitProcess, "f");
  }
  getGroups() {
    return Object.assign({}, __classPrivateFieldGet(this, _YargsInstance_groups, "f"), __classPrivateFieldGet(this, _YargsInstance_preservedGroups, "f"));
  }
  getHelp() {
    __classPrivateFieldSet(this, _YargsInstance_hasOutput, true, "f");
    if (!__classPrivateFieldGet(this, _YargsInstance_usage, "f").hasCachedHelpMessage()) {
      if (!this.parsed) {
        const parse = this[kRunYargsParserAndExecuteCommands](__classPrivateFieldGet(this, _YargsInstance_processArgs, "f"), void 0, void 0, 0, true);
        if (isPromise(parse)) {
          return parse.then(() => {
            return __classPrivateFieldGet(this, _YargsInstance_usage, "f").help();
          });
        }
      }
      const builderResponse = __classPrivateFieldGet(this, _YargsInstance_command, "f").runDefaultBuilderOn(this);
      if (isPromise(builderResponse)) {
        return builderResponse.then(() => {
          return __classPrivateFieldGet(this, _YargsInstance_usage, "f").help();
        });
      }
    }
    return Promise.resolve(__classPrivateFieldGet(this, _YargsInstance_usage, "f").help());
  }
  getOptions() {
    return __classPrivateFieldGet(this, _YargsInstance_options, "f");
  }
  getStrict() {
    return __classPrivateFieldGet(this, _YargsInstance_strict, "f");
  }
  getStrictCommands() {
    return __classPrivateFieldGet(this, _YargsInstance_strictCommands, "f");
  }
  getStrictOptions() {
    return __classPrivateFieldGet(this, _YargsInstance_strictOptions, "f");
  }
  global(globals, global) {
    argsert("<string|array> [boolean]", [globals, global], arguments.length);
    globals = [].concat(globals);
    if (global !== false) {
      __classPrivateFieldGet(this, _YargsInstance_options, "f").local = __classPrivateFieldGet(this, _YargsInstance_options, "f").local.filter((l) => globals.indexOf(l) === -1);
    } else {
      globals.forEach((g) => {
        if (!__classPrivateFieldGet(this, _YargsInstance_options, "f").local.includes(g))
          __classPrivateFieldGet(this, _YargsInstance_options, "f").local.push(g);
      });
    }
    return this;
  }
  group(opts, groupName) {
    argsert("<string|array> <string>", [opts, groupName], arguments.length);
    const existing = __classPrivateFieldGet(this, _YargsInstance_preservedGroups, "f")[groupName] || __classPrivateFieldGet(this, _YargsInstance_groups, "f")[groupName];
    if (__classPrivateFieldGet(this, _YargsInstance_preservedGroups, "f")[groupName]) {
      delete __classPrivateFieldGet(this, _YargsInstance_preservedGroups, "f")[groupName];
    }
    const seen = {};
    __classPrivateFieldGet(this, _YargsInstance_groups, "f")[groupName] = (existing || []).concat(opts).filter((key) => {
      if (seen[key])
        return false;
      return seen[key] = true;
    });
    return this;
  }
  hide(key) {
    argsert("<string>", [key], arguments.length);
    __classPrivateFieldGet(this, _YargsInstance_options, "f").hiddenOptions.push(key);
    return this;
  }
  implies(key, value) {
    argsert("<string|object> [number|string|array]", [key, value], arguments.length);
    __classPrivateFieldGet(this, _YargsInstance_validation, "f").implies(key, value);
    return this;
  }
  locale(locale) {
    argsert("[string]", [locale], arguments.length);
    if (locale === void 0) {
      this[kGuessLocale]();
      return __classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.getLocale();
    }
    __classPrivateFieldSet(this, _YargsInstance_detectLocale, false, "f");
    __classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.setLocale(locale);
    return this;
  }
  middleware(callback, applyBeforeValidation, global) {
    return __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").addMiddleware(callback, !!applyBeforeValidation, global);
  }
  nargs(key, value) {
    argsert("<string|object|array> [number]", [key, value], arguments.length);
    this[kPopulateParserHintSingleValueDictionary](this.nargs.bind(this), "narg", key, value);
    return this;
  }
  normalize(keys) {
    argsert("<array|string>", [keys], arguments.length);
    this[kPopulateParserHintArray]("normalize", keys);
    return this;
  }
  number(keys) {
    argsert("<array|string>", [keys], arguments.length);
    this[kPopulateParserHintArray]("number", keys);
    this[kTrackManuallySetKeys](keys);
    return this;
  }
  option(key, opt) {
    argsert("<string|object> [object]", [key, opt], arguments.length);
    if (typeof key === "object") {
      Object.keys(key).forEach((k) => {
        this.options(k, key[k]);
      });
    } else {
      if (typeof opt !== "object") {
        opt = {};
      }
      this[kTrackManuallySetKeys](key);
      if (__classPrivateFieldGet(this, _YargsInstance_versionOpt, "f") && (key === "version" || (opt === null || opt === void 0 ? void 0 : opt.alias) === "version")) {
        this[kEmitWarning]([
          '"version" is a reserved word.',
          "Please do one of the following:",
          '- Disable version with `yargs.version(false)` if using "version" as an option',
          "- Use the built-in `yargs.version` method instead (if applicable)",
          "- Use a different option key",
          "https://yargs.js.org/docs/#api-reference-version"
        ].join("\n"), void 0, "versionWarning");
      }
      __classPrivateFieldGet(this, _YargsInstance_options, "f").key[key] = true;
      if (opt.alias)
        this.alias(key, opt.alias);
      const deprecate = opt.deprecate || opt.deprecated;
      if (deprecate) {
        this.deprecateOption(key, deprecate);
      }
      const demand = opt.demand || opt.required || opt.require;
      if (demand) {
        this.demand(key, demand);
      }
      if (opt.demandOption) {
        this.demandOption(key, typeof opt.demandOption === "string" ? opt.demandOption : void 0);
      }
      if (opt.conflicts) {
        this.conflicts(key, opt.conflicts);
      }
      if ("default" in opt) {
        this.default(key, opt.default);
      }
      if (opt.implies !== void 0) {
        this.implies(key, opt.implies);
      }
      if (opt.nargs !== void 0) {
        this.nargs(key, opt.nargs);
      }
      if (opt.config) {
        this.config(key, opt.configParser);
      }
      if (opt.normalize) {
        this.normalize(key);
      }
      if (opt.choices) {
        this.choices(key, opt.choices);
      }
      if (opt.coerce) {
        this.coerce(key, opt.coerce);
      }
      if (opt.group) {
        this.group(key, opt.group);
      }
      if (opt.boolean || opt.type === "boolean") {
        this.boolean(key);
        if (opt.alias)
          this.boolean(opt.alias);
      }
      if (opt.array || opt.type === "array") {
        this.array(key);
        if (opt.alias)
          this.array(opt.alias);
      }
      if (opt.number || opt.type === "number") {
        this.number(key);
        if (opt.alias)
          this.number(opt.alias);
      }
      if (opt.string || opt.type === "string") {
        this.string(key);
        if (opt.alias)
          this.string(opt.alias);
      }
      if (opt.count || opt.type === "count") {
        this.count(key);
      }
      if (typeof opt.global === "boolean") {
        this.global(key, opt.global);
      }
      if (opt.defaultDescription) {
        __classPrivateFieldGet(this, _YargsInstance_options, "f").defaultDescription[key] = opt.defaultDescription;
      }
      if (opt.skipValidation) {
        this.skipValidation(key);
      }
      const desc = opt.describe || opt.description || opt.desc;
      const descriptions = __classPrivateFieldGet(this, _YargsInstance_usage, "f").getDescriptions();
      if (!Object.prototype.hasOwnProperty.call(descriptions, key) || typeof desc === "string") {
        this.describe(key, desc);
      }
      if (opt.hidden) {
        this.hide(key);
      }
      if (opt.requiresArg) {
        this.requiresArg(key);
      }
    }
    return this;
  }
  options(key, opt) {
    return this.option(key, opt);
  }
  parse(args, shortCircuit, _parseFn) {
    argsert("[string|array] [function|boolean|object] [function]", [args, shortCircuit, _parseFn], arguments.length);
    this[kFreeze]();
    if (typeof args === "undefined") {
      args = __classPrivateFieldGet(this, _YargsInstance_processArgs, "f");
    }
    if (typeof shortCircuit === "object") {
      __classPrivateFieldSet(this, _YargsInstance_parseContext, shortCircuit, "f");
      shortCircuit = _parseFn;
    }
    if (typeof shortCircuit === "function") {
      __classPrivateFieldSet(this, _YargsInstance_parseFn, shortCircuit, "f");
      shortCircuit = false;
    }
    if (!shortCircuit)
      __classPrivateFieldSet(this, _YargsInstance_processArgs, args, "f");
    if (__classPrivateFieldGet(this, _YargsInstance_parseFn, "f"))
      __classPrivateFieldSet(this, _YargsInstance_exitProcess, false, "f");
    const parsed = this[kRunYargsParserAndExecuteCommands](args, !!shortCircuit);
    const tmpParsed = this.parsed;
    __classPrivateFieldGet(this, _YargsInstance_completion, "f").setParsed(this.parsed);
    if (isPromise(parsed)) {
      return parsed.then((argv) => {
        if (__classPrivateFieldGet(this, _YargsInstance_parseFn, "f"))
          __classPrivateFieldGet(this, _YargsInstance_parseFn, "f").call(this, __classPrivateFieldGet(this, _YargsInstance_exitError, "f"), argv, __classPrivateFieldGet(this, _YargsInstance_output, "f"));
        return argv;
      }).catch((err) => {
        if (__classPrivateFieldGet(this, _YargsInstance_parseFn, "f")) {
          __classPrivateFieldGet(this, _YargsInstance_parseFn, "f")(err, this.parsed.argv, __classPrivateFieldGet(this, _YargsInstance_output, "f"));
        }
        throw err;
      }).finally(() => {
        this[kUnfreeze]();
        this.parsed = tmpParsed;
      });
    } else {
      if (__classPrivateFieldGet(this, _YargsInstance_parseFn, "f"))
        __classPrivateFieldGet(this, _YargsInstance_parseFn, "f").call(this, __classPrivateFieldGet(this, _YargsInstance_exitError, "f"), parsed, __classPrivateFieldGet(this, _YargsInstance_output, "f"));
      this[kUnfreeze]();
      this.parsed = tmpParsed;
    }
    return parsed;
  }
  parseAsync(args, shortCircuit, _parseFn) {
    const maybePromise = this.parse(args, shortCircuit, _parseFn);
    return !isPromise(maybePromise) ? Promise.resolve(maybePromise) : maybePromise;
  }
  parseSync(args, shortCircuit, _parseFn) {
    const maybePromise = this.parse(args, shortCircuit, _parseFn);
    if (isPromise(maybePromise)) {
      throw new YError(".parseSync() must not be used with asynchronous builders, handlers, or middleware");
    }
    return maybePromise;
  }
  parserConfiguration(config) {
    argsert("<object>", [config], arguments.length);
    __classPrivateFieldSet(this, _YargsInstance_parserConfig, config, "f");
    return this;
  }
  pkgConf(key, rootPath) {
    argsert("<string> [string]", [key, rootPath], arguments.length);
    let conf = null;
    const obj = this[kPkgUp](rootPath || __classPrivateFieldGet(this, _YargsInstance_cwd, "f"));
    if (obj[key] && typeof obj[key] === "object") {
      conf = applyExtends(obj[key], rootPath || __classPrivateFieldGet(this, _YargsInstance_cwd, "f"), this[kGetParserConfiguration]()["deep-merge-config"] || false, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
      __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects = (__classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects || []).concat(conf);
    }
    return this;
  }
  positional(key, opts) {
    argsert("<string> <object>", [key, opts], arguments.length);
    const supportedOpts = [
      "default",
      "defaultDescription",
      "implies",
      "normalize",
      "choices",
      "conflicts",
      "coerce",
      "type",
      "describe",
      "desc",
      "description",
      "alias"
    ];
    opts = objFilter(opts, (k, v) => {
      if (k === "type" && !["string", "number", "boolean"].includes(v))
        return false;
      return supportedOpts.includes(k);
    });
    const fullCommand = __classPrivateFieldGet(this, _YargsInstance_context, "f").fullCommands[__classPrivateFieldGet(this, _YargsInstance_context, "f").fullCommands.length - 1];
    const parseOptions = fullCommand ? __classPrivateFieldGet(this, _YargsInstance_command, "f").cmdToParseOptions(fullCommand) : {
      array: [],
      alias: {},
      default: {},
      demand: {}
    };
    objectKeys(parseOptions).forEach((pk) => {
      const parseOption = parseOptions[pk];
      if (Array.isArray(parseOption)) {
        if (parseOption.indexOf(key) !== -1)
          opts[pk] = true;
      } else {
        if (parseOption[key] && !(pk in opts))
          opts[pk] = parseOption[key];
      }
    });
    this.group(key, __classPrivateFieldGet(this, _YargsInstance_usage, "f").getPositionalGroupName());
    return this.option(key, opts);
  }
  recommendCommands(recommend = true) {
    argsert("[boolean]", [recommend], arguments.length);
    __classPrivateFieldSet(this, _YargsInstance_recommendCommands, recommend, "f");
    return this;
  }
  required(keys, max, msg) {
    return this.demand(keys, max, msg);
  }
  require(keys, max, msg) {
    return this.demand(keys, max, msg);
  }
  requiresArg(keys) {
    argsert("<array|string|object> [number]", [keys], arguments.length);
    if (typeof keys === "string" && __classPrivateFieldGet(this, _YargsInstance_options, "f").narg[keys]) {
      return this;
    } else {
      this[kPopulateParserHintSingleValueDictionary](this.requiresArg.bind(this), "narg", keys, NaN);
    }
    return this;
  }
  showCompletionScript($0, cmd) {
    argsert("[string] [string]", [$0, cmd], arguments.length);
    $0 = $0 || this.$0;
    __classPrivateFieldGet(this, _YargsInstance_logger, "f").log(__classPrivateFieldGet(this, _YargsInstance_completion, "f").generateCompletionScript($0, cmd || __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f") || "completion"));
    return this;
  }
  showHelp(level) {
    argsert("[string|function]", [level], arguments.length);
    __classPrivateFieldSet(this, _YargsInstance_hasOutput, true, "f");
    if (!__classPrivateFieldGet(this, _YargsInstance_usage, "f").hasCachedHelpMessage()) {
      if (!this.parsed) {
        const parse = this[kRunYargsParserAndExecuteCommands](__classPrivateFieldGet(this, _YargsInstance_processArgs, "f"), void 0, void 0, 0, true);
        if (isPromise(parse)) {
          parse.then(() => {
            __classPrivateFieldGet(this, _YargsInstance_usage, "f").showHelp(level);
          });
          return this;
        }
      }
      const builderResponse = __classPrivateFieldGet(this, _YargsInstance_command, "f").runDefaultBuilderOn(this);
      if (isPromise(builderResponse)) {
        builderResponse.then(() => {
          __classPrivateFieldGet(this, _YargsInstance_usage, "f").showHelp(level);
        });
        return this;
      }
    }
    __classPrivateFieldGet(this, _YargsInstance_usage, "f").showHelp(level);
    return this;
  }
  scriptName(scriptName) {
    this.customScriptName = true;
    this.$0 = scriptName;
    return this;
  }
  showHelpOnFail(enabled, message) {
    argsert("[boolean|string] [string]", [enabled, message], arguments.length);
    __classPrivateFieldGet(this, _YargsInstance_usage, "f").showHelpOnFail(enabled, message);
    return this;
  }
  showVersion(level) {
    argsert("[string|function]", [level], arguments.length);
    __classPrivateFieldGet(this, _YargsInstance_usage, "f").showVersion(level);
    return this;
  }
  skipValidation(keys) {
    argsert("<array|string>", [keys], arguments.length);
    this[kPopulateParserHintArray]("skipValidation", keys);
    return this;
  }
  strict(enabled) {
    argsert("[boolean]", [enabled], arguments.length);
    __classPrivateFieldSet(this, _YargsInstance_strict, enabled !== false, "f");
    return this;
  }
  strictCommands(enabled) {
    argsert("[boolean]", [enabled], arguments.length);
    __classPrivateFieldSet(this, _YargsInstance_strictCommands, enabled !== false, "f");
    return this;
  }
  strictOptions(enabled) {
    argsert("[boolean]", [enabled], arguments.length);
    __classPrivateFieldSet(this, _YargsInstance_strictOptions, enabled !== false, "f");
    return this;
  }
  string(keys) {
    argsert("<array|string>", [keys], arguments.length);
    this[kPopulateParserHintArray]("string", keys);
    this[kTrackManuallySetKeys](keys);
    return this;
  }
  terminalWidth() {
    argsert([], 0);
    return __classPrivateFieldGet(this, _YargsInstance_shim, "f").process.stdColumns;
  }
  updateLocale(obj) {
    return this.updateStrings(obj);
  }
  updateStrings(obj) {
    argsert("<object>", [obj], arguments.length);
    __classPrivateFieldSet(this, _YargsInstance_detectLocale, false, "f");
    __classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.updateLocale(obj);
    return this;
  }
  usage(msg, description, builder, handler) {
    argsert("<string|null|undefined> [string|boolean] [function|object] [function]", [msg, description, builder, handler], arguments.length);
    if (description !== void 0) {
      assertNotStrictEqual(msg, null, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
      if ((msg || "").match(/^\$0( |$)/)) {
        return this.command(msg, description, builder, handler);
      } else {
        throw new YError(".usage() description must start with $0 if being used as alias for .command()");
      }
    } else {
      __classPrivateFieldGet(this, _YargsInstance_usage, "f").usage(msg);
      return this;
    }
  }
  usageConfiguration(config) {
    argsert("<object>", [config], arguments.length);
    __classPrivateFieldSet(this, _YargsInstance_usageConfig, config, "f");
    return this;
  }
  version(opt, msg, ver) {
    const defaultVersionOpt = "version";
    argsert("[boolean|string] [string] [string]", [opt, msg, ver], arguments.length);
    if (__classPrivateFieldGet(this, _YargsInstance_versionOpt, "f")) {
      this[kDeleteFromParserHintObject](__classPrivateFieldGet(this, _YargsInstance_versionOpt, "f"));
      __classPrivateFieldGet(this, _YargsInstance_usage, "f").version(void 0);
      __classPrivateFieldSet(this, _YargsInstance_versionOpt, null, "f");
    }
    if (arguments.length === 0) {
      ver = this[kGuessVersion]();
      opt = defaultVersionOpt;
    } else if (arguments.length === 1) {
      if (opt === false) {
        return this;
      }
      ver = opt;
      opt = defaultVersionOpt;
    } else if (arguments.length === 2) {
      ver = msg;
      msg = void 0;
    }
    __classPrivateFieldSet(this, _YargsInstance_versionOpt, typeof opt === "string" ? opt : defaultVersionOpt, "f");
    msg = msg || __classPrivateFieldGet(this, _YargsInstance_usage, "f").deferY18nLookup("Show version number");
    __classPrivateFieldGet(this, _YargsInstance_usage, "f").version(ver || void 0);
    this.boolean(__classPrivateFieldGet(this, _YargsInstance_versionOpt, "f"));
    this.describe(__classPrivateFieldGet(this, _YargsInstance_versionOpt, "f"), msg);
    return this;
  }
  wrap(cols) {
    argsert("<number|null|undefined>", [cols], arguments.length);
    __classPrivateFieldGet(this, _YargsInstance_usage, "f").wrap(cols);
    return this;
  }
  [(_YargsInstance_command = /* @__PURE__ */ new WeakMap(), _YargsInstance_cwd = /* @__PURE__ */ new WeakMap(), _YargsInstance_context = /* @__PURE__ */ new WeakMap(), _YargsInstance_completion = /* @__PURE__ */ new WeakMap(), _YargsInstance_completionCommand = /* @__PURE__ */ new WeakMap(), _YargsInstance_defaultShowHiddenOpt = /* @__PURE__ */ new WeakMap(), _YargsInstance_exitError = /* @__PURE__ */ new WeakMap(), _YargsInstance_detectLocale = /* @__PURE__ */ new WeakMap(), _YargsInstance_emittedWarnings = /* @__PURE__ */ new WeakMap(), _YargsInstance_exitProcess = /* @__PURE__ */ new WeakMap(), _YargsInstance_frozens = /* @__PURE__ */ new WeakMap(), _YargsInstance_globalMiddleware = /* @__PURE__ */ new WeakMap(), _YargsInstance_groups = /* @__PURE__ */ new WeakMap(), _YargsInstance_hasOutput = /* @__PURE__ */ new WeakMap(), _YargsInstance_helpOpt = /* @__PURE__ */ new WeakMap(), _YargsInstance_isGlobalContext = /* @__PURE__ */ new WeakMap(), _YargsInstance_logger = /* @__PURE__ */ new WeakMap(), _YargsInstance_output = /* @__PURE__ */ new WeakMap(), _YargsInstance_options = /* @__PURE__ */ new WeakMap(), _YargsInstance_parentRequire = /* @__PURE__ */ new WeakMap(), _YargsInstance_parserConfig = /* @__PURE__ */ new WeakMap(), _YargsInstance_parseFn = /* @__PURE__ */ new WeakMap(), _YargsInstance_parseContext = /* @__PURE__ */ new WeakMap(), _YargsInstance_pkgs = /* @__PURE__ */ new WeakMap(), _YargsInstance_preservedGroups = /* @__PURE__ */ new WeakMap(), _YargsInstance_processArgs = /* @__PURE__ */ new WeakMap(), _YargsInstance_recommendCommands = /* @__PURE__ */ new WeakMap(), _YargsInstance_shim = /* @__PURE__ */ new WeakMap(), _YargsInstance_strict = /* @__PURE__ */ new WeakMap(), _YargsInstance_strictCommands = /* @__PURE__ */ new WeakMap(), _YargsInstance_strictOptions = /* @__PURE__ */ new WeakMap(), _YargsInstance_usage = /* @__PURE__ */ new WeakMap(), _YargsInstance_usageConfig = /* @__PURE__ */ new WeakMap(), _YargsInstance_versionOpt = /* @__PURE__ */ new WeakMap(), _YargsInstance_validation = /* @__PURE__ */ new WeakMap(), kCopyDoubleDash)](argv) {
    if (!argv._ || !argv["--"])
      return argv;
    argv._.push.apply(argv._, argv["--"]);
    try {
      delete argv["--"];
    } catch (_err) {
    }
    return argv;
  }
  [kCreateLogger]() {
    return {
      log: (...args) => {
        if (!this[kHasParseCallback]())
          console.log(...args);
        __classPrivateFieldSet(this, _YargsInstance_hasOutput, true, "f");
        if (__classPrivateFieldGet(this, _YargsInstance_output, "f").length)
          __classPrivateFieldSet(this, _YargsInstance_output, __classPrivateFieldGet(this, _YargsInstance_output, "f") + "\n", "f");
        __classPrivateFieldSet(this, _YargsInstance_output, __classPrivateFieldGet(this, _YargsInstance_output, "f") + args.join(" "), "f");
      },
      error: (...args) => {
        if (!this[kHasParseCallback]())
          console.error(...args);
        __classPrivateFieldSet(this, _YargsInstance_hasOutput, true, "f");
        if (__classPrivateFieldGet(this, _YargsInstance_output, "f").length)
          __classPrivateFieldSet(this, _YargsInstance_output, __classPrivateFieldGet(this, _YargsInstance_output, "f") + "\n", "f");
        __classPrivateFieldSet(this, _YargsInstance_output, __classPrivateFieldGet(this, _YargsInstance_output, "f") + args.join(" "), "f");
      }
    };
  }
  [kDeleteFromParserHintObject](optionKey) {
    objectKeys(__classPrivateFieldGet(this, _YargsInstance_options, "f")).forEach((hintKey) => {
      if (/* @__PURE__ */ ((key) => key === "configObjects")(hintKey))
        return;
      const hint = __classPrivateFieldGet(this, _YargsInstance_options, "f")[hintKey];
      if (Array.isArray(hint)) {
        if (hint.includes(optionKey))
          hint.splice(hint.indexOf(optionKey), 1);
      } else if (typeof hint === "object") {
        delete hint[optionKey];
      }
    });
    delete __classPrivateFieldGet(this, _YargsInstance_usage, "f").getDescriptions()[optionKey];
  }
  [kEmitWarning](warning, type, deduplicationId) {
    if (!__classPrivateFieldGet(this, _YargsInstance_emittedWarnings, "f")[deduplicationId]) {
      __classPrivateFieldGet(this, _YargsInstance_shim, "f").process.emitWarning(warning, type);
      __classPrivateFieldGet(this, _YargsInstance_emittedWarnings, "f")[deduplicationId] = true;
    }
  }
  [kFreeze]() {
    __classPrivateFieldGet(this, _YargsInstance_frozens, "f").push({
      options: __classPrivateFieldGet(this, _YargsInstance_options, "f"),
      configObjects: __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects.slice(0),
      exitProcess: __classPrivateFieldGet(this, _YargsInstance_exitProcess, "f"),
      groups: __classPrivateFieldGet(this, _YargsInstance_groups, "f"),
      strict: __classPrivateFieldGet(this, _YargsInstance_strict, "f"),
      strictCommands: __classPrivateFieldGet(this, _YargsInstance_strictCommands, "f"),
      strictOptions: __classPrivateFieldGet(this, _YargsInstance_strictOptions, "f"),
      completionCommand: __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f"),
      output: __classPrivateFieldGet(this, _YargsInstance_output, "f"),
      exitError: __classPrivateFieldGet(this, _YargsInstance_exitError, "f"),
      hasOutput: __classPrivateFieldGet(this, _YargsInstance_hasOutput, "f"),
      parsed: this.parsed,
      parseFn: __classPrivateFieldGet(this, _YargsInstance_parseFn, "f"),
      parseContext: __classPrivateFieldGet(this, _YargsInstance_parseContext, "f")
    });
    __classPrivateFieldGet(this, _YargsInstance_usage, "f").freeze();
    __classPrivateFieldGet(this, _YargsInstance_validation, "f").freeze();
    __classPrivateFieldGet(this, _YargsInstance_command, "f").freeze();
    __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").freeze();
  }
  [kGetDollarZero]() {
    let $0 = "";
    let default$0;
    if (/\b(node|iojs|electron|bun)(\.exe)?$/.test(__classPrivateFieldGet(this, _YargsInstance_shim, "f").process.argv()[0])) {
      default$0 = __classPrivateFieldGet(this, _YargsInstance_shim, "f").process.argv().slice(1, 2);
    } else {
      default$0 = __classPrivateFieldGet(this, _YargsInstance_shim, "f").process.argv().slice(0, 1);
    }
    $0 = default$0.map((x) => {
      const b = this[kRebase](__classPrivateFieldGet(this, _YargsInstance_cwd, "f"), x);
      return x.match(/^(\/|([a-zA-Z]:)?\\)/) && b.length < x.length ? b : x;
    }).join(" ").trim();
    if (__classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("_") && __classPrivateFieldGet(this, _YargsInstance_shim, "f").getProcessArgvBin() === __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("_")) {
      $0 = __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("_").replace(`${__classPrivateFieldGet(this, _YargsInstance_shim, "f").path.dirname(__classPrivateFieldGet(this, _YargsInstance_shim, "f").process.execPath())}/`, "");
    }
    return $0;
  }
  [kGetParserConfiguration]() {
    return __classPrivateFieldGet(this, _YargsInstance_parserConfig, "f");
  }
  [kGetUsageConfiguration]() {
    return __classPrivateFieldGet(this, _YargsInstance_usageConfig, "f");
  }
  [kGuessLocale]() {
    if (!__classPrivateFieldGet(this, _YargsInstance_detectLocale, "f"))
      return;
    const locale = __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("LC_ALL") || __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("LC_MESSAGES") || __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("LANG") || __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("LANGUAGE") || "en_US";
    this.locale(locale.replace(/[.:].*/, ""));
  }
  [kGuessVersion]() {
    const obj = this[kPkgUp]();
    return obj.version || "unknown";
  }
  [kParsePositionalNumbers](argv) {
    const args = argv["--"] ? argv["--"] : argv._;
    for (let i = 0, arg; (arg = args[i]) !== void 0; i++) {
      if (__classPrivateFieldGet(this, _YargsInstance_shim, "f").Parser.looksLikeNumber(arg) && Number.isSafeInteger(Math.floor(parseFloat(`${arg}`)))) {
        args[i] = Number(arg);
      }
    }
    return argv;
  }
  [kPkgUp](rootPath) {
    const npath = rootPath || "*";
    if (__classPrivateFieldGet(this, _YargsInstance_pkgs, "f")[npath])
      return __classPrivateFieldGet(this, _YargsInstance_pkgs, "f")[npath];
    let obj = {};
    try {
      let startDir = rootPath || __classPrivateFieldGet(this, _YargsInstance_shim, "f").mainFilename;
      if (__classPrivateFieldGet(this, _YargsInstance_shim, "f").path.extname(startDir)) {
        startDir = __classPrivateFieldGet(this, _YargsInstance_shim, "f").path.dirname(startDir);
      }
      const pkgJsonPath = __classPrivateFieldGet(this, _YargsInstance_shim, "f").findUp(startDir, (dir, names) => {
        if (names.includes("package.json")) {
          return "package.json";
        } else {
          return void 0;
        }
      });
      assertNotStrictEqual(pkgJsonPath, void 0, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
      obj = JSON.parse(__classPrivateFieldGet(this, _YargsInstance_shim, "f").readFileSync(pkgJsonPath, "utf8"));
    } catch (_noop) {
    }
    __classPrivateFieldGet(this, _YargsInstance_pkgs, "f")[npath] = obj || {};
    return __classPrivateFieldGet(this, _YargsInstance_pkgs, "f")[npath];
  }
  [kPopulateParserHintArray](type, keys) {
    keys = [].concat(keys);
    keys.forEach((key) => {
      key = this[kSanitizeKey](key);
      __classPrivateFieldGet(this, _YargsInstance_options, "f")[type].push(key);
    });
  }
  [kPopulateParserHintSingleValueDictionary](builder, type, key, value) {
    this[kPopulateParserHintDictionary](builder, type, key, value, (type2, key2, value2) => {
      __classPrivateFieldGet(this, _YargsInstance_options, "f")[type2][key2] = value2;
    });
  }
  [kPopulateParserHintArrayDictionary](builder, type, key, value) {
    this[kPopulateParserHintDictionary](builder, type, key, value, (type2, key2, value2) => {
      __classPrivateFieldGet(this, _YargsInstance_options, "f")[type2][key2] = (__classPrivateFieldGet(this, _YargsInstance_options, "f")[type2][key2] || []).concat(value2);
    });
  }
  [kPopulateParserHintDictionary](builder, type, key, value, singleKeyHandler) {
    if (Array.isArray(key)) {
      key.forEach((k) => {
        builder(k, value);
      });
    } else if (/* @__PURE__ */ ((key2) => typeof key2 === "object")(key)) {
      for (const k of objectKeys(key)) {
        builder(k, key[k]);
      }
    } else {
      singleKeyHandler(type, this[kSanitizeKey](key), value);
    }
  }
  [kSanitizeKey](key) {
    if (key === "__proto__")
      return "___proto___";
    return key;
  }
  [kSetKey](key, set) {
    this[kPopulateParserHintSingleValueDictionary](this[kSetKey].bind(this), "key", key, set);
    return this;
  }
  [kUnfreeze]() {
    var _a2, _b2, _c2, _d, _e, _f, _g, _h, _j, _k, _l, _m;
    const frozen = __classPrivateFieldGet(this, _YargsInstance_frozens, "f").pop();
    assertNotStrictEqual(frozen, void 0, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
    let configObjects;
    _a2 = this, _b2 = this, _c2 = this, _d = this, _e = this, _f = this, _g = this, _h = this, _j = this, _k = this, _l = this, _m = this, {
      options: { set value(_o) {
        __classPrivateFieldSet(_a2, _YargsInstance_options, _o, "f");
      } }.value,
      configObjects,
      exitProcess: { set value(_o) {
        __classPrivateFieldSet(_b2, _YargsInstance_exitProcess, _o, "f");
      } }.value,
      groups: { set value(_o) {
        __classPrivateFieldSet(_c2, _YargsInstance_groups, _o, "f");
      } }.value,
      output: { set value(_o) {
        __classPrivateFieldSet(_d, _YargsInstance_output, _o, "f");
      } }.value,
      exitError: { set value(_o) {
        __classPrivateFieldSet(_e, _YargsInstance_exitError, _o, "f");
      } }.value,
      hasOutput: { set value(_o) {
        __classPrivateFieldSet(_f, _YargsInstance_hasOutput, _o, "f");
      } }.value,
      parsed: this.parsed,
      strict: { set value(_o) {
        __classPrivateFieldSet(_g, _YargsInstance_strict, _o, "f");
      } }.value,
      strictCommands: { set value(_o) {
        __classPrivateFieldSet(_h, _YargsInstance_strictCommands, _o, "f");
      } }.value,
      strictOptions: { set value(_o) {
        __classPrivateFieldSet(_j, _YargsInstance_strictOptions, _o, "f");
      } }.value,
      completionCommand: { set value(_o) {
        __classPrivateFieldSet(_k, _YargsInstance_completionCommand, _o, "f");
      } }.value,
      parseFn: { set value(_o) {
        __classPrivateFieldSet(_l, _YargsInstance_parseFn, _o, "f");
      } }.value,
      parseContext: { set value(_o) {
        __classPrivateFieldSet(_m, _YargsInstance_parseContext, _o, "f");
      } }.value
    } = frozen;
    __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects = configObjects;
    __classPrivateFieldGet(this, _YargsInstance_usage, "f").unfreeze();
    __classPrivateFieldGet(this, _YargsInstance_validation, "f").unfreeze();
    __classPrivateFieldGet(this, _YargsInstance_command, "f").unfreeze();
    __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").unfreeze();
  }
  [kValidateAsync](validation2, argv) {
    return maybeAsyncResult(argv, (result) => {
      validation2(result);
      return result;
    });
  }
  getInternalMethods() {
    return {
      getCommandInstance: this[kGetCommandInstance].bind(this),
      getContext: this[kGetContext].bind(this),
      getHasOutput: this[kGetHasOutput].bind(this),
      getLoggerInstance: this[kGetLoggerInstance].bind(this),
      getParseContext: this[kGetParseContext].bind(this),
      getParserConfiguration: this[kGetParserConfiguration].bind(this),
      getUsageConfiguration: this[kGetUsageConfiguration].bind(this),
      getUsageInstance: this[kGetUsageInstance].bind(this),
      getValidationInstance: this[kGetValidationInstance].bind(this),
      hasParseCallback: this[kHasParseCallback].bind(this),
      isGlobalContext: this[kIsGlobalContext].bind(this),
      postProcess: this[kPostProcess].bind(this),
      reset: this[kReset].bind(this),
      runValidation: this[kRunValidation].bind(this),
      runYargsParserAndExecuteCommands: this[kRunYargsParserAndExecuteCommands].bind(this),
      setHasOutput: this[kSetHasOutput].bind(this)
    };
  }
  [kGetCommandInstance]() {
    return __classPrivateFieldGet(this, _YargsInstance_command, "f");
  }
  [kGetContext]() {
    return __classPrivateFieldGet(this, _YargsInstance_context, "f");
  }
  [kGetHasOutput]() {
    return __classPrivateFieldGet(this, _YargsInstance_hasOutput, "f");
  }
  [kGetLoggerInstance]() {
    return __classPrivateFieldGet(this, _YargsInstance_logger, "f");
  }
  [kGetParseContext]() {
    return __classPrivateFieldGet(this, _YargsInstance_parseContext, "f") || {};
  }
  [kGetUsageInstance]() {
    return __classPrivateFieldGet(this, _YargsInstance_usage, "f");
  }
  [kGetValidationInstance]() {
    return __classPrivateFieldGet(this, _YargsInstance_validation, "f");
  }
  [kHasParseCallback]() {
    return !!__classPrivateFieldGet(this, _YargsInstance_parseFn, "f");
  }
  [kIsGlobalContext]() {
    return __classPrivateFieldGet(this, _YargsInstance_isGlobalContext, "f");
  }
  [kPostProcess](argv, populateDoubleDash, calledFromCommand, runGlobalMiddleware) {
    if (calledFromCommand)
      return argv;
    if (isPromise(argv))
      return argv;
    if (!populateDoubleDash) {
      argv = this[kCopyDoubleDash](argv);
    }
    const parsePositionalNumbers = this[kGetParserConfiguration]()["parse-positional-numbers"] || this[kGetParserConfiguration]()["parse-positional-numbers"] === void 0;
    if (parsePositionalNumbers) {
      argv = this[kParsePositionalNumbers](argv);
    }
    if (runGlobalMiddleware) {
      argv = applyMiddleware(argv, this, __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").getMiddleware(), false);
    }
    return argv;
  }
  [kReset](aliases = {}) {
    __classPrivateFieldSet(this, _YargsInstance_options, __classPrivateFieldGet(this, _YargsInstance_options, "f") || {}, "f");
    const tmpOptions = {};
    tmpOptions.local = __classPrivateFieldGet(this, _YargsInstance_options, "f").local || [];
    tmpOptions.configObjects = __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects || [];
    const localLookup = {};
    tmpOptions.local.forEach((l) => {
      localLookup[l] = true;
      (aliases[l] || []).forEach((a) => {
        localLookup[a] = true;
      });
    });
    Object.assign(__classPrivateFieldGet(this, _YargsInstance_preservedGroups, "f"), Object.keys(__classPrivateFieldGet(this, _YargsInstance_groups, "f")).reduce((acc, groupName) => {
      const keys = __classPrivateFieldGet(this, _YargsInstance_groups, "f")[groupName].filter((key) => !(key in localLookup));
      if (keys.length > 0) {
        acc[groupName] = keys;
      }
      return acc;
    }, {}));
    __classPrivateFieldSet(this, _YargsInstance_groups, {}, "f");
    const arrayOptions = [
      "array",
      "boolean",
      "string",
      "skipValidation",
      "count",
      "normalize",
      "number",
      "hiddenOptions"
    ];
    const objectOptions = [
      "narg",
      "key",
      "alias",
      "default",
      "defaultDescription",
      "config",
      "choices",
      "demandedOptions",
      "demandedCommands",
      "deprecatedOptions"
    ];
    arrayOptions.forEach((k) => {
      tmpOptions[k] = (__classPrivateFieldGet(this, _YargsInstance_options, "f")[k] || []).filter((k2) => !localLookup[k2]);
    });
    objectOptions.forEach((k) => {
      tmpOptions[k] = objFilter(__classPrivateFieldGet(this, _YargsInstance_options, "f")[k], (k2) => !localLookup[k2]);
    });
    tmpOptions.envPrefix = __classPrivateFieldGet(this, _YargsInstance_options, "f").envPrefix;
    __classPrivateFieldSet(this, _YargsInstance_options, tmpOptions, "f");
    __classPrivateFieldSet(this, _YargsInstance_usage, __classPrivateFieldGet(this, _YargsInstance_usage, "f") ? __classPrivateFieldGet(this, _YargsInstance_usage, "f").reset(localLookup) : usage(this, __classPrivateFieldGet(this, _YargsInstance_shim, "f")), "f");
    __classPrivateFieldSet(this, _YargsInstance_validation, __classPrivateFieldGet(this, _YargsInstance_validation, "f") ? __classPrivateFieldGet(this, _YargsInstance_validation, "f").reset(localLookup) : validation(this, __classPrivateFieldGet(this, _YargsInstance_usage, "f"), __classPrivateFieldGet(this, _YargsInstance_shim, "f")), "f");
    __classPrivateFieldSet(this, _YargsInstance_command, __classPrivateFieldGet(this, _YargsInstance_command, "f") ? __classPrivateFieldGet(this, _YargsInstance_command, "f").reset() : command(__classPrivateFieldGet(this, _YargsInstance_usage, "f"), __classPrivateFieldGet(this, _YargsInstance_validation, "f"), __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f"), __classPrivateFieldGet(this, _YargsInstance_shim, "f")), "f");
    if (!__classPrivateFieldGet(this, _YargsInstance_completion, "f"))
      __classPrivateFieldSet(this, _YargsInstance_completion, completion(this, __classPrivateFieldGet(this, _YargsInstance_usage, "f"), __classPrivateFieldGet(this, _YargsInstance_command, "f"), __classPrivateFieldGet(this, _YargsInstance_shim, "f")), "f");
    __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").reset();
    __classPrivateFieldSet(this, _YargsInstance_completionCommand, null, "f");
    __classPrivateFieldSet(this, _YargsInstance_output, "", "f");
    __classPrivateFieldSet(this, _YargsInstance_exitError, null, "f");
    __classPrivateFieldSet(this, _YargsInstance_hasOutput, false, "f");
    this.parsed = false;
    return this;
  }
  [kRebase](base, dir) {
    return __classPrivateFieldGet(this, _YargsInstance_shim, "f").path.relative(base, dir);
  }
  [kRunYargsParserAndExecuteCommands](args, shortCircuit, calledFromCommand, commandIndex = 0, helpOnly = false) {
    var _a2, _b2, _c2, _d;
    let skipValidation = !!calledFromCommand || helpOnly;
    args = args || __classPrivateFieldGet(this, _YargsInstance_processArgs, "f");
    __classPrivateFieldGet(this, _YargsInstance_options, "f").__ = __classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.__;
    __classPrivateFieldGet(this, _YargsInstance_options, "f").configuration = this[kGetParserConfiguration]();
    const populateDoubleDash = !!__classPrivateFieldGet(this, _YargsInstance_options, "f").configuration["populate--"];
    const config = Object.assign({}, __classPrivateFieldGet(this, _YargsInstance_options, "f").configuration, {
      "populate--": true
    });
    const parsed = __classPrivateFieldGet(this, _YargsInstance_shim, "f").Parser.detailed(args, Object.assign({}, __classPrivateFieldGet(this, _YargsInstance_options, "f"), {
      configuration: { "parse-positional-numbers": false, ...config }
    }));
    const argv = Object.assign(parsed.argv, __classPrivateFieldGet(this, _YargsInstance_parseContext, "f"));
    let argvPromise = void 0;
    const aliases = parsed.aliases;
    let helpOptSet = false;
    let versionOptSet = false;
    Object.keys(argv).forEach((key) => {
      if (key === __classPrivateFieldGet(this, _YargsInstance_helpOpt, "f") && argv[key]) {
        helpOptSet = true;
      } else if (key === __classPrivateFieldGet(this, _YargsInstance_versionOpt, "f") && argv[key]) {
        versionOptSet = true;
      }
    });
    argv.$0 = this.$0;
    this.parsed = parsed;
    if (commandIndex === 0) {
      __classPrivateFieldGet(this, _YargsInstance_usage, "f").clearCachedHelpMessage();
    }
    try {
      this[kGuessLocale]();
      if (shortCircuit) {
        return this[kPostProcess](argv, populateDoubleDash, !!calledFromCommand, false);
      }
      if (__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f")) {
        const helpCmds = [__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f")].concat(aliases[__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f")] || []).filter((k) => k.length > 1);
        if (helpCmds.includes("" + argv._[argv._.length - 1])) {
          argv._.pop();
          helpOptSet = true;
        }
      }
      __classPrivateFieldSet(this, _YargsInstance_isGlobalContext, false, "f");
      const handlerKeys = __classPrivateFieldGet(this, _YargsInstance_command, "f").getCommands();
      const requestCompletions = ((_a2 = __classPrivateFieldGet(this, _YargsInstance_completion, "f")) === null || _a2 === void 0 ? void 0 : _a2.completionKey) ? [
        (_b2 = __classPrivateFieldGet(this, _YargsInstance_completion, "f")) === null || _b2 === void 0 ? void 0 : _b2.completionKey,
        ...(_d = this.getAliases()[(_c2 = __classPrivateFieldGet(this, _YargsInstance_completion, "f")) === null || _c2 === void 0 ? void 0 : _c2.completionKey]) !== null && _d !== void 0 ? _d : []
      ].some((key) => Object.prototype.hasOwnProperty.call(argv, key)) : false;
      const skipRecommendation = helpOptSet || requestCompletions || helpOnly;
      if (argv._.length) {
        if (handlerKeys.length) {
          let firstUnknownCommand;
          for (let i = commandIndex || 0, cmd; argv._[i] !== void 0; i++) {
            cmd = String(argv._[i]);
            if (handlerKeys.includes(cmd) && cmd !== __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f")) {
              const innerArgv = __classPrivateFieldGet(this, _YargsInstance_command, "f").runCommand(cmd, this, parsed, i + 1, helpOnly, helpOptSet || versionOptSet || helpOnly);
              return this[kPostProcess](innerArgv, populateDoubleDash, !!calledFromCommand, false);
            } else if (!firstUnknownCommand && cmd !== __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f")) {
              firstUnknownCommand = cmd;
              break;
            }
          }
          if (!__classPrivateFieldGet(this, _YargsInstance_command, "f").hasDefaultCommand() && __classPrivateFieldGet(this, _YargsInstance_recommendCommands, "f") && firstUnknownCommand && !skipRecommendation) {
            __classPrivateFieldGet(this, _YargsInstance_validation, "f").recommendCommands(firstUnknownCommand, handlerKeys);
          }
        }
        if (__classPrivateFieldGet(this, _YargsInstance_completionCommand, "f") && argv._.includes(__classPrivateFieldGet(this, _YargsInstance_completionCommand, "f")) && !requestCompletions) {
          if (__classPrivateFieldGet(this, _YargsInstance_exitProcess, "f"))
            setBlocking(true);
          this.showCompletionScript();
          this.exit(0);
        }
      }
      if (__classPrivateFieldGet(this, _YargsInstance_command, "f").hasDefaultCommand() && !skipRecommendation) {
        const innerArgv = __classPrivateFieldGet(this, _YargsInstance_command, "f").runCommand(null, this, parsed, 0, helpOnly, helpOptSet || versionOptSet || helpOnly);
        return this[kPostProcess](innerArgv, populateDoubleDash, !!calledFromCommand, false);
      }
      if (requestCompletions) {
        if (__classPrivateFieldGet(this, _YargsInstance_exitProcess, "f"))
          setBlocking(true);
        args = [].concat(args);
        const completionArgs = args.slice(args.indexOf(`--${__classPrivateFieldGet(this, _YargsInstance_completion, "f").completionKey}`) + 1);
        __classPrivateFieldGet(this, _YargsInstance_completion, "f").getCompletion(completionArgs, (err, completions) => {
          if (err)
            throw new YError(err.message);
          (completions || []).forEach((completion2) => {
            __classPrivateFieldGet(this, _YargsInstance_logger, "f").log(completion2);
          });
          this.exit(0);
        });
        return this[kPostProcess](argv, !populateDoubleDash, !!calledFromCommand, false);
      }
      if (!__classPrivateFieldGet(this, _YargsInstance_hasOutput, "f")) {
        if (helpOptSet) {
          if (__classPrivateFieldGet(this, _YargsInstance_exitProcess, "f"))
            setBlocking(true);
          skipValidation = true;
          this.showHelp((message) => {
            __classPrivateFieldGet(this, _YargsInstance_logger, "f").log(message);
            this.exit(0);
          });
        } else if (versionOptSet) {
          if (__classPrivateFieldGet(this, _YargsInstance_exitProcess, "f"))
            setBlocking(true);
          skipValidation = true;
          __classPrivateFieldGet(this, _YargsInstance_usage, "f").showVersion("log");
          this.exit(0);
        }
      }
      if (!skipValidation && __classPrivateFieldGet(this, _YargsInstance_options, "f").skipValidation.length > 0) {
        skipValidation = Object.keys(argv).some((key) => __classPrivateFieldGet(this, _YargsInstance_options, "f").skipValidation.indexOf(key) >= 0 && argv[key] === true);
      }
      if (!skipValidation) {
        if (parsed.error)
          throw new YError(parsed.error.message);
        if (!requestCompletions) {
          const validation2 = this[kRunValidation](aliases, {}, parsed.error);
          if (!calledFromCommand) {
            argvPromise = applyMiddleware(argv, this, __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").getMiddleware(), true);
          }
          argvPromise = this[kValidateAsync](validation2, argvPromise !== null && argvPromise !== void 0 ? argvPromise : argv);
          if (isPromise(argvPromise) && !calledFromCommand) {
            argvPromise = argvPromise.then(() => {
              return applyMiddleware(argv, this, __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").getMiddleware(), false);
            });
          }
        }
      }
    } catch (err) {
      if (err instanceof YError)
        __classPrivateFieldGet(this, _YargsInstance_usage, "f").fail(err.message, err);
      else
        throw err;
    }
    return this[kPostProcess](argvPromise !== null && argvPromise !== void 0 ? argvPromise : argv, populateDoubleDash, !!calledFromCommand, true);
  }
  [kRunValidation](aliases, positionalMap, parseErrors, isDefaultCommand) {
    const demandedOptions = { ...this.getDemandedOptions() };
    return (argv) => {
      if (parseErrors)
        throw new YError(parseErrors.message);
      __classPrivateFieldGet(this, _YargsInstance_validation, "f").nonOptionCount(argv);
      __classPrivateFieldGet(this, _YargsInstance_validation, "f").requiredArguments(argv, demandedOptions);
      let failedStrictCommands = false;
      if (__classPrivateFieldGet(this, _YargsInstance_strictCommands, "f")) {
        failedStrictCommands = __classPrivateFieldGet(this, _YargsInstance_validation, "f").unknownCommands(argv);
      }
      if (__classPrivateFieldGet(this, _YargsInstance_strict, "f") && !failedStrictCommands) {
        __classPrivateFieldGet(this, _YargsInstance_validation, "f").unknownArguments(argv, aliases, positionalMap, !!isDefaultCommand);
      } else if (__classPrivateFieldGet(this, _YargsInstance_strictOptions, "f")) {
        __classPrivateFieldGet(this, _YargsInstance_validation, "f").unknownArguments(argv, aliases, {}, false, false);
      }
      __classPrivateFieldGet(this, _YargsInstance_validation, "f").limitedChoices(argv);
      __classPrivateFieldGet(this, _YargsInstance_validation, "f").implications(argv);
      __classPrivateFieldGet(this, _YargsInstance_validation, "f").conflicting(argv);
    };
  }
  [kSetHasOutput]() {
    __classPrivateFieldSet(this, _YargsInstance_hasOutput, true, "f");
  }
  [kTrackManuallySetKeys](keys) {
    if (typeof keys === "string") {
      __classPrivateFieldGet(this, _YargsInstance_options, "f").key[keys] = true;
    } else {
      for (const k of keys) {
        __classPrivateFieldGet(this, _YargsInstance_options, "f").key[k] = true;
      }
    }
  }
};
function isYargsInstance(y) {
  return !!y && typeof y.getInternalMethods === "function";
}

// node_modules/yargs/index.mjs
var Yargs = YargsFactory(esm_default);
var yargs_default = Yargs;

// analyzers/support.ts
var SCALES_WITH_ROWS = /* @__PURE__ */ new Set([
  "update",
  "delete",
  "insert-select",
  "merge"
]);
function analyzedRevisions(input) {
  return input.revisions;
}
function operationsOfKind(input, kind) {
  return [...input.operationsByKind.get(kind) ?? []];
}
function isNewTable(rev, table2) {
  return amongCreated(rev.newTables, tableKey(table2));
}
function fileStart(file) {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}
function revisionStart(revision) {
  return fileStart(revision.file);
}
function q(name) {
  return isUnresolvedName(name) ? `${name} (not known statically)` : `"${name}"`;
}
function tableName(op) {
  return q(op.schema && !isUnresolvedName(op.table) ? `${op.schema}.${op.table}` : op.table);
}
function lockNote(op) {
  const facts = op.lock;
  if (op.dialect !== "postgresql" || facts?.lock === void 0) return void 0;
  const effect = facts.rewrite ? " and rewrites it and its indexes" : facts.scan ? " and reads every row" : "";
  return `PostgreSQL takes ${facts.lock} on ${tableName(op)}${effect}`;
}
function py(value) {
  return hasUnresolvedPart(value) && pythonExpression(value) || JSON.stringify(value);
}
function pythonExpression(value) {
  const parts = value.split(/(«[^»]*»)/).filter((part) => part !== "");
  const expressions = parts.filter((part) => part.startsWith("\xAB")).map((part) => part.slice(1, -1));
  if (expressions.some((expression) => expression.length >= 60 || expression === "")) return void 0;
  if (parts.length === 1) return expressions[0];
  const quote = expressions.some((expression) => expression.includes('"')) ? "'" : '"';
  if (expressions.some((expression) => /[{}\\]/.test(expression) || expression.includes(quote))) return void 0;
  const literal = (text) => text.replace(/\\/g, "\\\\").replaceAll(quote, `\\${quote}`).replace(/\n/g, "\\n").replace(/\{/g, "{{").replace(/\}/g, "}}");
  return `f${quote}${parts.map((part) => part.startsWith("\xAB") ? `{${part.slice(1, -1)}}` : literal(part)).join("")}${quote}`;
}
function schemaKw(op) {
  return op.schema ? `, schema=${py(op.schema)}` : "";
}
function compareVersions(a, b) {
  const parse = (version) => version.split(".").map((part) => Number.parseInt(part, 10) || 0);
  const left2 = parse(a);
  const right2 = parse(b);
  for (let index = 0; index < Math.max(left2.length, right2.length); index++) {
    const difference = (left2[index] ?? 0) - (right2[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
var NO_GUARD_SYNTAX = {
  postgresql: /* @__PURE__ */ new Set(),
  other: /* @__PURE__ */ new Set(),
  mysql: /* @__PURE__ */ new Set(["add-column", "drop-column", "drop-constraint", "create-index", "drop-index"]),
  sqlite: /* @__PURE__ */ new Set(["add-column", "drop-column"])
};
function dialectHasGuard(dialect, kind) {
  return !NO_GUARD_SYNTAX[dialect].has(kind);
}
function excerpt(text, max = 60) {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const room = flat.slice(0, max - 1);
  const between = Math.max(room.lastIndexOf(" "), room.lastIndexOf(","));
  const cut = between >= max / 2 ? between : room.lastIndexOf("(");
  const kept = cut >= max / 2 ? room.slice(0, cut + 1) : room;
  return `${kept.trimEnd()}\u2026`;
}
function allOperations(input) {
  return analyzedRevisions(input).flatMap((rev) => rev.operations.map((op) => ({ op, rev })));
}
function problemFindings(input, rule, hintFor) {
  const findings = [];
  const withHint = (draft, format3) => {
    const hint = hintFor?.(draft.span.file, format3);
    return hint === void 0 ? draft : { ...draft, hint };
  };
  for (const rev of analyzedRevisions(input)) {
    for (const problem of rev.revision.problems) {
      if (problem.rule === rule) {
        const draft = { span: problem.span, revision: rev.revision.id, message: problem.message };
        findings.push(withHint(draft, rev.revision.format));
      }
    }
  }
  for (const env2 of input.envFiles) {
    for (const problem of env2.problems) {
      if (problem.rule === rule) findings.push(withHint({ span: problem.span, message: problem.message }, "alembic"));
    }
  }
  return findings;
}
function objectNames(op) {
  const names = [];
  const table2 = op.table;
  if (table2) names.push(table2, ...op.schema ? [`${op.schema}.${table2}`] : []);
  if ("column" in op) {
    const column2 = typeof op.column === "string" ? op.column : op.column.name;
    names.push(column2, ...table2 ? [`${table2}.${column2}`] : []);
  }
  if ("name" in op && typeof op.name === "string") names.push(op.name);
  if (op.kind === "create-table") names.push(...op.columns.map((column2) => `${op.table}.${column2.name}`));
  if ((op.kind === "add-constraint" || op.kind === "drop-constraint") && op.constraintType === "primary-key" && table2)
    names.push(`${table2}_pkey`);
  if ((op.kind === "add-constraint" || op.kind === "create-index") && table2)
    names.push(...op.columns.map((column2) => `${table2}.${column2}`));
  return names.map((name) => name.replace(/"/g, "").toLowerCase());
}
function phaseExceptionsOf(rev) {
  const lookups = {
    expand_drop_exceptions: exceptionLookup(rev.revision, "expand_drop_exceptions"),
    contract_creation_exceptions: exceptionLookup(rev.revision, "contract_creation_exceptions")
  };
  return (op) => {
    const wanted = op.phase === "contract" ? "expand_drop_exceptions" : op.phase === "expand" ? "contract_creation_exceptions" : void 0;
    if (wanted === void 0) return void 0;
    const lookup = lookups[wanted];
    let found;
    for (const name of objectNames(op)) {
      const at = lookup.byObject.get(name);
      if (at !== void 0 && (found === void 0 || at < found)) found = at;
    }
    const unreadable2 = "name" in op && typeof op.name === "string" && hasUnresolvedPart(op.name);
    if (unreadable2 && lookup.firstListing !== void 0 && (found === void 0 || lookup.firstListing < found))
      found = lookup.firstListing;
    const exception = found === void 0 ? void 0 : rev.revision.phaseExceptions[found];
    if (!exception) return void 0;
    return {
      kind: "phase-exception",
      reason: exception.reason ?? `listed by ${exception.function}() (no docstring)`,
      span: exception.span
    };
  };
}
function exceptionLookup(revision, fn) {
  const byObject = /* @__PURE__ */ new Map();
  let firstListing;
  revision.phaseExceptions.forEach((exception, at) => {
    if (exception.function !== fn) return;
    if (exception.objects.length > 0) firstListing ??= at;
    for (const object2 of exception.objects) {
      const name = object2.replace(/"/g, "").toLowerCase();
      if (!byObject.has(name)) byObject.set(name, at);
    }
  });
  return { byObject, firstListing };
}
function describeOperation(op) {
  const names = objectNames(op);
  const object2 = "column" in op ? names.find((name) => name.includes(".")) : names[0];
  return object2 ? `${op.kind} ${q(object2)}` : excerpt(op.text);
}
function scopeFinder(input) {
  const scopes = new Set(input.histories.map((history) => history.scope));
  return (file) => {
    const folder = folderOf(file);
    return scopes.has(folder) ? folder : "";
  };
}
function referencesOf(revision) {
  return [
    ...revision.downRevisions.map((reference) => ({ reference, field: "down_revision" })),
    ...revision.dependsOn.map((reference) => ({ reference, field: "depends_on" }))
  ];
}
function referenceResolver(revisions, otherIds, declared) {
  const names = /* @__PURE__ */ new Set([...revisions.map((revision) => revision.id), ...otherIds]);
  for (const revision of revisions) for (const label of revision.branchLabels) names.add(label);
  for (const file of declared) {
    names.add(file.revision);
    for (const label of file.branchLabels) names.add(label);
  }
  return (reference) => names.has(reference);
}
function deletionsByName(deletions) {
  const byName = /* @__PURE__ */ new Map();
  for (const deleted of deletions) {
    for (const name of [deleted.revision, ...deleted.branchLabels]) if (!byName.has(name)) byName.set(name, deleted);
  }
  return byName;
}
function revisionsInScope(input, scope) {
  return input.histories.filter((history) => history.scope === scope).flatMap((history) => history.revisions.map((analyzed) => analyzed.revision));
}
function scopeReferences(input, scope, scopeOf) {
  const unanalysed = input.unanalysedFiles.filter((file) => scopeOf(file.file) === scope);
  if (unanalysed.some((file) => file.declares === void 0)) return void 0;
  const declared = unanalysed.flatMap((file) => file.declares ? [file.declares] : []);
  const revisions = revisionsInScope(input, scope);
  const resolves = referenceResolver(revisions, [], declared);
  const unresolved = /* @__PURE__ */ new Map();
  for (const revision of revisions) {
    for (const { reference } of referencesOf(revision)) {
      if (resolves(reference)) continue;
      const holders = listAt(unresolved, reference);
      if (holders.at(-1) !== revision) holders.push(revision);
    }
  }
  return {
    ids: new Set(revisions.map((revision) => revision.id)),
    declaredByFailed: new Set(declared.map((file) => file.revision)),
    unresolved,
    position: new Map(revisions.map((revision, index) => [revision, index]))
  };
}
function deletedButNamed(input) {
  const found = [];
  const scopeOf = scopeFinder(input);
  const byScope = /* @__PURE__ */ new Map();
  for (const change of input.changeUnderReview?.changes ?? []) {
    if (change.kind !== "deleted") continue;
    const scope = scopeOf(change.file);
    if (!byScope.has(scope)) byScope.set(scope, scopeReferences(input, scope, scopeOf));
    const references = byScope.get(scope);
    if (!references || references.declaredByFailed.has(change.revision) || references.ids.has(change.revision))
      continue;
    const referrers = /* @__PURE__ */ new Set();
    for (const name of [change.revision, ...change.branchLabels])
      for (const revision of references.unresolved.get(name) ?? []) referrers.add(revision);
    const inOrder = [...referrers].sort(
      (a, b) => (references.position.get(a) ?? 0) - (references.position.get(b) ?? 0)
    );
    if (inOrder.length > 0) found.push({ file: change.file, revision: change.revision, referrers: inOrder });
  }
  return found;
}

// analyzers/pg-support.ts
function postgresOperations(input, kind) {
  return operationsOfKind(input, kind).filter(({ op }) => op.dialect === "postgresql" && !isBookkeepingTable(op.table));
}
function onExistingTable(rev, table2, op) {
  return table2 !== void 0 && !isNewTable(rev, table2) && op?.lock?.newTable !== true;
}
function inAutocommitBlock(call) {
  return `inside \`with op.get_context().autocommit_block():\` run \`${call}\``;
}
function transactionWhy(op) {
  return op.transaction?.reason ?? "Alembic runs every revision inside a transaction";
}
function constraintsOnExistingTables(input, constraintType) {
  const builds = /* @__PURE__ */ new Map();
  const found = [];
  for (const rev of analyzedRevisions(input)) {
    for (const op of rev.operations) {
      if (op.kind === "create-index" && op.name !== void 0) {
        builds.set(op.name.toLowerCase(), {
          concurrently: op.concurrently,
          onNewTable: !onExistingTable(rev, op.table, op)
        });
      }
      if (op.kind !== "add-constraint" || op.dialect !== "postgresql" || op.constraintType !== constraintType) continue;
      if (!onExistingTable(rev, op.table, op) || isBookkeepingTable(op.table)) continue;
      const index = op.usingIndex === void 0 ? void 0 : builds.get(op.usingIndex.toLowerCase());
      found.push({ op, rev, ...index ? { index } : {} });
    }
  }
  return found;
}
var NULL_DEFAULT = /^(?:null|(?:sa\.)?null\(\)|(?:sa\.)?text\(\s*["']null["']\s*\))$/i;
function defaultVolatility(column2, origin, created) {
  if (column2.serverDefault === void 0) return void 0;
  const calls = defaultFunctions(column2.serverDefault, origin);
  const known = calls.volatile[0];
  if (known !== void 0) return { kind: "volatile", call: `${known}()` };
  let unknown2;
  for (const call of calls.unknown) {
    const declared = created.get(functionKey(call));
    if (declared?.volatility === "volatile") return { kind: "created-volatile", call: `${call}()`, created: declared };
    if (declared === void 0) unknown2 ??= `${call}()`;
  }
  return unknown2 === void 0 ? void 0 : { kind: "unknown", call: unknown2 };
}
function hasNonNullDefault(column2) {
  return column2.serverDefault !== void 0 && !NULL_DEFAULT.test(column2.serverDefault.trim());
}
var SEPARATE_VALIDATION = "Commit the NOT VALID constraint first: validate it in a later revision that runs in a transaction of its own (transaction_per_migration=True in env.py, or inside `with op.get_context().autocommit_block():`), or, in a plain SQL file, after the COMMIT that ends the ADD's transaction.";
function validatedInSameTransaction(input, constraintType) {
  const found = [];
  const added = /* @__PURE__ */ new Map();
  const keyOf = (transaction, table2, name) => `${transaction}\0${tableKey(table2)}\0${name.toLowerCase()}`;
  for (const rev of analyzedRevisions(input)) {
    for (const op of rev.operations) {
      const transaction = op.transaction?.inTransaction ? op.transaction.key : void 0;
      if (op.dialect !== "postgresql" || transaction === void 0) continue;
      if (op.kind === "add-constraint" && op.notValid && op.name !== void 0 && onExistingTable(rev, op.table, op)) {
        if (op.constraintType === constraintType) added.set(keyOf(transaction, op.table, op.name), { op, rev });
      } else if (op.kind === "validate-constraint") {
        const add = added.get(keyOf(transaction, op.table, op.name));
        const sameRun = add?.rev === rev || input.reviewingRelease && add?.rev.underReview && rev.underReview;
        if (add && sameRun) found.push({ add: add.op, validate: op, rev });
      }
    }
  }
  return found;
}

// analyzers/add-check-constraint-validated.ts
var addCheckConstraintValidated = {
  meta: {
    name: "add-check-constraint-validated",
    group: "locks",
    defaultSeverity: "error",
    summary: "A CHECK constraint is added to an existing PostgreSQL table without NOT VALID.",
    rationale: "Adding a CHECK constraint reads every existing row to prove it while the ALTER TABLE holds an ACCESS EXCLUSIVE lock: nothing can read or write the table until the scan is done.",
    safeAlternative: "Add the constraint with NOT VALID (postgresql_not_valid=True), then VALIDATE CONSTRAINT in a later revision: validation takes only a SHARE UPDATE EXCLUSIVE lock."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of postgresOperations(input, "add-constraint")) {
      if (op.constraintType !== "check" || op.notValid || !onExistingTable(rev, op.table, op)) continue;
      const name = op.name ?? `ck_${op.table}_${op.columns.join("_") || "check"}`;
      const inline = op.name === void 0 && /add[ _]column/i.test(op.text) ? " (inline on ADD COLUMN, which cannot be NOT VALID)" : "";
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `CHECK constraint ${op.name ? `${q(op.name)} ` : ""}is added to existing table ${tableName(op)} without NOT VALID${inline}: PostgreSQL reads every row to prove it while holding an ACCESS EXCLUSIVE lock, so nothing can read or write the table until the scan is done`,
        hint: `Add it NOT VALID now: op.create_check_constraint(${py(name)}, ${py(op.table)}, "<condition>", postgresql_not_valid=True${schemaKw(op)}); new writes are checked at once. In a later revision, op.execute("ALTER TABLE ${op.table} VALIDATE CONSTRAINT ${name}") checks the old rows under a SHARE UPDATE EXCLUSIVE lock, which lets reads and writes go on.`
      });
    }
    for (const { validate: validate2, rev } of validatedInSameTransaction(input, "check")) {
      findings.push({
        span: validate2.span,
        revision: rev.revision.id,
        message: `CHECK constraint ${q(validate2.name)} of existing table ${tableName(validate2)} is validated in the same transaction that added it NOT VALID (${transactionWhy(validate2)}): the ACCESS EXCLUSIVE lock the ADD took is held until that transaction commits, so nothing can read or write the table during the scan and NOT VALID gains nothing`,
        hint: SEPARATE_VALIDATION
      });
    }
    return findings;
  }
};

// analyzers/model-change.ts
function modelChange(input, rev, change) {
  if (rev.envFile === void 0) return "";
  const env2 = input.envFiles.find((candidate) => candidate.file === rev.envFile);
  if (env2?.targetMetadata === void 0) return "";
  return ` Autogenerate compares the database with the models (env.py: target_metadata = ${env2.targetMetadata}): ${change}, or the next \`alembic revision --autogenerate\` undoes it.`;
}

// analyzers/add-column-not-null.ts
var addColumnNotNull = {
  meta: {
    name: "add-column-not-null",
    group: "phases",
    defaultSeverity: "error",
    summary: "A NOT NULL column without a server default is added to an existing table.",
    rationale: "Existing rows have no value for the new column, so the ALTER TABLE fails as soon as the table has rows. If it does succeed (empty table), the release still running inserts rows without the column and every such INSERT fails with a NOT NULL violation until the new code is deployed everywhere.",
    safeAlternative: "Expand: add the column as nullable (or with a server_default). Backfill existing rows in a later revision. Contract: set it NOT NULL once every row and every running release fills it."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of operationsOfKind(input, "add-column")) {
      const column2 = op.column;
      if (column2.nullable || column2.serverDefault !== void 0 || column2.generated !== void 0) continue;
      if (isNewTable(rev, op.table)) continue;
      let message = `column ${q(column2.name)} is added to existing table ${tableName(op)} as NOT NULL without a server default`;
      if (column2.pythonDefault !== void 0) {
        message += `; its python-side default=${column2.pythonDefault} does not help: SQLAlchemy applies it only to its own INSERTs, the database never sees it, so existing rows and other writers get no value`;
      }
      const table2 = py(op.table);
      const name = py(column2.name);
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message,
        hint: `Add it as nullable: op.add_column(${table2}, sa.Column(${name}, ..., nullable=True)${schemaKw(op)}), backfill it in a later revision, then op.alter_column(${table2}, ${name}, nullable=False${schemaKw(op)}); or give it a constant server_default=... so existing rows get a value.` + modelChange(
          input,
          rev,
          `keep ${q(`${op.table}.${column2.name}`)} nullable in the model (mapped_column(nullable=True), or Mapped[... | None]) until the revision that sets nullable=False`
        )
      });
    }
    return findings;
  }
};

// analyzers/add-column-serial.ts
function whatItIs(column2) {
  if (column2.generated === "stored") return "a stored generated column";
  if (column2.generated === "identity") return "an IDENTITY column";
  return column2.implicitSerial ? `an autoincrementing ${column2.type ?? "integer"} primary key, which SQLAlchemy renders as ${column2.type === "bigint" ? "BIGSERIAL" : column2.type === "smallint" ? "SMALLSERIAL" : "SERIAL"}` : "a serial column";
}
var addColumnSerial = {
  meta: {
    name: "add-column-serial",
    group: "locks",
    defaultSeverity: "error",
    summary: "A serial, identity or stored generated column is added to an existing PostgreSQL table.",
    rationale: "PostgreSQL has to compute a value for every existing row (the next sequence value, or the generation expression), so it rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock.",
    safeAlternative: "Add a plain nullable column, give it a default for new rows (a sequence's nextval, or have the application or a trigger fill it), backfill existing rows in batches, and tighten it in a contract revision."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of postgresOperations(input, "add-column")) {
      const column2 = op.column;
      if (column2.generated === void 0 || !onExistingTable(rev, op.table, op)) continue;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `column ${q(column2.name)} is added to existing table ${tableName(op)} as ${whatItIs(column2)}: PostgreSQL computes a value for every existing row and rewrites the whole table` + (column2.primaryKey && op.origin === "sql" ? ", then builds its primary key index," : "") + " under an ACCESS EXCLUSIVE lock",
        hint: column2.generated === "stored" ? "Add a plain nullable column instead, fill it from the application or a trigger for new rows, and backfill existing rows in batches in a later revision." : `Add a plain nullable bigint column, then op.execute("CREATE SEQUENCE ...") and op.alter_column(..., server_default=sa.text("nextval('...')")) for new rows (no rewrite); backfill existing rows in batches in a later revision.`
      });
    }
    return findings;
  }
};

// analyzers/add-column-volatile-default.ts
function volatilityReason(volatility) {
  switch (volatility.kind) {
    case "volatile":
      return `the volatile default ${volatility.call} is computed for every existing row, so PostgreSQL rewrites the whole table`;
    case "created-volatile":
      return `it calls ${volatility.call}, which revision ${q(volatility.created.revision)} creates as VOLATILE (declared, or PostgreSQL's default when CREATE FUNCTION declares none): it is computed for every existing row, so PostgreSQL rewrites the whole table`;
    case "unknown": {
      const which = hasUnresolvedPart(volatility.call) ? `${volatility.call}, a function whose name is not known statically` : `${volatility.call}, which migragate does not know`;
      return `it calls ${which}: a function is VOLATILE unless declared otherwise, and a volatile default rewrites the whole table`;
    }
  }
}
var addColumnVolatileDefault = {
  meta: {
    name: "add-column-volatile-default",
    group: "locks",
    defaultSeverity: "error",
    summary: "A column is added to an existing PostgreSQL table with a default that rewrites the table.",
    rationale: "A volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval()...) has to be computed for every existing row, so PostgreSQL rewrites the whole table, and its indexes, under an ACCESS EXCLUSIVE lock. Before PostgreSQL 11 every default did. now() and other stable or constant defaults are stored once in the catalog. A function CREATE FUNCTION does not declare STABLE or IMMUTABLE is VOLATILE.",
    safeAlternative: "Add the column without the default, set the default afterwards with alter_column(server_default=...) (new rows only, no rewrite), and backfill existing rows in batches in a later revision."
  },
  check(input) {
    const findings = [];
    const version = input.options.postgresVersion;
    const created = /* @__PURE__ */ new Map();
    for (const rev of analyzedRevisions(input)) {
      for (const op of rev.operations) {
        if (op.kind === "create-object" && op.objectType === "function" && op.volatility !== void 0) {
          created.set(functionKey(op.name), { volatility: op.volatility, revision: rev.revision.id });
        } else if (op.kind === "drop-object" && op.objectType === "function") {
          created.delete(functionKey(op.name));
        }
        if (op.kind !== "add-column" || op.dialect !== "postgresql") continue;
        const column2 = op.column;
        if (column2.generated !== void 0 || !onExistingTable(rev, op.table, op)) continue;
        const volatility = defaultVolatility(column2, op.origin, created);
        const beforeEleven = version < 11 && hasNonNullDefault(column2);
        if (volatility === void 0 && !beforeEleven) continue;
        const possibly = volatility?.kind === "unknown" && !beforeEleven ? volatility.call : void 0;
        const why = volatility !== void 0 && !(beforeEleven && volatility.kind === "unknown") ? volatilityReason(volatility) : `before PostgreSQL 11 (configured: ${version}) every default is written into every existing row, so PostgreSQL rewrites the whole table`;
        const safely = `dd it without a default: op.add_column(${py(op.table)}, sa.Column(${py(column2.name)}, ..., nullable=True)${schemaKw(op)}); then op.alter_column(${py(op.table)}, ${py(column2.name)}, server_default=...${schemaKw(op)}) applies the default to new rows only; backfill the existing rows in batches in a later revision.`;
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: `column ${q(column2.name)} is added to existing table ${tableName(op)} with server default ${column2.serverDefault}: ${why} under an ACCESS EXCLUSIVE lock`,
          hint: possibly === void 0 ? `A${safely}` : `If ${possibly} is declared STABLE or IMMUTABLE, nothing is rewritten: accept the finding with that reason. Otherwise a${safely}`
        });
      }
    }
    return findings;
  }
};

// analyzers/add-foreign-key-validated.ts
var WHY = "PostgreSQL checks every existing row against the referenced table while it holds a SHARE ROW EXCLUSIVE lock on both tables, so writes to both wait for the whole scan";
function recipe(table2, name, columns, referenced, referencedColumns, schema) {
  const list2 = (values) => `[${values.map(py).join(", ")}]`;
  const remote = referencedColumns && referencedColumns.length > 0 ? list2(referencedColumns) : "[...]";
  const validate2 = `op.execute(${py(`ALTER TABLE ${table2} VALIDATE CONSTRAINT ${name}`)})`;
  const later = `In a later revision, ${validate2} checks the old rows under a SHARE UPDATE EXCLUSIVE lock, which lets reads and writes go on.`;
  if ([name, table2, referenced, ...columns, ...referencedColumns ?? []].some(hasUnresolvedPart))
    return `Add it NOT VALID now: pass postgresql_not_valid=True to this call; it applies to new writes at once and checks no old row. ${later}`;
  return `Add it NOT VALID now: op.create_foreign_key(${py(name)}, ${py(table2)}, ${py(referenced)}, ${list2(columns)}, ${remote}, postgresql_not_valid=True${schema}); it applies to new writes at once and checks no old row. ${later}`;
}
var addForeignKeyValidated = {
  meta: {
    name: "add-foreign-key-validated",
    group: "locks",
    defaultSeverity: "error",
    summary: "A foreign key is added to an existing PostgreSQL table without NOT VALID.",
    rationale: "Adding a foreign key validates every existing row in the same statement, under a SHARE ROW EXCLUSIVE lock on the table and on the table it references: no INSERT, UPDATE or DELETE on either runs until the scan is done.",
    safeAlternative: "Add the constraint with NOT VALID (postgresql_not_valid=True), then VALIDATE CONSTRAINT in a later revision: validation takes only a SHARE UPDATE EXCLUSIVE lock."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of postgresOperations(input, "add-constraint")) {
      if (op.constraintType !== "foreign-key" || op.notValid || !onExistingTable(rev, op.table, op)) continue;
      const name = op.name ?? `fk_${op.table}_${op.columns.join("_")}`;
      const referenced = op.referencedTable ?? "...";
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `foreign key ${op.name ? `${q(op.name)} ` : ""}is added to existing table ${tableName(op)} without NOT VALID: ${WHY} (${q(op.table)} and ${q(referenced)})`,
        hint: recipe(op.table, name, op.columns, referenced, op.referencedColumns, schemaKw(op))
      });
    }
    for (const { op, rev } of postgresOperations(input, "add-column")) {
      const referenced = op.column.references;
      if (referenced === void 0 || !onExistingTable(rev, op.table, op)) continue;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `column ${q(op.column.name)} is added to existing table ${tableName(op)} with a foreign key to ${q(referenced)}, which cannot be NOT VALID inline: ${WHY}`,
        hint: "Add the column without the ForeignKey/REFERENCES. " + recipe(
          op.table,
          `fk_${op.table}_${op.column.name}`,
          [op.column.name],
          referenced,
          op.column.referencedColumn === void 0 ? void 0 : [op.column.referencedColumn],
          schemaKw(op)
        )
      });
    }
    for (const { add, validate: validate2, rev } of validatedInSameTransaction(input, "foreign-key")) {
      findings.push({
        span: validate2.span,
        revision: rev.revision.id,
        message: `foreign key ${q(validate2.name)} of existing table ${tableName(validate2)} is validated in the same transaction that added it NOT VALID (${transactionWhy(validate2)}): the SHARE ROW EXCLUSIVE lock the ADD took on ${q(add.table)} and ${q(add.referencedTable ?? "...")} is held until that transaction commits, so writes to both wait for the whole scan and NOT VALID gains nothing`,
        hint: SEPARATE_VALIDATION
      });
    }
    return findings;
  }
};

// analyzers/add-primary-key.ts
var addPrimaryKey = {
  meta: {
    name: "add-primary-key",
    group: "locks",
    defaultSeverity: "error",
    summary: "A primary key is added to an existing PostgreSQL table without an index built concurrently.",
    rationale: "ADD PRIMARY KEY builds its unique index inside the ALTER TABLE, holding an ACCESS EXCLUSIVE lock for the whole build (and scans the table for NULLs if a key column is nullable): nothing can read or write the table until it is done.",
    safeAlternative: "Make the key columns NOT NULL without a long lock (a validated CHECK (col IS NOT NULL) first), build a unique index with CREATE UNIQUE INDEX CONCURRENTLY in an autocommit_block(), then ADD CONSTRAINT ... PRIMARY KEY USING INDEX."
  },
  check(input) {
    const findings = [];
    for (const { op, rev, index } of constraintsOnExistingTables(input, "primary-key")) {
      if (op.usingIndex !== void 0 && (index === void 0 || index.concurrently || index.onNewTable)) continue;
      const name = op.name ?? `${op.table}_pkey`;
      const columns = `[${op.columns.map(py).join(", ")}]`;
      const build = `op.create_index(${py(name)}, ${py(op.table)}, ${columns}, unique=True, postgresql_concurrently=True${schemaKw(op)})`;
      const message = op.usingIndex !== void 0 ? `primary key ${q(name)} of existing table ${tableName(op)} uses index ${q(op.usingIndex)}, which was built without CONCURRENTLY: that build locked out writes to the table for its whole duration` : `primary key ${op.name ? `${q(op.name)} ` : ""}is added to existing table ${tableName(op)}: PostgreSQL builds its unique index inside the ALTER TABLE under an ACCESS EXCLUSIVE lock, so nothing can read or write the table until the build is done`;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message,
        hint: `Build the index first, ${inAutocommitBlock(build)}; then, with the key columns already NOT NULL, attach it: op.execute("ALTER TABLE ${op.table} ADD CONSTRAINT ${name} PRIMARY KEY USING INDEX ${name}").`
      });
    }
    for (const { op, rev } of postgresOperations(input, "add-column")) {
      if (op.origin !== "sql" || !op.column.primaryKey || op.column.generated !== void 0) continue;
      if (!onExistingTable(rev, op.table, op)) continue;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `column ${q(op.column.name)} is added to existing table ${tableName(op)} as its PRIMARY KEY: PostgreSQL fills and indexes every row inside the ALTER TABLE under an ACCESS EXCLUSIVE lock, so nothing can read or write the table until it is done`,
        hint: "Add the column on its own, fill it in batches, build a unique index CONCURRENTLY in an autocommit_block(), then ADD CONSTRAINT ... PRIMARY KEY USING INDEX."
      });
    }
    return findings;
  }
};

// analyzers/add-unique-constraint.ts
var addUniqueConstraint = {
  meta: {
    name: "add-unique-constraint",
    group: "locks",
    defaultSeverity: "error",
    summary: "A UNIQUE constraint is added to an existing PostgreSQL table without an index built concurrently.",
    rationale: "ADD CONSTRAINT ... UNIQUE builds its unique index inside the ALTER TABLE, holding an ACCESS EXCLUSIVE lock for the whole build: nothing can read or write the table until every row has been read and sorted.",
    safeAlternative: "Build a unique index with CREATE UNIQUE INDEX CONCURRENTLY in an autocommit_block(), then attach it with ALTER TABLE ... ADD CONSTRAINT ... UNIQUE USING INDEX, which only renames it and holds its lock for an instant."
  },
  check(input) {
    const findings = [];
    for (const { op, rev, index } of constraintsOnExistingTables(input, "unique")) {
      if (op.usingIndex !== void 0 && (index === void 0 || index.concurrently || index.onNewTable)) continue;
      const name = op.name ?? `uq_${op.table}_${op.columns.join("_")}`;
      const columns = `[${op.columns.map(py).join(", ")}]`;
      const build = `op.create_index(${py(name)}, ${py(op.table)}, ${columns}, unique=True, postgresql_concurrently=True${schemaKw(op)})`;
      const message = op.usingIndex !== void 0 ? `UNIQUE constraint ${q(name)} on existing table ${tableName(op)} uses index ${q(op.usingIndex)}, which was built without CONCURRENTLY: that build locked out writes to the table for its whole duration` : `UNIQUE constraint ${op.name ? `${q(op.name)} ` : ""}is added to existing table ${tableName(op)}: PostgreSQL builds its unique index inside the ALTER TABLE under an ACCESS EXCLUSIVE lock, so nothing can read or write the table until the build is done`;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message,
        hint: `Build the index first, ${inAutocommitBlock(build)}; then attach it: op.execute("ALTER TABLE ${op.table} ADD CONSTRAINT ${name} UNIQUE USING INDEX ${name}").`
      });
    }
    return findings;
  }
};

// analyzers/enum-value-uses.ts
var MAX_USE_CHECKS = 1e6;
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function quotedTexts(text) {
  const found = /* @__PURE__ */ new Set();
  for (let start = 0; start < text.length; start++) {
    const quote = text[start];
    if (quote !== "'" && quote !== '"') continue;
    const end = text.indexOf(quote, start + 1);
    if (end >= 0) found.add(text.slice(start + 1, end).toLowerCase());
  }
  return found;
}
function keysOf(value) {
  return new Set(["'", '"'].map((quote) => (value.split(quote)[0] ?? "").toLowerCase()));
}
function firstAbove(indices, after) {
  let low = 0;
  let high = indices.length;
  while (low < high) {
    const middle = low + high >> 1;
    if (indices[middle] > after) high = middle;
    else low = middle + 1;
  }
  return indices[low];
}
var EnumValueUses = class {
  constructor(located) {
    this.located = located;
  }
  located;
  /** Filled on the first question: most histories add no enum value, and then nothing is scanned. */
  declared;
  enumTablesMemo = /* @__PURE__ */ new Map();
  quoting;
  usesMemo = /* @__PURE__ */ new Map();
  checksLeft = MAX_USE_CHECKS;
  /** The first operation after `index`, in transaction `key`, that uses `value` of `typeName`. */
  firstUse(index, key, value, typeName) {
    const memoKey = JSON.stringify([key ?? null, value, typeName]);
    let uses = this.usesMemo.get(memoKey);
    if (uses === void 0) {
      uses = this.usesOf(key, value, typeName);
      this.usesMemo.set(memoKey, uses);
    }
    const use = firstAbove(uses, index);
    return use === void 0 ? void 0 : this.located[use];
  }
  /** Tables with a column of an enum type, and tables by the last part of each column type's name. */
  declaredTables() {
    if (this.declared) return this.declared;
    const declared = { anyEnum: /* @__PURE__ */ new Set(), byTypeName: /* @__PURE__ */ new Map() };
    const declare = (column2, table2) => {
      if (isEnumType(column2.type)) declared.anyEnum.add(tableKey(table2));
      const typeName = column2.type?.split(".").pop();
      if (typeName === void 0) return;
      const tables = declared.byTypeName.get(typeName) ?? /* @__PURE__ */ new Set();
      tables.add(tableKey(table2));
      declared.byTypeName.set(typeName, tables);
    };
    for (const { op } of this.located) {
      if (op.kind === "create-table") for (const column2 of op.columns) declare(column2, op.table);
      if (op.kind === "add-column") declare(op.column, op.table);
    }
    this.declared = declared;
    return declared;
  }
  /** Tables with a column of the enum type, as the history declares them (`sa.Enum(...)` reads as type "enum"). */
  enumTables(typeName) {
    const type = typeName.replace(/"/g, "").toLowerCase().split(".").pop() ?? "";
    let tables = this.enumTablesMemo.get(type);
    if (tables === void 0) {
      const declared = this.declaredTables();
      tables = /* @__PURE__ */ new Set([...declared.anyEnum, ...declared.byTypeName.get(type) ?? []]);
      this.enumTablesMemo.set(type, tables);
    }
    return tables;
  }
  /** Operations, by their quoted texts, that could use a value: all but those adding a value themselves. */
  operationsQuoting() {
    if (this.quoting) return this.quoting;
    const quoting = /* @__PURE__ */ new Map();
    this.located.forEach(({ op }, index) => {
      if (op.kind === "alter-enum-add-value") return;
      for (const text of quotedTexts(op.sql ?? op.text)) pushTo(quoting, text, index);
    });
    this.quoting = quoting;
    return quoting;
  }
  /** Ascending indices of the operations in transaction `key` that use the value. */
  usesOf(key, value, typeName) {
    const quoting = this.operationsQuoting();
    const candidates = /* @__PURE__ */ new Set();
    for (const text of keysOf(value)) for (const index of quoting.get(text) ?? []) candidates.add(index);
    const literal = escapeRegExp(value);
    const type = escapeRegExp(typeName.replace(/"/g, "").split(".").pop() ?? typeName);
    const cast = new RegExp(`'${literal}'\\s*::\\s*"?${type}"?|CAST\\s*\\(\\s*'${literal}'\\s+AS\\s+"?${type}"?`, "i");
    const quoted = new RegExp(`(["'])${literal}\\1`);
    const enumTables = this.enumTables(typeName);
    const uses = [];
    for (const index of [...candidates].sort((a, b) => a - b)) {
      if (this.checksLeft <= 0) break;
      this.checksLeft--;
      const op = this.located[index].op;
      if (op.transaction?.key !== key) continue;
      const text = op.sql ?? op.text;
      const onEnumTable = enumTables.size === 0 || op.table !== void 0 && enumTables.has(tableKey(op.table));
      if (cast.test(text) || onEnumTable && quoted.test(text)) uses.push(index);
    }
    return uses;
  }
};

// analyzers/alter-enum-add-value-in-transaction.ts
var alterEnumAddValueInTransaction = {
  meta: {
    name: "alter-enum-add-value-in-transaction",
    group: "locks",
    defaultSeverity: "error",
    summary: "ALTER TYPE ... ADD VALUE runs in a transaction that cannot use it (or, before PostgreSQL 12, at all).",
    rationale: 'Before PostgreSQL 12, ALTER TYPE ... ADD VALUE cannot run inside a transaction block at all. From 12 on it can, but the new value cannot be used until that transaction commits ("unsafe use of new value"), and Alembic keeps the whole revision, or the whole upgrade run, in one transaction.',
    safeAlternative: "Run the ADD VALUE inside `with op.get_context().autocommit_block():` (it commits at once), or use the value only in a later revision with transaction_per_migration=True in env.py."
  },
  check(input) {
    const findings = [];
    if (operationsOfKind(input, "alter-enum-add-value").length === 0) return findings;
    const located = allOperations(input);
    const version = input.options.postgresVersion;
    const uses = new EnumValueUses(located);
    located.forEach(({ op, rev }, index) => {
      if (op.kind !== "alter-enum-add-value" || op.dialect !== "postgresql" || !op.transaction?.inTransaction) return;
      const added = `ALTER TYPE ${op.typeName} ADD VALUE '${op.value}'`;
      const hint = `Wrap it: \`with op.get_context().autocommit_block(): op.execute("ALTER TYPE ${op.typeName} ADD VALUE IF NOT EXISTS '${op.value}'")\`, so it commits before anything uses the value.`;
      if (version < 12) {
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: `${added} cannot run inside a transaction block before PostgreSQL 12 (configured: ${version}), and it runs inside the migration's transaction (${transactionWhy(op)})`,
          hint
        });
        return;
      }
      const use = uses.firstUse(index, op.transaction.key, op.value, op.typeName);
      if (!use) return;
      const where = use.rev === rev ? `line ${use.op.span.line}` : `revision ${use.rev.revision.id} (${use.op.span.file}:${use.op.span.line})`;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `enum value ${q(op.value)} is added to ${q(op.typeName)} and used by \`${excerpt(use.op.text)}\` at ${where} in the same transaction (${transactionWhy(op)}): PostgreSQL rejects a new enum value until the transaction that added it commits ("unsafe use of new value")`,
        hint
      });
    });
    return findings;
  }
};

// analyzers/change-column-type.ts
var changeColumnType = {
  meta: {
    name: "change-column-type",
    group: "phases",
    defaultSeverity: "warning",
    summary: "An existing column changes type in a way that rewrites the table or breaks the running code.",
    rationale: "Most type changes make PostgreSQL rewrite the whole table and rebuild its indexes under an ACCESS EXCLUSIVE lock, blocking every read and write for the duration (integer to bigint included). A narrowing or incompatible change also rejects values the release still running writes, or returns values it cannot read.",
    safeAlternative: "Expand: add a column of the new type and write both. Backfill it in batches. Switch reads to it. Contract: drop the old column (renaming the new one is itself a breaking change, so keep its name or plan another cycle)."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of operationsOfKind(input, "change-column-type")) {
      if (isNewTable(rev, op.table)) continue;
      const from = op.fromType;
      const effect = compareColumnTypes(from, op.toType, op.dialect);
      const postgres = op.dialect === "postgresql";
      if (effect.compatible && (!effect.rewrite || !postgres)) continue;
      const subject = `column ${q(op.column)} of table ${tableName(op)}`;
      const lock = lockNote(op);
      const expand = `Add a new column instead: op.add_column(${py(op.table)}, sa.Column(${py(`${op.column}_new`)}, ...)${schemaKw(op)}), write both, backfill in batches, switch reads, and drop the old column in a later revision.` + modelChange(
        input,
        rev,
        `map the new column ${q(`${op.table}.${op.column}_new`)} in the model with the new type, and keep ${q(`${op.table}.${op.column}`)} as it is until the revision that drops it`
      );
      const to = op.toType !== void 0 ? q(op.toType) : `\`${op.toTypeWritten ?? "?"}\` (a type migragate cannot read)`;
      if (from === void 0 || op.toType === void 0 || !effect.known) {
        if (!postgres) continue;
        const unknownSide = from === void 0 ? "its previous type is unknown" : op.toType === void 0 ? "the new type cannot be read" : `${q(isKnownType(from) ? op.toType : from)} is a type migragate does not know`;
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: `${subject} changes type to ${to}, but ${unknownSide}, so migragate cannot tell a safe widening from a rewrite or a narrowing${lock ? `; unless the change is binary-coercible, ${lock}` : ""}`,
          hint: op.origin === "op" && from === void 0 ? `Pass the current type: op.alter_column(${py(op.table)}, ${py(op.column)}, type_=..., existing_type=...${schemaKw(op)}).` : expand
        });
        continue;
      }
      const change = `${q(from)} to ${to}`;
      const incompatible = `${subject} changes type from ${change}, which is not a widening: the release still running may write values the new type rejects or read values it does not expect`;
      const message = !effect.compatible ? lock ? `${incompatible}; ${lock}` : `${incompatible}${postgres && effect.rewrite ? ", and the table is rewritten under an ACCESS EXCLUSIVE lock" : ""}` : lock ? `${subject} changes type from ${change}: compatible with the running code, but ${lock}, blocking reads and writes until it finishes` : `${subject} changes type from ${change}: compatible with the running code, but PostgreSQL rewrites the table and its indexes under an ACCESS EXCLUSIVE lock, blocking reads and writes until it finishes`;
      findings.push({ span: op.span, revision: rev.revision.id, message, hint: expand });
    }
    return findings;
  }
};

// analyzers/concurrently-in-transaction.ts
function concurrentStatement(op) {
  switch (op.kind) {
    case "create-index":
      return op.concurrently ? "CREATE INDEX CONCURRENTLY" : void 0;
    case "drop-index":
      return op.concurrently ? "DROP INDEX CONCURRENTLY" : void 0;
    case "maintenance":
      return op.concurrently && op.command === "reindex" ? "REINDEX CONCURRENTLY" : void 0;
    case "alter-table-other":
      return op.concurrently ? "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY" : void 0;
    default:
      return void 0;
  }
}
var concurrentlyInTransaction = {
  meta: {
    name: "concurrently-in-transaction",
    group: "locks",
    defaultSeverity: "error",
    summary: "A CONCURRENTLY statement would run inside the migration's transaction.",
    rationale: `CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY commit several transactions of their own, so PostgreSQL refuses them inside a transaction block ("cannot run inside a transaction block"). Alembic runs every revision's upgrade inside a transaction, so the deploy stops there.`,
    safeAlternative: "Run the statement inside `with op.get_context().autocommit_block():`, which commits the transaction before it and runs its body in autocommit mode."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of allOperations(input)) {
      if (op.dialect !== "postgresql" || !op.transaction?.inTransaction) continue;
      const statement = concurrentStatement(op);
      if (statement === void 0) continue;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `${statement} cannot run inside a transaction block, and this one runs inside the migration's transaction (${transactionWhy(op)}): PostgreSQL rejects it and the upgrade stops there`,
        hint: "Put it in its own `with op.get_context().autocommit_block():` block (and only it: a multi-statement op.execute string is itself one implicit transaction)."
      });
    }
    return findings;
  }
};

// analyzers/contract-same-release.ts
function tableOf(op) {
  return op.table === void 0 ? void 0 : tableKey(op.table);
}
function describeTouch(touch) {
  if (touch.described === void 0) {
    const shown = touch.ops.slice(0, 2).map((op) => `${op.phase} ${describeOperation(op)}`);
    const rest = touch.ops.length > 2 ? ` and ${touch.ops.length - 2} more` : "";
    touch.described = `${q(touch.rev.revision.id)} (${shown.join(", ")}${rest})`;
  }
  return touch.described;
}
var contractSameRelease = {
  meta: {
    name: "contract-same-release",
    group: "phases",
    defaultSeverity: "error",
    summary: "A table is contracted in the same release that expands or backfills it.",
    rationale: "The contract step is only safe once every instance runs code that no longer needs what it removes, which is after the release that introduced the replacement is fully deployed. Shipped together, the old instances still running during the rollout lose the column or table they read, or fail the new constraint.",
    safeAlternative: "Ship the expand and backfill revisions in this release, and the contract revision in a later release, once no instance of the previous code is left."
  },
  check(input) {
    if (!input.reviewingRelease) return [];
    const findings = [];
    for (const history of input.histories) {
      const release = history.revisions.filter((rev) => rev.underReview);
      const createdInRelease = new Set(release.flatMap((rev) => [...rev.newTables]));
      const touches = /* @__PURE__ */ new Map();
      for (const rev of release) {
        for (const op of rev.operations) {
          const table2 = tableOf(op);
          if (table2 === void 0 || op.phase !== "expand" && op.phase !== "backfill") continue;
          let byRevision = touches.get(table2);
          if (byRevision === void 0) {
            byRevision = /* @__PURE__ */ new Map();
            touches.set(table2, byRevision);
          }
          const touch = byRevision.get(rev);
          if (touch === void 0) byRevision.set(rev, { rev, ops: [op] });
          else touch.ops.push(op);
        }
      }
      for (const rev of release) {
        for (const op of rev.operations) {
          const table2 = tableOf(op);
          if (op.phase !== "contract" || table2 === void 0 || createdInRelease.has(table2)) continue;
          const byRevision = touches.get(table2);
          if (byRevision === void 0) continue;
          const others = byRevision.size - (byRevision.has(rev) ? 1 : 0);
          if (others === 0) continue;
          const described = [];
          for (const touch of byRevision.values()) {
            if (described.length === 3) break;
            if (touch.rev !== rev) described.push(describeTouch(touch));
          }
          const named = described.join(", ");
          const more = others > 3 ? ` and ${others - 3} more revision${others === 4 ? "" : "s"}` : "";
          findings.push({
            span: op.span,
            revision: rev.revision.id,
            message: `${describeOperation(op)} contracts table ${q(op.table)} in the same release as ${named}${more}: ship the contract in a later release`
          });
        }
      }
    }
    return findings;
  }
};

// analyzers/create-index-not-concurrently.ts
var createIndexNotConcurrently = {
  meta: {
    name: "create-index-not-concurrently",
    group: "locks",
    defaultSeverity: "error",
    summary: "An index is built on an existing PostgreSQL table without CONCURRENTLY.",
    rationale: "CREATE INDEX holds a SHARE lock on the table for the whole build: every INSERT, UPDATE and DELETE waits until every row has been read and sorted, minutes on a large table, and the application's writes queue up behind it.",
    safeAlternative: "Build it with CONCURRENTLY (postgresql_concurrently=True) inside `with op.get_context().autocommit_block():`, which lets writes continue while the index is built."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of postgresOperations(input, "create-index")) {
      if (op.concurrently || !onExistingTable(rev, op.table, op)) continue;
      const name = op.name === void 0 ? "an index" : `index ${q(op.name)}`;
      const call = op.origin === "op" ? `op.create_index(${py(op.name ?? "ix_...")}, ${py(op.table)}, [${op.columns.map(py).join(", ")}]${op.unique ? ", unique=True" : ""}, postgresql_concurrently=True${schemaKw(op)})` : `op.execute("CREATE ${op.unique ? "UNIQUE " : ""}INDEX CONCURRENTLY ${op.name ?? "..."} ON ${op.table} (...)")`;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `${name} is built on existing table ${tableName(op)} without CONCURRENTLY: CREATE INDEX holds a SHARE lock for the whole build, so every INSERT, UPDATE and DELETE on the table waits until it finishes`,
        hint: `Build it concurrently, outside the migration's transaction: ${inAutocommitBlock(call)}.`
      });
    }
    return findings;
  }
};

// analyzers/ddl-with-backfill.ts
var LOCK_FREE_OBJECTS = /* @__PURE__ */ new Set([
  "function",
  "type",
  "sequence",
  "schema",
  "extension",
  "role"
]);
var ddlWithBackfill = {
  meta: {
    name: "ddl-with-backfill",
    group: "phases",
    defaultSeverity: "error",
    summary: "A revision changes the schema and backfills existing rows.",
    rationale: "On PostgreSQL Alembic runs a revision in one transaction, so the ACCESS EXCLUSIVE lock taken by most ALTER TABLE forms is held until the backfill has touched every row: every query on the table waits for the whole backfill. On MySQL the DDL commits immediately, so a backfill that fails leaves the schema changed but the revision unrecorded, and the retry fails on the DDL.",
    safeAlternative: "Put the schema change and the data change in separate revisions: expand in one, backfill (in batches) in the next, contract in a later release."
  },
  check(input) {
    const findings = [];
    for (const rev of analyzedRevisions(input)) {
      const ddls = rev.operations.filter(
        (op) => op.kind !== "data-change" && (op.phase === "expand" || op.phase === "contract") && !((op.kind === "create-object" || op.kind === "drop-object") && LOCK_FREE_OBJECTS.has(op.objectType))
      );
      const firstDdl = ddls[0] === void 0 ? -1 : rev.operations.indexOf(ddls[0]);
      const ddlTransactions = new Set(ddls.map((ddl2) => ddl2.transaction?.key));
      const committedFirst = (op, index) => index < firstDdl && (op.transaction?.inTransaction === false || op.transaction?.key !== void 0 && !ddlTransactions.has(op.transaction.key));
      const backfill = rev.operations.find(
        (op, index) => op.kind === "data-change" && op.phase === "backfill" && SCALES_WITH_ROWS.has(op.statement) && !committedFirst(op, index)
      );
      const ddl = ddls[0];
      if (!backfill || !ddl) continue;
      const where = ddl.span.file === backfill.span.file ? `line ${ddl.span.line}` : `${ddl.span.file}:${ddl.span.line}`;
      findings.push({
        span: backfill.span,
        revision: rev.revision.id,
        message: `revision ${q(rev.revision.id)} backfills existing rows (${excerpt(backfill.text)}) and also changes the schema (${where}: ${excerpt(ddl.text)})`,
        hint: "Move the data change into its own revision after this one (alembic revision -m 'backfill ...'), and batch it if the table is large."
      });
    }
    return findings;
  }
};

// analyzers/drop-column.ts
var dropColumn = {
  meta: {
    name: "drop-column",
    group: "phases",
    defaultSeverity: "warning",
    summary: "A column is dropped.",
    rationale: "SQLAlchemy names every mapped column in its SELECTs and INSERTs, so if the release still running maps the column, every query on that model fails from the moment the migration commits. The data is gone: rolling the code back does not bring it back.",
    safeAlternative: "First release code that no longer reads or writes the column (remove it from the model). Drop it in a contract revision deployed after every instance runs that code."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of operationsOfKind(input, "drop-column")) {
      if (op.phase !== "contract" || rev.declaredPhase?.phase === "contract") continue;
      const lock = lockNote(op);
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `column ${q(op.column)} is dropped from table ${tableName(op)}: any running code that still maps it fails, and its data is lost${lock ? `; ${lock} (a catalog change, but every query on the table queues behind it)` : ""}`,
        hint: `Make sure the release deployed before this revision no longer references ${q(op.column)} (removed from the model, not only unused), and keep this drop in a contract-only revision.`
      });
    }
    return findings;
  }
};

// analyzers/drop-index-not-concurrently.ts
var dropIndexNotConcurrently = {
  meta: {
    name: "drop-index-not-concurrently",
    group: "locks",
    defaultSeverity: "warning",
    summary: "An index of an existing PostgreSQL table is dropped without CONCURRENTLY.",
    rationale: "DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table. The drop itself is quick, but it first waits for every query running on the table, and every query that arrives meanwhile, reads included, queues behind it.",
    safeAlternative: "Drop it with DROP INDEX CONCURRENTLY (postgresql_concurrently=True) inside `with op.get_context().autocommit_block():`, which waits for running queries without blocking new ones."
  },
  check(input) {
    const findings = [];
    const tableOfIndex = /* @__PURE__ */ new Map();
    for (const rev of analyzedRevisions(input)) {
      const createdHere = /* @__PURE__ */ new Set();
      for (const op of rev.operations) {
        if (op.kind === "create-index" && op.name !== void 0) {
          tableOfIndex.set(op.name.toLowerCase(), op.table);
          createdHere.add(op.name.toLowerCase());
        }
        if (op.kind !== "drop-index" || op.dialect !== "postgresql" || op.concurrently || op.subsumed) continue;
        if (op.lockAlreadyHeld) continue;
        const key = op.name.toLowerCase();
        if (createdHere.has(key)) continue;
        const table2 = op.table !== void 0 && op.table !== "?" ? op.table : tableOfIndex.get(key);
        if (table2 !== void 0 && !onExistingTable(rev, table2)) continue;
        const on = table2 === void 0 ? "" : ` of table ${q(table2)}`;
        const call = op.origin === "op" ? `op.drop_index(${py(op.name)}${table2 ? `, table_name=${py(table2)}` : ""}, postgresql_concurrently=True${schemaKw(op)})` : `op.execute("DROP INDEX CONCURRENTLY IF EXISTS ${op.name}")`;
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: `index ${q(op.name)}${on} is dropped without CONCURRENTLY: DROP INDEX takes an ACCESS EXCLUSIVE lock on the table, waits for every running query on it, and blocks all reads and writes that arrive meanwhile`,
          hint: `Drop it concurrently, outside the migration's transaction: ${inAutocommitBlock(call)}. An index that backs a UNIQUE or PRIMARY KEY constraint cannot be dropped this way: drop the constraint.`
        });
      }
    }
    return findings;
  }
};

// analyzers/drop-table.ts
var dropTable = {
  meta: {
    name: "drop-table",
    group: "phases",
    defaultSeverity: "warning",
    summary: "A table is dropped.",
    rationale: "Every query of the release still running that touches the table fails from the moment the migration commits, and the rows are gone: neither a code rollback nor a downgrade restores them.",
    safeAlternative: "First release code that no longer uses the table (model and relationships removed). Drop it in a contract revision deployed after every instance runs that code, once a backup or export exists if the data matters."
  },
  check(input) {
    const findings = [];
    for (const rev of analyzedRevisions(input)) {
      const createdAt = /* @__PURE__ */ new Map();
      rev.operations.forEach((op, index) => {
        if (op.kind === "create-table") createdAt.set(tableKey(op.table), index);
      });
      rev.operations.forEach((op, index) => {
        if (op.kind !== "drop-table" || op.phase !== "contract") return;
        if (rev.declaredPhase?.phase === "contract") return;
        const lock = lockNote(op);
        const rebuilt = (createdAt.get(tableKey(op.table)) ?? -1) > index;
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: rebuilt ? `table ${tableName(op)} is dropped and created again in this revision: running code finds it again, but every row it held is lost${lock ? `; ${lock}, waiting for every query that uses it` : ""}` : `table ${tableName(op)} is dropped: any running code that still uses it fails, and its rows are lost` + (lock ? `; ${lock}, waiting for every query that uses it` : ""),
          hint: rebuilt ? `Keep the table and change it in place (op.alter_column, op.create_unique_constraint ...), or copy its rows into the new table before the old one is dropped.` : `Make sure the release deployed before this revision no longer references ${q(op.table)}, and keep this drop in a contract-only revision.`
        });
      });
    }
    return findings;
  }
};

// analyzers/duplicate-revision.ts
var duplicateRevision = {
  meta: {
    name: "duplicate-revision",
    group: "graph",
    defaultSeverity: "error",
    summary: "Two revision files declare the same revision id.",
    rationale: "Alembic keys its revision map by id: the file read last replaces the other with only a warning, so one of the two migrations never runs, and which one depends on file order. Usually a copied file whose revision id was not regenerated.",
    safeAlternative: "Give the copy a fresh id (any unique hex string; `alembic revision` generates one) and re-point any down_revision that meant it."
  },
  check(input) {
    const findings = [];
    for (const [id, revisions] of input.duplicateRevisions) {
      const first = revisions[0];
      if (!first) continue;
      for (const extra of revisions.slice(1)) {
        findings.push({
          span: revisionStart(extra),
          revision: id,
          message: `revision id ${q(id)} is also declared by ${first.file}`,
          hint: `Give ${extra.file} a new revision id and update every down_revision that should point at it.`
        });
      }
    }
    return findings;
  }
};

// analyzers/env-url-not-escaped.ts
function escaped(valueText) {
  const simple = /^[\w.]+(\(.*\)|\[.*\])*$|^(["']).*\2$/.test(valueText.trim());
  return `${simple ? valueText.trim() : `(${valueText.trim()})`}.replace("%", "%%")`;
}
var envUrlNotEscaped = {
  meta: {
    name: "env-url-not-escaped",
    group: "hygiene",
    defaultSeverity: "error",
    summary: "env.py sets sqlalchemy.url without escaping % for configparser.",
    rationale: "Alembic's Config stores options in a configparser, which treats % as interpolation syntax. A URL whose password (or any other part) contains % makes set_main_option raise ValueError ('invalid interpolation syntax'), or silently changes the URL for %(name)s sequences, so every migration run fails at startup. Generated passwords (RDS, Vault) contain % sooner or later.",
    safeAlternative: 'Double every % before handing the URL over: config.set_main_option("sqlalchemy.url", url.replace("%", "%%")).'
  },
  check(input) {
    const findings = [];
    for (const env2 of input.envFiles) {
      for (const assignment of env2.urlAssignments) {
        if (assignment.escaped) continue;
        findings.push({
          span: assignment.span,
          message: `sqlalchemy.url is set from ${excerpt(assignment.valueText)} without escaping "%": configparser reads "%" as interpolation syntax, so a URL containing one breaks ` + (assignment.offlineOnly ? "the offline runs (`alembic upgrade --sql`) this function serves" : "every migration run"),
          hint: `config.set_main_option("sqlalchemy.url", ${escaped(assignment.valueText)})`
        });
      }
    }
    return findings;
  }
};

// analyzers/missing-checkfirst.ts
var missingCheckfirst = {
  meta: {
    name: "missing-checkfirst",
    group: "idempotency",
    defaultSeverity: "warning",
    summary: "A SQLAlchemy schema object is created or dropped with `.create(bind)` / `.drop(bind)` without checkfirst=True.",
    rationale: "The team guidelines ask for idempotent migrations through IF [NOT] EXISTS in raw SQL or SQLAlchemy's checkfirst=True. Without it, `sa.Enum(...).create(bind)` or `table.drop(bind)` fails where the type or table already exists (or is already gone): after a hand-applied hotfix, or when an autogenerated revision and create_table's own enum creation both create the type.",
    safeAlternative: "Pass checkfirst=True: `.create(op.get_bind(), checkfirst=True)`."
  },
  check(input) {
    const findings = [];
    for (const rev of analyzedRevisions(input)) {
      for (const op of rev.operations) {
        if (op.origin !== "core" || op.context.existenceGuard || op.context.inTry) continue;
        const verb = (op.kind === "create-table" || op.kind === "create-object") && !op.ifNotExists ? "creates" : (op.kind === "drop-table" || op.kind === "drop-object") && !op.ifExists ? "drops" : void 0;
        if (!verb) continue;
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: `${op.text} ${verb} a schema object without checkfirst=True: it fails if the migration runs again`,
          hint: "Pass checkfirst=True, e.g. `.create(op.get_bind(), checkfirst=True)`."
        });
      }
    }
    return findings;
  }
};

// analyzers/missing-lock-timeout.ts
var BLOCKING = new Set(LOCK_MODES.slice(LOCK_MODES.indexOf("SHARE")));
function lockTimeoutChange(op) {
  if (op.kind !== "set-config" || op.name.toLowerCase() !== "lock_timeout") return void 0;
  const value = (op.value ?? "").trim().replace(/^'|'$/g, "").toLowerCase();
  return { on: !(value === "" || value === "0" || value === "default"), local: op.local };
}
var LockTimeoutState = class {
  session = false;
  localIn;
  apply(op, change) {
    if (change.local) this.localIn = change.on ? op.transaction?.key : void 0;
    else {
      this.session = change.on;
      this.localIn = void 0;
    }
  }
  inForce(op) {
    return this.session || this.localIn !== void 0 && op.transaction?.key === this.localIn;
  }
};
function tableOf2(op) {
  if (op.kind === "truncate") return op.tables.join(", ");
  const relation = ["create-object", "drop-object", "rename-object"].includes(op.kind) && "name" in op ? op.name : void 0;
  return op.table ?? relation ?? "its table";
}
function referencedExistingTables(op, rev) {
  const referenced = op.kind === "create-table" ? op.columns.map((column2) => column2.references) : op.kind === "add-column" ? [op.column.references] : op.kind === "add-constraint" && op.constraintType === "foreign-key" ? [op.referencedTable] : [];
  const tables = referenced.filter((table2) => table2 !== void 0 && table2 !== "?");
  return [...new Set(tables.filter((table2) => !isNewTable(rev, table2)))];
}
function blockingLock(op, rev) {
  if (op.dialect !== "postgresql" || op.lock?.lock === void 0 || op.subsumed) return void 0;
  if (!op.lock.newTable) {
    return BLOCKING.has(op.lock.lock) ? { op, mode: op.lock.lock, table: tableOf2(op) } : void 0;
  }
  const referenced = referencedExistingTables(op, rev);
  return referenced.length === 0 ? void 0 : { op, mode: "SHARE ROW EXCLUSIVE", table: referenced.join(", ") };
}
var missingLockTimeout = {
  meta: {
    name: "missing-lock-timeout",
    group: "locks",
    defaultSeverity: "warning",
    summary: "A revision takes a SHARE or stronger lock on an existing table without setting lock_timeout first.",
    rationale: "A lock request waits behind every transaction already using the table, and while it waits every new query on the table queues behind it. One long-running transaction then turns an instant ALTER into minutes of outage. lock_timeout makes the migration give up (and retry later) instead of stalling the application.",
    safeAlternative: `Set a short lock_timeout before the locking statement, in the revision (op.execute("SET LOCAL lock_timeout = '5s'")) or once for every revision in env.py (e.g. connect_args={"options": "-c lock_timeout=5s"}), and retry the deploy when it times out.`
  },
  check(input) {
    const envWithTimeout = new Set(input.envFiles.filter((env2) => env2.lockTimeout).map((env2) => env2.file));
    const unguarded = [];
    for (const rev of analyzedRevisions(input)) {
      if (rev.envFile !== void 0 && envWithTimeout.has(rev.envFile)) continue;
      const blocking = blockingLocks(rev);
      if (blocking.length > 0) unguarded.push({ rev, blocking });
    }
    const byEnv = /* @__PURE__ */ new Map();
    const findings = [];
    for (const entry of unguarded) {
      const env2 = entry.rev.envFile;
      if (env2 === void 0 || entry.rev.revision.format === "sql") {
        findings.push(finding(entry, []));
        continue;
      }
      const group = byEnv.get(env2);
      if (group) group.push(entry);
      else byEnv.set(env2, [entry]);
    }
    for (const group of byEnv.values()) {
      const reviewed = group.filter((entry) => entry.rev.underReview);
      const latest = reviewed.at(-1);
      if (latest) findings.push(finding(latest, reviewed.slice(0, -1)));
    }
    return findings;
  }
};
function blockingLocks(rev) {
  const timeout = new LockTimeoutState();
  const blocking = [];
  for (const op of rev.operations) {
    const change = lockTimeoutChange(op);
    if (change) timeout.apply(op, change);
    else if (!timeout.inForce(op)) {
      const lock = blockingLock(op, rev);
      if (lock) blocking.push(lock);
    }
  }
  return blocking;
}
var NAMED_REVISIONS = 3;
function finding({ rev, blocking }, others) {
  const [first] = blocking;
  const place = (lock) => `${lock.op.span.file}:${lock.op.span.line}:${lock.op.span.column}`;
  const moreStatements = new Set(blocking.map(place).filter((key) => key !== place(first))).size;
  const more = moreStatements > 0 ? ` (and ${moreStatements} more statement(s) in this revision)` : "";
  const sql = rev.revision.format === "sql";
  const where = sql ? "this file" : "this revision nor env.py";
  const named = others.slice(-NAMED_REVISIONS).map((other) => q(other.rev.revision.id)).join(", ");
  const elsewhere = others.length === 0 ? "" : `; ${others.length} other revision(s) under review do the same (${named}${others.length > NAMED_REVISIONS ? ", ..." : ""}): one setting in env.py covers them all`;
  const leavesTransaction = rev.operations.some((op) => op.transaction?.inTransaction === false);
  return {
    span: first.op.span,
    revision: rev.revision.id,
    message: `${excerpt(first.op.text)} takes ${first.mode} on ${q(first.table)}${more}, and neither ${where} sets lock_timeout first: a long transaction on the table makes every query behind it wait${elsewhere}`,
    hint: sql ? "Start the file with SET lock_timeout = '5s'; (or SET LOCAL inside its transaction)." : others.length > 0 ? `Set it once for every revision in env.py, e.g. connect_args={"options": "-c lock_timeout=5s"} on the migration engine, or op.execute("SET lock_timeout = '5s'") in run_migrations_online().` : leavesTransaction ? `Start upgrade() with op.execute("SET lock_timeout = '5s'") (a session setting: SET LOCAL would end with the transaction that autocommit_block() commits), or set it once in env.py for every revision.` : `Start upgrade() with op.execute("SET LOCAL lock_timeout = '5s'"), or set it once in env.py for every revision.`
  };
}

// analyzers/mixed-phases.ts
var mixedPhases = {
  meta: {
    name: "mixed-phases",
    group: "phases",
    defaultSeverity: "warning",
    summary: "A revision both expands and contracts the schema.",
    rationale: "Expand changes must be live before the new code is deployed; contract changes may only run once no instance of the old code is left. A revision that does both is either too late for its expand part or too early for its contract part, and the old release breaks during the rollout.",
    safeAlternative: "Split it: ship the expand revision with (or before) the release that needs it, and the contract revision in a later deploy, after every instance runs the new code."
  },
  check(input) {
    const findings = [];
    for (const rev of analyzedRevisions(input)) {
      const contracts = rev.operations.filter((op) => op.phase === "contract" && !op.phaseAssumed);
      const exceptionFor = phaseExceptionsOf(rev);
      const contract = contracts.find((op) => !exceptionFor(op)) ?? contracts[0];
      const expand = rev.operations.find((op) => op.phase === "expand");
      if (!expand || !contract) continue;
      const accepted = exceptionFor(contract) ?? exceptionFor(expand);
      findings.push({
        ...accepted ? { accepted } : {},
        span: contract.span,
        revision: rev.revision.id,
        message: `revision ${q(rev.revision.id)} expands the schema (line ${expand.span.line}: ${excerpt(expand.text)}) and contracts it (line ${contract.span.line}: ${excerpt(contract.text)}${contract.contractReason ? `: ${contract.contractReason}` : ""})`,
        hint: "Move the contract operations into a new revision that is deployed after the release using the new schema."
      });
    }
    return findings;
  }
};

// analyzers/multiple-heads.ts
function branchOf(head, byId) {
  const seen = /* @__PURE__ */ new Set();
  let current = byId.get(head);
  while (current && !seen.has(current.id)) {
    if (current.branchLabels.length > 0) return [...current.branchLabels].sort().join(",");
    seen.add(current.id);
    const parent = current.downRevisions[0];
    current = parent === void 0 ? void 0 : byId.get(parent);
  }
  return void 0;
}
var multipleHeads = {
  meta: {
    name: "multiple-heads",
    group: "graph",
    defaultSeverity: "error",
    summary: "A migration history has more than one head.",
    rationale: "Two revisions with the same down_revision (typically two branches merged in git) leave the history with two heads: `alembic upgrade head` stops with 'Multiple head revisions are present', so the deploy fails, and the order in which the two branches apply is undefined.",
    safeAlternative: "Run `alembic merge heads -m 'merge ...'` and commit the merge revision, or re-point one branch's down_revision at the other's head if it has not been deployed anywhere yet."
  },
  check(input) {
    const findings = [];
    for (const history of input.histories) {
      if (history.heads.length < 2) continue;
      const byId = new Map(history.revisions.map((rev) => [rev.revision.id, rev.revision]));
      const branches = history.heads.map((head) => branchOf(head, byId));
      const labelled = branches.every((branch) => branch !== void 0);
      if (labelled && new Set(branches).size === branches.length) continue;
      const second = history.heads[1];
      const secondRevision = second === void 0 ? void 0 : byId.get(second);
      const firstFile = history.revisions[0]?.revision.file;
      const file = secondRevision?.file ?? firstFile;
      if (file === void 0) continue;
      const heads = history.heads.map((head) => {
        const rev = byId.get(head);
        return rev ? `${q(head)} (${rev.file})` : q(head);
      });
      findings.push({
        span: fileStart(file),
        revision: second,
        message: `the history has ${history.heads.length} heads: ${heads.join(", ")}; \`alembic upgrade head\` refuses to run`,
        hint: `alembic merge -m "merge heads" ${history.heads.join(" ")} (or: alembic merge heads)`
      });
    }
    return findings;
  }
};

// analyzers/op-guards.ts
var INSPECTOR = "sa.inspect(op.get_bind())";
function missingGuard(op) {
  if (op.origin !== "op") return void 0;
  const table2 = op.table === void 0 ? "" : py(op.table);
  const schema = schemaKw(op);
  switch (op.kind) {
    case "create-table":
      return op.ifNotExists ? void 0 : {
        subject: `table ${q(op.table)}`,
        keyword: "if_not_exists",
        since: "1.13.3",
        fixed: `op.create_table(${table2}, ...${schema}, if_not_exists=True)`,
        inspectorGuard: `if not ${INSPECTOR}.has_table(${table2}):`
      };
    case "drop-table":
      return op.ifExists ? void 0 : {
        subject: `table ${q(op.table)}`,
        keyword: "if_exists",
        since: "1.13.3",
        fixed: `op.drop_table(${table2}${schema}, if_exists=True)`,
        inspectorGuard: `if ${INSPECTOR}.has_table(${table2}):`
      };
    case "create-index": {
      if (op.ifNotExists) return void 0;
      const name = op.name === void 0 ? "..." : py(op.name);
      return {
        subject: op.name === void 0 ? `an index on table ${q(op.table)}` : `index ${q(op.name)} on table ${q(op.table)}`,
        keyword: "if_not_exists",
        since: "1.12",
        fixed: `op.create_index(${name}, ${table2}, [...]${schema}, if_not_exists=True)`,
        inspectorGuard: `if ${name} not in {index["name"] for index in ${INSPECTOR}.get_indexes(${table2})}:`
      };
    }
    case "drop-index": {
      if (op.ifExists) return void 0;
      const on = op.table === void 0 || op.table === "?" ? "..." : table2;
      return {
        subject: `index ${q(op.name)}`,
        keyword: "if_exists",
        since: "1.12",
        fixed: `op.drop_index(${py(op.name)}${op.table === void 0 ? "" : `, table_name=${table2}`}${schema}, if_exists=True)`,
        inspectorGuard: `if ${py(op.name)} in {index["name"] for index in ${INSPECTOR}.get_indexes(${on})}:`
      };
    }
    case "add-column":
      return op.ifNotExists ? void 0 : {
        subject: `column ${q(op.column.name)} of table ${q(op.table)}`,
        keyword: "if_not_exists",
        since: "1.16",
        fixed: `op.add_column(${table2}, sa.Column(${py(op.column.name)}, ...)${schema}, if_not_exists=True)`,
        inspectorGuard: `if ${py(op.column.name)} not in {column["name"] for column in ${INSPECTOR}.get_columns(${table2})}:`
      };
    case "drop-column":
      return op.ifExists ? void 0 : {
        subject: `column ${q(op.column)} of table ${q(op.table)}`,
        keyword: "if_exists",
        since: "1.16",
        fixed: `op.drop_column(${table2}, ${py(op.column)}${schema}, if_exists=True)`,
        inspectorGuard: `if ${py(op.column)} in {column["name"] for column in ${INSPECTOR}.get_columns(${table2})}:`
      };
    case "drop-constraint":
      return op.ifExists ? void 0 : {
        subject: `constraint ${q(op.name)} of table ${q(op.table)}`,
        keyword: "if_exists",
        since: "1.16",
        fixed: `op.drop_constraint(${py(op.name)}, ${table2}${schema}, if_exists=True)`,
        inspectorGuard: "check the inspector's get_foreign_keys / get_unique_constraints / get_check_constraints first"
      };
    default:
      return void 0;
  }
}
function guardHint(op, missing, alembicVersion) {
  const keywordWorks = alembicVersion !== void 0 && compareVersions(alembicVersion, missing.since) >= 0 && dialectHasGuard(op.dialect, op.kind);
  if (keywordWorks) return `Write ${missing.fixed}.`;
  const why = alembicVersion === void 0 ? `${missing.keyword}= needs Alembic >= ${missing.since} (set alembic-version to get it suggested)` : compareVersions(alembicVersion, missing.since) < 0 ? `Alembic ${alembicVersion} has no ${missing.keyword}= here (it needs >= ${missing.since})` : `${op.dialect} has no IF [NOT] EXISTS for it`;
  return `Guard the call with the inspector: ${missing.inspectorGuard} (${why}).`;
}
function rerunState(missing) {
  return missing.keyword === "if_exists" ? "is already gone" : "already exists";
}
function missingGuardFinding(op, rev, missing, alembicVersion, consequence) {
  return {
    span: op.span,
    revision: rev.revision.id,
    message: `${missing.fixed.slice(0, missing.fixed.indexOf("("))} of ${missing.subject} has no ${missing.keyword}=True: ` + consequence,
    hint: guardHint(op, missing, alembicVersion)
  };
}
function commitsOnItsOwn(op) {
  if (op.transaction !== void 0 && !op.transaction.inTransaction)
    return `it commits on its own (${op.transaction.reason})`;
  if (op.dialect === "mysql") return "MySQL commits every DDL statement on its own";
  if ((op.kind === "create-index" || op.kind === "drop-index") && op.concurrently)
    return "CONCURRENTLY commits on its own";
  return void 0;
}
function withFollowers(rev) {
  const operations = rev.operations;
  let lastStatement = -1;
  operations.forEach((op, index) => {
    if (op.kind !== "set-config" && op.kind !== "comment") lastStatement = index;
  });
  return operations.map((op, index) => ({ op, followed: index < lastStatement }));
}
var RerunGuards = class {
  unguardedCreates = /* @__PURE__ */ new Map();
  positions = /* @__PURE__ */ new Map();
  /**
   * A rerun cannot reach this operation where it would trip: an existence check guards it, a try/except around it
   * swallows the failure, or it works on a table the same revision created earlier without a guard (a rerun stops at
   * that CREATE TABLE first, so a guard here changes nothing).
   */
  cannotTrip(op, rev) {
    if (op.context.existenceGuard || op.context.inTry) return true;
    if (op.kind === "create-table" || op.table === void 0) return false;
    const create = this.createsUnguarded(rev).get(tableKey(op.table));
    return create !== void 0 && create < this.positionOf(rev, op);
  }
  createsUnguarded(rev) {
    let creates = this.unguardedCreates.get(rev);
    if (!creates) {
      const found = /* @__PURE__ */ new Map();
      rev.operations.forEach((op, index) => {
        if (op.kind !== "create-table" || op.ifNotExists || op.context.existenceGuard || op.context.inTry) return;
        const key = tableKey(op.table);
        if (!found.has(key)) found.set(key, index);
      });
      creates = found;
      this.unguardedCreates.set(rev, creates);
    }
    return creates;
  }
  positionOf(rev, op) {
    let index = this.positions.get(rev);
    if (!index) {
      index = new Map(rev.operations.map((candidate, position) => [candidate, position]));
      this.positions.set(rev, index);
    }
    return index.get(op) ?? -1;
  }
};

// analyzers/op-without-if-exists.ts
var opWithoutIfExists = {
  meta: {
    name: "op-without-if-exists",
    group: "idempotency",
    defaultSeverity: "warning",
    summary: "An Alembic op that commits on its own (MySQL DDL, autocommit_block, CONCURRENTLY) and is followed by more statements creates or drops something without if_exists / if_not_exists.",
    rationale: "When a later statement of the revision fails, what already committed stays while Alembic never records the revision: the retry runs it again and stops at the object that already exists (or is already gone), and someone has to repair the database by hand during the deploy. Inside PostgreSQL's transactional DDL this cannot happen (see op-without-if-exists-strict for teams that want every op guarded).",
    safeAlternative: "Guard the call: if_not_exists=True / if_exists=True where the project's Alembic has them (1.12+ for indexes, 1.13.3+ for tables, 1.16+ for columns and dropped constraints), else an inspector check (sa.inspect(op.get_bind()))."
  },
  check(input) {
    const findings = [];
    const guards = new RerunGuards();
    for (const rev of analyzedRevisions(input)) {
      for (const { op, followed } of withFollowers(rev)) {
        const why = followed ? commitsOnItsOwn(op) : void 0;
        const missing = why === void 0 || guards.cannotTrip(op, rev) ? void 0 : missingGuard(op);
        if (!why || !missing) continue;
        findings.push(
          missingGuardFinding(
            op,
            rev,
            missing,
            input.options.alembicVersion,
            `${why}, so when a later statement of this revision fails it stays applied while the revision is not recorded, and the retry stops here because it ${rerunState(missing)}`
          )
        );
      }
    }
    return findings;
  }
};

// analyzers/op-without-if-exists-strict.ts
var opWithoutIfExistsStrict = {
  meta: {
    name: "op-without-if-exists-strict",
    group: "idempotency",
    enabledByDefault: false,
    defaultSeverity: "warning",
    summary: "Every other Alembic op that creates or drops something without if_exists / if_not_exists (the strict reading of the idempotency guideline).",
    rationale: "Inside a transaction a failed revision rolls back and Alembic's version table keeps it from running twice, so an unguarded op fails again only where the database drifted from the history: a hotfix applied by hand, a table created outside migrations, an environment restored from another branch. Teams whose guidelines ask for every op to be guarded turn this on; op-without-if-exists covers the ops that can be left half applied.",
    safeAlternative: "Pass if_not_exists=True / if_exists=True where the project's Alembic has them (1.12+ for indexes, 1.13.3+ for tables, 1.16+ for columns and dropped constraints), else wrap the call in an inspector check."
  },
  check(input) {
    const findings = [];
    const guards = new RerunGuards();
    for (const rev of analyzedRevisions(input)) {
      for (const { op, followed } of withFollowers(rev)) {
        if (followed && commitsOnItsOwn(op)) continue;
        const missing = guards.cannotTrip(op, rev) ? void 0 : missingGuard(op);
        if (!missing) continue;
        findings.push(
          missingGuardFinding(
            op,
            rev,
            missing,
            input.options.alembicVersion,
            `it fails if the migration runs again after it ${rerunState(missing)}`
          )
        );
      }
    }
    return findings;
  }
};

// analyzers/phase-mismatch.ts
var ALLOWED = {
  expand: /* @__PURE__ */ new Set(["expand"]),
  backfill: /* @__PURE__ */ new Set(["backfill"]),
  contract: /* @__PURE__ */ new Set(["contract", "backfill"])
};
var SOURCE_WORDS = {
  "branch-label": "branch label",
  folder: "folder",
  "file-name": "file name",
  comment: "comment"
};
var phaseMismatch = {
  meta: {
    name: "phase-mismatch",
    group: "phases",
    defaultSeverity: "error",
    summary: "A revision declared expand, backfill or contract contains operations of another phase.",
    rationale: "Projects that declare phases deploy them at different times: expand revisions before the new code, contract revisions after every instance runs it. A drop in an expand revision runs while old code still uses the object; a new column in a contract revision arrives after the code that needed it.",
    safeAlternative: "Move the operation to a revision of its own phase. When the exception is deliberate, list the object in the revision's expand_drop_exceptions() or contract_creation_exceptions() with a docstring that says why."
  },
  check(input) {
    const findings = [];
    for (const rev of analyzedRevisions(input)) {
      const declared = rev.declaredPhase;
      if (!declared) continue;
      const allowed = ALLOWED[declared.phase];
      const where = `${SOURCE_WORDS[declared.source]} ${q(declared.evidence)}`;
      const exceptionFor = phaseExceptionsOf(rev);
      for (const op of rev.operations) {
        if (op.phase === "neutral" || allowed.has(op.phase) || op.continuesDirective || op.phaseAssumed) continue;
        const accepted = exceptionFor(op);
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: `revision ${q(rev.revision.id)} is declared ${declared.phase} (${where}) but this ${op.phase}s: ${excerpt(op.text)}`,
          hint: op.phase === "contract" ? "Move it to a contract revision deployed after every instance runs the new code, or list the object in expand_drop_exceptions() with the reason as its docstring." : op.phase === "expand" ? "Move it to an expand revision deployed before the code that needs it, or list the object in contract_creation_exceptions() with the reason as its docstring." : "Move the data change to its own backfill (migrate) revision.",
          ...accepted ? { accepted } : {}
        });
      }
    }
    return findings;
  }
};

// analyzers/style-support.ts
function judgedForStyle(input, rev) {
  return rev.revision.downRevisions.length > 0 || input.reviewingRelease && rev.underReview;
}
function newColumns(input) {
  const result = [];
  for (const rev of analyzedRevisions(input)) {
    if (!judgedForStyle(input, rev)) continue;
    for (const op of rev.operations) {
      if (op.dialect !== "postgresql") continue;
      if (op.kind === "add-column") result.push({ column: op.column, table: op.table, op, rev, span: op.span });
      if (op.kind === "create-table" && !op.temporary) {
        for (const column2 of op.columns)
          result.push({ column: column2, table: op.table, op, rev, span: column2.span ?? op.span });
      }
    }
  }
  return result;
}
function elementType(type) {
  return type?.replace(/(?:\s*\[\s*\d*\s*\])+$/, "");
}

// analyzers/prefer-bigint.ts
var SMALL_INTEGERS = /* @__PURE__ */ new Map([
  ["integer", "integer stops at 2,147,483,647"],
  ["smallint", "smallint stops at 32,767"]
]);
var preferBigint = {
  meta: {
    name: "prefer-bigint",
    group: "style",
    enabledByDefault: false,
    defaultSeverity: "warning",
    summary: "A new primary key column is integer or smallint (serial) rather than bigint.",
    rationale: "A 4-byte key runs out at 2,147,483,647 ids (sequences skip values on rollbacks, so sooner than the row count suggests), and then every INSERT fails. Changing the column to bigint later rewrites the table and every foreign key column that points at it, under an ACCESS EXCLUSIVE lock.",
    safeAlternative: "Declare primary keys as bigint: sa.BigInteger() with sa.Identity(), or bigint GENERATED ... AS IDENTITY."
  },
  check(input) {
    const findings = [];
    for (const { column: column2, table: table2, op, rev, span } of newColumns(input)) {
      const limit = SMALL_INTEGERS.get(column2.type ?? "");
      if (!column2.primaryKey || limit === void 0 || column2.generated === void 0) continue;
      const model = modelChange(
        input,
        rev,
        `declare ${q(`${table2}.${column2.name}`)} as mapped_column(BigInteger, primary_key=True) in the model`
      );
      findings.push({
        span,
        revision: rev.revision.id,
        message: `primary key column ${q(column2.name)} of ${q(table2)} is ${column2.generated === "serial" ? `${column2.type} (serial)` : column2.type}: ${limit}, and widening it later rewrites the table and every foreign key column that references it under an ACCESS EXCLUSIVE lock`,
        hint: op.origin === "op" ? `Make its type sa.BigInteger() (keep the rest of the declaration): the id space then lasts.${model}` : `Make its type bigint${column2.generated === "serial" ? " (bigserial)" : ""}: the id space then lasts.${model}`
      });
    }
    return findings;
  }
};

// analyzers/prefer-identity.ts
var SERIAL_NAMES = /* @__PURE__ */ new Map([
  ["bigint", "BIGSERIAL"],
  ["smallint", "SMALLSERIAL"]
]);
var preferIdentity = {
  meta: {
    name: "prefer-identity",
    group: "style",
    enabledByDefault: false,
    defaultSeverity: "warning",
    summary: "A new column is serial (or an autoincrementing integer key SQLAlchemy renders as SERIAL).",
    rationale: "A serial column is an integer with a DEFAULT nextval() of a separate sequence: the sequence needs its own grants, is missed by CREATE TABLE ... LIKE and by tools that copy tables, and explicit inserted ids leave it behind. An identity column (PostgreSQL 10+) is the SQL-standard form: the sequence belongs to the column.",
    safeAlternative: 'Use an identity column: sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True), or `bigint GENERATED BY DEFAULT AS IDENTITY` in SQL.'
  },
  check(input) {
    if (input.options.postgresVersion < 10) return [];
    const findings = [];
    for (const { column: column2, table: table2, op, rev, span } of newColumns(input)) {
      if (column2.generated !== "serial") continue;
      const serial = SERIAL_NAMES.get(column2.type ?? "") ?? "SERIAL";
      const what = column2.implicitSerial ? `an autoincrementing ${column2.type} primary key without sa.Identity(), which SQLAlchemy renders as ${serial} on PostgreSQL` : `${serial.toLowerCase()}`;
      const model = modelChange(
        input,
        rev,
        `add Identity() to the mapped_column(...) of ${q(`${table2}.${column2.name}`)} in the model`
      );
      findings.push({
        span,
        revision: rev.revision.id,
        message: `column ${q(column2.name)} of ${q(table2)} is ${what}: its sequence is a separate object with its own grants and ownership; an identity column keeps it with the column`,
        hint: op.origin === "op" ? `Add sa.Identity() to its sa.Column(...) (the type can stay): PostgreSQL then renders GENERATED BY DEFAULT AS IDENTITY.${model}` : `Write \`${column2.name} ${column2.type ?? "integer"} GENERATED BY DEFAULT AS IDENTITY\` instead of ${serial.toLowerCase()}.${model}`
      });
    }
    return findings;
  }
};

// analyzers/prefer-text.ts
var LIMITED_VARCHAR = /^(?:varchar|character varying)\((\d+)\)$/;
var preferText = {
  meta: {
    name: "prefer-text",
    group: "style",
    enabledByDefault: false,
    defaultSeverity: "warning",
    summary: "A new column is varchar(n); text with a CHECK on its length is easier to change.",
    rationale: "The length limit of varchar(n) is part of the column type. Raising it later is a catalog change but still takes an ACCESS EXCLUSIVE lock; lowering it, or changing the rule, rewrites the table under that lock. A CHECK (char_length(col) <= n) on a text column enforces the same limit and can be replaced without blocking: add the new one NOT VALID, VALIDATE it, drop the old one. On PostgreSQL, text and varchar(n) are stored the same way.",
    safeAlternative: 'Declare the column as text (sa.Text()) and put the limit in a named CHECK constraint, e.g. sa.CheckConstraint("char_length(email) <= 320", name="ck_users_email_length").'
  },
  check(input) {
    const findings = [];
    for (const { column: column2, table: table2, op, rev, span } of newColumns(input)) {
      const limit = LIMITED_VARCHAR.exec(elementType(column2.type) ?? "")?.[1];
      if (limit === void 0) continue;
      const check = `char_length(${column2.name}) <= ${limit}`;
      const array = column2.type !== elementType(column2.type);
      const model = modelChange(
        input,
        rev,
        `declare ${q(`${table2}.${column2.name}`)} as mapped_column(${array ? "ARRAY(Text)" : "Text"}) in the model`
      );
      findings.push({
        span,
        revision: rev.revision.id,
        message: `column ${q(column2.name)} of ${q(table2)} is ${column2.type}: changing the limit later takes an ACCESS EXCLUSIVE lock (and lowering it rewrites the table); text with a CHECK on the length can be changed without blocking`,
        hint: array ? (
          // char_length() of an array is no length check, and a CHECK cannot hold a subquery over the elements.
          `Declare it ${op.origin === "op" ? "sa.ARRAY(sa.Text())" : "text[]"}; to keep a limit on each element, add a CHECK that calls an IMMUTABLE function testing every element.${model}`
        ) : op.kind === "create-table" && op.origin === "op" ? `Declare it sa.Text() and add sa.CheckConstraint(${JSON.stringify(check)}, name="ck_${table2}_${column2.name}_length") to the table.${model}` : `Declare it text, then add CHECK (${check}) NOT VALID and VALIDATE it in a later revision (see add-check-constraint-validated).${model}`
      });
    }
    return findings;
  }
};

// analyzers/prefer-timestamptz.ts
var preferTimestamptz = {
  meta: {
    name: "prefer-timestamptz",
    group: "style",
    enabledByDefault: false,
    defaultSeverity: "warning",
    summary: "A new column is timestamp without time zone.",
    rationale: "timestamp without time zone stores a wall-clock reading with no zone: the same instant reads differently depending on who wrote it, and daylight-saving changes make values ambiguous. Converting the column to timestamptz later rewrites the table under an ACCESS EXCLUSIVE lock and reinterprets every stored value in the session's time zone.",
    safeAlternative: "Declare it timestamptz: sa.DateTime(timezone=True), or `timestamp with time zone` in SQL."
  },
  check(input) {
    const findings = [];
    for (const { column: column2, table: table2, op, rev, span } of newColumns(input)) {
      if (elementType(column2.type) !== "timestamp without time zone") continue;
      const array = column2.type !== elementType(column2.type);
      const written = op.origin === "op" ? array ? "an array of sa.DateTime() without timezone=True, which renders as TIMESTAMP WITHOUT TIME ZONE[]" : "sa.DateTime() without timezone=True, which renders as TIMESTAMP WITHOUT TIME ZONE" : column2.type;
      const declared = op.origin === "op" ? "sa.DateTime(timezone=True)" : "timestamptz";
      const mapped = array ? "ARRAY(DateTime(timezone=True))" : "DateTime(timezone=True)";
      const model = modelChange(
        input,
        rev,
        `declare ${q(`${table2}.${column2.name}`)} as mapped_column(${mapped}) in the model`
      );
      findings.push({
        span,
        revision: rev.revision.id,
        message: `column ${q(column2.name)} of ${q(table2)} is ${written}: it stores no time zone, so values depend on the writer's clock settings, and converting to timestamptz later rewrites the table`,
        hint: op.origin === "op" ? `Declare it sa.Column(${JSON.stringify(column2.name)}, ${array ? `sa.ARRAY(${declared})` : declared}, ...).${model}` : `Declare it \`${column2.name} ${declared}${array ? "[]" : ""}\`.${model}`
      });
    }
    return findings;
  }
};

// analyzers/rename-column.ts
var renameColumn = {
  meta: {
    name: "rename-column",
    group: "phases",
    defaultSeverity: "error",
    summary: "A column of an existing table is renamed.",
    rationale: "The rename is instant, but the release still running (and every other reader: reports, replicas' consumers, other services) keeps selecting and writing the old name. SQLAlchemy lists every mapped column in its SELECTs, so every query on the model fails from the moment the migration commits until the new code is everywhere; a rollback of the code fails the same way.",
    safeAlternative: "Expand: add the new column and write both. Backfill the new column from the old one. Switch reads to the new column. Contract: drop the old column in a later release."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of operationsOfKind(input, "rename-column")) {
      if (op.phase !== "contract") continue;
      const lock = lockNote(op);
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `column ${q(op.column)} of table ${tableName(op)} is renamed to ${q(op.newName)}: code still using ${q(op.column)} fails until every instance runs the new release` + (lock ? `; ${lock} for an instant` : ""),
        hint: `Expand with op.add_column(${py(op.table)}, sa.Column(${py(op.newName)}, ...)${schemaKw(op)}) and write both columns, backfill ${q(op.newName)} from ${q(op.column)}, move reads to ${q(op.newName)}, then drop ${q(op.column)} in a later revision.` + modelChange(
          input,
          rev,
          `map both ${q(`${op.table}.${op.column}`)} and ${q(`${op.table}.${op.newName}`)} in the model until the old one is dropped`
        )
      });
    }
    return findings;
  }
};

// analyzers/rename-table.ts
var renameTable = {
  meta: {
    name: "rename-table",
    group: "phases",
    defaultSeverity: "error",
    summary: "An existing table is renamed.",
    rationale: "The rename itself is instant, but every query of the release still running names the old table and fails (PostgreSQL: relation does not exist) from the moment the migration commits until the new code runs everywhere.",
    safeAlternative: "Rename the table and, in the same revision, create a view with the old name (a simple view is updatable on PostgreSQL), so both releases work; drop the view in a later contract revision. Or create the new table, write both, backfill, switch reads and drop the old one later."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of operationsOfKind(input, "rename-table")) {
      if (op.phase !== "contract") continue;
      const view = op.schema ? `${op.schema}.${op.table}` : op.table;
      const target = op.schema ? `${op.schema}.${op.newName}` : op.newName;
      const lock = lockNote(op);
      const message = `table ${tableName(op)} is renamed to ${q(op.newName)}: code still querying ${q(op.table)} fails until every instance runs the new release` + (lock ? `; ${lock} for an instant` : "");
      if (op.dialect === "sqlite") {
        findings.push({ span: op.span, revision: rev.revision.id, message });
        continue;
      }
      const createView = `CREATE OR REPLACE VIEW ${view} AS SELECT * FROM ${target}`;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message,
        hint: `Keep the old name working: after the rename, op.execute(${py(createView)}) in the same revision, and op.execute(${py(`DROP VIEW IF EXISTS ${view}`)}) in a later revision once no code uses ${q(op.table)}.`
      });
    }
    return findings;
  }
};

// analyzers/revision-cycle.ts
var revisionCycle = {
  meta: {
    name: "revision-cycle",
    group: "graph",
    defaultSeverity: "error",
    summary: "down_revision links form a cycle.",
    rationale: "A cycle has no base to start from and no order to apply in: Alembic refuses to load the history (a cycle error), so no migration can run until it is broken.",
    safeAlternative: "Fix the down_revision of one revision on the cycle so that it points at its real parent."
  },
  check(input) {
    const findings = [];
    for (const history of input.histories) {
      for (const cycle of history.cycles) {
        const first = cycle[0];
        if (first === void 0) continue;
        const revision = history.revisions.find((rev) => rev.revision.id === first)?.revision;
        if (!revision) continue;
        findings.push({
          span: fileStart(revision.file),
          revision: first,
          message: `down_revision cycle: ${[...cycle, first].join(" -> ")}`,
          hint: "Set down_revision of one of these revisions to the revision it was really written on top of."
        });
      }
    }
    return findings;
  }
};

// analyzers/revision-edited.ts
var NAMED_REVISIONS2 = 5;
var revisionEdited = {
  meta: {
    name: "revision-edited",
    group: "graph",
    defaultSeverity: "error",
    summary: "The change under review (`--since`) edits the upgrade or graph metadata of a revision that already existed, deletes one that is still referenced, or changes a helper module such revisions run.",
    rationale: "Alembic records each revision it ran in alembic_version and never runs it again: environments that already ran the revision (production, staging, every developer's database) will never run this change, while new environments will, so their schemas drift apart silently. A deleted revision that another still names breaks the history for every command.",
    safeAlternative: "Leave merged revisions as they are and put the change in a new revision (`alembic revision -m ...`) on top of the current head; restore a deleted revision that others still name."
  },
  check(input) {
    const review = input.changeUnderReview;
    if (!review) return [];
    return [
      ...review.changes.flatMap((change) => findingsFor(change, review)),
      ...deletedButNamed(input).map((deleted) => deletionFinding(deleted, review.since))
    ];
  }
};
function findingsFor(change, review) {
  const since = review.since;
  switch (change.kind) {
    case "edited": {
      const parts = [
        ...change.upgrade.length > 0 ? [`its upgrade (${change.upgrade.join(", ")})`] : [],
        ...change.metadata.length > 0 ? [`its graph metadata (${change.metadata.join(", ")})`] : []
      ];
      return [
        {
          span: fileStart(change.file),
          revision: change.revision,
          message: `revision ${q(change.revision)} existed at ${since}, and this change edits ${parts.join(" and ")}: environments that already ran it will never run this change`,
          hint: change.upgrade.length > 0 ? `Revert the edit to ${change.file} and put the change in a new revision on top of the current head (alembic revision -m "..."); only a fresh database would ever run the edited ${q(change.revision)}.` : `Restore the revision's metadata as it was at ${since}: environments locate themselves in the history by these ids, and an environment whose recorded revision moved or vanished cannot upgrade.`
        }
      ];
    }
    case "deleted":
      return [];
    case "helper": {
      const ids = change.revisions.map((revision) => q(revision.revision));
      const named = ids.slice(0, NAMED_REVISIONS2).join(", ");
      const more = ids.length > NAMED_REVISIONS2 ? ` and ${ids.length - NAMED_REVISIONS2} more` : "";
      const count = change.revisions.length;
      return [
        {
          span: fileStart(change.file),
          aboutTheChange: true,
          message: `helper module ${change.file} changed since ${since}, and that changes the upgrade operations of ${count === 1 ? "a revision" : `${count} revisions`} that existed there (${named}${more}): environments that already ran ${count === 1 ? "it" : "them"} will never run this change`,
          hint: "Keep the helper's behaviour for the revisions that use it (add a new function, or a parameter whose default keeps the old behaviour), and make the new behaviour a new revision."
        }
      ];
    }
  }
}
function deletionFinding(deleted, since) {
  const [first] = deleted.referrers;
  const names = deleted.referrers.map((revision) => q(revision.id)).join(", ");
  const one = deleted.referrers.length === 1;
  return {
    span: fileStart(first ? first.file : deleted.file),
    ...first ? { revision: first.id } : {},
    aboutTheChange: true,
    message: `revision ${q(deleted.revision)} (${deleted.file}) existed at ${since} and this change deletes it, but ${names} still ${one ? "names" : "name"} it as down_revision or depends_on: Alembic cannot build the history, and environments that ran it record it in alembic_version`,
    hint: `Restore ${deleted.file}. To undo what it did, add a new revision that reverses it; to retire old revisions, squash them into a new base without deleting what deployed environments recorded.`
  };
}

// analyzers/set-not-null.ts
var CHECK_SKIPS_SCAN_SINCE = 12;
function releaseChanges(history) {
  const added = /* @__PURE__ */ new Map();
  const backfilled = /* @__PURE__ */ new Map();
  const record = (changes, change) => {
    if (changes.at(-1)?.rev !== change.rev) changes.push(change);
  };
  let position = 0;
  for (const rev of history.revisions) {
    if (!rev.underReview) continue;
    for (const op of rev.operations) {
      position++;
      if (op.kind === "add-column") {
        const table2 = tableKey(op.table);
        let columns = added.get(table2);
        if (columns === void 0) {
          columns = /* @__PURE__ */ new Map();
          added.set(table2, columns);
        }
        const note = `the column is added in revision ${q(rev.revision.id)}`;
        record(listAt(columns, op.column.name.toLowerCase()), { position, rev, note });
      } else if (op.kind === "data-change" && op.table !== void 0) {
        const note = `the table is backfilled in revision ${q(rev.revision.id)}`;
        record(listAt(backfilled, tableKey(op.table)), { position, rev, note });
      }
    }
  }
  return { added, backfilled };
}
function releaseChangesByRevision(input) {
  let historyOf;
  const changesOf = /* @__PURE__ */ new Map();
  return (rev) => {
    if (historyOf === void 0) {
      historyOf = /* @__PURE__ */ new Map();
      for (const history2 of input.histories)
        for (const revision of history2.revisions) if (!historyOf.has(revision)) historyOf.set(revision, history2);
    }
    const history = historyOf.get(rev);
    if (history === void 0) return void 0;
    let changes = changesOf.get(history);
    if (changes === void 0) {
      changes = releaseChanges(history);
      changesOf.set(history, changes);
    }
    return changes;
  };
}
function sameRelease(changes, rev, op) {
  if (changes === void 0) return "";
  const table2 = tableKey(op.table);
  const added = changes.added.get(table2)?.get(op.column.toLowerCase()) ?? [];
  const backfilled = changes.backfilled.get(table2) ?? [];
  const notes = [];
  let nextAdded = 0;
  let nextBackfilled = 0;
  while (nextAdded < added.length || nextBackfilled < backfilled.length) {
    const addition = added[nextAdded];
    const backfill = backfilled[nextBackfilled];
    const additionFirst = addition !== void 0 && (backfill === void 0 || addition.position < backfill.position);
    const change = additionFirst ? addition : backfill;
    if (additionFirst) nextAdded++;
    else nextBackfilled++;
    if (change !== void 0 && change.rev !== rev) notes.push(change.note);
  }
  if (notes.length === 0) return "";
  return `; ${[...new Set(notes)].join(" and ")} of this same release, so instances of the previous release still insert rows without it: set NOT NULL in a later release`;
}
var setNotNull = {
  meta: {
    name: "set-not-null",
    group: "phases",
    defaultSeverity: "warning",
    summary: "An existing column is made NOT NULL.",
    rationale: "PostgreSQL checks every existing row with a full table scan while it holds an ACCESS EXCLUSIVE lock, so all reads and writes on the table wait for the scan; MySQL rebuilds the table. It also fails if any row is still NULL, and the release still running breaks if it inserts rows without the column.",
    safeAlternative: "On PostgreSQL 12+: add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it in a separate revision (no blocking lock), then SET NOT NULL, which uses the validated constraint instead of scanning, and drop the CHECK."
  },
  check(input) {
    const findings = [];
    const releaseChangesOf = releaseChangesByRevision(input);
    for (const { op, rev } of operationsOfKind(input, "set-not-null")) {
      if (op.alreadyNotNull || !onExistingTable(rev, op.table, op)) continue;
      const version = input.options.postgresVersion;
      if (op.dialect === "postgresql" && op.provenBy !== void 0 && version >= CHECK_SKIPS_SCAN_SINCE) continue;
      const base = `column ${q(op.column)} of existing table ${tableName(op)} is set NOT NULL: ` + (op.dialect === "sqlite" ? "SQLite's batch mode copies the whole table to apply it, and it fails if any row is still NULL" : op.dialect === "mysql" ? "MySQL rebuilds the table to apply it, and it fails if any row is still NULL" : "every row is checked while the table is locked against reads and writes");
      const lock = lockNote(op);
      const scheduled = rev.declaredPhase?.phase === "contract";
      const release = input.reviewingRelease && rev.underReview && !scheduled && op.phase === "contract" ? sameRelease(releaseChangesOf(rev), rev, op) : "";
      if (op.dialect !== "postgresql" || !lock) {
        findings.push({ span: op.span, revision: rev.revision.id, message: `${base}${release}` });
        continue;
      }
      const message = version >= CHECK_SKIPS_SCAN_SINCE ? `${base} (${lock}, unless a validated CHECK (${op.column} IS NOT NULL) already proves it)${release}` : `${base} (${lock}; PostgreSQL ${version} scans even when a CHECK proves it)${release}`;
      const table2 = op.schema ? `${op.schema}.${op.table}` : op.table;
      const check = `${op.table}_${op.column}_not_null`;
      const addCheck = `op.execute(${py(`ALTER TABLE ${table2} ADD CONSTRAINT ${check} CHECK (${op.column} IS NOT NULL) NOT VALID`)})`;
      const validate2 = `op.execute(${py(`ALTER TABLE ${table2} VALIDATE CONSTRAINT ${check}`)})`;
      const column2 = q(`${op.table}.${op.column}`);
      const model = modelChange(
        input,
        rev,
        version >= CHECK_SKIPS_SCAN_SINCE ? `keep ${column2} nullable=True in the model until the revision that runs op.alter_column(..., nullable=False)` : `keep ${column2} nullable=True in the model: the CHECK does the job`
      );
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message,
        hint: version >= CHECK_SKIPS_SCAN_SINCE ? `${addCheck}; in a later revision ${validate2} (SHARE UPDATE EXCLUSIVE: reads and writes go on), then op.alter_column(${py(op.table)}, ${py(op.column)}, nullable=False${schemaKw(op)}), which skips the scan, and op.drop_constraint(${py(check)}, ${py(op.table)}, type_="check"${schemaKw(op)}).${model}` : `${addCheck}; in a later revision ${validate2} (SHARE UPDATE EXCLUSIVE: reads and writes go on), and keep the CHECK instead of NOT NULL: before PostgreSQL 12, SET NOT NULL scans the table anyway.${model}`
      });
    }
    return findings;
  }
};

// analyzers/sql-without-if-exists.ts
var CREATE_GUARDABLE = /* @__PURE__ */ new Set([
  "sequence",
  "schema",
  "extension",
  "materialized-view"
]);
function defaultIndexName(table2, columns, unique) {
  const parts = columns.map((column2) => column2 === "(expression)" ? "expr" : column2);
  return `${[table2, ...parts.length > 0 ? parts : ["expr"]].join("_")}_${unique ? "key" : "idx"}`;
}
function qualified(op) {
  return op.schema ? `${op.schema}.${op.table}` : op.table ?? "";
}
function keyword(objectType) {
  return objectType.replace(/-/g, " ").toUpperCase();
}
function missingGuard2(op) {
  const table2 = qualified(op);
  switch (op.kind) {
    case "create-table":
      return op.ifNotExists ? void 0 : {
        statement: `CREATE TABLE ${table2}`,
        guard: "IF NOT EXISTS",
        fixed: `CREATE TABLE IF NOT EXISTS ${table2} ...`
      };
    case "create-index": {
      if (op.ifNotExists) return void 0;
      const head = `CREATE ${op.unique ? "UNIQUE " : ""}INDEX ${op.concurrently ? "CONCURRENTLY " : ""}`;
      const keys = op.columns.length > 0 && !op.columns.includes("(expression)") ? op.columns.join(", ") : "...";
      return op.name === void 0 ? {
        statement: `${head}ON ${table2}`,
        guard: "IF NOT EXISTS",
        fixed: `${head}IF NOT EXISTS ${defaultIndexName(op.table, op.columns, op.unique)} ON ${table2} (${keys})`,
        // PostgreSQL names the new index itself and never finds the first one: nothing fails, the index doubles.
        rerun: "the index has no name, so it cannot take IF NOT EXISTS, and if the migration runs again PostgreSQL builds a second, duplicate index under a new name instead of failing"
      } : {
        statement: `${head}${op.name} ON ${table2}`,
        guard: "IF NOT EXISTS",
        fixed: `${head}IF NOT EXISTS ${op.name} ON ${table2} (...)`
      };
    }
    case "add-column":
      return op.ifNotExists ? void 0 : {
        statement: `ALTER TABLE ${table2} ADD COLUMN ${op.column.name}`,
        guard: "IF NOT EXISTS",
        fixed: `ALTER TABLE ${table2} ADD COLUMN IF NOT EXISTS ${op.column.name} ...`
      };
    case "create-object":
      return op.ifNotExists || op.orReplace || !CREATE_GUARDABLE.has(op.objectType) ? void 0 : {
        statement: `CREATE ${keyword(op.objectType)} ${op.name}`,
        guard: "IF NOT EXISTS",
        fixed: `CREATE ${keyword(op.objectType)} IF NOT EXISTS ${op.name} ...`
      };
    case "drop-table":
      return op.ifExists ? void 0 : { statement: `DROP TABLE ${table2}`, guard: "IF EXISTS", fixed: `DROP TABLE IF EXISTS ${table2}` };
    case "drop-column":
      return op.ifExists ? void 0 : {
        statement: `ALTER TABLE ${table2} DROP COLUMN ${op.column}`,
        guard: "IF EXISTS",
        fixed: `ALTER TABLE ${table2} DROP COLUMN IF EXISTS ${op.column}`
      };
    case "drop-index": {
      if (op.ifExists) return void 0;
      const head = `DROP INDEX ${op.concurrently ? "CONCURRENTLY " : ""}`;
      return { statement: `${head}${op.name}`, guard: "IF EXISTS", fixed: `${head}IF EXISTS ${op.name}` };
    }
    case "drop-constraint":
      return op.ifExists ? void 0 : {
        statement: `ALTER TABLE ${table2} DROP CONSTRAINT ${op.name}`,
        guard: "IF EXISTS",
        fixed: `ALTER TABLE ${table2} DROP CONSTRAINT IF EXISTS ${op.name}`
      };
    case "drop-object": {
      if (op.ifExists) return void 0;
      const what = op.objectType === "other" ? "" : `${keyword(op.objectType)} `;
      const on = (op.objectType === "trigger" || op.objectType === "policy") && op.table ? ` ON ${table2}` : "";
      return {
        statement: `DROP ${what}${op.name}${on}`,
        guard: "IF EXISTS",
        fixed: `DROP ${what}IF EXISTS ${op.name}${on}`
      };
    }
    case "alter-enum-add-value":
      return op.ifNotExists ? void 0 : {
        statement: `ALTER TYPE ${op.typeName} ADD VALUE '${op.value}'`,
        guard: "IF NOT EXISTS",
        fixed: `ALTER TYPE ${op.typeName} ADD VALUE IF NOT EXISTS '${op.value}'`
      };
    default:
      return void 0;
  }
}
var sqlWithoutIfExists = {
  meta: {
    name: "sql-without-if-exists",
    group: "idempotency",
    defaultSeverity: "error",
    summary: "A raw SQL statement creates or drops something without IF [NOT] EXISTS.",
    rationale: "A migration that is run a second time against a database where the object already exists (or is already gone) stops with an error: after a partly applied revision (MySQL commits each DDL statement; statements in an autocommit_block commit one by one), after a hotfix applied by hand, or when environments drifted. The deploy then needs manual repair.",
    safeAlternative: "Write the guard into the statement (CREATE ... IF NOT EXISTS, DROP ... IF EXISTS, ADD VALUE IF NOT EXISTS), or wrap the call in an inspector check of the object."
  },
  check(input) {
    const findings = [];
    const guards = new RerunGuards();
    const temporaryTables = /* @__PURE__ */ new Map();
    for (const { op, rev } of allOperations(input)) {
      if (op.kind === "create-table" && op.temporary) {
        const created = temporaryTables.get(rev) ?? /* @__PURE__ */ new Set();
        temporaryTables.set(rev, created.add(tableKey(op.table)));
        continue;
      }
      if (op.kind === "drop-table" && temporaryTables.get(rev)?.has(tableKey(op.table))) continue;
      if (op.origin !== "sql" || guards.cannotTrip(op, rev)) continue;
      if (!dialectHasGuard(op.dialect, op.kind)) continue;
      const missing = missingGuard2(op);
      if (!missing) continue;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `raw SQL \`${missing.statement}\` has no ${missing.guard} guard: ` + (missing.rerun ?? (missing.guard === "IF EXISTS" ? "it fails if the migration runs again after the object is already gone" : "it fails if the migration runs again after the object already exists")),
        hint: missing.rerun === void 0 ? `Write it as \`${missing.fixed}\`.` : `Name the index and add the guard: \`${missing.fixed}\` (the name PostgreSQL gives it by default, so the guard also finds an index an earlier run built).`
      });
    }
    return findings;
  }
};

// analyzers/suppression-without-reason.ts
var suppressionWithoutReason = {
  meta: {
    name: "suppression-without-reason",
    group: "hygiene",
    defaultSeverity: "warning",
    summary: "A `# migragate: ignore` comment gives no reason, so it suppresses nothing.",
    rationale: "An ignored finding is a decision someone made about production safety. Without the reason, the next reader cannot tell a checked exception from a silenced alarm, and nobody can re-check it when circumstances change: so a comment without a reason accepts nothing, and the findings it covers stay reported.",
    safeAlternative: "Write why it is safe after `--`: `# migragate: ignore[drop-column] -- unused since release 42`."
  },
  stage: "after-suppressions",
  check(input) {
    const findings = [];
    for (const rev of analyzedRevisions(input)) {
      for (const directive of rev.revision.directives) {
        if (directive.kind !== "ignore" && directive.kind !== "ignore-file" || directive.reason !== void 0)
          continue;
        const rules = directive.rules.length > 0 ? `[${directive.rules.join(", ")}]` : " (every rule)";
        findings.push({
          span: directive.span,
          revision: rev.revision.id,
          message: `${directive.kind}${rules} gives no reason, so it suppresses nothing`,
          hint: `Add the reason after "--": # migragate: ${directive.kind}${directive.rules.length > 0 ? rules : ""} -- why this is safe. Until then the findings it covers stay reported and count toward the gate.`
        });
      }
    }
    return findings;
  }
};

// analyzers/syntax-error.ts
var syntaxError = {
  meta: {
    name: "syntax-error",
    group: "hygiene",
    defaultSeverity: "error",
    summary: "A migration or env.py file does not parse as Python.",
    rationale: "Alembic imports every revision file to build its history, so a file that does not parse stops every command and the deploy fails. migragate also cannot see the operations of the broken part, so other rules are blind there.",
    safeAlternative: "Fix the syntax error; run `python -m py_compile <file>` to confirm."
  },
  check(input) {
    return problemFindings(
      input,
      "syntax-error",
      (file) => `Fix the syntax error; run \`python -m py_compile ${file}\` to confirm.`
    );
  }
};

// analyzers/transaction-control-in-migration.ts
var ENDS = /* @__PURE__ */ new Set(["commit", "rollback"]);
var SAVEPOINT_STATEMENTS = /* @__PURE__ */ new Set(["savepoint", "release", "rollback-to-savepoint"]);
var EFFECT = new Map(
  Object.entries({
    begin: "BEGIN inside Alembic's transaction only draws a warning, and in an autocommit_block() it opens a transaction Alembic does not know about",
    commit: "COMMIT ends the transaction Alembic opened: what ran before it stays applied even if the revision fails later, and the rest of the revision, the version-table update included, no longer runs in a transaction",
    rollback: "ROLLBACK ends the transaction Alembic opened and silently undoes what ran before it, while Alembic still records the revision as applied",
    other: "a transaction-control statement in a revision competes with the transaction Alembic opened"
  })
);
function sqlFileFindings(rev) {
  const findings = [];
  const report = (op, message, hint) => findings.push({ span: op.span, revision: rev.revision.id, message, hint });
  const opener = /* @__PURE__ */ new Map();
  let open;
  for (const op of rev.operations) {
    const key = op.transaction?.inTransaction ? op.transaction.key : void 0;
    if (key !== void 0 && !opener.has(key)) opener.set(key, op);
    const control = op.kind === "transaction-control" && op.dialect === "postgresql" ? op : void 0;
    open = control && ENDS.has(control.statement) ? void 0 : key;
    if (!control) continue;
    const first = key === void 0 ? void 0 : opener.get(key);
    if (control.statement === "begin" && first && first !== control) {
      const outer = first.kind === "transaction-control" ? `the transaction the file's \`${first.text}\` at line ${first.span.line} already opened` : "the transaction the migration tool opens around the file (assume-in-transaction)";
      report(
        control,
        `\`${control.text}\` inside ${outer}: PostgreSQL only warns and carries on in the outer transaction, so the first COMMIT ends both`,
        "Remove the inner BEGIN, or COMMIT the first transaction before opening the next."
      );
    } else if (control.statement === "rollback" && control.transaction?.closedByTool) {
      report(
        control,
        `\`${control.text}\` ends the transaction the migration tool runs the file in (assume-in-transaction): it silently undoes every statement before it, and the tool then records the migration as applied`,
        "Remove it. To run one statement outside the tool's transaction (CREATE INDEX CONCURRENTLY), write `COMMIT;` before it and `BEGIN;` after it; to stop a migration, raise an error instead."
      );
    } else if (ENDS.has(control.statement) && key === void 0) {
      report(
        control,
        `\`${control.text}\` with no transaction open: the statements before it already ran and committed one by one (a plain SQL file runs each statement on its own), so it ${control.statement === "rollback" ? "undoes nothing" : "groups nothing"} and PostgreSQL only warns`,
        "Open the transaction with BEGIN before the statements it should group, or remove the stray statement."
      );
    } else if (SAVEPOINT_STATEMENTS.has(control.statement) && key === void 0) {
      report(
        control,
        `\`${control.text}\` runs outside any transaction (a plain SQL file runs each statement on its own until a BEGIN): PostgreSQL rejects it ("can only be used in transaction blocks")`,
        "Put it between the file's BEGIN and COMMIT."
      );
    }
  }
  const unclosed = open === void 0 ? void 0 : opener.get(open);
  if (unclosed?.kind === "transaction-control" && !unclosed.transaction?.closedByTool) {
    report(
      unclosed,
      `\`${unclosed.text}\` opens a transaction that the file never commits: when the session ends PostgreSQL rolls back everything after it, and a tool that keeps the connection runs the next file inside it`,
      "End the file with COMMIT (or ROLLBACK)."
    );
  }
  return findings;
}
var transactionControlInMigration = {
  meta: {
    name: "transaction-control-in-migration",
    group: "locks",
    defaultSeverity: "error",
    summary: "An Alembic revision runs BEGIN, COMMIT, ROLLBACK or END itself, or a plain SQL file's BEGIN and COMMIT do not pair up.",
    rationale: "Alembic owns the transaction around a revision (and the alembic_version update inside it). A raw COMMIT or ROLLBACK ends that transaction behind Alembic's back: a failing revision is left half applied, or work is undone while the revision is recorded as done.",
    safeAlternative: "Use `with op.get_context().autocommit_block():` for statements that must run outside a transaction, and transaction_per_migration=True in env.py for shorter transactions."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of postgresOperations(input, "transaction-control")) {
      if (rev.revision.format === "sql") continue;
      if (SAVEPOINT_STATEMENTS.has(op.statement)) {
        if (op.transaction?.inTransaction !== false) continue;
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: 'a SAVEPOINT statement runs inside `autocommit_block()`, outside any transaction: PostgreSQL rejects it ("SAVEPOINT can only be used in transaction blocks")',
          hint: "Move the savepoint out of the autocommit_block(), where Alembic's transaction holds it."
        });
        continue;
      }
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `raw \`${op.text}\` in a revision: ${EFFECT.get(op.statement) ?? EFFECT.get("other")}`,
        hint: "Remove it. For statements that cannot run in a transaction (CREATE INDEX CONCURRENTLY, VACUUM...), use `with op.get_context().autocommit_block():`."
      });
    }
    for (const rev of analyzedRevisions(input)) {
      if (rev.revision.format === "sql") findings.push(...sqlFileFindings(rev));
    }
    return findings;
  }
};

// analyzers/truncate-table.ts
var truncateTable = {
  meta: {
    name: "truncate-table",
    group: "locks",
    defaultSeverity: "error",
    summary: "An existing PostgreSQL table is truncated by a migration.",
    rationale: "TRUNCATE deletes every row at once under an ACCESS EXCLUSIVE lock, blocking all reads and writes until the migration's transaction commits, and the running release loses its data; CASCADE also empties every table with a foreign key to it.",
    safeAlternative: "Keep data removal out of schema migrations: delete in batches (DELETE ... WHERE id in a range) from a backfill revision or a job, or drop the table in a contract revision once no code uses it."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of postgresOperations(input, "truncate")) {
      const existing = op.tables.filter((table2) => onExistingTable(rev, table2));
      if (existing.length === 0) continue;
      const cascade = op.cascade ? "; CASCADE also empties every table that has a foreign key to it, tables this statement does not name" : "";
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `TRUNCATE empties existing table${existing.length > 1 ? "s" : ""} ${existing.map(q).join(", ")} under an ACCESS EXCLUSIVE lock held until the migration commits: every read and write waits, and the rows are gone for the release still running${cascade}`,
        hint: "Delete in batches from a backfill revision or a job (DELETE ... WHERE id >= :low AND id < :high), or drop the table in a contract revision."
      });
    }
    return findings;
  }
};

// analyzers/unbatched-backfill.ts
function columnKey(table2, column2) {
  return `${tableKey(table2)}.${column2.replace(/"/g, "").toLowerCase()}`;
}
var VERB = {
  update: "UPDATE",
  delete: "DELETE",
  insert: "INSERT",
  "insert-select": "INSERT ... SELECT",
  "bulk-insert": "bulk insert",
  merge: "MERGE",
  copy: "COPY"
};
var RECENT_REVISIONS = 3;
var NullColumns = class {
  byTable = /* @__PURE__ */ new Map();
  get(table2, column2) {
    return this.byTable.get(tableKey(table2))?.get(columnKey(table2, column2));
  }
  set(table2, column2, value) {
    const key = tableKey(table2);
    let columns = this.byTable.get(key);
    if (!columns) {
      columns = /* @__PURE__ */ new Map();
      this.byTable.set(key, columns);
    }
    columns.set(columnKey(table2, column2), value);
  }
  delete(table2, column2) {
    this.byTable.get(tableKey(table2))?.delete(columnKey(table2, column2));
  }
  /** Forgets a table's columns; every column when the table is not known. */
  forget(table2) {
    if (table2 === void 0) this.byTable.clear();
    else this.byTable.delete(tableKey(table2));
  }
};
function batchHint(statement, table2, dialect, condition) {
  const loop = (sql) => `Batch it inside \`with op.get_context().autocommit_block():\` so each batch commits: \`while op.get_bind().execute(sa.text("${sql}")).rowcount: pass\`.`;
  if (dialect === "mysql" && (statement === "update" || statement === "delete")) {
    const head = statement === "update" ? `UPDATE ${table2} SET ...` : `DELETE FROM ${table2}`;
    return loop(`${head} WHERE ${condition ?? "<not yet done>"} LIMIT 5000`);
  }
  if (statement === "update") {
    const pending = condition ?? "<not yet done>";
    return loop(`UPDATE ${table2} SET ... WHERE id IN (SELECT id FROM ${table2} WHERE ${pending} LIMIT 5000)`);
  }
  if (statement === "delete") {
    const doomed = condition ?? "<condition>";
    return loop(`DELETE FROM ${table2} WHERE id IN (SELECT id FROM ${table2} WHERE ${doomed} LIMIT 5000)`);
  }
  return "Copy by key range in a Python loop (WHERE id > :last AND id <= :last + 5000, advancing :last), inside `with op.get_context().autocommit_block():` so each batch commits.";
}
var unbatchedBackfill = {
  meta: {
    name: "unbatched-backfill",
    group: "phases",
    defaultSeverity: "warning",
    summary: "A backfill touches every row of a table in one statement.",
    rationale: "One statement over the whole table runs in one transaction: it row-locks every row it changes until the migration commits (concurrent writes to those rows wait), writes a new version of each row (table bloat, WAL volume, replica lag) and can run for minutes, beyond deploy and statement timeouts. Any lock taken earlier in the same transaction is held that long too.",
    safeAlternative: "Backfill in batches of a few thousand rows selected by key (WHERE id IN (SELECT ... LIMIT n)) in a loop, committing between batches, or hand the backfill to a background job."
  },
  check(input) {
    const findings = [];
    const judged = /* @__PURE__ */ new Set();
    for (const history of input.histories) {
      const nullColumns = new NullColumns();
      history.revisions.forEach((rev, index) => {
        for (const op of rev.operations) {
          if (!judged.has(op) && op.kind === "data-change") {
            judged.add(op);
            const finding2 = backfillFinding(input, op, rev, index, nullColumns);
            if (finding2) findings.push(finding2);
          }
          trackNullColumns(nullColumns, op, rev, index);
        }
      });
    }
    return findings;
  }
};
function backfillFinding(input, op, rev, index, nullColumns) {
  if (op.phase !== "backfill" || !SCALES_WITH_ROWS.has(op.statement) || op.context.inLoop) return void 0;
  const target = op.table === void 0 ? "its table" : `table ${q(op.table)}`;
  if (!op.hasWhere) {
    return {
      span: op.span,
      revision: rev.revision.id,
      message: `${VERB[op.statement]} without a WHERE clause touches every row of ${target} in one statement (${excerpt(op.text)})`,
      hint: batchHint(op.statement, op.table ?? "t", op.dialect)
    };
  }
  const table2 = op.table;
  const tested = op.whereIsNull ?? [];
  if (table2 === void 0 || tested.length === 0 || isNewTable(rev, table2)) return void 0;
  const reasons = [];
  for (const column2 of tested) {
    const added = nullColumns.get(table2, column2);
    const sameRelease2 = input.reviewingRelease && added?.rev.underReview && rev.underReview;
    if (!added || !(added.rev === rev || sameRelease2 || index - added.index <= RECENT_REVISIONS)) return void 0;
    const where = added.rev === rev ? "earlier in this revision" : `in revision ${q(added.rev.revision.id)}`;
    reasons.push(`${q(column2)} was added ${where}: every existing row is NULL`);
  }
  const condition = tested.map((column2) => `${column2} IS NULL`).join(" AND ");
  return {
    span: op.span,
    revision: rev.revision.id,
    message: `${VERB[op.statement]} ... WHERE ${condition} touches every row of ${target} in one statement, because ${reasons.join("; ")} (${excerpt(op.text)})`,
    hint: batchHint(op.statement, table2, op.dialect, condition)
  };
}
function trackNullColumns(nullColumns, op, rev, index) {
  switch (op.kind) {
    case "add-column": {
      const { column: column2 } = op;
      if (column2.nullable && column2.generated === void 0 && !hasNonNullDefault(column2))
        nullColumns.set(op.table, column2.name, { rev, index });
      else nullColumns.delete(op.table, column2.name);
      return;
    }
    case "data-change":
      if (op.statement === "update" || op.statement === "merge") nullColumns.forget(op.table);
      return;
    case "set-not-null":
    case "drop-column":
    case "rename-column":
      nullColumns.delete(op.table, op.column);
      return;
    case "create-table":
    case "drop-table":
    case "rename-table":
      nullColumns.forget(op.table);
      return;
    default:
      return;
  }
}

// analyzers/unknown-down-revision.ts
var unknownDownRevision = {
  meta: {
    name: "unknown-down-revision",
    group: "graph",
    defaultSeverity: "error",
    summary: "down_revision or depends_on names a revision that does not exist.",
    rationale: "Alembic cannot build its revision map when a revision points at a missing parent, so every command (upgrade, current, history) fails and nothing can be deployed, usually because a file was deleted, renamed without its id, or a typo slipped into down_revision.",
    safeAlternative: "Point down_revision / depends_on at an existing revision id (or branch label); restore the missing revision file if it was deleted."
  },
  check(input) {
    const unanalysed = input.unanalysedFiles;
    if (unanalysed.some((file) => file.declares === void 0)) return [];
    const findings = [];
    const scopes = /* @__PURE__ */ new Map();
    for (const history of input.histories) pushTo(scopes, history.scope, history);
    const scopeOf = scopeFinder(input);
    for (const [scope, histories] of scopes) {
      const declared = unanalysed.flatMap(
        (file) => file.declares && scopeOf(file.file) === scope ? [file.declares] : []
      );
      const deleted = (input.changeUnderReview?.changes ?? []).filter(
        (change) => change.kind === "deleted" && scopeOf(change.file) === scope
      );
      findings.push(...checkScope(histories, input.duplicateRevisions, declared, deletionsByName(deleted)));
    }
    return findings;
  }
};
function checkScope(histories, duplicateRevisions, declared, deletedByName) {
  const findings = [];
  const revisions = histories.flatMap((history) => history.revisions.map((rev) => rev.revision));
  const duplicates = [...duplicateRevisions].filter(([, claimants]) => claimants.some((claimant) => revisions.includes(claimant))).map(([id]) => id);
  const resolves = referenceResolver(revisions, duplicates, declared);
  for (const revision of revisions) {
    for (const { reference, field } of referencesOf(revision)) {
      if (resolves(reference)) continue;
      const deletedFile = deletedByName.get(reference)?.file;
      findings.push({
        span: revisionStart(revision),
        revision: revision.id,
        // The change broke the reference: reported even when the revision holding it is older than the change.
        ...deletedFile === void 0 ? {} : { aboutTheChange: true },
        message: `revision ${q(revision.id)} has ${field} ${q(reference)}, but no revision or branch label ${q(reference)} exists` + (deletedFile === void 0 ? "" : `: this change deletes ${deletedFile}, which declared it`),
        hint: deletedFile === void 0 ? `Fix ${field} in ${revision.file} to an existing revision id, or restore the revision file that declared ${q(reference)}.` : `Restore ${deletedFile}, or point ${field} in ${revision.file} at a revision that exists.`
      });
    }
  }
  return findings;
}

// analyzers/unparsed-sql.ts
var unparsedSql = {
  meta: {
    name: "unparsed-sql",
    group: "hygiene",
    // What migragate cannot read is its own coverage, not the author's mistake: a notice, counted in every summary.
    defaultSeverity: "info",
    summary: "migragate could not read a SQL statement a migration runs, so no rule checked it.",
    rationale: "Every other rule is blind to a statement migragate cannot parse: a lock-taking ALTER, a DROP or an unbatched UPDATE inside it passes unchecked.",
    safeAlternative: "Review the statement by hand: no rule checked it. When it is valid SQL for your database, this is a limit of migragate's reader (the summary counts what it could not read); when it is built at run time, a literal string (or op.* directives) lets migragate read it."
  },
  check(input) {
    const dialect = input.options.dialect;
    return problemFindings(
      input,
      "unparsed-sql",
      (file, format3) => format3 === "sql" ? `Review the statement by hand: no rule checked it. If your database rejects it too, fix its syntax (try the file on a scratch database: \`${tryCommand(dialect, file)}\`); if it runs there, this is a limit of migragate's reader (the summary counts what it could not read).` : void 0
    );
  }
};
function tryCommand(dialect, file) {
  switch (dialect) {
    case "mysql":
      return `mysql scratch < ${file}`;
    case "sqlite":
      return `sqlite3 :memory: < ${file}`;
    default:
      return `psql -v ON_ERROR_STOP=1 -f ${file} scratch`;
  }
}

// analyzers/unused-suppression.ts
var unusedSuppression = {
  meta: {
    name: "unused-suppression",
    group: "hygiene",
    defaultSeverity: "warning",
    summary: "A `# migragate:` comment suppresses nothing, names an unknown rule, or cannot be read.",
    rationale: "A suppression that matches nothing is either stale (the code it excused changed) or misplaced (it sits on the wrong line or names the wrong rule, so the finding it meant to accept is still reported, or a later one is silently accepted).",
    safeAlternative: "Remove the comment, or put it on the operation's line or the line above and name the rule exactly as `migragate rules` lists it."
  },
  stage: "after-suppressions",
  check(input) {
    const findings = [];
    for (const { directive, unknownRules } of input.unusedDirectives ?? []) {
      if (directive.kind === "malformed") {
        findings.push({ span: directive.span, message: `migragate comment not understood: ${directive.problem}` });
      } else if (unknownRules.length > 0) {
        findings.push({
          span: directive.span,
          message: `${directive.kind} names unknown rule(s) ${unknownRules.map((rule) => `"${rule}"`).join(", ")}`,
          hint: "Use the rule names `migragate rules` lists."
        });
      } else if (directive.kind === "ignore" || directive.kind === "ignore-file") {
        const rules = directive.rules.length > 0 ? `[${directive.rules.join(", ")}]` : "";
        const where = directive.kind === "ignore" ? ` on line ${directive.appliesToLine}` : " in this file";
        findings.push({ span: directive.span, message: `${directive.kind}${rules} suppresses no finding${where}` });
      }
    }
    return findings;
  }
};

// analyzers/vacuum-full-or-cluster.ts
var vacuumFullOrCluster = {
  meta: {
    name: "vacuum-full-or-cluster",
    group: "locks",
    defaultSeverity: "error",
    summary: "A migration runs VACUUM FULL, CLUSTER, or REINDEX without CONCURRENTLY.",
    rationale: "VACUUM FULL and CLUSTER rewrite the whole table under an ACCESS EXCLUSIVE lock: nothing can read or write it until the copy is done. REINDEX without CONCURRENTLY blocks writes to the table, and reads that use the index, for the whole rebuild.",
    safeAlternative: "Rebuild indexes with REINDEX ... CONCURRENTLY (PostgreSQL 12+) in an autocommit_block(); reclaim space or reorder a table with an online tool such as pg_repack, outside the migration."
  },
  check(input) {
    const findings = [];
    const version = input.options.postgresVersion;
    for (const { op, rev } of postgresOperations(input, "maintenance")) {
      if (op.table !== void 0 && isNewTable(rev, op.table)) continue;
      const on = op.table === void 0 ? "" : ` of ${q(op.table)}`;
      if (op.command === "vacuum-full" || op.command === "cluster") {
        const statement = op.command === "cluster" ? "CLUSTER" : "VACUUM FULL";
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: `${statement} rewrites every row${on} into new files under an ACCESS EXCLUSIVE lock: nothing can read or write the table until the copy is done`,
          hint: "Take it out of the migration: reclaim space or reorder rows with an online tool such as pg_repack, run by an operator, and let autovacuum do routine cleanup."
        });
      } else if (op.command === "reindex" && op.reindexes === "system") {
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: "REINDEX SYSTEM rebuilds every index of the system catalogs: while each is rebuilt, writes to its catalog (any DDL, temporary tables) and the queries that read the catalog through that index wait",
          hint: "System catalogs have no concurrent rebuild (REINDEX SYSTEM takes no CONCURRENTLY): take it out of the migration and let an operator run it in a quiet window."
        });
      } else if (op.command === "reindex" && !op.concurrently) {
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: `REINDEX without CONCURRENTLY${on} blocks writes to the table, and every query that would use the index, for the whole rebuild`,
          hint: version >= 12 ? `Rebuild it concurrently: ${inAutocommitBlock('op.execute("REINDEX INDEX CONCURRENTLY ...")')}.` : "Before PostgreSQL 12, build a replacement with CREATE INDEX CONCURRENTLY in an autocommit_block(), drop the old index CONCURRENTLY and rename the new one."
        });
      }
    }
    return findings;
  }
};

// analyzers/index.ts
var ALL_ANALYZERS = [
  addColumnNotNull,
  ddlWithBackfill,
  mixedPhases,
  contractSameRelease,
  phaseMismatch,
  renameColumn,
  renameTable,
  setNotNull,
  changeColumnType,
  dropColumn,
  dropTable,
  unbatchedBackfill,
  createIndexNotConcurrently,
  dropIndexNotConcurrently,
  concurrentlyInTransaction,
  addForeignKeyValidated,
  addCheckConstraintValidated,
  addUniqueConstraint,
  addPrimaryKey,
  addColumnVolatileDefault,
  addColumnSerial,
  alterEnumAddValueInTransaction,
  transactionControlInMigration,
  truncateTable,
  missingLockTimeout,
  vacuumFullOrCluster,
  preferBigint,
  preferText,
  preferTimestamptz,
  preferIdentity,
  sqlWithoutIfExists,
  opWithoutIfExists,
  opWithoutIfExistsStrict,
  missingCheckfirst,
  envUrlNotEscaped,
  multipleHeads,
  unknownDownRevision,
  duplicateRevision,
  revisionCycle,
  revisionEdited,
  syntaxError,
  unparsedSql,
  suppressionWithoutReason,
  unusedSuppression
];

// src/adapters/report/formats.ts
var REPORT_FORMATS = ["text", "json", "sarif", "github", "markdown", "gitlab", "junit"];
async function reporterFor(format3, color, width) {
  switch (format3) {
    case "text":
      return new (await import("./text-report-S5ONDHDX.js")).TextReporter(color, width);
    case "json":
      return new (await import("./json-report-VMYWDO3V.js")).JsonReporter();
    case "sarif":
      return new (await import("./sarif-report-WLVK4CQZ.js")).SarifReporter();
    case "github":
      return new (await import("./github-report-KCBLFP5Q.js")).GithubReporter();
    case "markdown":
      return new (await import("./markdown-report-RO7ZEDLK.js")).MarkdownReporter();
    case "gitlab":
      return new (await import("./gitlab-report-A7CJZBPO.js")).GitlabReporter();
    case "junit":
      return new (await import("./junit-report-INC4UJ4S.js")).JunitReporter();
  }
}

// src/adapters/report/markdown-reflow.ts
var LIST_ITEM = /^(\s*(?:[-*]|\d+\.)\s+)(.*)$/;
function isStructural(line) {
  return /^\s*(?:#|\||>|---)/.test(line);
}
function reflowMarkdown(text, width) {
  if (width === void 0) return text;
  const out = [];
  let block;
  const flush = () => {
    if (block) out.push(...wrap(block.first + block.words.join(" "), width, block.indent));
    block = void 0;
  };
  let inCode = false;
  for (const line of text.split("\n")) {
    if (/^\s*```/.test(line)) {
      flush();
      inCode = !inCode;
      out.push(line);
      continue;
    }
    if (inCode || line.trim() === "" || isStructural(line)) {
      flush();
      out.push(line);
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      const marker = item[1] ?? "";
      block = { first: marker, indent: " ".repeat(marker.length), words: [item[2] ?? ""] };
      continue;
    }
    if (block) block.words.push(line.trim());
    else block = { first: "", indent: "", words: [line.trim()] };
  }
  flush();
  return out.join("\n");
}

// src/services/declared-phases.ts
var PHASE_WORDS = new Map(
  Object.entries({
    expand: "expand",
    contract: "contract",
    migrate: "backfill",
    backfill: "backfill"
  })
);
function phaseOfLabel(label) {
  const match = /(?:^|[_\-.\s])(expand|contract|migrate|backfill)(?:_branch)?$/i.exec(label.trim()) ?? /^(expand|contract|migrate|backfill)$/i.exec(label.trim());
  return match ? PHASE_WORDS.get((match[1] ?? "").toLowerCase()) : void 0;
}
function fromBranchLabels(revision) {
  const labels = [...revision.branchLabels];
  const raw = revision.rawMeta.branchLabels;
  if (raw?.type === "expression") labels.push(...raw.text.split(/[^\w.-]+/).filter((part) => part !== ""));
  for (const label of labels) {
    const plain = label.replace(/[«»]/g, "");
    const phase = phaseOfLabel(plain.split(".").pop() ?? plain);
    if (phase) return { phase, source: "branch-label", evidence: label };
  }
  return void 0;
}
function fromComment(revision) {
  const directive = revision.directives.find((candidate) => candidate.kind === "phase");
  return directive?.kind === "phase" ? {
    phase: directive.phase,
    source: "comment",
    evidence: `${revision.format === "sql" ? "--" : "#"} migragate: phase=${directive.phase}`
  } : void 0;
}
function fromFileName(revision) {
  const name = revision.file.split("/").pop() ?? "";
  const match = /(?:^|_)(expand|contract|migrate)(\d+)(?:_|\.py$)/i.exec(name);
  const phase = match ? PHASE_WORDS.get((match[1] ?? "").toLowerCase()) : void 0;
  return phase && match ? { phase, source: "file-name", evidence: match[0].replace(/^_|_$|\.py$/g, "") } : void 0;
}
function fromFolder(revision) {
  const folders = revision.file.split("/").slice(0, -1).reverse();
  for (const folder of folders) {
    const phase = PHASE_WORDS.get(folder.toLowerCase());
    if (phase) return { phase, source: "folder", evidence: `${folder}/` };
  }
  return void 0;
}
function withDeclaredPhases(history) {
  const branchPhase = /* @__PURE__ */ new Map();
  const revisions = history.revisions.map((analyzed) => {
    const revision = analyzed.revision;
    const ownLabel = fromBranchLabels(revision);
    const parents = revision.downRevisions.map((down) => branchPhase.get(down));
    const inherited = parents.length > 0 && parents.every((parent) => parent && parent.phase === parents[0]?.phase) ? parents[0] : void 0;
    const label = ownLabel ?? inherited;
    if (label) branchPhase.set(revision.id, label);
    const declared = fromComment(revision) ?? ownLabel ?? fromFileName(revision) ?? fromFolder(revision) ?? inherited;
    return declared ? { ...analyzed, declaredPhase: declared } : analyzed;
  });
  return { ...history, revisions };
}

// src/services/finding-groups.ts
function groupKey(finding2) {
  return `${finding2.rule}\0${finding2.span.file}\0${finding2.revision ?? ""}`;
}
function groupFindings(findings) {
  const groups = /* @__PURE__ */ new Map();
  for (const finding2 of findings) {
    const key = groupKey(finding2);
    const group = groups.get(key);
    if (group) group.push(finding2);
    else groups.set(key, [finding2]);
  }
  const grouped = [];
  for (const [first, ...rest] of groups.values()) {
    if (!first) continue;
    grouped.push(
      rest.length === 0 ? first : {
        ...first,
        related: rest.map((finding2) => ({ span: finding2.span, message: finding2.message, hint: finding2.hint }))
      }
    );
  }
  return grouped;
}

// src/services/held-locks.ts
var STRENGTH = new Map(LOCK_MODES.map((mode, index) => [mode, index]));
function markHeldLocks(history) {
  const revisions = history.revisions.map((analyzed) => {
    const held = /* @__PURE__ */ new Map();
    let changed = false;
    const operations = analyzed.operations.map((op) => {
      const key = heldKey(op);
      const mode = op.lock?.lock;
      if (key === void 0 || mode === void 0) return op;
      const strength = STRENGTH.get(mode) ?? 0;
      const before = held.get(key);
      if (before === void 0 || strength > before) held.set(key, strength);
      if (op.kind === "rename-table") {
        const renamed = heldKey({ ...op, table: op.newName });
        if (renamed !== void 0) held.set(renamed, Math.max(held.get(renamed) ?? 0, strength));
      }
      if (before === void 0 || before < strength) return op;
      changed = true;
      return { ...op, lockAlreadyHeld: true };
    });
    return changed ? { ...analyzed, operations } : analyzed;
  });
  return { ...history, revisions };
}
function heldKey(op) {
  const transaction = op.transaction?.inTransaction ? op.transaction.key : void 0;
  if (transaction === void 0 || op.table === void 0 || op.table === "?") return void 0;
  return `${transaction}\0${tableKey(op.table)}`;
}

// src/services/review.ts
var MIN_PREFIX = 4;
var ReviewError = class extends Error {
};
function resolveId(setting, value, histories) {
  const ids = new Set(histories.flatMap((history) => history.revisions.map((analyzed) => analyzed.revision.id)));
  if (ids.has(value)) return value;
  const matches = [...ids].filter((id) => id.startsWith(value));
  if (matches.length > 0 && value.length < MIN_PREFIX)
    throw new ReviewError(
      `${setting}: "${value}" is too short to name a revision: a prefix needs at least ${MIN_PREFIX} characters`
    );
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) throw new ReviewError(`${setting}: "${value}" matches ${matches.length} revisions`);
  const short = value.length < MIN_PREFIX ? ` (and a prefix needs at least ${MIN_PREFIX} characters)` : "";
  throw new ReviewError(`${setting}: no revision "${value}" in the analysed history${short}`);
}
function ancestorsOf(id, history) {
  const byId = new Map(history.revisions.map((analyzed) => [analyzed.revision.id, analyzed.revision]));
  const found = /* @__PURE__ */ new Set();
  const pending = [id];
  while (pending.length > 0) {
    const next = pending.pop();
    if (found.has(next)) continue;
    found.add(next);
    pending.push(...byId.get(next)?.downRevisions ?? []);
  }
  return found;
}
function descendantsOf(id, history) {
  const found = /* @__PURE__ */ new Set();
  for (const analyzed of history.revisions) {
    if (analyzed.revision.downRevisions.some((down) => down === id || found.has(down))) found.add(analyzed.revision.id);
  }
  return found;
}
function reviewsRelease(request) {
  return request.addedFiles !== void 0 || request.releaseAfter !== void 0;
}
function markReview(histories, request) {
  const releaseAfter = request.releaseAfter === void 0 ? void 0 : resolveId("release-after", request.releaseAfter, histories);
  const startAfter = (request.startAfter ?? []).map((id) => resolveId("start-after", id, histories));
  return histories.map((history) => {
    const legacy = new Set(startAfter.flatMap((id) => [...ancestorsOf(id, history)]));
    const holds = history.revisions.some((analyzed) => analyzed.revision.id === releaseAfter);
    const release = releaseAfter === void 0 || !holds ? void 0 : descendantsOf(releaseAfter, history);
    const inRelease = (analyzed) => (request.focusFiles === void 0 || request.focusFiles.has(analyzed.revision.file)) && (request.addedFiles === void 0 || request.addedFiles.has(analyzed.revision.file) || request.editedFiles?.has(analyzed.revision.file) === true) && (release === void 0 || release.has(analyzed.revision.id));
    const revisions = history.revisions.map((analyzed) => {
      const underReview = inRelease(analyzed) && !legacy.has(analyzed.revision.id);
      return underReview === analyzed.underReview ? analyzed : { ...analyzed, underReview };
    });
    return { ...history, revisions };
  });
}

// src/services/suppressions.ts
var NO_WHOLE_FILE_COVER = { directives: [], accepting: void 0 };
var FileIgnores = class {
  /** Ignore-file comments that name no rule, so cover every rule. */
  wholeForAnyRule = [];
  wholeByRule = /* @__PURE__ */ new Map();
  wholeCovers = /* @__PURE__ */ new Map();
  byLine = /* @__PURE__ */ new Map();
  count = 0;
  add(directive) {
    const entry = { directive, order: this.count++ };
    if (directive.kind === "ignore-file") {
      if (directive.rules.length === 0) this.wholeForAnyRule.push(entry);
      for (const rule of new Set(directive.rules)) pushTo(this.wholeByRule, rule, entry);
      return;
    }
    pushTo(this.byLine, directive.appliesToLine, entry);
  }
  covering(finding2) {
    const inline = [];
    const { line, endLine } = finding2.span;
    const lines = endLine - line + 1;
    if (lines <= this.byLine.size) {
      for (let at = line; at <= endLine; at++)
        for (const entry of this.byLine.get(at) ?? []) if (covers(entry.directive, finding2)) inline.push(entry);
    } else {
      for (const entries of this.byLine.values())
        for (const entry of entries) if (covers(entry.directive, finding2)) inline.push(entry);
    }
    return {
      wholeFile: this.wholeFileCover(finding2.rule),
      inline: inline.sort((a, b) => a.order - b.order).map((entry) => entry.directive)
    };
  }
  wholeFileCover(rule) {
    const cached = this.wholeCovers.get(rule);
    if (cached) return cached;
    const entries = [...this.wholeForAnyRule, ...this.wholeByRule.get(rule) ?? []].sort((a, b) => a.order - b.order);
    const directives = entries.map((entry) => entry.directive);
    const cover = directives.length === 0 ? NO_WHOLE_FILE_COVER : { directives, accepting: directives.find(hasReason) };
    this.wholeCovers.set(rule, cover);
    return cover;
  }
};
function covers(directive, finding2) {
  if (directive.rules.length > 0 && !directive.rules.includes(finding2.rule)) return false;
  if (directive.kind === "ignore-file") return true;
  return finding2.span.line <= directive.appliesToLine && directive.appliesToLine <= finding2.span.endLine;
}
function suppressionOf(directive) {
  return {
    kind: directive.kind === "ignore-file" ? "file" : "inline",
    ...directive.reason !== void 0 ? { reason: directive.reason } : {},
    span: directive.span
  };
}
function hasReason(directive) {
  return directive.reason !== void 0 && directive.reason.trim() !== "";
}
function applySuppressions(findings, revisions, ranRules, knownRules) {
  const byFile = /* @__PURE__ */ new Map();
  const all = [];
  for (const revision of revisions) {
    for (const directive of revision.directives) {
      all.push(directive);
      if (directive.kind !== "ignore" && directive.kind !== "ignore-file") continue;
      let ignores = byFile.get(revision.file);
      if (!ignores) {
        ignores = new FileIgnores();
        byFile.set(revision.file, ignores);
      }
      ignores.add(directive);
    }
  }
  const used = /* @__PURE__ */ new Set();
  const markedWholeFileCovers = /* @__PURE__ */ new Set();
  const reported2 = [];
  const suppressed = [];
  for (const finding2 of findings) {
    const covering = byFile.get(finding2.span.file)?.covering(finding2);
    if (!covering) {
      reported2.push(finding2);
      continue;
    }
    const { wholeFile, inline } = covering;
    for (const directive of inline) used.add(directive);
    if (!markedWholeFileCovers.has(wholeFile)) {
      markedWholeFileCovers.add(wholeFile);
      for (const directive of wholeFile.directives) used.add(directive);
    }
    const first = inline.find(hasReason) ?? wholeFile.accepting;
    if (first) suppressed.push({ ...finding2, suppression: suppressionOf(first) });
    else reported2.push(finding2);
  }
  const unused = [];
  for (const directive of all) {
    if (directive.kind === "phase") continue;
    if (directive.kind === "malformed") {
      unused.push({ directive, unknownRules: [] });
      continue;
    }
    const unknownRules = directive.rules.filter((rule) => !knownRules.has(rule));
    if (unknownRules.length > 0) unused.push({ directive, unknownRules });
    else if (!used.has(directive) && directive.rules.every((rule) => ranRules.has(rule)))
      unused.push({ directive, unknownRules });
  }
  return { reported: reported2, suppressed, unused };
}

// src/services/transactions.ts
function folderPrefix(file) {
  const folder = folderOf(file);
  return folder === "" ? "" : `${folder}/`;
}
function settingsFor(revisionFile, envFiles) {
  const holding = envFiles.filter((env3) => revisionFile.startsWith(folderPrefix(env3.file))).sort((a, b) => folderPrefix(b.file).length - folderPrefix(a.file).length);
  const env2 = holding[0] ?? (envFiles.length === 1 ? envFiles[0] : void 0);
  if (!env2) return { perMigration: false };
  return {
    envFile: env2.file,
    perMigration: env2.transactionPerMigration,
    ...env2.transactionalDdl !== void 0 ? { transactionalDdl: env2.transactionalDdl } : {}
  };
}
function dialectHasTransactionalDdl(dialect) {
  if (dialect === "postgresql") return true;
  return dialect === "other" ? "unknown" : false;
}
function transactionScope(settings, dialect) {
  const where = settings.envFile ?? "Alembic's defaults (no env.py found)";
  const ddl = settings.transactionalDdl ?? dialectHasTransactionalDdl(dialect);
  if (ddl === false) {
    return {
      scope: "revision",
      reason: `transactional DDL is off (${settings.transactionalDdl === false ? `transactional_ddl=False in ${where}` : `Alembic's default for ${dialect}`}), so Alembic opens one transaction per revision`
    };
  }
  if (settings.perMigration === true) {
    return { scope: "revision", reason: `transaction_per_migration=True in ${where}: one transaction per revision` };
  }
  if (settings.perMigration === "unknown" || ddl === "unknown") {
    return {
      scope: "revision",
      reason: `${where} decides transaction_per_migration / transactional_ddl with an expression; at least the revision's upgrade shares one transaction`
    };
  }
  return {
    scope: "run",
    reason: settings.envFile === void 0 ? "Alembic's default (no env.py found): one transaction spans every revision of an `alembic upgrade` run" : `${where} leaves transaction_per_migration off: one transaction spans every revision of an \`alembic upgrade\` run`
  };
}
var ENDS_TRANSACTION = /* @__PURE__ */ new Set(["commit", "rollback"]);
var AFTER_RAW_COMMIT = "after a raw COMMIT/ROLLBACK ended Alembic's transaction: the driver does not know, opens none, and the statements run in autocommit until a BEGIN, an autocommit_block() or the next revision's transaction";
function placeTransactions(history, historyIndex, envFiles, defaultDialect, sqlFilesInTransaction = false) {
  let counter = 0;
  let current;
  let outside = false;
  let openedBy;
  const begin = (by) => {
    counter++;
    outside = false;
    openedBy = by;
    current = `${historyIndex}:${counter}`;
    return current;
  };
  const revisions = history.revisions.map((rev) => {
    if (rev.revision.format === "sql") {
      current = void 0;
      outside = false;
      return placeSqlFile(rev, begin, sqlFilesInTransaction);
    }
    const settings = settingsFor(rev.revision.file, envFiles);
    const { scope, reason } = transactionScope(settings, defaultDialect);
    if (scope === "revision") {
      current = void 0;
      outside = false;
    }
    const operations = rev.operations.map((op) => {
      let placement;
      if (op.context.autocommit) {
        current = void 0;
        outside = false;
        placement = { inTransaction: false, scope, reason: "inside `autocommit_block()`" };
      } else if (op.kind === "transaction-control" && op.statement === "begin") {
        const key = outside || current === void 0 ? begin("after a raw BEGIN") : current;
        placement = { inTransaction: true, key, scope, reason: openedBy ?? reason };
      } else if (outside) {
        placement = { inTransaction: false, scope, reason: AFTER_RAW_COMMIT };
      } else {
        const key = current ?? begin();
        placement = { inTransaction: true, key, scope, reason: openedBy ?? reason };
        if (op.kind === "transaction-control" && ENDS_TRANSACTION.has(op.statement)) {
          current = void 0;
          outside = true;
        }
      }
      return { ...op, transaction: placement };
    });
    return { ...rev, operations, ...settings.envFile !== void 0 ? { envFile: settings.envFile } : {} };
  });
  return { ...history, revisions };
}
var SQL_FILE_AUTOCOMMIT = "a plain SQL file: each statement runs on its own (autocommit) unless the file opens a transaction with BEGIN";
var SQL_FILE_TRANSACTION = "a plain SQL file run inside one transaction (assume-in-transaction: Flyway and dbmate wrap each file)";
var SQL_FILE_REOPENED = "between the file's BEGIN and the COMMIT the migration tool runs after the file (assume-in-transaction)";
function placeSqlFile(rev, begin, wrapped) {
  const toolTransaction = wrapped && rev.operations.length > 0;
  let key = toolTransaction ? begin(SQL_FILE_TRANSACTION) : void 0;
  let reason = SQL_FILE_TRANSACTION;
  let closedByTool = toolTransaction;
  const operations = rev.operations.map((op) => {
    if (op.kind === "transaction-control" && op.statement === "begin" && key === void 0) {
      key = begin("the file's own BEGIN");
      reason = wrapped ? SQL_FILE_REOPENED : "between the file's own BEGIN and COMMIT";
      closedByTool = wrapped;
    }
    const placement = key === void 0 ? { inTransaction: false, scope: "revision", reason: SQL_FILE_AUTOCOMMIT } : { inTransaction: true, key, scope: "revision", reason, ...closedByTool ? { closedByTool: true } : {} };
    if (op.kind === "transaction-control" && ENDS_TRANSACTION.has(op.statement)) key = void 0;
    return { ...op, transaction: placement };
  });
  return { ...rev, operations };
}

// src/services/engine.ts
function isRuleSelected(rule, selection) {
  return selection.enabled.has(rule);
}
function uniqueRevisions(histories) {
  const seen = /* @__PURE__ */ new Set();
  const result = [];
  for (const history of histories) {
    for (const rev of history.revisions) {
      if (seen.has(rev.revision.file)) continue;
      seen.add(rev.revision.file);
      result.push(rev);
    }
  }
  return result;
}
function operationsByKind(revisions) {
  const byKind = /* @__PURE__ */ new Map();
  for (const rev of revisions) {
    for (const op of rev.operations) {
      const located = byKind.get(op.kind);
      if (located) located.push({ op, rev });
      else byKind.set(op.kind, [{ op, rev }]);
    }
  }
  return byKind;
}
function reportedFiles(histories, envFiles, review) {
  const hidden = /* @__PURE__ */ new Set();
  for (const history of histories) {
    for (const analyzed of history.revisions) if (!analyzed.underReview) hidden.add(analyzed.revision.file);
  }
  for (const history of histories) {
    for (const analyzed of history.revisions) if (analyzed.underReview) hidden.delete(analyzed.revision.file);
  }
  if (review.changedFiles) {
    for (const env2 of envFiles) if (!review.changedFiles.has(env2.file)) hidden.add(env2.file);
  }
  if (review.focusFiles) {
    for (const env2 of envFiles) if (!review.focusFiles.has(env2.file)) hidden.add(env2.file);
  }
  return (finding2) => !hidden.has(finding2.span.file);
}
function runAnalysis(request) {
  const review = request.review ?? {};
  const reading = { dialect: request.options.dialect, forced: request.options.dialectForced ?? false };
  const graph = buildGraph(request.revisions, reading, request.options.postgresVersion);
  const histories = markReview(
    graph.histories.map(
      (history, index) => withDeclaredPhases(
        markHeldLocks(
          placeTransactions(
            history,
            index,
            request.envFiles,
            request.options.dialect,
            request.options.sqlFilesInTransaction ?? false
          )
        )
      )
    ),
    review
  );
  const revisions = uniqueRevisions(histories);
  const input = {
    histories,
    revisions,
    operationsByKind: operationsByKind(revisions),
    duplicateRevisions: graph.duplicateRevisions,
    envFiles: request.envFiles,
    unanalysedFiles: request.unanalysedFiles ?? [],
    options: request.options,
    reviewingRelease: reviewsRelease(review),
    ...review.changeUnderReview ? { changeUnderReview: review.changeUnderReview } : {}
  };
  const selected = request.analyzers.filter((analyzer) => isRuleSelected(analyzer.meta.name, request.selection));
  const isReported = reportedFiles(histories, request.envFiles, review);
  const toFinding = (analyzer, draft) => ({
    rule: analyzer.meta.name,
    group: analyzer.meta.group,
    severity: request.selection.severity.get(analyzer.meta.name) ?? analyzer.meta.defaultSeverity,
    message: draft.message,
    hint: draft.hint ?? analyzer.meta.safeAlternative,
    span: draft.span,
    ...draft.revision !== void 0 ? { revision: draft.revision } : {}
  });
  const findings = [];
  const accepted = [];
  for (const analyzer of selected) {
    if (analyzer.stage === "after-suppressions") continue;
    for (const draft of analyzer.check(input)) {
      const finding2 = toFinding(analyzer, draft);
      if (!draft.aboutTheChange && !isReported(finding2)) continue;
      if (draft.accepted) accepted.push({ ...finding2, suppression: draft.accepted });
      else findings.push(finding2);
    }
  }
  const outcome = applySuppressions(
    findings,
    request.revisions,
    new Set(selected.map((analyzer) => analyzer.meta.name)),
    new Set(request.analyzers.map((analyzer) => analyzer.meta.name))
  );
  const audited = { ...input, unusedDirectives: outcome.unused };
  for (const analyzer of selected) {
    if (analyzer.stage !== "after-suppressions") continue;
    for (const draft of analyzer.check(audited)) {
      const finding2 = toFinding(analyzer, draft);
      if (isReported(finding2)) outcome.reported.push(finding2);
    }
  }
  return {
    histories,
    findings: groupFindings(outcome.reported.sort(compareFindings)),
    suppressed: [...accepted, ...outcome.suppressed].sort(compareFindings)
  };
}
function compareFindings(a, b) {
  if (a.span.file !== b.span.file) return a.span.file < b.span.file ? -1 : 1;
  return a.span.line - b.span.line || a.span.column - b.span.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
function failsAt(findings, failOn) {
  return findings.some((finding2) => failsGate(finding2.severity, failOn));
}

// src/services/opaque.ts
function opaqueUnderReview(result) {
  const opaque = [];
  for (const history of result.histories) {
    for (const revision of history.revisions) {
      if (!revision.underReview) continue;
      for (const operation of revision.operations) if (operation.kind === "opaque") opaque.push(operation);
    }
  }
  return opaque;
}
function someOpaque(operations, shown = 3) {
  const listed = operations.slice(0, shown).map(({ span, reason }) => `${span.file}:${span.line} (${reason})`);
  const more = operations.length - shown;
  return more > 0 ? `${listed.join(", ")} and ${more} more` : listed.join(", ");
}

// src/cli/analyze-project.ts
import { realpathSync } from "node:fs";
import { relative as relative3, resolve as resolve6, sep } from "node:path";

// src/cli/settings.ts
import { relative as relative2, resolve as resolve5 } from "node:path";
function validateRules(names, known, where, what) {
  const knownSet = new Set(known);
  for (const name of names) {
    if (knownSet.has(name)) continue;
    const suggestion = closestName(name, known);
    throw new InputError(
      `${where}: unknown ${what} "${name}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""} (see \`migragate rules\`)`
    );
  }
}
async function loadConfig(settings, cwd, ruleNames) {
  if (settings.config === false) return void 0;
  const path = settings.config ?? findConfigFile(settings.paths[0] ?? cwd);
  if (path === void 0) return void 0;
  return readConfigFile(
    path,
    relative2(cwd, path) || path,
    (rule, where) => validateRules([rule], ruleNames, where, "rule")
  );
}
var SELECTOR = "rule or group";
async function resolveSettings(settings, analyzers, cwd) {
  const metas = analyzers.map((analyzer) => analyzer.meta);
  const known = selectorNames(metas);
  const ruleNames = metas.map((meta) => meta.name);
  validateRules(settings.select, known, "--select", SELECTOR);
  validateRules(settings.extendSelect ?? [], known, "--extend-select", SELECTOR);
  validateRules(settings.ignore, known, "--ignore", SELECTOR);
  const config = await loadConfig(settings, cwd, ruleNames);
  const label = config ? relative2(cwd, config.file) || config.file : "";
  validateRules(config?.select ?? [], known, `${label}: select`, SELECTOR);
  validateRules(config?.extendSelect ?? [], known, `${label}: extend-select`, SELECTOR);
  validateRules(config?.ignore ?? [], known, `${label}: ignore`, SELECTOR);
  validateRules([...config?.severity?.keys() ?? []], ruleNames, `${label}: severity`, "rule");
  const severity = /* @__PURE__ */ new Map();
  const off = [];
  for (const [rule, level] of config?.severity ?? []) {
    if (level === "off") off.push(rule);
    else severity.set(rule, level);
  }
  const since = settings.since;
  const releaseAfter = settings.releaseAfter ?? (since === void 0 ? config?.releaseAfter : void 0);
  if (since !== void 0 && settings.releaseAfter !== void 0)
    throw new InputError("--since and --release-after both name the release under review: give one");
  const startAfter = settings.startAfter ?? config?.startAfter;
  const dialect = settings.dialect ?? config?.dialect;
  const alembicVersion = settings.alembicVersion ?? config?.alembicVersion ?? (await projectAlembicVersion(resolve5(cwd, settings.paths[0] ?? ".")))?.version;
  return {
    ...config ? { configFile: config } : {},
    // As in ruff, a `--select` on the command line starts over: the file's select and extend-select are dropped.
    rules: enabledRules(metas, {
      ...settings.select.length > 0 ? { select: settings.select } : config?.select ? { select: config.select } : {},
      extendSelect: [
        ...settings.select.length > 0 ? [] : config?.extendSelect ?? [],
        ...settings.extendSelect ?? []
      ],
      ignore: [...settings.ignore.length > 0 ? settings.ignore : config?.ignore ?? [], ...off]
    }),
    severity,
    failOn: settings.failOn ?? config?.failOn ?? "error",
    ...dialect ? { dialect, dialectGiven: settings.dialect ? "flag" : "config" } : {},
    ...alembicVersion ? { alembicVersion } : {},
    postgresVersion: settings.postgresVersion ?? config?.postgresVersion ?? 16,
    ...since !== void 0 ? { since } : {},
    ...releaseAfter !== void 0 ? { releaseAfter } : {},
    ...startAfter !== void 0 ? { startAfter } : {},
    exclude: config?.exclude ?? [],
    assumeInTransaction: settings.assumeInTransaction ?? config?.assumeInTransaction ?? false,
    failOnOpaque: settings.failOnOpaque ?? config?.failOnOpaque ?? false,
    fileLimits: {
      maxBytes: config?.maxFileBytes ?? DEFAULT_FILE_LIMITS.maxBytes,
      timeMs: config?.maxFileMs ?? DEFAULT_FILE_LIMITS.timeMs
    },
    ...config?.docsUrl !== void 0 ? { docsUrl: config.docsUrl } : {}
  };
}

// src/cli/analyze-project.ts
function applyExclude(found, settings, cwd) {
  const root = settings.configFile?.root;
  if (!root || settings.exclude.length === 0) return { found, excluded: [] };
  const globs = settings.exclude.map((pattern2) => new Glob(pattern2));
  const excluded = [];
  const keep = (absolute) => {
    const path = relative3(root, absolute).split(sep).join("/");
    const match = globs.find((glob) => glob.matches(path));
    if (match)
      excluded.push({ file: displayPath(cwd, absolute), reason: `excluded by "${match.pattern}" in the config` });
    return !match;
  };
  return {
    found: { ...found, revisionFiles: found.revisionFiles.filter(keep), envFiles: found.envFiles.filter(keep) },
    excluded
  };
}
function mergeChanges(a, b) {
  return {
    ...a,
    added: /* @__PURE__ */ new Set([...a.added, ...b.added]),
    changed: /* @__PURE__ */ new Set([...a.changed, ...b.changed]),
    modified: new Map([...a.modified, ...b.modified]),
    deleted: [.../* @__PURE__ */ new Set([...a.deleted, ...b.deleted])]
  };
}
async function reviewRequest(settings, found, cwd, paths, extraction, reading) {
  const request = {};
  if (found.focus) request.focusFiles = new Set([...found.focus].map((file) => displayPath(cwd, file)));
  if (settings.releaseAfter !== void 0) request.releaseAfter = settings.releaseAfter;
  if (settings.startAfter !== void 0) request.startAfter = settings.startAfter;
  if (settings.since === void 0) return request;
  const { changesSince } = await import("./changes-since-2YADC3XB.js");
  const added = /* @__PURE__ */ new Set();
  const changed = /* @__PURE__ */ new Set();
  const repositories = /* @__PURE__ */ new Map();
  for (const path of paths.length > 0 ? paths : [cwd]) {
    const changes = changesSince(settings.since, resolve6(cwd, path), path);
    for (const file of changes.added) added.add(file);
    for (const file of changes.changed) changed.add(file);
    const known = repositories.get(changes.root);
    repositories.set(changes.root, known ? mergeChanges(known, changes) : changes);
  }
  const matching = (files, set) => new Set(files.filter((file) => set.has(realpathSync(file))).map((file) => displayPath(cwd, file)));
  request.addedFiles = matching([...found.revisionFiles, ...found.sqlFiles], added);
  request.changedFiles = matching([...found.revisionFiles, ...found.sqlFiles, ...found.envFiles], changed);
  const { findRevisionChanges } = await import("./revision-changes-AK52PHLJ.js");
  const facts = await findRevisionChanges({
    since: settings.since,
    git: [...repositories.values()],
    revisions: extraction.revisions,
    paths: new Map([...found.revisionFiles, ...found.sqlFiles].map((file) => [displayPath(cwd, file), file])),
    sources: extraction.sources,
    modulesRead: extraction.modulesRead,
    reading,
    displayPath: (absolute) => displayPath(cwd, absolute)
  });
  request.editedFiles = facts.editedFiles;
  request.changeUnderReview = facts.changeUnderReview;
  return request;
}
async function analyzeProject(options, environment, rulesFor = (settings) => settings.rules, checkSettings = () => {
}) {
  const threads = environment.prestarted ?? (environment.workerScript ? extractionThreads(environment.workerScript, environment.cache === void 0) : void 0);
  try {
    return await analyze(options, environment, threads, rulesFor, checkSettings);
  } finally {
    threads?.close();
  }
}
async function analyze(options, environment, threads, rulesFor, checkSettings) {
  const settings = await resolveSettings(options, environment.analyzers, environment.cwd);
  checkSettings(settings);
  const discovered = await discover(options.paths, environment.cwd);
  const { found, excluded } = applyExclude(discovered, settings, environment.cwd);
  const show = (absolute) => displayPath(environment.cwd, absolute);
  const start = resolve6(environment.cwd, options.paths[0] ?? ".");
  const dialectDecision = decideDialect(dialectInputs(settings, found.alembicConfigs, start, show));
  const dialect = dialectDecision.dialect;
  const dialectForced = dialectDecision.source === "flag" || dialectDecision.source === "config";
  const cache = environment.cache?.(found);
  if (cache?.isEmpty()) threads?.prestart();
  const extraction = await extractProject(found, {
    dialect,
    dialectForced,
    limits: settings.fileLimits,
    cwd: environment.cwd,
    displayPath: (absolute) => displayPath(environment.cwd, absolute),
    ...cache ? { cache } : {},
    ...threads ? { extractionThreads: threads } : {},
    ...environment.threads ? { threads: environment.threads } : {}
  });
  const { revisions, envFiles, sources } = extraction;
  const skipped = [...extraction.skipped, ...excluded];
  const failed = skipped.filter((file) => file.failed);
  if (revisions.length === 0 && failed.length === 0) {
    const where = options.paths.length > 0 ? options.paths.join(", ") : ".";
    const read = extraction.skipped.length;
    throw new InputError(
      excluded.length > 0 && read === 0 ? `${where}: the config's exclude patterns leave no file to analyse (${excluded.length} excluded)` : `${where}: none of the ${read} Python files found is an Alembic revision` + (excluded.length > 0 ? ` (${excluded.length} more excluded by the config)` : "")
    );
  }
  const review = await reviewRequest(settings, found, environment.cwd, options.paths, extraction, {
    dialect,
    forced: dialectForced
  });
  const selection = { enabled: rulesFor(settings), severity: settings.severity };
  let result;
  try {
    result = runAnalysis({
      revisions,
      envFiles,
      options: {
        dialect,
        dialectForced,
        postgresVersion: settings.postgresVersion,
        sqlFilesInTransaction: settings.assumeInTransaction,
        ...settings.alembicVersion ? { alembicVersion: settings.alembicVersion } : {}
      },
      analyzers: environment.analyzers,
      selection,
      review,
      unanalysedFiles: failed.map(({ file, declares }) => declares === void 0 ? { file } : { file, declares })
    });
  } catch (error) {
    if (error instanceof ReviewError) throw new InputError(error.message);
    throw error;
  }
  return {
    settings,
    dialect,
    dialects: { run: dialectDecision, histories: historyDialects(result.histories, dialectDecision) },
    configFiles: {
      ...settings.configFile ? { migragate: show(settings.configFile.file) } : {},
      alembic: [...new Set(found.alembicConfigs.map((config) => show(config.file)))]
    },
    revisions,
    envFiles,
    sources,
    skipped,
    failed,
    selection,
    result,
    ...review.changeUnderReview ? { changeUnderReview: review.changeUnderReview } : {}
  };
}

// src/cli/deliver-reports.ts
import { appendFileSync, closeSync, openSync, writeFileSync, writeSync } from "node:fs";
async function deliverReports(input, reports, sinks) {
  for (const target of reports) {
    const reporter = await reporterFor(
      target.format,
      sinks.color && !target.output,
      target.output ? void 0 : sinks.width
    );
    if (target.output && reporter.pieces) writeInPieces(target.output, reporter.pieces(input));
    else if (target.output) writeReport(target.output, reporter.render(input));
    else if (reporter.pieces) for (const block of blocks(reporter.pieces(input))) sinks.stdout(block);
    else sinks.stdout(reporter.render(input));
  }
  await reportToGithub(input, reports, sinks);
}
function* blocks(pieces) {
  let block = "";
  for (const piece of pieces) {
    block += piece;
    if (block.length >= 1 << 20) {
      yield block;
      block = "";
    }
  }
  if (block !== "") yield block;
}
function writeInPieces(path, pieces) {
  let descriptor;
  try {
    descriptor = openSync(path, "w");
    for (const block of blocks(pieces)) writeSync(descriptor, block);
  } catch (error) {
    const code = error.code;
    if (code === void 0) throw error;
    throw new InputError(`${path}: cannot write report (${code})`);
  } finally {
    if (descriptor !== void 0) closeSync(descriptor);
  }
}
function writeReport(path, text) {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new InputError(`${path}: cannot write report (${error.code ?? "error"})`);
  }
}
async function reportToGithub(input, reports, sinks) {
  if (sinks.githubActions && !reports.some((target) => target.format === "github" && !target.output)) {
    const annotations = (await reporterFor("github", false)).render(input);
    const stdoutTaken = reports.some((target) => !target.output);
    if (annotations !== "") (stdoutTaken ? sinks.stderr : sinks.stdout)(annotations);
  }
  if (sinks.stepSummary) {
    const summary = (await reporterFor("markdown", false)).render(input);
    try {
      appendFileSync(sinks.stepSummary, summary);
    } catch (error) {
      const code = error.code ?? "error";
      sinks.stderr(`migragate: ${sinks.stepSummary}: cannot append the step summary (${code})
`);
    }
  }
}

// src/cli/report-targets.ts
import { resolve as resolve7 } from "node:path";
var EXTENSION_FORMATS = [
  [/\.sarif(?:\.json)?$/i, "sarif"],
  [/\.json$/i, "json"],
  [/\.xml$/i, "junit"],
  [/\.(?:md|markdown)$/i, "markdown"],
  [/\.(?:txt|log)$/i, "text"]
];
function formatOfOutput(output) {
  const named = EXTENSION_FORMATS.find(([pattern2]) => pattern2.test(output))?.[1];
  if (named) return named;
  if (!/\.[^./\\]+$/.test(output)) return "text";
  throw new InputError(
    `--output ${output}: the extension names no report format (.json, .sarif, .xml for JUnit, .md, .txt): give --format`
  );
}
function pairReports(formats, outputs) {
  if (formats.length === 0) return outputs.map((output) => ({ format: formatOfOutput(output), output }));
  if (outputs.length > formats.length) {
    throw new InputError(
      `--output ${outputs[formats.length]} has no --format to pair with (the n-th --output goes with the n-th --format)`
    );
  }
  return formats.map((format3, index) => {
    const output = outputs[index];
    return output === void 0 ? { format: format3 } : { format: format3, output };
  });
}
function validateReports(targets, cwd) {
  const toStdout = targets.filter((target) => target.output === void 0);
  if (toStdout.length > 1) {
    const formats = toStdout.map((target) => target.format).join(", ");
    throw new InputError(
      `only one report can go to standard output, not ${toStdout.length} (${formats}): give the others an --output`
    );
  }
  const seen = /* @__PURE__ */ new Set();
  for (const target of targets) {
    if (target.output === void 0) continue;
    const path = resolve7(cwd, target.output);
    if (seen.has(path)) throw new InputError(`--output ${target.output}: given for two reports`);
    seen.add(path);
  }
}

// src/cli/check.ts
async function runCheck(options, environment) {
  const reports = options.reports.length > 0 ? options.reports : [{ format: "text" }];
  validateReports(reports, environment.cwd);
  const { settings, dialect, dialects, configFiles, revisions, envFiles, sources, skipped, failed, selection, result } = await analyzeProject(options, environment);
  const rules = environment.analyzers.map((analyzer) => analyzer.meta).filter((meta) => isRuleSelected(meta.name, selection));
  const opaque = settings.failOnOpaque ? opaqueUnderReview(result) : [];
  const failsGate2 = failsAt(result.findings, settings.failOn) || opaque.length > 0;
  const ruleDocs = ruleDocsTemplate(environment.repositoryUrl, settings.docsUrl);
  const input = {
    tool: { name: "migragate", version: environment.version },
    dialect,
    result,
    revisions,
    envFiles,
    skipped,
    sources,
    rules,
    gate: {
      failOn: settings.failOn,
      passed: failed.length === 0 && !failsGate2,
      ...opaque.length > 0 ? { opaque: opaque.length } : {}
    },
    links: {
      ...environment.repositoryUrl !== void 0 ? { project: environment.repositoryUrl } : {},
      ...ruleDocs !== void 0 ? { ruleDocs } : {}
    },
    wholeHistory: settings.startAfter === void 0 && settings.releaseAfter === void 0 && settings.since === void 0,
    dialects,
    configFiles
  };
  await deliverReports(input, reports, environment);
  if (failed.length > 0) {
    const names = failed.map((file) => file.file).join(", ");
    environment.stderr(`migragate: ${failed.length} file(s) could not be analysed (see the report): ${names}
`);
    return 2;
  }
  if (opaque.length > 0) {
    environment.stderr(
      `migragate: ${opaque.length} opaque operation(s) under review fail the gate (fail-on-opaque): ${someOpaque(opaque)}
`
    );
  }
  return failsGate2 ? 1 : 0;
}

// src/cli/plan.ts
import { appendFileSync as appendFileSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { resolve as resolve8 } from "node:path";

// src/services/plan-graph.ts
function graphOf(history) {
  const revisions = /* @__PURE__ */ new Map();
  for (const analyzed of history.revisions) {
    if (!revisions.has(analyzed.revision.id)) revisions.set(analyzed.revision.id, analyzed);
  }
  const ids = [...revisions.keys()];
  const inside = (edges) => edges.filter((id) => revisions.has(id));
  return {
    ids,
    position: new Map(ids.map((id, index) => [id, index])),
    revisions,
    downs: new Map([...revisions].map(([id, analyzed]) => [id, inside(analyzed.revision.downRevisions)])),
    depends: new Map([...revisions].map(([id, analyzed]) => [id, inside(analyzed.revision.dependsOn)]))
  };
}
function withDowns(graph, downs) {
  const inside = (edges) => edges.filter((id) => graph.revisions.has(id));
  return { ...graph, downs: new Map([...downs].map(([id, edges]) => [id, inside(edges)])) };
}
function childrenOf(graph, withDepends) {
  const children = /* @__PURE__ */ new Map();
  for (const id of graph.ids) {
    const parents = [...graph.downs.get(id) ?? [], ...withDepends ? graph.depends.get(id) ?? [] : []];
    for (const parent of new Set(parents)) {
      const list2 = children.get(parent);
      if (list2) list2.push(id);
      else children.set(parent, [id]);
    }
  }
  return children;
}
function reachableFrom(start, children) {
  const seen = /* @__PURE__ */ new Set();
  const pending = [...children.get(start) ?? []];
  while (pending.length > 0) {
    const id = pending.pop();
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...children.get(id) ?? []);
  }
  seen.delete(start);
  return seen;
}
var MinHeap = class {
  items = [];
  get size() {
    return this.items.length;
  }
  push(value) {
    const items = this.items;
    items.push(value);
    let index = items.length - 1;
    while (index > 0) {
      const parent = index - 1 >> 1;
      if (items[parent] <= value) break;
      items[index] = items[parent];
      index = parent;
    }
    items[index] = value;
  }
  pop() {
    const items = this.items;
    const top2 = items[0];
    const last = items.pop();
    if (items.length === 0) return top2;
    let index = 0;
    for (; ; ) {
      const left2 = 2 * index + 1;
      if (left2 >= items.length) break;
      const right2 = left2 + 1;
      const child = right2 < items.length && items[right2] < items[left2] ? right2 : left2;
      if (items[child] >= last) break;
      items[index] = items[child];
      index = child;
    }
    items[index] = last;
    return top2;
  }
};
function rankedOrder(graph, parents, rank = () => 0) {
  const size = graph.ids.length + 1;
  const children = /* @__PURE__ */ new Map();
  const pending = /* @__PURE__ */ new Map();
  const waypoints = [...parents.keys()].filter((id) => !graph.position.has(id));
  for (const id of [...graph.ids, ...waypoints]) {
    const own = parents.get(id) ?? /* @__PURE__ */ new Set();
    pending.set(id, own.size);
    for (const parent of own) {
      const list2 = children.get(parent);
      if (list2) list2.push(id);
      else children.set(parent, [id]);
    }
  }
  const ready = new MinHeap();
  const enqueue = (id) => ready.push(rank(id) * size + graph.position.get(id));
  for (const id of graph.ids) if (pending.get(id) === 0) enqueue(id);
  const order = [];
  const release = (placed2) => {
    const passed = [placed2];
    while (passed.length > 0) {
      for (const child of children.get(passed.pop()) ?? []) {
        const left2 = (pending.get(child) ?? 1) - 1;
        pending.set(child, left2);
        if (left2 !== 0) continue;
        if (graph.position.has(child)) enqueue(child);
        else passed.push(child);
      }
    }
  };
  while (ready.size > 0) {
    const id = graph.ids[ready.pop() % size];
    order.push(id);
    release(id);
  }
  const placed = new Set(order);
  const rest = graph.ids.filter((id) => !placed.has(id));
  return { order: [...order, ...rest], cyclic: rest.length > 0 };
}
function parentsOf(graph) {
  return new Map(
    graph.ids.map((id) => [id, /* @__PURE__ */ new Set([...graph.downs.get(id) ?? [], ...graph.depends.get(id) ?? []])])
  );
}
function runOrder(graph) {
  return rankedOrder(graph, parentsOf(graph));
}
function headsOf(graph) {
  const named = new Set(graph.ids.flatMap((id) => graph.downs.get(id) ?? []));
  return graph.ids.filter((id) => !named.has(id));
}

// src/services/plan-touches.ts
function folded(name) {
  return tableKey(name);
}
function unknown(op) {
  return { kind: "unknown", text: op.text };
}
function touchesOf(op) {
  const touches = ownTouches(op);
  const names = touches.flatMap(
    (touch) => touch.kind === "column" ? [touch.table, touch.column] : touch.kind === "unknown" ? [] : [touch.kind === "object" ? touch.name : touch.table]
  );
  return names.some((name) => name === "" || name === "?" || hasUnresolvedPart(name)) ? [unknown(op)] : touches;
}
function table(name) {
  return { kind: "table", table: folded(name) };
}
function column(tableName2, name) {
  return { kind: "column", table: folded(tableName2), column: folded(name) };
}
function object(name) {
  return { kind: "object", name: folded(name) };
}
function onTable(name) {
  return name === void 0 ? [] : [{ kind: "on-table", table: folded(name) }];
}
function columnsOf(tableName2, columns) {
  return columns.length === 0 ? [table(tableName2)] : columns.map((name) => column(tableName2, name));
}
function ownTouches(op) {
  switch (op.kind) {
    case "create-table":
    case "drop-table":
      return [table(op.table)];
    case "rename-table":
      return [table(op.table), table(op.newName)];
    case "truncate":
      return op.tables.map(table);
    case "add-column":
      return [column(op.table, op.column.name)];
    case "drop-column":
    case "set-not-null":
    case "drop-not-null":
    case "change-column-type":
    case "set-column-default":
      return [column(op.table, op.column)];
    case "rename-column":
      return [column(op.table, op.column), column(op.table, op.newName)];
    case "create-index":
      return [...columnsOf(op.table, op.columns), ...op.name ? [object(op.name)] : []];
    case "drop-index":
      return [object(op.name), ...onTable(op.table)];
    case "add-constraint":
      return [
        ...columnsOf(op.table, op.columns),
        ...op.name ? [object(op.name)] : [],
        ...onTable(op.referencedTable)
      ];
    case "drop-constraint":
    case "validate-constraint":
      return [object(op.name), ...onTable(op.table)];
    case "create-object":
    case "drop-object":
      return [object(op.name), ...onTable(op.table)];
    case "rename-object":
      return [object(op.name), object(op.newName)];
    case "alter-enum-add-value":
      return [object(op.typeName)];
    case "data-change":
      return op.table === void 0 ? [unknown(op)] : [table(op.table)];
    case "comment":
    case "alter-table-other":
    case "maintenance":
    case "utility":
      return onTable(op.table);
    case "set-config":
    case "transaction-control":
    case "query":
      return [];
    case "opaque":
      return [unknown(op)];
  }
}
function indexTouches(touches) {
  const tables = /* @__PURE__ */ new Set();
  const onTables = /* @__PURE__ */ new Set();
  const columnTables = /* @__PURE__ */ new Set();
  const columns = /* @__PURE__ */ new Set();
  const objects = /* @__PURE__ */ new Set();
  let unknownText;
  for (const touch of touches) {
    if (touch.kind === "unknown") unknownText ??= touch.text;
    else if (touch.kind === "table") tables.add(touch.table);
    else if (touch.kind === "on-table") onTables.add(touch.table);
    else if (touch.kind === "object") objects.add(touch.name);
    else {
      columnTables.add(touch.table);
      columns.add(`${touch.table}\0${touch.column}`);
    }
  }
  return {
    ...unknownText !== void 0 ? { unknown: unknownText } : {},
    tables,
    onTables,
    columnTables,
    columns,
    objects
  };
}
function unreadable(text) {
  return `one of them runs an operation migragate cannot read (${text.replace(/\s+/g, " ").slice(0, 60)})`;
}
function sharedWith(touch, index) {
  if (touch.kind === "unknown") return unreadable(touch.text);
  if (touch.kind === "object") return index.objects.has(touch.name) ? `both touch "${touch.name}"` : void 0;
  const { table: name } = touch;
  const whole = `both touch table "${name}"`;
  if (index.tables.has(name)) return whole;
  if (touch.kind === "on-table") return void 0;
  if (touch.kind === "table") return index.onTables.has(name) || index.columnTables.has(name) ? whole : void 0;
  return index.columns.has(`${name}\0${touch.column}`) ? `both touch column "${name}.${touch.column}"` : void 0;
}
function revisionTouches(operations) {
  const touches = operations.flatMap(touchesOf);
  return { touches, index: indexTouches(touches) };
}
function sharedTouch(first, second) {
  if (second.index.unknown !== void 0) return unreadable(second.index.unknown);
  for (const touch of first.touches) {
    const what = sharedWith(touch, second.index);
    if (what !== void 0) return what;
  }
  return void 0;
}

// src/services/plan-order.ts
var MAX_BLOCKERS = 5;
var MAX_CROSSING_CHECKS = 2e5;
var MAX_PAIRS_VISITED = 4e6;
function findConflicts(graph, steps) {
  const withDepends = childrenOf(graph, true);
  const downOnly = childrenOf(graph, false);
  const { order, cyclic } = runOrder(graph);
  const lowest = cyclic ? void 0 : lowestStepBelow(order, withDepends, steps);
  const conflicts = [];
  for (const id of order) {
    const step = steps.get(id);
    if (step === void 0 || step <= 1) continue;
    if (lowest !== void 0 && (lowest.get(id) ?? Number.POSITIVE_INFINITY) >= step) continue;
    const below = reachableFrom(id, withDepends);
    const before = order.filter((other) => below.has(other) && (steps.get(other) ?? step) < step);
    if (before.length === 0) continue;
    const chain = reachableFrom(id, downOnly);
    conflicts.push({ id, before, throughDependsOn: before.some((other) => !chain.has(other)) });
  }
  return conflicts;
}
function lowestStepBelow(order, children, steps) {
  const lowest = /* @__PURE__ */ new Map();
  for (let index = order.length - 1; index >= 0; index--) {
    const id = order[index];
    let found = Number.POSITIVE_INFINITY;
    for (const child of children.get(id) ?? []) {
      found = Math.min(
        found,
        steps.get(child) ?? Number.POSITIVE_INFINITY,
        lowest.get(child) ?? Number.POSITIVE_INFINITY
      );
    }
    lowest.set(id, found);
  }
  return lowest;
}
function chains(graph, release) {
  const downChildren = childrenOf(graph, false);
  const byTail = /* @__PURE__ */ new Map();
  const runs = [];
  for (const id of release) {
    const revision = graph.revisions.get(id)?.revision;
    const downs = graph.downs.get(id) ?? [];
    const parent = downs.length === 1 && revision?.downRevisions.length === 1 ? downs[0] : void 0;
    const run = parent === void 0 ? void 0 : byTail.get(parent);
    if (run && parent !== void 0 && (downChildren.get(parent) ?? []).length === 1) {
      run.push(id);
      byTail.delete(parent);
      byTail.set(id, run);
      continue;
    }
    runs.push([id]);
    if ((revision?.branchLabels.length ?? 0) === 0) byTail.set(id, runs[runs.length - 1]);
  }
  return runs;
}
function ranks(runs, steps) {
  const rank = /* @__PURE__ */ new Map();
  for (const run of runs) {
    let previous = 0;
    for (const id of run) {
      previous = steps.get(id) ?? previous;
      rank.set(id, previous);
    }
  }
  return rank;
}
function constraints(graph, runs) {
  const parents = parentsOf(graph);
  const downChildren = childrenOf(graph, false);
  for (const run of runs) {
    if (run.length < 2) continue;
    const base = graph.downs.get(run[0]) ?? [];
    run.forEach((id, index) => {
      const own = parents.get(id);
      if (index > 0) own.delete(run[index - 1]);
      for (const parent of base) own.add(parent);
    });
    const members = new Set(run);
    const end = `\0end of run ${run[0]}`;
    const waypoint = !graph.position.has(end);
    if (waypoint) parents.set(end, new Set(run));
    for (const child of downChildren.get(run[run.length - 1]) ?? []) {
      if (members.has(child)) continue;
      const own = parents.get(child);
      if (waypoint) own.add(end);
      else for (const member of run) own.add(member);
    }
  }
  return parents;
}
function sameList(a, b) {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
function blockersOf(graph, moved, edits, proposed) {
  const blockers = [];
  const crossings = [];
  const touches = /* @__PURE__ */ new Map();
  const touchesOf2 = (id) => {
    let found = touches.get(id);
    if (!found) {
      found = revisionTouches(graph.revisions.get(id)?.operations ?? []);
      touches.set(id, found);
    }
    return found;
  };
  let checksLeft = MAX_CROSSING_CHECKS;
  let visitsLeft = MAX_PAIRS_VISITED;
  for (const { run, sorted } of moved) {
    const newIndex = new Map(sorted.map((id, index) => [id, index]));
    for (let i = 0; i < run.length && checksLeft > 0 && visitsLeft > 0; i++) {
      for (let j = i + 1; j < run.length && checksLeft > 0 && visitsLeft > 0; j++) {
        visitsLeft--;
        const earlier = run[i];
        const later = run[j];
        if ((newIndex.get(earlier) ?? 0) < (newIndex.get(later) ?? 0)) continue;
        checksLeft--;
        const shared = sharedTouch(touchesOf2(earlier), touchesOf2(later));
        if (shared !== void 0) crossings.push(`${earlier} would move past ${later}, and ${shared}`);
      }
    }
  }
  blockers.push(...crossings.slice(0, MAX_BLOCKERS));
  const more = crossings.length - MAX_BLOCKERS;
  const uncompared = checksLeft <= 0 || visitsLeft <= 0;
  if (more > 0) blockers.push(`and ${uncompared ? "at least " : ""}${more} more such ${more === 1 ? "move" : "moves"}`);
  else if (uncompared) {
    const limit = checksLeft <= 0 ? MAX_CROSSING_CHECKS : MAX_PAIRS_VISITED;
    blockers.push(`moves past the first ${limit.toLocaleString("en")} pairs of revisions were not compared`);
  }
  for (const edit of edits) {
    const analyzed = graph.revisions.get(edit.id);
    if (!analyzed?.underReview) blockers.push(`${edit.id} is not under review: only revisions under review are edited`);
    const raw = analyzed?.revision.rawMeta.downRevision;
    if (raw === void 0 || raw.type === "expression")
      blockers.push(`${edit.id}: its down_revision is not written as a literal migragate can rewrite`);
  }
  const oldHeads = headsOf(graph);
  const newHeads = new Set(headsOf(proposed));
  const touched = new Set(moved.flatMap(({ run }) => run));
  const keptHeads = oldHeads.filter((head) => touched.has(head) || newHeads.has(head));
  if (newHeads.size !== oldHeads.length || keptHeads.length !== oldHeads.length)
    blockers.push(
      `the edits would change the heads (${oldHeads.join(", ")} before, ${[...newHeads].join(", ")} after)`
    );
  if (runOrder(proposed).cyclic) blockers.push("the edits would make a cycle");
  return blockers;
}
function proposeReorder(graph, release, steps, format3, cycles) {
  if (cycles > 0) {
    const blockers = ["the history has a cycle: fix it first"];
    const remainingConflicts2 = findConflicts(graph, steps).length;
    return { reorder: { order: [...release], edits: [], remainingConflicts: remainingConflicts2, blockers }, proposed: graph };
  }
  const runs = chains(graph, release);
  const rank = ranks(runs, steps);
  const global = rankedOrder(graph, constraints(graph, runs), (id) => rank.get(id) ?? 0).order;
  const place = new Map(global.map((id, index) => [id, index]));
  const downs = new Map(graph.ids.map((id) => [id, [...graph.revisions.get(id)?.revision.downRevisions ?? []]]));
  const downChildren = childrenOf(graph, false);
  const moved = [];
  for (const run of runs) {
    const sorted = [...run].sort((a, b) => (place.get(a) ?? 0) - (place.get(b) ?? 0));
    if (sameList(run, sorted)) continue;
    moved.push({ run, sorted });
    const base = downs.get(run[0]) ?? [];
    sorted.forEach((id, index) => {
      downs.set(id, index === 0 ? [...base] : [sorted[index - 1]]);
    });
    const oldTail = run[run.length - 1];
    const newTail = sorted[sorted.length - 1];
    const members = new Set(run);
    for (const child of downChildren.get(oldTail) ?? []) {
      if (members.has(child)) continue;
      downs.set(
        child,
        (downs.get(child) ?? []).map((down) => down === oldTail ? newTail : down)
      );
    }
  }
  const edits = [];
  for (const id of graph.ids) {
    const analyzed = graph.revisions.get(id);
    const from = analyzed?.revision.downRevisions ?? [];
    const to = downs.get(id) ?? [];
    if (analyzed && !sameList(from, to)) edits.push({ id, file: analyzed.revision.file, from: [...from], to });
  }
  const proposed = withDowns(graph, downs);
  const inRelease = new Set(release);
  const order = rankedOrder(proposed, parentsOf(proposed), (id) => rank.get(id) ?? 0).order.filter(
    (id) => inRelease.has(id)
  );
  const remainingConflicts = findConflicts(proposed, steps).length;
  if (format3 === "sql") {
    const files = moved.flatMap(({ sorted }) => sorted).map((id) => graph.revisions.get(id)?.revision.file ?? id);
    const blockers = [`plain SQL files run in file-name order: rename them so that they sort as ${files.join(", ")}`];
    return { reorder: { order, edits: [], remainingConflicts, blockers }, proposed };
  }
  return {
    reorder: { order, edits, remainingConflicts, blockers: blockersOf(graph, moved, edits, proposed) },
    proposed
  };
}

// src/services/plan-summary.ts
var SUMMARY_OPERATIONS = 4;
var DATA_VERBS = {
  update: "update rows of",
  delete: "delete rows of",
  insert: "insert rows into",
  "insert-select": "copy rows into",
  "bulk-insert": "insert rows into",
  merge: "merge rows into",
  copy: "copy rows into"
};
function compact(text, max = 50) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}\u2026` : flat;
}
function dotted(table2, column2) {
  return `${table2}.${column2}`;
}
function describeForPlan(op) {
  switch (op.kind) {
    case "create-table":
      return `create table ${op.table}`;
    case "drop-table":
      return `drop table ${op.table}`;
    case "rename-table":
      return `rename table ${op.table} to ${op.newName}`;
    case "add-column":
      return `add column ${dotted(op.table, op.column.name)}${op.column.nullable ? "" : " NOT NULL"}`;
    case "drop-column":
      return `drop column ${dotted(op.table, op.column)}`;
    case "rename-column":
      return `rename column ${dotted(op.table, op.column)} to ${op.newName}`;
    case "set-not-null":
      return `set ${dotted(op.table, op.column)} NOT NULL`;
    case "drop-not-null":
      return `allow NULL in ${dotted(op.table, op.column)}`;
    case "change-column-type":
      return `change type of ${dotted(op.table, op.column)}${op.toType ? ` to ${op.toType}` : ""}`;
    case "set-column-default":
      return `${op.default === void 0 ? "drop" : "set"} default of ${dotted(op.table, op.column)}`;
    case "create-index":
      return `create ${op.unique ? "unique " : ""}index ${op.name ?? "(unnamed)"} on ${op.table}`;
    case "drop-index":
      return `drop index ${op.name}`;
    case "add-constraint":
      return `add ${op.constraintType} constraint ${op.name ?? "(unnamed)"} on ${op.table}`;
    case "drop-constraint":
      return `drop constraint ${op.name} on ${op.table}`;
    case "validate-constraint":
      return `validate constraint ${op.name} on ${op.table}`;
    case "create-object":
      return `create ${op.objectType} ${op.name}`;
    case "drop-object":
      return `drop ${op.objectType} ${op.name}`;
    case "rename-object":
      return `rename ${op.objectType} ${op.name} to ${op.newName}`;
    case "alter-enum-add-value":
      return `add value ${op.value} to type ${op.typeName}`;
    case "data-change":
      return op.table === void 0 ? `change rows (${compact(op.text)})` : `${DATA_VERBS[op.statement]} ${op.table}`;
    case "truncate":
      return `truncate ${op.tables.join(", ")}`;
    default:
      return compact(op.text);
  }
}
function summarizeOperations(operations) {
  const parts = operations.filter((op) => !op.continuesDirective);
  const meaningful = parts.filter((op) => op.phase !== "neutral");
  const shown = meaningful.length > 0 ? meaningful : parts;
  if (shown.length === 0) return "no operations";
  const counts = /* @__PURE__ */ new Map();
  for (const op of shown) {
    const text = describeForPlan(op);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const named = [...counts.keys()].slice(0, SUMMARY_OPERATIONS);
  const rest = shown.length - named.reduce((total, text) => total + (counts.get(text) ?? 0), 0);
  return `${named.join("; ")}${rest > 0 ? `; and ${rest} more` : ""}`;
}

// src/services/plan-revisions.ts
var PLAN_RULES = [
  "contract-same-release",
  "mixed-phases",
  "ddl-with-backfill",
  "unbatched-backfill"
];
var MAX_LISTED = 10;
function stepKind(step) {
  return step <= 1 ? "before-deploy" : step === 3 ? "after-deploy" : "next-release";
}
var FindingIndex = class {
  places = /* @__PURE__ */ new Map();
  constructor(findings, suppressed) {
    for (const finding2 of findings) {
      const { related, ...first } = finding2;
      for (const place of [first, ...related ?? []]) {
        this.add(finding2, { span: place.span, message: place.message });
      }
    }
    for (const finding2 of suppressed) {
      this.add(finding2, finding2, finding2.suppression.reason ?? "accepted without a written reason");
    }
  }
  add(finding2, place, acceptedBecause) {
    if (!PLAN_RULES.includes(finding2.rule) || finding2.revision === void 0) return;
    const key = `${finding2.span.file}\0${finding2.revision}`;
    const entry = {
      rule: finding2.rule,
      severity: finding2.severity,
      message: place.message,
      line: place.span.line,
      column: place.span.column,
      ...acceptedBecause !== void 0 ? { acceptedBecause } : {}
    };
    const list2 = this.places.get(key);
    if (list2) list2.push(entry);
    else this.places.set(key, [entry]);
  }
  of(analyzed, rule) {
    const list2 = this.places.get(`${analyzed.revision.file}\0${analyzed.revision.id}`) ?? [];
    return list2.filter((place) => place.rule === rule).sort((a, b) => a.line - b.line || a.column - b.column);
  }
};
function planFinding(place) {
  const { column: _column, ...finding2 } = place;
  return finding2;
}
function roleOf(analyzed) {
  const phases = analyzed.phases.filter((phase) => phase !== "neutral");
  if (phases.length > 1) return "mixed";
  return phases[0] ?? analyzed.declaredPhase?.phase ?? "neutral";
}
function factsOf(analyzed, index) {
  const sameRelease2 = index.of(analyzed, "contract-same-release");
  const standing = new Set(
    sameRelease2.filter((place) => place.acceptedBecause === void 0).map((place) => `${place.line}:${place.column}`)
  );
  const opSteps = /* @__PURE__ */ new Map();
  for (const op of analyzed.operations) {
    if (op.phase === "neutral") continue;
    const deferred = op.phase === "contract" && standing.has(`${op.span.line}:${op.span.column}`);
    opSteps.set(op, op.phase === "expand" ? 1 : deferred ? 4 : 3);
  }
  const role = roleOf(analyzed);
  const steps = [...opSteps.values()];
  const earliest = analyzed.phases[0];
  const ownStep = role === "neutral" ? void 0 : role === "mixed" ? earliest === "expand" ? 1 : 3 : role === "expand" ? 1 : role === "contract" ? Math.max(3, ...steps) : 3;
  return {
    analyzed,
    role,
    ...ownStep !== void 0 ? { ownStep } : {},
    opSteps,
    sameRelease: sameRelease2,
    batching: index.of(analyzed, "unbatched-backfill"),
    mixing: [...index.of(analyzed, "mixed-phases"), ...index.of(analyzed, "ddl-with-backfill")]
  };
}
var LOCK_STRENGTH = new Map(LOCK_MODES.map((mode, index) => [mode, index]));
function locksOf(operations, lockModel) {
  if (!lockModel) return [];
  const byTable = /* @__PURE__ */ new Map();
  for (const op of operations) {
    const facts = op.lock;
    if (facts?.lock === void 0 || op.table === void 0) continue;
    const key = tableKey(op.table);
    const known = byTable.get(key);
    const strength = LOCK_STRENGTH.get(facts.lock) ?? 0;
    const knownStrength = known ? LOCK_STRENGTH.get(known.lock) ?? 0 : -1;
    if (strength < knownStrength) continue;
    const same = strength === knownStrength;
    byTable.set(key, {
      table: known?.table ?? op.table,
      lock: facts.lock,
      rewrite: same && known?.rewrite || facts.rewrite,
      scan: same && known?.scan || facts.scan,
      newTable: (same ? known?.newTable ?? true : true) && facts.newTable === true
    });
  }
  return [...byTable.values()].sort(
    (a, b) => (LOCK_STRENGTH.get(b.lock) ?? 0) - (LOCK_STRENGTH.get(a.lock) ?? 0) || (a.table < b.table ? -1 : 1)
  );
}
function batchingOf(facts) {
  const backfills = facts.analyzed.operations.filter((op) => op.phase === "backfill");
  if (backfills.length === 0) return void 0;
  if (facts.batching.some((place) => place.acceptedBecause === void 0)) return "unbatched";
  if (facts.batching.length > 0) return "accepted";
  const dataChanges = backfills.filter((op) => op.kind === "data-change");
  return dataChanges.length > 0 && dataChanges.every((op) => op.context.inLoop) ? "batched" : "not-flagged";
}
function unmodelledDialect(operations, dialect) {
  if (dialect !== "postgresql") return dialect;
  if (operations.length === 0 || operations.some((op) => op.dialect === "postgresql")) return void 0;
  return operations[0]?.dialect;
}
function plannedRevision(facts, step, dialect) {
  const { analyzed } = facts;
  const { revision } = analyzed;
  const batching = batchingOf(facts);
  const unmodelled = unmodelledDialect(analyzed.operations, dialect);
  return {
    id: revision.id,
    file: revision.file,
    ...revision.message !== void 0 ? { message: revision.message } : {},
    role: facts.role,
    phases: analyzed.phases.filter((phase) => phase !== "neutral"),
    ...analyzed.declaredPhase ? { declaredPhase: analyzed.declaredPhase.phase } : {},
    step,
    summary: summarizeOperations(analyzed.operations),
    locks: locksOf(analyzed.operations, unmodelled === void 0),
    ...unmodelled !== void 0 ? { locksNotModelled: unmodelled } : {},
    unknownEffects: analyzed.operations.filter((op) => op.kind === "opaque").length,
    ...batching !== void 0 ? { batching } : {},
    batchingFindings: facts.batching.map(planFinding),
    sameRelease: facts.sameRelease.map(planFinding)
  };
}
function compactText(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}\u2026` : flat;
}
function mixedRevision(facts, step) {
  const placed = facts.analyzed.phases[0];
  const moves = /* @__PURE__ */ new Map();
  for (const [op, opStep] of facts.opSteps) {
    if (op.phase === "neutral" || op.continuesDirective || op.phase === placed) continue;
    const key = `${opStep}\0${op.phase}`;
    const move = moves.get(key);
    if (move) move.ops.push(op);
    else moves.set(key, { phase: op.phase, step: opStep, ops: [op] });
  }
  const ordered = [...moves.values()].sort((a, b) => a.step - b.step || a.phase.localeCompare(b.phase));
  return {
    id: facts.analyzed.revision.id,
    file: facts.analyzed.revision.file,
    step,
    moves: ordered.map(
      (move) => ({
        phase: move.phase,
        step: stepKind(move.step),
        operations: move.ops.slice(0, MAX_LISTED).map((op) => ({ line: op.span.line, text: compactText(op.text) })),
        total: move.ops.length
      })
    ),
    findings: facts.mixing.map(planFinding)
  };
}

// src/services/plan.ts
var EDIT_RULE = "revision-edited";
var MIXED_RULES = ["mixed-phases", "ddl-with-backfill"];
var revisionKey = (file, id) => `${file}\0${id}`;
function editsByHistory(request) {
  const byHistory = request.histories.map(() => ({ edits: [], blocked: /* @__PURE__ */ new Set() }));
  const historyOf = /* @__PURE__ */ new Map();
  request.histories.forEach((history, position) => {
    for (const analyzed of history.revisions) historyOf.set(analyzed.revision.id, position);
  });
  const edited = new Set(
    (request.changeUnderReview?.changes ?? []).flatMap(
      (change) => change.kind === "edited" ? [revisionKey(change.file, change.revision)] : []
    )
  );
  const helperRevisions = new Map(
    (request.changeUnderReview?.changes ?? []).flatMap(
      (change) => change.kind === "helper" ? [[change.file, change.revisions.map((revision) => revision.revision)]] : []
    )
  );
  const add = (finding2, acceptedBecause) => {
    if (finding2.rule !== EDIT_RULE) return;
    const named = finding2.revision ?? helperRevisions.get(finding2.span.file)?.find((id) => historyOf.has(id));
    const target = byHistory[(named !== void 0 ? historyOf.get(named) : void 0) ?? 0];
    if (!target) return;
    target.edits.push({
      ...finding2.revision !== void 0 ? { revision: finding2.revision } : {},
      file: finding2.span.file,
      rule: EDIT_RULE,
      severity: finding2.severity,
      line: finding2.span.line,
      message: finding2.message,
      hint: finding2.hint,
      ...acceptedBecause !== void 0 ? { acceptedBecause } : {}
    });
    const key = finding2.revision === void 0 ? void 0 : revisionKey(finding2.span.file, finding2.revision);
    if (acceptedBecause === void 0 && key !== void 0 && edited.has(key)) target.blocked.add(key);
  };
  for (const finding2 of request.findings) add(finding2);
  for (const finding2 of request.suppressed)
    add(finding2, finding2.suppression.reason ?? "accepted without a written reason");
  return byHistory;
}
function displaySteps(graph, release, own) {
  const latest = /* @__PURE__ */ new Map();
  const steps = /* @__PURE__ */ new Map();
  for (const id of runOrder(graph).order) {
    const parents = [...graph.downs.get(id) ?? [], ...graph.depends.get(id) ?? []];
    const above = Math.max(0, ...parents.map((parent) => latest.get(parent) ?? 0));
    const ownStep = release.has(id) ? own.get(id) : void 0;
    const step = ownStep ?? Math.max(1, above);
    if (release.has(id)) steps.set(id, step);
    latest.set(id, release.has(id) ? Math.max(above, step) : above);
  }
  return steps;
}
function branchLabels(graph) {
  const labels = /* @__PURE__ */ new Map();
  for (const id of runOrder(graph).order) {
    const own = graph.revisions.get(id)?.revision.branchLabels[0];
    const downs = graph.downs.get(id) ?? [];
    const inherited = downs.length === 1 ? labels.get(downs[0]) : void 0;
    const label = own === void 0 ? inherited : hasUnresolvedPart(own) ? void 0 : own;
    if (label !== void 0) labels.set(id, label);
  }
  return labels;
}
function tipsOf(graph, order, members) {
  const children = childrenOf(graph, true);
  const leadsInto = /* @__PURE__ */ new Set();
  for (let index = order.length - 1; index >= 0; index--) {
    const id = order[index];
    if ((children.get(id) ?? []).some((child) => members.has(child) || leadsInto.has(child))) leadsInto.add(id);
  }
  return order.filter((id) => members.has(id) && !leadsInto.has(id));
}
function planStep(kind, revisions, graph, order, format3, labels) {
  if (format3 === "sql") return { kind, revisions, commands: [], files: revisions.map((revision) => revision.file) };
  const tips = tipsOf(graph, order, new Set(revisions.map((revision) => revision.id)));
  const commands = tips.map((tip) => {
    const label = labels.get(tip);
    return `alembic upgrade ${label !== void 0 ? `${label}@` : ""}${tip}`;
  });
  return { kind, revisions, commands, files: [] };
}
function planHistory(history, number, index, dialect, { edits, blocked }) {
  const reviewed = blocked.size === 0 ? history : withoutBlocked(history, blocked);
  const graph = graphOf(reviewed);
  const releaseIds = graph.ids.filter((id) => graph.revisions.get(id)?.underReview);
  const format3 = graph.revisions.get(graph.ids[0] ?? "")?.revision.format ?? "alembic";
  const base = {
    history: number,
    scope: history.scope,
    format: format3,
    revisions: releaseIds.length,
    heads: history.heads,
    cycles: history.cycles.length,
    edited: edits
  };
  if (releaseIds.length === 0)
    return { ...base, outcome: "nothing-to-deploy", steps: [], conflicts: [], mixed: [] };
  const facts = new Map(releaseIds.map((id) => [id, factsOf(graph.revisions.get(id), index)]));
  const own = /* @__PURE__ */ new Map();
  for (const [id, fact] of facts) if (fact.ownStep !== void 0) own.set(id, fact.ownStep);
  const release = new Set(releaseIds);
  const labels = branchLabels(graph);
  if (own.size === 0) {
    const { order: order2 } = runOrder(graph);
    const revisions = order2.filter((id) => release.has(id)).map((id) => plannedRevision(facts.get(id), "any-time", dialect));
    const step = planStep("any-time", revisions, graph, order2, format3, labels);
    return { ...base, outcome: "one-step", steps: [step], conflicts: [], mixed: [] };
  }
  const raw = findConflicts(graph, own);
  const fix = raw.length > 0 ? proposeReorder(graph, releaseIds, own, format3, history.cycles.length) : void 0;
  const proposed = fix?.proposed ?? graph;
  const steps = displaySteps(proposed, release, own);
  const kindOf = (id) => stepKind(steps.get(id) ?? 1);
  const end = (id) => ({
    id,
    file: graph.revisions.get(id)?.revision.file ?? "",
    role: facts.get(id)?.role ?? "neutral",
    step: kindOf(id)
  });
  const { order } = runOrder(proposed);
  const planned = new Map(releaseIds.map((id) => [id, plannedRevision(facts.get(id), kindOf(id), dialect)]));
  const inStep = (kind) => order.filter((id) => release.has(id) && kindOf(id) === kind).map((id) => planned.get(id));
  const planSteps = [];
  for (const kind of ["before-deploy", "deploy", "after-deploy", "next-release"]) {
    const revisions = kind === "deploy" ? [] : inStep(kind);
    if (kind === "deploy") planSteps.push({ kind, revisions, commands: [], files: [] });
    else if (revisions.length > 0) planSteps.push(planStep(kind, revisions, proposed, order, format3, labels));
  }
  const mixed = releaseIds.map((id) => facts.get(id)).filter((fact) => fact.role === "mixed").map((fact) => mixedRevision(fact, kindOf(fact.analyzed.revision.id)));
  return {
    ...base,
    outcome: "steps",
    steps: planSteps,
    conflicts: raw.map((conflict) => ({
      revision: end(conflict.id),
      before: conflict.before.slice(0, MAX_LISTED).map(end),
      total: conflict.before.length,
      throughDependsOn: conflict.throughDependsOn
    })),
    mixed,
    ...fix ? { reorder: fix.reorder } : {}
  };
}
function withoutBlocked(history, blocked) {
  const revisions = history.revisions.map(
    (analyzed) => analyzed.underReview && blocked.has(revisionKey(analyzed.revision.file, analyzed.revision.id)) ? { ...analyzed, underReview: false } : analyzed
  );
  return { ...history, revisions };
}
function planReleases(request) {
  const index = new FindingIndex(request.findings, request.suppressed);
  const edits = editsByHistory(request);
  return request.histories.map(
    (history, position) => planHistory(history, position + 1, index, request.dialect, edits[position])
  );
}
function standingEdits(plans) {
  return plans.flatMap((plan) => plan.edited.filter((edit) => edit.acceptedBecause === void 0));
}
function mixedFindings(plans) {
  return plans.flatMap(
    (plan) => plan.mixed.flatMap((mixed) => mixed.findings.filter((finding2) => finding2.acceptedBecause === void 0))
  );
}

// src/cli/plan.ts
function requireRelease(settings) {
  if (settings.since === void 0 && settings.releaseAfter === void 0)
    throw new InputError(
      "plan needs the release under review: give --since REF or --release-after REV (or release-after in the config)"
    );
}
async function patchTexts(plans, sources, cwd) {
  const texts = /* @__PURE__ */ new Map();
  const withEdits = plans.filter((plan) => plan.format === "alembic" && (plan.reorder?.edits.length ?? 0) > 0);
  if (withEdits.length === 0) return texts;
  const [{ loadPythonParser }, { rewriteDownRevision }, { unifiedDiff }] = await Promise.all([
    import("./python-parser-2VL6EPQZ.js"),
    import("./down-revision-text-AN6ASCKC.js"),
    import("./unified-diff-6ZZ3MC5V.js")
  ]);
  const parser2 = await loadPythonParser();
  try {
    for (const plan of withEdits) {
      const text = { edits: [], patch: "", problems: [] };
      const diffs = [];
      for (const edit of plan.reorder?.edits ?? []) {
        const before = sources.get(edit.file);
        const rewritten = before === void 0 ? { problem: "not read" } : rewriteDownRevision(parser2, before, edit.to);
        if ("problem" in rewritten) {
          text.problems.push(`${edit.file}: ${rewritten.problem}`);
          continue;
        }
        text.edits.push({
          path: resolve8(cwd, edit.file),
          file: edit.file,
          before: before ?? "",
          after: rewritten.text
        });
        diffs.push(unifiedDiff(edit.file, before ?? "", rewritten.text));
      }
      texts.set(plan.history, { ...text, patch: diffs.join("") });
    }
  } finally {
    parser2.delete();
  }
  return texts;
}
function reported(plan, text) {
  if (!plan.reorder || !text) return plan;
  return {
    ...plan,
    reorder: { ...plan.reorder, blockers: [...plan.reorder.blockers, ...text.problems] },
    ...text.patch !== "" ? { patch: text.patch } : {}
  };
}
function writeOutput(path, text) {
  try {
    writeFileSync2(path, text);
  } catch (error) {
    throw new InputError(`${path}: cannot write the plan (${error.code ?? "error"})`);
  }
}
async function applyFixes(plans, texts, options, environment) {
  const conflicted = plans.filter((plan) => plan.conflicts.length > 0);
  if (conflicted.length === 0) {
    environment.stderr("migragate: --write: no order conflict, nothing to write\n");
    return [];
  }
  const ready = conflicted.filter((plan) => plan.patch !== void 0 && plan.reorder?.blockers.length === 0);
  for (const plan of conflicted.filter((candidate) => !ready.includes(candidate))) {
    const why = plan.reorder?.blockers.join("; ") || "no down_revision edit resolves it";
    environment.stderr(`migragate: --write: history ${plan.history} not rewritten: ${why}
`);
  }
  const edits = ready.flatMap((plan) => texts.get(plan.history)?.edits ?? []);
  if (edits.length === 0) return [];
  const files = edits.map((edit) => edit.file);
  if (!options.yes) {
    for (const plan of ready) environment.stderr(plan.patch ?? "");
    environment.stderr(`${REORDER_WARNING}
`);
    const question = `Rewrite down_revision in ${files.length} file(s): ${files.join(", ")}? [y/N] `;
    if (!await environment.confirm?.(question)) {
      environment.stderr("migragate: --write: nothing written\n");
      return [];
    }
  }
  const { applyFileEdits } = await import("./file-edits-IBZLEKUM.js");
  applyFileEdits(edits);
  environment.stderr(`migragate: rewrote down_revision in ${files.length} file(s): ${files.join(", ")}
`);
  return files;
}
async function planProject(options, environment, rewritten) {
  const analysis = await analyzeProject(
    options,
    environment,
    () => /* @__PURE__ */ new Set([...PLAN_RULES, EDIT_RULE]),
    requireRelease
  );
  const { settings, result } = analysis;
  const plans = planReleases({
    histories: result.histories,
    findings: result.findings,
    suppressed: result.suppressed,
    dialect: analysis.dialect,
    ...analysis.changeUnderReview ? { changeUnderReview: analysis.changeUnderReview } : {}
  });
  const texts = await patchTexts(plans, analysis.sources, environment.cwd);
  const reportedPlans = plans.map((plan) => reported(plan, texts.get(plan.history)));
  const failing = mixedFindings(plans).filter(
    (finding2) => MIXED_RULES.includes(finding2.rule) && settings.rules.has(finding2.rule) && failsGate(finding2.severity, settings.failOn)
  );
  const edits = standingEdits(plans).filter(
    (edit) => settings.rules.has(EDIT_RULE) && failsGate(edit.severity, settings.failOn)
  );
  const conflicts = plans.reduce((total, plan) => total + plan.conflicts.length, 0);
  const ruleDocs = ruleDocsTemplate(environment.repositoryUrl, settings.docsUrl);
  const input = {
    tool: { name: "migragate", version: environment.version },
    ...ruleDocs !== void 0 ? { ruleDocs } : {},
    dialect: analysis.dialect,
    lockModel: analysis.dialect === "postgresql",
    release: {
      ...settings.since !== void 0 ? { since: settings.since } : {},
      ...settings.releaseAfter !== void 0 ? { releaseAfter: settings.releaseAfter } : {},
      ...settings.startAfter !== void 0 ? { startAfter: settings.startAfter } : {}
    },
    ...rewritten !== void 0 ? { rewritten } : {},
    plans: reportedPlans,
    skipped: analysis.skipped,
    failOn: settings.failOn,
    passed: analysis.failed.length === 0 && conflicts === 0 && failing.length === 0 && edits.length === 0
  };
  return {
    input,
    plans: reportedPlans,
    texts,
    failed: analysis.failed.map((file) => file.file),
    exitCode: conflicts > 0 || failing.length > 0 || edits.length > 0 ? 1 : 0
  };
}
async function deliver(planned, options, environment) {
  const width = options.output === void 0 ? environment.width : void 0;
  const rendered = (await planRendererFor(options.format, width)).render(planned.input);
  if (options.output !== void 0) writeOutput(options.output, rendered);
  else environment.stdout(rendered);
  if (environment.stepSummary) {
    const summary = options.format === "markdown" ? rendered : (await planRendererFor("markdown")).render(planned.input);
    try {
      appendFileSync2(environment.stepSummary, summary);
    } catch (error) {
      const code = error.code ?? "error";
      environment.stderr(`migragate: ${environment.stepSummary}: cannot append the step summary (${code})
`);
    }
  }
}
async function runPlan(options, environment) {
  if (options.write && !options.yes && !environment.confirm)
    throw new InputError(
      "--write asks before it edits revision files, and there is no terminal to ask on: add --yes to apply the fix without asking"
    );
  const first = await planProject(options, environment);
  let planned = first;
  if (options.write && first.failed.length === 0) {
    const written = await applyFixes(first.plans, first.texts, options, environment);
    if (written.length > 0) planned = await planProject(options, environment, written);
  }
  await deliver(planned, options, environment);
  if (planned.failed.length > 0) {
    const names = planned.failed.join(", ");
    environment.stderr(`migragate: ${planned.failed.length} file(s) could not be analysed (see the plan): ${names}
`);
    return 2;
  }
  return planned.exitCode;
}

// src/cli/terminal.ts
function reportWidth(env2, stdout) {
  const columns = /^\s*\d+\s*$/.test(env2.COLUMNS ?? "") ? Number(env2.COLUMNS) : 0;
  const width = columns > 0 ? columns : stdout.isTTY === true ? stdout.columns ?? 0 : 0;
  return width > 0 ? width : void 0;
}
function terminalConfirm() {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return void 0;
  return async (question) => {
    const { createInterface } = await import("node:readline/promises");
    const terminal = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^\s*y(?:es)?\s*$/i.test(await terminal.question(question));
    } finally {
      terminal.close();
    }
  };
}

// src/cli/main.ts
function cacheOption(folder, paths) {
  if (folder === void 0) return {};
  const project = [process.cwd(), ...paths].join("\0");
  return { cache: () => ExtractionCache.open(folder, project, "0.1.0-7c7759dbacd1") };
}
var EXIT_USAGE = 2;
function postgresMajor(value) {
  const major = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!(major >= MIN_POSTGRES_VERSION && major <= MAX_POSTGRES_VERSION)) {
    throw new InputError(
      `--postgres-version: expected a major version from ${MIN_POSTGRES_VERSION} to ${MAX_POSTGRES_VERSION}, got "${value}"`
    );
  }
  return major;
}
function list(values) {
  return (values ?? []).flatMap((value) => String(value).split(",")).map((value) => value.trim()).filter((value) => value !== "");
}
function repeated(value) {
  return value === void 0 ? [] : typeof value === "string" ? [value] : [...value];
}
function useColor(stream) {
  const { NO_COLOR: noColor, FORCE_COLOR: forceColor } = process.env;
  if (noColor !== void 0 && noColor !== "") return false;
  if (forceColor !== void 0 && forceColor !== "") return forceColor !== "0" && forceColor !== "false";
  return stream.isTTY === true;
}
function threadOptions(startup) {
  const threads = Number.parseInt(process.env.MIGRAGATE_THREADS ?? "", 10);
  return {
    ...startup.layout.workerScript ? { workerScript: startup.layout.workerScript } : {},
    ...startup.prestarted ? { prestarted: startup.prestarted } : {},
    ...Number.isInteger(threads) && threads > 0 ? { threads } : {}
  };
}
function ruleDoc(rule, docsFolder) {
  const path = join2(docsFolder, "rules", `${rule}.md`);
  return existsSync(path) ? readFileSync4(path, "utf8") : void 0;
}
function listRules() {
  const metas = ALL_ANALYZERS.map((analyzer) => analyzer.meta);
  const width = Math.max(...metas.map((meta) => meta.name.length));
  const groupWidth = Math.max(...RULE_GROUPS.map((group) => group.name.length));
  const lines = RULE_GROUPS.flatMap(
    (group) => metas.filter((meta) => meta.group === group.name).map(
      (meta) => `${meta.name.padEnd(width)}  ${meta.group.padEnd(groupWidth)}  ${meta.defaultSeverity.padEnd(7)}  ${meta.enabledByDefault === false ? "off" : "on "}  ${meta.summary}`
    )
  );
  const groups = RULE_GROUPS.map((group) => `  ${group.name.padEnd(groupWidth)}  ${group.summary}`);
  return `${lines.join("\n")}

groups (select, extend-select and ignore take rule names, group names and ALL):
${groups.join("\n")}
`;
}
function explain(rule, docsFolder) {
  if (rule === void 0 || rule.trim() === "")
    throw new InputError("explain needs a rule name: migragate explain <rule> (see `migragate rules`)");
  const names = ALL_ANALYZERS.map((candidate) => candidate.meta.name);
  const analyzer = ALL_ANALYZERS.find((candidate) => candidate.meta.name === rule);
  if (!analyzer) {
    const suggestion = closestName(rule, names);
    throw new InputError(
      `unknown rule "${rule}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""} (see \`migragate rules\`)`
    );
  }
  const { meta } = analyzer;
  const doc = ruleDoc(rule, docsFolder);
  if (doc) return doc.endsWith("\n") ? doc : `${doc}
`;
  return `${meta.name} (${meta.defaultSeverity})

${meta.summary}

Why: ${meta.rationale}

Instead: ${meta.safeAlternative}
`;
}
function alembicVersionFlag(value) {
  if (ALEMBIC_VERSION.test(value.trim())) return value.trim();
  throw new InputError(`--alembic-version: expected a version such as 1.13.1, got "${value}"`);
}
function selectors(flag, values) {
  const names = list(values);
  if (values !== void 0 && names.length === 0)
    throw new InputError(`${flag} needs rule or group names, comma-separated (see \`migragate rules\`)`);
  return names;
}
function dialectFlag(value) {
  const dialect = dialectNamed(value);
  if (!dialect) throw new InputError(`--dialect: expected ${DIALECT_CHOICES}, got "${value}"`);
  return dialect;
}
function nonEmpty(flag, value) {
  if (value.trim() === "") throw new InputError(`${flag} needs a value`);
  return value.trim();
}
function revisionList(value) {
  const ids = list(repeated(value));
  if (ids.length === 0) throw new InputError("--start-after needs a value");
  return ids;
}
function configFlag(value) {
  if (Array.isArray(value)) {
    if (value.includes(false)) throw new InputError("--config and --no-config: give one");
    throw new InputError("--config: give one config file");
  }
  if (value === false) return false;
  if (typeof value !== "string" || value.trim() === "") throw new InputError("--config needs a file path");
  if (!existsSync(value)) throw new InputError(`--config: ${value} does not exist`);
  return value;
}
var COMMANDS = ["check", "plan", "init", "rules", "explain"];
function projectFlags(args) {
  return {
    ...args["fail-on"] ? { failOn: args["fail-on"] } : {},
    ...args.dialect !== void 0 ? { dialect: dialectFlag(args.dialect) } : {},
    ...args["alembic-version"] !== void 0 ? { alembicVersion: alembicVersionFlag(args["alembic-version"]) } : {},
    ...args["postgres-version"] !== void 0 ? { postgresVersion: postgresMajor(String(args["postgres-version"])) } : {},
    ...args["assume-in-transaction"] !== void 0 ? { assumeInTransaction: args["assume-in-transaction"] } : {},
    ...args.since !== void 0 ? { since: nonEmpty("--since", args.since) } : {},
    ...args["release-after"] !== void 0 ? { releaseAfter: nonEmpty("--release-after", args["release-after"]) } : {},
    ...args["start-after"] !== void 0 ? { startAfter: revisionList(args["start-after"]) } : {},
    ...args.config !== void 0 ? { config: configFlag(args.config) } : {}
  };
}
function unknownCommand(first) {
  if (first === void 0 || first.startsWith("-") || COMMANDS.includes(first)) return;
  const suggestion = closestName(first, COMMANDS);
  throw new InputError(
    `unknown command "${first}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}: the commands are ${COMMANDS.join(", ")}`
  );
}
function invalidChoice(message) {
  const match = /^Invalid values: Argument: ([\w-]+), Given: "([^"]*)", Choices: (.+)$/.exec(message);
  if (!match) return message;
  const [, option, given = "", listed = ""] = match;
  const choices = listed.split(/,\s*/).map((choice) => choice.replace(/^"|"$/g, ""));
  const suggestion = closestName(given, choices);
  return `--${option} must be one of ${choices.join(", ")} (got "${given}")${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`;
}
function withoutHelpCache(parser2) {
  const internals = parser2.getInternalMethods?.().getUsageInstance?.();
  if (typeof internals?.cacheHelpMessage === "function") internals.cacheHelpMessage = () => void 0;
  return parser2;
}
async function main(argv, startup = { layout: installLayout(import.meta.url) }) {
  let exitCode = 0;
  const write = (text) => process.stdout.write(text);
  try {
    await withoutHelpCache(yargs_default([...argv])).scriptName("migragate").usage("$0 <command> [options]").command(
      "check [paths..]",
      "Analyse Alembic migrations (a project with alembic.ini, a migrations or versions folder, or revision files)",
      (command2) => command2.positional("paths", {
        type: "string",
        array: true,
        describe: "Paths to analyse (default: the current folder)"
      }).option("format", {
        choices: REPORT_FORMATS,
        describe: "Report format (default: text, or the format --output's extension names: .json, .sarif, .xml for JUnit, .md); repeat it (each with its --output) to write several reports"
      }).option("output", {
        alias: "o",
        type: "string",
        describe: "Write the report of the --format at the same position to this file (default: stdout)"
      }).option("select", {
        type: "string",
        array: true,
        describe: "Run only these rules or groups (comma-separated; ALL for every rule)"
      }).option("extend-select", {
        type: "string",
        array: true,
        describe: "Run these rules or groups besides the default set (comma-separated)"
      }).option("ignore", { type: "string", array: true, describe: "Skip these rules or groups (comma-separated)" }).option("fail-on", {
        choices: ["error", "warning", "info", "never"],
        describe: "Exit 1 when a finding is at or above this severity (default: error)"
      }).option("dialect", {
        type: "string",
        describe: "SQL dialect for every history (default: decided from the project: a versions/<dialect>/ folder, alembic.ini's URL unless env.py replaces it, the database driver it depends on, else postgresql)"
      }).option("alembic-version", {
        type: "string",
        describe: "Alembic version the project uses (default: the config's, else from uv.lock, poetry.lock, pyproject.toml or requirements*.txt)"
      }).option("postgres-version", {
        type: "string",
        describe: "Major version of the PostgreSQL server (9 to 18, default 16): decides lock and rewrite facts"
      }).option("assume-in-transaction", {
        type: "boolean",
        describe: "Plain .sql migration files each run inside one transaction (Flyway, dbmate); default: statement by statement"
      }).option("fail-on-opaque", {
        type: "boolean",
        describe: "Fail the gate on any operation migragate could not read (opaque) in the revisions under review"
      }).option("since", {
        type: "string",
        describe: "Review only the revisions added or edited since this git revision (the rest is context); edits to merged revisions are revision-edited errors"
      }).option("release-after", {
        type: "string",
        describe: "Review only the revisions after this revision id: the release about to ship"
      }).option("start-after", {
        type: "string",
        describe: "Never report these revisions (comma-separated) and their ancestors (legacy history)"
      }).option("config", {
        type: "string",
        describe: "Config file to use (default: the nearest migragate.toml or pyproject.toml [tool.migragate]; --no-config: none)"
      }).option("cache", {
        type: "boolean",
        default: true,
        describe: "Reuse what earlier runs extracted from unchanged files (--no-cache: parse everything)"
      }).option("cache-dir", {
        type: "string",
        describe: "Where the cache lives (default: $MIGRAGATE_CACHE_DIR, else ~/.cache/migragate)"
      }),
      async (args) => {
        exitCode = await runCheck(
          {
            paths: list(args.paths),
            reports: pairReports(repeated(args.format), repeated(args.output)),
            select: selectors("--select", args.select),
            extendSelect: selectors("--extend-select", args["extend-select"]),
            ignore: selectors("--ignore", args.ignore),
            ...projectFlags(args),
            ...args["fail-on-opaque"] !== void 0 ? { failOnOpaque: args["fail-on-opaque"] } : {}
          },
          {
            cwd: process.cwd(),
            analyzers: ALL_ANALYZERS,
            version: "0.1.0",
            color: useColor(process.stdout),
            width: reportWidth(process.env, process.stdout),
            githubActions: process.env.GITHUB_ACTIONS === "true",
            ...process.env.GITHUB_STEP_SUMMARY ? { stepSummary: process.env.GITHUB_STEP_SUMMARY } : {},
            ..."" ? { repositoryUrl: "" } : {},
            stdout: write,
            stderr: (text) => process.stderr.write(text),
            ...threadOptions(startup),
            ...args.cache ? cacheOption(args["cache-dir"] ?? defaultCacheDir(process.env), list(args.paths)) : {}
          }
        );
      }
    ).command(
      "plan [paths..]",
      "The deploy plan of the release under review: what runs before the code deploy, after it, and next release",
      (command2) => command2.positional("paths", { type: "string", array: true, describe: "Paths to analyse, as for check" }).option("format", { choices: PLAN_FORMATS, default: "text", describe: "Plan format" }).option("output", { alias: "o", type: "string", describe: "Write the plan to this file (default: stdout)" }).option("fail-on", {
        choices: ["error", "warning", "info", "never"],
        describe: "Exit 1 when a mixed revision's finding is at or above this severity (default: error)"
      }).option("dialect", { type: "string", describe: "SQL dialect, as for check" }).option("alembic-version", { type: "string", describe: "Alembic version the project uses (e.g. 1.13.1)" }).option("postgres-version", {
        type: "string",
        describe: "Major version of the PostgreSQL server (9 to 18)"
      }).option("assume-in-transaction", {
        type: "boolean",
        describe: "Plain .sql files each run in one transaction"
      }).option("since", {
        type: "string",
        describe: "The release: the revisions added or edited since this git revision"
      }).option("release-after", { type: "string", describe: "The release: the revisions after this revision id" }).option("start-after", { type: "string", describe: "Never plan this revision and its ancestors (legacy)" }).option("config", { type: "string", describe: "Config file to use (--no-config: none)" }).option("write", {
        type: "boolean",
        default: false,
        describe: "Apply the fix for order conflicts (new down_revision values) to the revisions under review"
      }).option("yes", { type: "boolean", default: false, describe: "With --write: apply without asking" }).option("cache", {
        type: "boolean",
        default: true,
        describe: "Reuse earlier extractions (--no-cache: parse all)"
      }).option("cache-dir", { type: "string", describe: "Where the cache lives" }),
      async (args) => {
        if (Array.isArray(args.format) || Array.isArray(args.output))
          throw new InputError("plan writes one plan: give --format and --output at most once");
        const confirm = terminalConfirm();
        const width = reportWidth(process.env, process.stdout);
        exitCode = await runPlan(
          {
            paths: list(args.paths),
            select: [],
            ignore: [],
            format: args.format,
            ...args.output !== void 0 ? { output: args.output } : {},
            ...projectFlags(args),
            write: args.write,
            yes: args.yes
          },
          {
            cwd: process.cwd(),
            analyzers: ALL_ANALYZERS,
            version: "0.1.0",
            stdout: write,
            stderr: (text) => process.stderr.write(text),
            ...width !== void 0 ? { width } : {},
            ...process.env.GITHUB_STEP_SUMMARY ? { stepSummary: process.env.GITHUB_STEP_SUMMARY } : {},
            ...confirm ? { confirm } : {},
            ..."" ? { repositoryUrl: "" } : {},
            ...threadOptions(startup),
            ...args.cache ? cacheOption(args["cache-dir"] ?? defaultCacheDir(process.env), list(args.paths)) : {}
          }
        );
      }
    ).command(
      "init [path]",
      "Adopt migragate: write the baseline and settings to pyproject.toml or migragate.toml, print CI snippets",
      (command2) => command2.positional("path", { type: "string", describe: "The project or migrations folder (default: .)" }).option("force", { type: "boolean", default: false, describe: "Replace settings that hold other values" }),
      async (args) => {
        const { runInit } = await import("./init-3PCHZASL.js");
        exitCode = await runInit(
          { ...args.path !== void 0 ? { path: args.path } : {}, force: args.force },
          {
            cwd: process.cwd(),
            version: "0.1.0",
            stdout: write,
            ..."" ? { repositoryUrl: "" } : {}
          }
        );
      }
    ).command("rules", "List the rules", {}, () => {
      write(listRules());
    }).command(
      "explain [rule]",
      "Explain a rule: what it catches, why, and the safe alternative",
      (command2) => command2.positional("rule", { type: "string" }),
      (args) => {
        write(
          reflowMarkdown(explain(args.rule, startup.layout.docsFolder), reportWidth(process.env, process.stdout))
        );
      }
    ).demandCommand(1, `name a command: ${COMMANDS.slice(0, -1).join(", ")} or ${COMMANDS.at(-1)}`).strict().wrap(null).version("0.1.0").help().fail((message, error) => {
      if (!error) unknownCommand(argv[0]);
      throw error ?? new InputError(invalidChoice(message.replace(/\s*\n\s*/g, " ")));
    }).parseAsync();
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`migragate: ${error.message}
`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`migragate: internal error: ${message}
`);
    return EXIT_USAGE;
  }
  return exitCode;
}
export {
  main
};
