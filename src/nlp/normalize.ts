// Text normalisation applied to every citizen text before any NLP step (classifier, place
// parsing, duplicates). The original text is kept for display; this form is for matching only.
//   - HTML tags, comments, script/style bodies removed; entities decoded (&nbsp; → space)
//   - control and zero-width characters removed
//   - full-width letters, digits and punctuation (U+FF01–FF5E) → ASCII; ideographic space → space
//   - traditional (Taiwan and Hong Kong variants) → simplified Chinese (opencc-js)
//   - whitespace folded to single spaces and trimmed; latin letters lower-cased
// It is idempotent on ordinary text: normalize(normalize(x)) === normalize(x).
import { Converter } from 'opencc-js/t2cn';

type Convert = (s: string) => string;
let toSimplified: Convert | undefined;

/** Built once per process: Taiwan (with phrases, 軟體 → 软件) then Hong Kong variants → mainland. */
function converter(): Convert {
  if (!toSimplified) {
    const tw = Converter({ from: 'twp', to: 'cn' });
    const hk = Converter({ from: 'hk', to: 'cn' });
    toSimplified = (s) => hk(tw(s));
  }
  return toSimplified;
}

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  middot: '·', hellip: '…', mdash: '—', ndash: '–', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  times: '×', divide: '÷', deg: '°', yen: '¥', copy: '©', reg: '®', laquo: '«', raquo: '»',
};

const RE_SCRIPT = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const RE_COMMENT = /<!--[\s\S]*?-->/g;
// A tag starts with a letter (or /letter, !doctype); "a<b" or "1 < 2" in prose is left alone.
const RE_TAG = /<\/?[a-zA-Z!][^<>]*>/g;
const RE_ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g;
// C0/C1 controls except tab/newline/CR (folded as whitespace later), zero-width and bidi marks, BOM.
// eslint-disable-next-line no-control-regex
const RE_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\uFFFC\uFFFD]/g;
// Terminal escape sequences pasted with a text (colour codes: ESC [ 31 m), removed whole.
// eslint-disable-next-line no-control-regex
const RE_ANSI = /\u001B(?:\[[0-9;?]*[ -\/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[@-Z\\-_])/g;
// A surrogate half without its other half is no character at all.
const RE_LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const RE_SPACE = /[\s\u3000\u00A0]+/g;
const RE_FULLWIDTH = /[\uFF01-\uFF5E\u3000]/g;
const RE_HAS_HAN = /[\u3400-\u9FFF\uF900-\uFAFF]/;
const RE_HTMLISH = /[<&]/;

function decodeEntity(m: string, body: string): string {
  if (body[0] === '#') {
    const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return ' ';
    return String.fromCodePoint(cp);
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? m;
}

/** Strips markup: HTML tags and comments go, block tags become spaces, entities are decoded. */
export function stripHtml(text: string): string {
  if (!RE_HTMLISH.test(text)) return text;
  // Entities first, so escaped markup from rich-text editors (&lt;p&gt;) goes with the tags.
  return text
    .replace(RE_ENTITY, decodeEntity)
    .replace(RE_SCRIPT, ' ')
    .replace(RE_COMMENT, ' ')
    .replace(RE_TAG, ' ');
}

/** Full-width ASCII forms → ASCII; ideographic space → space. CJK punctuation (。、「」) is kept. */
export function toHalfWidth(text: string): string {
  return text.replace(RE_FULLWIDTH, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

// Characters that are ordinary simplified Chinese but that the Taiwan converter maps on their
// own (么 → 幺 as in 什么, 著 → 着 as in 著名): they do not make a text traditional. 么 alone was
// enough to send most long messages through the whole converter.
const SIMPLIFIED_TOO = new Set(['么', '著']);

// Per character: does it change on its own? Most citizen text is already simplified, and a scan
// with this cache is several times cheaper than running the converter over the whole text.
const changes = new Map<number, boolean>();
function changesAlone(c: number): boolean {
  let v = changes.get(c);
  if (v === undefined) {
    const ch = String.fromCharCode(c);
    v = !SIMPLIFIED_TOO.has(ch) && converter()(ch) !== ch;
    changes.set(c, v);
  }
  return v;
}
function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && changesAlone(c)) return true;
  }
  return false;
}

// Sentence ends: phrases never span them, so each sentence can be converted on its own.
const RE_SENTENCE = /[^。！？!?；;\n]*[。！？!?；;\n]*/g;

/**
 * Traditional (Taiwan/Hong Kong) → simplified, sentence by sentence: a sentence with no
 * character that converts on its own (plain simplified text) is left unchanged, so Taiwan
 * phrasing in simplified characters stays as typed, and a long simplified message with one
 * traditional word costs the converter one sentence, not the whole text.
 */
export function toSimplifiedChinese(text: string): string {
  if (!RE_HAS_HAN.test(text) || !hasTraditional(text)) return text;
  const convert = converter();
  return text.replace(RE_SENTENCE, (sentence) => (sentence && hasTraditional(sentence) ? convert(sentence) : sentence));
}

/** The matching form of a citizen text. Safe on any input (null/undefined give ''). */
export function normalize(text: string | null | undefined): string {
  if (!text) return '';
  let s = stripHtml(String(text));
  s = s.replace(RE_ANSI, '').replace(RE_LONE_SURROGATE, '').replace(RE_CONTROL, '');
  s = toHalfWidth(s);
  s = toSimplifiedChinese(s);
  return s.replace(RE_SPACE, ' ').trim().toLowerCase();
}
