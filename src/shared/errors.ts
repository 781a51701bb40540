// The one error type. Domain code throws AppError with a string code; the HTTP layer maps the
// code to a status and a zh/en message here and nowhere else.
export const ERRORS = {
  validation: { status: 400, zh: '请求内容有误', en: 'The request is not valid' },
  bad_utf8: { status: 400, zh: '请求包含无效的 UTF-8 字符', en: 'The request contains invalid UTF-8' },
  payload_too_large: { status: 413, zh: '请求内容过大', en: 'The request is too large' },
  unsupported_media: { status: 415, zh: '不支持的文件类型', en: 'This file type is not supported' },
  unsupported_content_type: { status: 415, zh: '不支持的请求格式，请以 JSON（application/json）发送', en: 'Unsupported request format: send the body as JSON (application/json)' },
  unauthenticated: { status: 401, zh: '请先登录', en: 'Please sign in first' },
  bad_credentials: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  account_locked: { status: 423, zh: '登录失败次数过多，账户已临时锁定', en: 'Too many failed sign-ins; the account is locked for a while' },
  forbidden: { status: 403, zh: '无权进行此操作', en: 'You are not allowed to do this' },
  not_found: { status: 404, zh: '未找到', en: 'Not found' },
  ticket_not_found: { status: 404, zh: '未找到该工单', en: 'No such ticket' },
  unknown_division: { status: 422, zh: '未知的行政区划代码', en: 'Unknown division code' },
  unknown_category: { status: 422, zh: '未知的分类代码', en: 'Unknown category code' },
  unknown_unit: { status: 422, zh: '未知的承办单位', en: 'Unknown unit' },
  unknown_rule: { status: 422, zh: '未知的不予受理规则', en: 'Unknown out-of-scope rule' },
  not_whitelisted: { status: 422, zh: '该事项不在村（社区）准入清单内，须附依据', en: 'This matter is not on the community whitelist; a documented basis is required' },
  illegal_transition: { status: 409, zh: '当前状态下不能执行该操作', en: 'This action is not allowed in the current state' },
  return_window_closed: { status: 409, zh: '已超过退单时限', en: 'The return window has closed' },
  deadline_passed: { status: 409, zh: '已超过办理时限，不能申请延期', en: 'The deadline has passed; an extension can no longer be requested' },
  extension_pending: { status: 409, zh: '已有待审批的延期申请', en: 'An extension request is already pending' },
  conflict: { status: 409, zh: '数据已被他人修改，请刷新后重试', en: 'The data changed meanwhile; reload and try again' },
  duplicate: { status: 409, zh: '记录已存在', en: 'Already exists' },
  rate_limited: { status: 429, zh: '尝试次数过多，请 15 分钟后再试', en: 'Too many attempts; please try again in 15 minutes' },
  internal: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, detail?: string, details?: unknown) {
    super(detail ?? ERRORS[code].en);
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERRORS[this.code].status;
  }
}

export function errorBody(code: ErrorCode, detail?: string, details?: unknown) {
  const e = ERRORS[code];
  return {
    error: {
      code,
      message: { zh: e.zh, en: e.en },
      ...(detail && detail !== e.en ? { detail } : {}),
      ...(details !== undefined ? { details } : {}),
    },
  };
}
