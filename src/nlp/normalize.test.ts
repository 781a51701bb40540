import { describe, expect, it } from 'vitest';
import { normalize, stripHtml, toHalfWidth, toSimplifiedChinese } from './normalize.ts';

describe('normalize', () => {
  it('converts Taiwan traditional to simplified, including phrases', () => {
    expect(normalize('我們社區的自來水管破裂，請盡快處理')).toBe('我们社区的自来水管破裂,请尽快处理');
    expect(toSimplifiedChinese('這個軟體的滑鼠')).toBe('这个软件的鼠标');
    expect(normalize('臺灣 衛生局 後面')).toBe('台湾 卫生局 后面');
  });

  it('converts Hong Kong variants', () => {
    expect(normalize('衞生署 綫路')).toBe('卫生署 线路');
  });

  it('leaves simplified text unchanged apart from punctuation width', () => {
    const s = '小区门口的路灯坏了三个月，晚上出行很不方便。';
    expect(normalize(s)).toBe('小区门口的路灯坏了三个月,晚上出行很不方便。');
    expect(toSimplifiedChinese('著名的小区')).toBe('著名的小区');
  });

  it('maps full-width letters, digits, punctuation and ideographic space to ASCII', () => {
    expect(toHalfWidth('ＡＢＣ１２３！？（）')).toBe('ABC123!?()');
    expect(normalize('Ａ市Ａ３区　　暮云街道（电话：１３８００１３８０００）')).toBe('a市a3区 暮云街道(电话:13800138000)');
    // CJK punctuation is not a full-width form and stays
    expect(toHalfWidth('「好」、。')).toBe('「好」、。');
  });

  it('removes HTML tags, comments and scripts and decodes entities', () => {
    expect(normalize('<p>小区<b>噪音</b>扰民</p><br/>请处理&nbsp;&amp;回复')).toBe('小区 噪音 扰民 请处理 &回复');
    expect(normalize('<script>alert(1)</script>路灯<!-- x -->不亮')).toBe('路灯 不亮');
    expect(normalize('&#20013;&#x6587;')).toBe('中文');
    expect(stripHtml('&lt;p&gt;正文&lt;/p&gt;')).toBe(' 正文 ');
  });

  it('keeps comparison signs in prose', () => {
    expect(normalize('温度 < 10 度, a<b')).toBe('温度 < 10 度, a<b');
  });

  it('removes control and zero-width characters and folds whitespace', () => {
    expect(normalize('\u200b停\u0000水\u0007了\uFEFF')).toBe('停水了');
    expect(normalize('  第一行\r\n\t第二行 \n\n 第三行  ')).toBe('第一行 第二行 第三行');
  });

  it('removes terminal escape sequences whole and lone surrogate halves', () => {
    expect(normalize('路灯\u001b[31m坏了\u001b[0m')).toBe('路灯坏了');
    expect(normalize('停水\ud800了')).toBe('停水了');
    expect(normalize('停水\udc00了')).toBe('停水了');
    expect(normalize('表情😀保留')).toBe('表情😀保留'); // a whole pair stays
  });
  it('lower-cases latin letters', () => {
    expect(normalize('WiFi 信号差, 4G ＳＩＭ')).toBe('wifi 信号差, 4g sim');
  });

  it('is safe on empty input and idempotent on ordinary text', () => {
    expect(normalize('')).toBe('');
    expect(normalize(null)).toBe('');
    expect(normalize(undefined)).toBe('');
    for (const s of ['我們社區　停水了！！', '<div>Ｅ１２市卫計局</div> 重复征收', '温度 < 10']) {
      const once = normalize(s);
      expect(normalize(once)).toBe(once);
    }
  });

  it('keeps simplified characters the Taiwan converter would remap (么, 著), alone or in a traditional text', () => {
    expect(normalize('么')).toBe('么');
    expect(normalize('为什么没人管?这么多天了')).toBe('为什么没人管?这么多天了');
    expect(toSimplifiedChinese('這麼多天了為什么没人管')).toBe('这么多天了为什么没人管');
    expect(normalize('著名景区门票太贵')).toBe('著名景区门票太贵');
  });

  it('converts a long simplified message sentence by sentence: only the traditional sentence changes', () => {
    const plain = '小区门口的路灯坏了很久，晚上出行很不方便。'.repeat(40);
    const mixed = `${plain}請儘快派人維修路燈。${plain}`;
    expect(toSimplifiedChinese(mixed)).toBe(`${plain}请尽快派人维修路灯。${plain}`);
    expect(toSimplifiedChinese(`${plain}滑鼠壞了。`)).toBe(`${plain}鼠标坏了。`);
    expect(toSimplifiedChinese(`${plain}滑鼠不好用。路燈壞了。`)).toBe(`${plain}滑鼠不好用。路灯坏了。`); // no traditional character in the first
  });
});
