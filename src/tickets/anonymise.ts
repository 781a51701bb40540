// Public text must not carry people's details: phone numbers, ID numbers, plate-like or long
// digit runs, e-mail addresses and "X先生/女士" style names are masked; so are the name the
// citizen gave as contact (wherever it appears in the text) and "我叫…" / "姓名：…" self-introductions.
// A home's door is private too: room numbers and the unit-and-room tail of an address
// ("东街8号302室", "3栋2单元501") are masked; the street, estate and building stay, as a shared
// problem (3号楼的电梯) is told by them.
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function anonymise(text: string | null, names: (string | null | undefined)[] = []): string | null {
  if (!text) return text;
  let out = text;
  for (const n of names) {
    const name = n?.trim();
    if (name && [...name].length >= 2) out = out.replace(new RegExp(escapeRe(name), 'g'), '[姓名]');
  }
  return out
    .replace(/(我叫|本人叫|姓名[:：]?)\s*[\u4e00-\u9fa5]{2,3}/g, '$1[姓名]')
    .replace(/[0-9]{17}[0-9Xx]/g, '[身份证号]')
    .replace(/(\+?86)?1[3-9][0-9]{9}/g, '[手机号]')
    .replace(/0[0-9]{2,3}-?[0-9]{7,8}/g, '[电话]')
    .replace(/[0-9]{7,}/g, '[号码]')
    .replace(/[0-9]+\s*单元\s*[0-9]+\s*(?:室|号|户)?/g, '[门牌]')
    .replace(/[0-9]{2,5}\s*(?:室|房间|户)(?![\u4e00-\u9fa5]?[租])/g, '[门牌]')
    .replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, '[邮箱]')
    .replace(/([\u4e00-\u9fa5])[\u4e00-\u9fa5]{0,2}(先生|女士|小姐|师傅|阿姨)/g, '$1$2');
}
