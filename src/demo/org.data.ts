// The demo city's organisation: 宁德市's departments and utilities with the categories they own,
// the departments every county/district has, and a dozen knowledge-base articles.
export interface DeptDef {
  key: string;
  name: string;
  short: string;
  kind: 'department' | 'enterprise' | 'center';
  categories: string[];
}

export const CITY_CODE = '3509';
/** 蕉城区 is the city proper: city departments handle construction and city management there. */
export const CITY_PROPER = '350902';

export const CITY_UNITS: DeptDef[] = [
  { key: 'center', name: '宁德市12345政务服务便民热线中心', short: '12345中心', kind: 'center', categories: [] },
  { key: 'zjj', name: '宁德市住房和城乡建设局', short: '市住建局', kind: 'department', categories: ['01'] },
  { key: 'cgj', name: '宁德市城市管理局', short: '市城管局', kind: 'department', categories: ['02'] },
  { key: 'jtj', name: '宁德市交通运输局', short: '市交通运输局', kind: 'department', categories: ['03'] },
  { key: 'rsj', name: '宁德市人力资源和社会保障局', short: '市人社局', kind: 'department', categories: ['04'] },
  { key: 'sthjj', name: '宁德市生态环境局', short: '市生态环境局', kind: 'department', categories: ['05'] },
  { key: 'scjgj', name: '宁德市市场监督管理局', short: '市市场监管局', kind: 'department', categories: ['07'] },
  { key: 'jyj', name: '宁德市教育局', short: '市教育局', kind: 'department', categories: ['08'] },
  { key: 'wjw', name: '宁德市卫生健康委员会', short: '市卫健委', kind: 'department', categories: ['09'] },
  { key: 'slj', name: '宁德市水利局', short: '市水利局', kind: 'department', categories: ['10'] },
  { key: 'gaj', name: '宁德市公安局', short: '市公安局', kind: 'department', categories: ['11'] },
  { key: 'zrzyj', name: '宁德市自然资源局', short: '市自然资源局', kind: 'department', categories: ['12'] },
  { key: 'nyncj', name: '宁德市农业农村局', short: '市农业农村局', kind: 'department', categories: ['13'] },
  { key: 'mzj', name: '宁德市民政局', short: '市民政局', kind: 'department', categories: ['14'] },
  { key: 'ybj', name: '宁德市医疗保障局', short: '市医保局', kind: 'department', categories: ['15'] },
  { key: 'wlj', name: '宁德市文化和旅游局', short: '市文旅局', kind: 'department', categories: ['17'] },
  { key: 'water', name: '宁德市供水有限公司', short: '市供水公司', kind: 'enterprise', categories: ['1601'] },
  { key: 'power', name: '国网宁德供电公司', short: '宁德供电公司', kind: 'enterprise', categories: ['1602'] },
  { key: 'gas', name: '宁德市燃气有限公司', short: '市燃气公司', kind: 'enterprise', categories: ['1603'] },
];

/** Departments set up in every county/district (except those the city runs in the city proper). */
export const COUNTY_DEPTS: (DeptDef & { notInCityProper?: boolean })[] = [
  { key: 'zjj', name: '住房和城乡建设局', short: '住建局', kind: 'department', categories: ['01'], notInCityProper: true },
  { key: 'cgj', name: '城市管理局', short: '城管局', kind: 'department', categories: ['02'], notInCityProper: true },
  { key: 'rsj', name: '人力资源和社会保障局', short: '人社局', kind: 'department', categories: ['04'] },
  { key: 'scjgj', name: '市场监督管理局', short: '市场监管局', kind: 'department', categories: ['07'] },
  { key: 'jyj', name: '教育局', short: '教育局', kind: 'department', categories: ['08'] },
  { key: 'nyncj', name: '农业农村局', short: '农业农村局', kind: 'department', categories: ['13'] },
];

/** What a village/community may receive without a documented basis (准入清单). */
export const VILLAGE_WHITELIST = ['06', '130301', '130302', '060202', '110301'];

export const KB_ARTICLES: { title: string; category: string | null; keywords: string; body: string }[] = [
  {
    title: '住房公积金提取条件和办理渠道', category: '04', keywords: '公积金 提取 租房 购房',
    body: '职工购买、建造、翻建、大修自住住房，租房自住，离休退休，与单位终止劳动关系未再就业满半年等情形，可申请提取住房公积金。可通过"闽政通"App、住房公积金中心网上服务大厅或各县（市、区）管理部窗口办理，需携带身份证及相关证明材料。',
  },
  {
    title: '城乡居民医保缴费时间和方式', category: '150101', keywords: '医保 缴费 居民医保 闽政通',
    body: '城乡居民基本医疗保险按年度缴费，集中缴费期一般为上年9月至12月。可通过"闽政通"App、税务部门小程序、银行网点或村（社区）代收点缴费。新生儿、新落户人员可随时参保。',
  },
  {
    title: '夜间施工许可与噪声投诉处理', category: '050101', keywords: '夜间施工 噪音 许可 22点',
    body: '城市建成区内，22时至次日6时禁止产生噪声污染的建筑施工作业，因生产工艺要求或特殊需要必须连续施工的，须取得住建部门出具的证明并公告附近居民。无证夜间施工可由生态环境部门或综合执法部门查处，话务员可直接派单。',
  },
  {
    title: '义务教育入学划片查询', category: '080101', keywords: '入学 划片 学区 报名',
    body: '每年5月前后各县（市、区）教育局公布公办小学、初中招生片区及报名时间。家长可登录当地教育局网站或关注官方公众号查询，户籍、房产不一致的可咨询学校招生办或教育局基础教育股。',
  },
  {
    title: '身份证补办、换领办理须知', category: '110102', keywords: '身份证 补办身份证 身份证换证 临时身份证',
    body: '可到户籍所在地或居住地公安派出所户籍窗口办理，携带户口簿（或户籍证明），现场采集照片和指纹。省内跨市可异地办理；急需用证可同时申领临时身份证。办证周期一般不超过15个工作日，可选择邮寄。',
  },
  {
    title: '拖欠工资如何维权', category: '040101', keywords: '欠薪 讨薪 劳动监察 农民工',
    body: '劳动者被拖欠工资，可向用工所在地人社部门劳动保障监察机构投诉，或拨打12345登记。需提供用人单位名称、工作地点、欠薪时间与金额、劳动合同或考勤等证据。工程建设领域农民工欠薪实行"总包负责、项目清欠"，可直接向住建、人社部门反映。',
  },
  {
    title: '低保申请条件与流程', category: '140101', keywords: '低保 申请 条件 救助',
    body: '共同生活的家庭成员人均收入低于当地最低生活保障标准且财产符合规定的，可向户籍所在地乡镇（街道）申请，也可通过"闽政通"在线提交。乡镇（街道）入户调查、村（社区）民主评议并公示后，由县级民政部门审批，一般不超过30个工作日。',
  },
  {
    title: '停水停电信息查询', category: '16', keywords: '停水 停电 计划检修 查询',
    body: '计划停水由供水公司提前24小时在官方公众号和小区公告栏发布；计划停电可在"网上国网"App查询。突发停水停电请记录地址和开始时间，话务员按水电气热类紧急派单，2小时内派至供水、供电企业。',
  },
  {
    title: '燃气泄漏应急处置', category: '160301', keywords: '燃气泄漏 煤气味 漏气 应急',
    body: '发现燃气泄漏：立即关闭燃气阀门，开窗通风，严禁开关电器、使用明火或在室内拨打电话，人员撤离到安全地带后拨打燃气企业抢修电话或119。话务员应提示上述要点并立即转119或紧急派单燃气企业。',
  },
  {
    title: '不动产登记办理渠道', category: '120101', keywords: '房产证 不动产 办证 查档',
    body: '不动产登记可在各县（市、区）不动产登记中心窗口或"闽政通—不动产登记"办理。新建商品房首次登记由开发企业申请，购房人凭购房合同、完税凭证办理转移登记。历史遗留办证难问题由自然资源部门会同住建部门分类处置。',
  },
  {
    title: '流浪犬和文明养犬', category: '110301', keywords: '流浪狗 养犬 牵绳 犬只登记',
    body: '城区养犬须办理犬只登记并接种狂犬疫苗，出户须束犬链。发现流浪犬伤人或聚集，可向属地派出所或城管部门反映；被犬咬伤应尽快到狂犬病暴露预防处置门诊处理。',
  },
  {
    title: '预付卡消费纠纷处理', category: '070201', keywords: '预付卡 健身房 跑路 退费',
    body: '经营者停业、跑路或拒不退还预付卡余额的，消费者可保留合同、付款凭证和宣传材料，向市场监管部门投诉；涉嫌诈骗的，可向公安机关报案。单店发卡金额较大、涉及人数较多的，由市场监管部门牵头会同商务等部门处置。',
  },
  {
    title: '高龄老人补贴申领', category: '140202', keywords: '高龄补贴 80岁 老年人 申领',
    body: '本市户籍80周岁以上老年人可按规定享受高龄补贴，由本人或家属向户籍所在地村（社区）提出，乡镇（街道）审核后按月发放至社保卡。已享受的无需重复申请，年满年龄的次月起计发。',
  },
];

/** Approximate centres (seat of government) of 宁德市 and its counties, for maps: [lat, lng]. */
export const CENTERS: Record<string, [number, number]> = {
  '3509': [26.666, 119.548],
  '350902': [26.66, 119.526],
  '350921': [26.885, 120.005],
  '350922': [26.578, 118.746],
  '350923': [26.908, 118.986],
  '350924': [27.46, 119.514],
  '350925': [27.104, 119.339],
  '350926': [27.234, 119.9],
  '350981': [27.088, 119.648],
  '350982': [27.324, 120.216],
};

export const GRIDS = ['城北第一网格', '城北第二网格', '城北第三网格'];
