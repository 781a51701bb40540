// Building blocks for the demo's tickets: request templates written for Lianxin (not taken from
// any data set), filled with real places of 宁德市 and made-up local details.
import type { RequestType, Urgency } from '../contract/enums.ts';

export interface TicketTemplate {
  cat: string;
  type: RequestType;
  urgency?: Urgency;
  /** Where it happens: town (estates, roads) or village. */
  where: 'town' | 'village';
  texts: string[];
  reply: string;
}

export const ESTATES = ['天湖花园', '金域华府', '东湖苑', '溪滨小区', '阳光城', '福宁新村', '城南新村', '锦绣家园', '万家花园', '鹤峰新村', '学府名苑', '滨江一号'];
/** Roads of the city proper (蕉城区) and common road names for the county towns. */
export const CITY_ROADS = ['蕉城南路', '蕉城北路', '天湖路', '福宁路', '闽东中路', '宁川路', '八一五路', '金马路', '东侨大道', '环城路', '南湖滨路'];
export const TOWN_ROADS = ['人民路', '解放路', '中山路', '新华路', '建设路', '城关大道', '滨河路', '府前路', '东街', '南门路', '工业路'];
export const SHOPS = ['老蔡海鲜排档', '鑫源便利店', '阿华烧烤', '佳美超市', '悦动健身', '小林面馆', '名师学堂', '好又多生鲜', '聚福楼酒家', '星辰美容'];
export const WORKS = ['木工', '钢筋工', '泥水工', '水电安装', '外墙涂料'];
export const SCENIC = ['太姥山', '白水洋', '鸳鸯溪', '三都澳', '杨家溪', '东狮山'];
export const SURNAMES = ['陈', '林', '黄', '张', '吴', '郑', '王', '李', '刘', '叶', '游', '缪', '孔', '钟', '雷', '蓝', '魏', '肖'];
export const ISSUES = [
  '楼道灯坏了两个月没人修', '垃圾堆在单元门口好几天没清', '小区门禁坏了外来人员随便进出', '地下车库积水严重还有异味',
  '绿化带杂草丛生没人打理', '收了物业费却连保安都撤了',
];

export const TEMPLATES: TicketTemplate[] = [
  { cat: '010101', type: 'complaint', where: 'town', texts: ['{estate}小区物业长期不作为，{issue}，向物业反映多次没有处理，希望相关部门督促物业整改。', '我住{estate}小区{n}号楼，{issue}，物业每次都说会处理但一直没动静，请求主管部门介入。'], reply: '经核查，已约谈{estate}小区物业服务企业，责令其限期整改，目前相关问题已处理完毕，后续将纳入物业服务质量考评。' },
  { cat: '010103', type: 'help', urgency: 'emergency', where: 'town', texts: ['{estate}小区{n}号楼电梯频繁故障，今天上午又困人，老人小孩出行很不安全，请尽快派人检修。'], reply: '已通知电梯维保单位到场检修，更换了故障的门锁装置，并经特种设备检验机构复检合格，电梯已恢复运行。' },
  { cat: '010202', type: 'complaint', where: 'town', texts: ['我在{county}购买的{estate}商品房，合同约定去年年底交房，现已逾期{long}天，开发商一直拖延也不给说法，请求主管部门介入。'], reply: '经了解，该项目因部分配套工程未完成导致延期，已督促开发企业制定交房计划并向业主公示，逾期违约金按合同约定执行。' },
  { cat: '010303', type: 'complaint', where: 'town', texts: ['{road}附近工地渣土车不遮盖，扬尘很大，路面都是泥，周边居民窗户都不敢开。'], reply: '已对该工地下达整改通知书，要求落实车辆冲洗、覆盖和围挡喷淋措施，并安排人员对周边路面进行清扫，将持续跟踪检查。' },
  { cat: '010402', type: 'consult', where: 'town', texts: ['请问{estate}这种老小区加装电梯有没有补贴，需要全体业主同意吗？具体找哪个部门申请？'], reply: '既有住宅加装电梯须经本单元专有部分占建筑物总面积三分之二以上且人数占比三分之二以上的业主参与表决，并经参与表决的四分之三以上同意。符合条件的可申请财政补助，具体可向所在县（市、区）住建部门咨询。' },
  { cat: '020101', type: 'complaint', where: 'town', texts: ['{road}与{road2}交叉口每天晚上有很多流动摊贩占道经营，堵塞交通，油烟和垃圾很多，希望整治。', '{street}{road}菜市场门口摊贩把菜摆到了马路中间，车都过不去，早上尤其严重。'], reply: '已组织执法人员对该路段开展集中整治，劝离流动摊贩并引导进入周边规范疏导点经营，后续将安排错时巡查防止反弹。' },
  { cat: '020103', type: 'complaint', where: 'town', texts: ['{village}{addr}的垃圾桶已经满溢{days}天没人清运，天气热臭味很大，蚊蝇很多。'], reply: '已协调环卫作业单位当天完成清运并对垃圾桶周边进行消杀，同时调整该点位清运频次为每日两次。' },
  { cat: '020201', type: 'report', where: 'town', texts: ['{estate}小区{n}号楼顶楼住户在楼顶私自搭建铁皮房，影响楼栋安全，请求查处。'], reply: '经现场核查，该搭建物未取得规划许可，属违法建设，已下达限期拆除通知书，当事人已自行拆除。' },
  { cat: '020301', type: 'help', where: 'town', texts: ['{road}{addr}段路面出现大坑，晚上骑电动车经过很危险，已经有人摔倒，请尽快修补。'], reply: '已安排市政养护队伍对破损路面进行了修补，并在施工期间设置警示标志，目前道路已恢复通行。' },
  { cat: '020302', type: 'help', where: 'town', texts: ['{road}从{addr}往南一段路灯已经有一个多星期不亮了，晚上一片漆黑，行人很不安全。'], reply: '经检查为线路老化导致短路，已更换电缆和灯具，该路段路灯已全部恢复照明。' },
  { cat: '020303', type: 'help', urgency: 'emergency', where: 'town', texts: ['{road}人行道上有个井盖缺失，只用树枝挡着，很容易有人掉下去，请马上处理。'], reply: '接单后已第一时间设置围挡，并于当日更换了防坠落井盖，隐患已消除。' },
  { cat: '020304', type: 'help', urgency: 'utility', where: 'town', texts: ['昨晚下大雨后{estate}小区门口积水到小腿，排水口堵塞，车辆无法通行。'], reply: '已组织人员疏通排水管道并清理雨水篦子，积水已排除，该点位已列入汛期重点巡查清单。' },
  { cat: '020501', type: 'complaint', where: 'town', texts: ['{estate}小区消防通道长期被私家车占用，物业管不了，万一发生火灾消防车进不来。'], reply: '已会同交警、消防部门对消防通道违停车辆进行了清理，督促物业施划禁停标线并安装警示牌。' },
  { cat: '030101', type: 'suggestion', where: 'village', texts: ['建议开通从{street}到县城的公交线路，目前{village}的村民只能坐私人面包车，又贵又不安全。'], reply: '感谢您的建议。经调研，拟在下季度调整城乡公交线路，增设途经{street}的班次，具体以公交公司公告为准。' },
  { cat: '030103', type: 'complaint', where: 'town', texts: ['今天早上乘坐{bus}路公交车，司机在{road}站没有停靠就开过去了，我在站台招手也没用。'], reply: '经调取车载视频核实，驾驶员存在越站行为，公交公司已对其进行教育并按规定处罚，同时向您致歉。' },
  { cat: '030302', type: 'help', where: 'village', texts: ['{street}{village}通往镇上的村道有一段塌方，落石很多，村民出行很危险，请求尽快抢修。'], reply: '已组织公路养护人员清理塌方落石并设置警示标志，边坡加固工程已列入近期计划。' },
  { cat: '040101', type: 'complaint', where: 'town', texts: ['我在{county}{road}附近一个工地做{work}，老板拖欠我们{n}个工人{amt}元工资已经{days}多天了，一直推说没钱，请求帮助讨薪。'], reply: '劳动保障监察大队已约谈施工总承包单位，责令其先行垫付，{n}名工人的工资已全部发放到位。' },
  { cat: '040201', type: 'consult', where: 'town', texts: ['请问灵活就业人员在宁德怎么缴纳养老保险？断缴了{n}年可以补缴吗？'], reply: '灵活就业人员可持身份证到社保经办窗口或通过"闽政通"办理参保登记并按月或按年缴费。补缴须符合国家和省里的规定，具体请携带相关材料到社保窗口咨询。' },
  { cat: '040401', type: 'complaint', where: 'town', texts: ['我在{shop}工作了{n}年，店里突然口头辞退我，不给补偿金也不签解除合同，请问怎么维权。'], reply: '已联系用人单位核实，经调解双方已达成协议，用人单位同意支付经济补偿金并出具解除劳动合同证明。' },
  { cat: '050101', type: 'complaint', where: 'town', texts: ['{estate}小区旁边的工地每天晚上十一点以后还在打桩施工，噪音特别大，孩子根本睡不着，请求查处。'], reply: '经夜间现场检查，该工地未取得夜间施工证明，已责令其停止夜间作业并依法立案处罚。' },
  { cat: '050102', type: 'complaint', where: 'village', texts: ['{village}{addr}广场每天晚上广场舞音响开得很大声，一直到十点多，影响居民休息。'], reply: '社区已与广场舞队伍负责人沟通，约定活动时间不超过晚上九点并控制音量，目前情况已改善。' },
  { cat: '050202', type: 'complaint', where: 'town', texts: ['{road}{shop}排烟管道直接对着居民楼，每天油烟很大，窗户都是油，请求处理。'], reply: '已责令该店铺安装油烟净化设施并调整排烟口朝向，经复查已整改到位。' },
  { cat: '050302', type: 'report', where: 'village', texts: ['{street}{village}的小溪最近水发黑发臭，怀疑上游有养殖场偷排污水，请求环保部门调查。'], reply: '经溯源排查，上游一家生猪养殖场存在污水直排行为，已责令停产整改并立案查处，同时对河道进行清理。' },
  { cat: '060101', type: 'consult', where: 'village', texts: ['我需要开具居住证明办理孩子入学，请问在{village}开需要带什么材料？'], reply: '请携带户口簿、身份证、房屋产权证明或租赁合同到{village}便民服务窗口办理，材料齐全当场开具。' },
  { cat: '060201', type: 'help', where: 'village', texts: ['楼上邻居家卫生间漏水到我家天花板，多次沟通不予维修，请社区帮助调解。'], reply: '社区网格员已上门组织双方调解，楼上住户同意请专业人员维修防水层并承担修复费用。' },
  { cat: '070101', type: 'complaint', where: 'town', texts: ['昨天在{road}的{shop}吃饭后，全家{n}口人都腹泻，怀疑食材不新鲜，请求市场监管部门检查。'], reply: '执法人员已对该店进行检查，发现部分食材储存不规范，已责令整改并立案调查，建议您保留就医凭证依法维权。' },
  { cat: '070201', type: 'complaint', where: 'town', texts: ['{road}的{shop}突然关门，我办的会员卡还有{amt}元没用完，联系不上老板，请求帮助退费。'], reply: '已联系到经营者，其承诺分期退还预付款，目前已登记受损消费者信息，将督促其按期履行。' },
  { cat: '080101', type: 'consult', where: 'town', texts: ['我家孩子今年上小学，户籍在{street}但房子在{county}城区，请问应该在哪里报名入学？'], reply: '按照招生政策，以实际居住且有房产证明的片区为准，请于报名期间携带户口簿、房产证明到所在片区学校报名。' },
  { cat: '080201', type: 'complaint', where: 'town', texts: ['孩子报名的{shop}培训机构停课一个多月了，剩余课时费{amt}元不退，请求教育部门处理。'], reply: '已约谈该培训机构负责人，要求限期制定退费方案，目前已为您办理退费。' },
  { cat: '090102', type: 'complaint', where: 'town', texts: ['{county}医院的医生态度很差，看病不到两分钟就开了一堆检查，询问病情也不耐烦。'], reply: '医院已核实情况，对涉事医生进行了批评教育，并安排专人向您解释检查项目的必要性。' },
  { cat: '100201', type: 'help', urgency: 'utility', where: 'village', texts: ['{street}{village}这几天自来水浑浊发黄，烧开后有沉淀，村民不敢喝，请求检测处理。'], reply: '已对供水设施进行冲洗消毒，并取样送检，水质检测结果符合标准，已恢复正常供水。' },
  { cat: '110301', type: 'complaint', where: 'town', texts: ['{estate}小区有住户遛狗不牵绳，还不清理粪便，昨天差点咬到小孩。'], reply: '辖区派出所已上门对养犬人进行教育，督促办理犬只登记，并在小区张贴文明养犬公告。' },
  { cat: '120101', type: 'help', where: 'town', texts: ['我{year}年在{estate}买的房子，到现在还办不了不动产权证，开发商说手续没办完，请求帮助。'], reply: '该项目属历史遗留办证问题，已列入专项化解清单，目前开发企业已补缴相关税费，预计近期可办理首次登记。' },
  { cat: '130402', type: 'complaint', where: 'village', texts: ['今年春茶茶青收购价格被压得很低，{street}几个收购点串通压价，茶农损失很大，希望政府关注。'], reply: '已会同市场监管部门对收购点开展检查，引导茶企与合作社签订保底收购协议，维护茶农权益。' },
  { cat: '140202', type: 'consult', where: 'village', texts: ['我父亲今年满80岁了，请问高龄补贴怎么申请，在{village}办理还是要去镇里？'], reply: '可由本人或家属携带身份证、户口簿、社保卡到{village}提出申请，乡镇审核后按月发放至社保卡。' },
  { cat: '160101', type: 'help', urgency: 'utility', where: 'town', texts: ['{estate}小区从今天早上开始停水，没有看到任何停水通知，现在已经{n}个小时了，什么时候能恢复？'], reply: '经查为主供水管爆裂导致停水，抢修人员已连夜更换管道，供水已于当晚恢复。' },
  { cat: '160201', type: 'help', urgency: 'utility', where: 'village', texts: ['{village}{addr}一带从中午开始停电，天气这么热，家里有老人，请尽快抢修。'], reply: '供电抢修队已到场处置，故障原因为变压器低压侧熔断，已更换并恢复送电。' },
  { cat: '160301', type: 'help', urgency: 'emergency', where: 'town', texts: ['{estate}小区{n}号楼楼道里有很浓的煤气味，怀疑燃气管道泄漏，请马上派人来。'], reply: '燃气抢修人员接报后20分钟内到场，发现楼道立管接口松动，已完成紧固和检漏，隐患已排除。' },
  { cat: '180101', type: 'complaint', where: 'town', texts: ['去{county}政务服务中心办营业执照变更，来回跑了{n}次，每次都说材料不全，能不能一次性告知？'], reply: '已责成窗口落实一次性告知制度，工作人员已与您联系并协助完成变更登记。' },
  { cat: '170101', type: 'complaint', where: 'town', texts: ['在{scenic}景区被强制要求购买观光车票，不买不让进，希望规范。'], reply: '已责令景区运营方整改，明确观光车为自愿选择项目，并在售票处公示。' },
  { cat: '020302', type: 'praise', where: 'town', texts: ['感谢{street}的工作人员，上次反映的路灯问题两天就修好了，办事效率很高，特此表扬。'], reply: '感谢您的肯定，我们将继续做好服务。' },
  { cat: '130301', type: 'help', where: 'village', texts: ['{village}的公共厕所年久失修，门坏了，也没人打扫，村民意见很大。'], reply: '乡镇已安排资金对公厕进行维修，并落实村保洁员每日清扫。' },
  { cat: '060301', type: 'suggestion', where: 'village', texts: ['建议{village}把村里的账目按月在公开栏公布，现在好几个月都没更新了。'], reply: '乡镇已督促{village}村委会按月公开村务财务，并纳入村务监督委员会日常监督。' },
];

export const OUT_OF_SCOPE: { text: string; rule: string }[] = [
  { text: '我和前夫的离婚财产纠纷法院已经判了，但我对判决不服，要求你们重新处理。', rule: 'litigation' },
  { text: '我要反映的问题已经去信访局登记过了，想通过热线再催一下信访局的答复。', rule: 'xinfang' },
  { text: '请帮我查一下某某局某领导的家庭住址和联系方式。', rule: 'secret' },
  { text: '楼下有人在打架，好像有人受伤流血了，你们快来！', rule: 'police110' },
  { text: '我和合作伙伴之间的借款合同纠纷已经申请了仲裁，想问问仲裁什么时候出结果。', rule: 'litigation' },
];

export const RETURN_REASONS = [
  '经现场核实，该事项不属于本单位职责范围，建议改派属地乡镇（街道）处理。',
  '该路段设施移交手续尚未完成，管养责任不在本单位，请改派属地。',
  '诉求地址不在本单位辖区，请核实后改派。',
];

export const PROGRESS_NOTES = ['已联系诉求人了解具体情况。', '已安排工作人员到现场核查。', '已会同相关单位现场会商处置方案。', '已下达整改通知，等待对方整改。'];
