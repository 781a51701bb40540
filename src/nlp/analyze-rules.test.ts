import { describe, expect, it } from 'vitest';
import { explicitRequestType, requestTypeOf, urgencyCue } from './analyze-rules.ts';

describe('explicitRequestType: the type the caller states', () => {
  it.each([
    ['我想问一下社保怎么转移到外地', 'consult'],
    ['请问新生儿医保在哪里办理', 'consult'],
    ['公积金怎么提取', 'consult'],
    ['身份证丢了需要什么材料补办', 'consult'],
    ['想咨询一下公积金提取需要什么材料', 'consult'],
    ['我要投诉小区物业乱收费', 'complaint'],
    ['实名投诉某某公司拖欠工资', 'complaint'],
    ['来电投诉楼下KTV半夜扰民', 'complaint'],
    ['我想问社保断缴了能补吗', 'consult'],
    ['举报有人在河道里非法采砂', 'report'],
    ['表扬蕉城区城管队员拾金不昧', 'praise'],
    ['特此感谢供电所的师傅们连夜抢修', 'praise'],
    ['建议在学校门口增设红绿灯', 'suggestion'],
    ['小区门口路口太乱了，我建议加装一个红绿灯', 'suggestion'],
    // the earliest statement decides: a question about a complaint is a question
    ['请问我上周投诉的噪音问题为什么还没人处理', 'consult'],
  ])('%s → %s', (text, type) => {
    expect(explicitRequestType(text)).toBe(type);
  });

  it.each([
    '小区电梯坏了一个月没人修',
    '楼下烧烤店油烟太大，谢谢', // thanks at the end is courtesy
    '路灯不亮，希望尽快修好，感谢', // so is 感谢
    '投诉件已经办结了', // the word without a stated intention
    '楼上漏水到我家天花板已经三个月了，我多次向物业咨询都没有回复', // not near the start: part of the story
  ])('states nothing: %s', (text) => {
    expect(explicitRequestType(text)).toBeNull();
  });

  it('requestTypeOf falls back to subject cues, then help', () => {
    expect(requestTypeOf('楼下广场舞噪音扰民')).toBe('complaint');
    expect(requestTypeOf('小区电梯坏了一个月没人修')).toBe('help');
    expect(requestTypeOf('我想问一下，楼下广场舞噪音扰民怎么办')).toBe('consult');
  });
});

describe('urgencyCue', () => {
  it('gas smell → utilities with the fire service prompt; outage → utilities; negated danger is not a cue', () => {
    expect(urgencyCue('楼道里有很浓的煤气味')).toMatchObject({ level: 'utility', transferTo: '119', cue: '煤气味' });
    expect(urgencyCue('燃气泄漏了，有人晕倒')).toMatchObject({ level: 'emergency', transferTo: '120' }); // danger to people first
    expect(urgencyCue('没有闻到煤气味，只是燃气表不走字')).toMatchObject({ level: 'general' });
    expect(urgencyCue('小区没通知就停水了')).toMatchObject({ level: 'utility', cue: '停水' });
    expect(urgencyCue('有人持刀威胁')).toMatchObject({ level: 'emergency', transferTo: '110', suggest110: true });
    expect(urgencyCue('小区停水两天了')).toMatchObject({ level: 'utility', transferTo: null });
    expect(urgencyCue('目前没有生命危险，但路面坑很多')).toMatchObject({ level: 'general' });
  });

  it.each([
    ['我老公喝醉了一直打我，我现在很害怕', '110'],
    ['孩子掉进河里了，快来人', '120'],
    ['山体滑坡压住房子了', '119'],
    ['电梯困人了，里面有个小孩', '119'],
    ['蕉城区城南镇有个人站在桥边栏杆外面说要跳河，情绪很激动，周围人拉不住，快来人！', '110'],
    ['我被人打了，头在流血', '110'],
    ['商场的电梯突然停了，里面关着好几个人在拍门，快派人来', '119'],
    ['有人晕倒在路边，没有呼吸', '120'],
    ['路边有位老人摔倒了，头一直在流血', '120'],
    ['家里老人走失了，有阿尔茨海默症', '110'],
    ['有人冒充公检法打电话要我转账，我已经转了五万，怎么办', '110'],
    ['刚才楼下有人打架，现在还没散', '110'],
    ['隔壁一直传来女人的尖叫和哭喊声，好像在被打', '110'],
    ['工地有工人从脚手架上摔下来了', '120'],
    ['我老婆被车撞了，躺在地上起不来', '120'],
    ['太可怕了有人持刀在街上追人', '110'],
    ['几个社会青年持刀在店门口闹事', '110'],
    ['我老公喝醉了打我', '110'],
    ['有人被打得满脸是血', '110'],
    ['几个人围着打一个人', '110'],
    ['有人在菜市场门口被几个人围着打，流了很多血', '110'],
    ['路口有人摔倒了，流了很多血', '120'],
  ])('danger to people: %s → %s', (text, to) => {
    expect(urgencyCue(text)).toMatchObject({ level: 'emergency', transferTo: to });
  });

  it.each(['有事请打我电话13900000000', '麻烦打我手机', '自打我记事起这条路就没修过'])('no blow in "%s"', (text) => {
    expect(urgencyCue(text).transferTo).toBeNull();
  });

  it('a danger that is over is no cue', () => {
    expect(urgencyCue('上次着火的事情已经解决，谢谢')).toMatchObject({ level: 'general', cue: null });
    expect(urgencyCue('去年发生过火灾的那栋楼，消防通道又被堵了')).toMatchObject({ level: 'general' });
    expect(urgencyCue('楼下着火了，浓烟很大')).toMatchObject({ level: 'emergency', transferTo: '119' });
    expect(urgencyCue('去年我家着火了，保险公司到现在都不理赔')).toMatchObject({ level: 'general' });
    expect(urgencyCue('上周邻居打架的事情派出所处理不公，要投诉')).toMatchObject({ level: 'general' });
    expect(urgencyCue('邻居打架一事，派出所至今没有处理结果')).toMatchObject({ level: 'general' });
    // a past time in another clause says nothing of this one
    expect(urgencyCue('去年修过一次，今天楼下又着火了')).toMatchObject({ level: 'emergency', transferTo: '119' });
  });

  it('a hazard to fix is no call for 110/119/120', () => {
    expect(urgencyCue('小区楼道堆满杂物，存在火灾隐患')).toMatchObject({ level: 'general' });
    expect(urgencyCue('老房子墙体开裂，有倒塌的风险')).toMatchObject({ level: 'general' });
    expect(urgencyCue('电线裸露在外面，有触电危险')).toMatchObject({ level: 'general' });
    expect(urgencyCue('老人摔倒了，没有生命危险，想咨询医保报销')).toMatchObject({ level: 'general' });
    expect(urgencyCue('路面结冰，老人很容易摔倒')).toMatchObject({ level: 'general' });
    expect(urgencyCue('这个路口经常有人被车撞了也没人管，建议安装红绿灯')).toMatchObject({ level: 'general' });
    expect(urgencyCue('下雨路滑骑电动车摔倒意外摔伤，算工伤吗')).toMatchObject({ level: 'general' });
    expect(urgencyCue('阳台没有护栏，小孩可能摔下去了都没人知道')).toMatchObject({ level: 'general' });
    expect(urgencyCue('拖欠的是我们的救命钱，楼上小孩整天尖叫吵闹')).toMatchObject({ level: 'general' });
    expect(urgencyCue('水管爆了，水漫到马路上了')).toMatchObject({ level: 'utility', cue: '水管爆' });
    // a danger without a service of its own stays one
    expect(urgencyCue('路口井盖缺失，晚上很危险')).toMatchObject({ level: 'emergency', transferTo: null });
  });

  it('a praise reports no danger', () => {
    expect(urgencyCue('上次燃气泄漏的事处理得很及时，我要表扬一下燃气公司')).toMatchObject({ level: 'general', cue: null });
    expect(explicitRequestType('上次燃气泄漏的事处理得很及时，我要表扬一下燃气公司')).toBe('praise');
    expect(explicitRequestType('河边有人倾倒废机油，污染很严重，我要举报')).toBe('report');
    expect(explicitRequestType('拨打举报电话一直没人接')).toBeNull();
  });
});
