// Default reference data shared by the test fixture, the demo and fresh installs: out-of-scope
// (不予受理) rules and a starting set of time-limit policies. Both are plain data; admins edit them.
import type { Insertable } from 'kysely';
import type { ScopeRulesTable, TimeLimitPoliciesTable } from '../db/schema.ts';

export const DEFAULT_SCOPE_RULES: Insertable<ScopeRulesTable>[] = [
  {
    code: 'litigation', title: '涉及诉讼、仲裁、行政复议等法定途径的事项', title_en: 'Matters in litigation, arbitration or administrative review',
    basis: '已进入或应当通过诉讼、仲裁、行政复议等法定途径解决的事项，依法不予受理，告知诉求人通过相应途径解决。',
  },
  {
    code: 'xinfang', title: '应当通过信访渠道办理的事项', title_en: 'Matters for the petition (xinfang) channel',
    basis: '依照《信访工作条例》应当通过信访渠道提出的诉求，告知诉求人向有权处理的机关提出。',
  },
  {
    code: 'secret', title: '涉及国家秘密、商业秘密、个人隐私的事项', title_en: 'State secrets, trade secrets or personal privacy',
    basis: '涉及国家秘密、商业秘密、个人隐私等依法不得公开或不宜通过热线办理的事项。',
  },
  {
    code: 'police110', title: '属于110、119、120等紧急救助范围的事项', title_en: 'Emergencies for 110 / 119 / 120',
    basis: '治安案件、刑事案件、火警、医疗急救等紧急事项，立即转110、119、120处置。',
  },
  {
    code: 'legislature', title: '涉及人大、政协、法院、检察院职权的事项', title_en: 'Matters for the people’s congress, CPPCC, courts or procuratorate',
    basis: '依法应当由人大、政协、法院、检察院处理的事项，告知诉求人向相应机关提出。',
  },
  {
    code: 'unreasonable', title: '无实质诉求或明显不合理的诉求', title_en: 'No actual request, or clearly unreasonable',
    basis: '无实质内容、恶意骚扰、明显违背法律法规或公序良俗的诉求，经审核后不予受理，并不计入考核。',
  },
];

/** Default time limits by stage × urgency × type (PRODUCT.md, "Time limits are policy"). */
export const DEFAULT_POLICIES: Insertable<TimeLimitPoliciesTable>[] = [
  { stage: 'dispatch', urgency: 'emergency', request_type: null, amount: 1, unit: 'hours', note: '紧急事项 1 小时内派单' },
  { stage: 'dispatch', urgency: 'utility', request_type: null, amount: 2, unit: 'hours', note: '水电气热及极端天气 2 小时内派单' },
  { stage: 'dispatch', urgency: null, request_type: null, amount: 1, unit: 'working_days', note: '一般事项 1 个工作日内派单' },
  { stage: 'sign', urgency: 'emergency', request_type: null, amount: 1, unit: 'hours', note: '紧急事项 1 小时内签收' },
  { stage: 'sign', urgency: null, request_type: null, amount: 1, unit: 'working_days', note: '1 个工作日内签收' },
  { stage: 'reply', urgency: 'emergency', request_type: null, amount: 24, unit: 'hours', note: '紧急事项 24 小时内答复' },
  { stage: 'reply', urgency: null, request_type: 'consult', amount: 3, unit: 'working_days', note: '咨询类 3 个工作日' },
  { stage: 'reply', urgency: null, request_type: 'help', amount: 5, unit: 'working_days', note: '求助类 5 个工作日' },
  { stage: 'reply', urgency: null, request_type: 'complaint', amount: 15, unit: 'working_days', note: '投诉类 15 个工作日' },
  { stage: 'reply', urgency: null, request_type: 'report', amount: 15, unit: 'working_days', note: '举报类 15 个工作日' },
  { stage: 'reply', urgency: null, request_type: 'suggestion', amount: 15, unit: 'working_days', note: '建议类 15 个工作日' },
  { stage: 'reply', urgency: null, request_type: 'praise', amount: 5, unit: 'working_days', note: '表扬类 5 个工作日' },
  { stage: 'reply', urgency: null, request_type: null, amount: 15, unit: 'working_days', note: '其他 15 个工作日' },
  { stage: 'return_window', urgency: null, request_type: null, amount: 2, unit: 'working_days', note: '签收后 2 个工作日内可退单' },
  { stage: 'redispatch', urgency: null, request_type: null, amount: 4, unit: 'hours', note: '退单后 4 小时内重新派单' },
  { stage: 'callback', urgency: null, request_type: null, amount: 2, unit: 'working_days', note: '答复后 2 个工作日内回访' },
];
