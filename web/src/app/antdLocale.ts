// antd's locale files are typed as CommonJS under NodeNext; unwrap the default either way.
import type { Locale as AntLocale } from 'antd/es/locale/index.js';
import zhMod from 'antd/es/locale/zh_CN.js';
import enMod from 'antd/es/locale/en_US.js';

const unwrap = (m: unknown) => ((m as { default?: AntLocale }).default ?? m) as AntLocale;

export const antdZh = unwrap(zhMod);
export const antdEn = unwrap(enMod);
