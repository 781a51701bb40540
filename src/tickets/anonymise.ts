// Public text must not carry people's details: phone numbers, ID numbers, plate-like or long
// digit runs, e-mail addresses and "X先生/女士" style names are masked.
export function anonymise(text: string | null): string | null {
  if (!text) return text;
  return text
    .replace(/[0-9]{17}[0-9Xx]/g, '[身份证号]')
    .replace(/(\+?86)?1[3-9][0-9]{9}/g, '[手机号]')
    .replace(/0[0-9]{2,3}-?[0-9]{7,8}/g, '[电话]')
    .replace(/[0-9]{7,}/g, '[号码]')
    .replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, '[邮箱]')
    .replace(/([\u4e00-\u9fa5])[\u4e00-\u9fa5]{0,2}(先生|女士|小姐|师傅|阿姨)/g, '$1$2');
}
