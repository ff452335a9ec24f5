/** What a verifier is told, in Chinese, for each way a slip can fail. */
export const SLIP_PROBLEM_MESSAGES = {
  malformed: '不是本系统的核查单二维码（内容不完整或格式错误）',
  tampered: '终端签名无效：核查单内容已被改动，或不是该终端所签',
  unknown_terminal: '未知终端：终端证书不是平台签发的（或不是本机信任的平台公钥所签）',
  revoked_key: '终端密钥已被平台吊销：核查时间在吊销之后，该核查单不可信',
  unsigned_data_version: '数据版本未经平台签名：无法证明核查所用的名单数据来自平台',
  expired: '核查时间晚于终端证书的有效期：证书已过期',
  backdated: '核查时间早于终端证书签发时间：时间不可信',
  future: '核查时间晚于当前时间：时间不可信',
} as const;

export type SlipProblemCode = keyof typeof SLIP_PROBLEM_MESSAGES;
