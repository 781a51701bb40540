// What a citizen says about themselves is not what the matter is about: "我叫王建国，身份证3509…，
// 电话139…，楼道灯坏了" is a broken hallway light, not an ID-card matter. Self-introductions, ID
// and phone numbers with the words that name them are taken out of the text the classifiers, the
// keyword rule and training read (features.ts, keyword-rule.ts); the ticket keeps its text as given.

const NAMED_ID = /(?:身份证|证件)(?:号码|号)?\s*(?:是|为|:)?\s*[0-9]{15,17}[0-9Xx]/g;
const NAMED_PHONE = /(?:联系人|联系)?(?:电话|手机|方式)(?:号码|号)?\s*(?:是|为|:)?\s*(?:(?:\+?86)?1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})/g;
const BARE_ID = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/g;
const BARE_MOBILE = /(?<![0-9])(?:\+?86)?1[3-9][0-9]{9}(?![0-9])/g;
const SELF_NAME = /(?:我叫|本人叫|我的名字是|姓名\s*:?)\s*[\u4e00-\u9fa5]{2,3}(?=[\s,，。.;；、]|$)/g;

/** The text without its writer's personal details (normalised text: half-width punctuation). */
export function withoutContactDetails(text: string): string {
  if (!/[0-9]{11}|我叫|本人叫|名字|姓名/.test(text)) return text; // most texts: one test, no copies
  return text.replace(NAMED_ID, ' ').replace(NAMED_PHONE, ' ').replace(BARE_ID, ' ').replace(BARE_MOBILE, ' ').replace(SELF_NAME, ' ');
}
