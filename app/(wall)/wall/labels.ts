import type { TLocale } from '@/lib/format/number';
import { STATE_VOCABULARY } from '@/lib/format/state-words';

/** Every word on the wall, in the room's language. */
export const WALL_LABELS = {
  en: {
    ...STATE_VOCABULARY.en,
    users: 'Registered users',
    online: 'Online now',
    archived: 'Archived · read-only',
    perMinute: '/min',
    perHour: '/h',
    next: 'next',
    eta: 'in',
    etaNone: 'not rising',
    reached: 'reached',
    noData: 'no data yet',
    incidents: 'Open incidents',
    noIncidents: 'No open incidents',
    servers: 'Servers',
    noServers: 'no server health reported',
    more: 'more',
    escalatedTo: 'escalated to',
    impact: 'impact',
    celebrate: 'Milestone',
    liveIn: 'go-live',
    etaUnknown: 'ETA —',
    estimated: 'estimated from a shorter span',
    chartWaiting: 'waiting for data — the chart starts with the first point',
    access: {
      signin: {
        title: 'Not signed in',
        body: 'This screen shows a room only to people signed in, or through a display link.',
        action:
          'Sign in on this device, or open the display link an admin created for this screen (admin page, /admin → Tokens, ingest keys and display links).',
      },
      badKey: {
        title: 'This display link does not work',
        body: 'The key in this address is wrong, expired or was revoked.',
        action: 'Ask an admin for a new display link and open it on this screen.',
      },
      revoked: {
        title: 'This display link was revoked',
        body: 'An admin revoked the link this screen was using, so it no longer shows the room.',
        action: 'Ask an admin for a new display link and open it on this screen.',
      },
      unknownRoom: {
        title: 'No such room',
        body: 'There is no room at this address.',
        action: 'Check the room name in the address, or ask an admin for the right link.',
      },
      forbidden: {
        title: 'Not allowed',
        body: 'This sign-in or link may not show this room.',
        action: 'Ask an admin for a display link of this room.',
      },
    },
  },
  zh: {
    ...STATE_VOCABULARY.zh,
    users: '注册用户',
    online: '当前在线',
    archived: '已归档 · 只读',
    perMinute: '/分钟',
    perHour: '/小时',
    next: '下一目标',
    eta: '预计',
    etaNone: '未增长',
    reached: '达成于',
    noData: '暂无数据',
    incidents: '未解决事件',
    noIncidents: '没有未解决事件',
    servers: '服务器',
    noServers: '暂无服务器健康数据',
    more: '更多',
    escalatedTo: '已升级给',
    impact: '影响',
    celebrate: '里程碑',
    liveIn: '上线',
    etaUnknown: '预计 —',
    estimated: '基于较短时段估算',
    chartWaiting: '等待数据——收到第一个数据点后开始绘制',
    access: {
      signin: {
        title: '未登录',
        body: '此屏幕只对已登录的人或通过展示链接显示房间。',
        action: '请在此设备上登录，或打开管理员为此屏幕创建的展示链接（管理页 /admin → 个人令牌、上报密钥和展示链接）。',
      },
      badKey: {
        title: '此展示链接无效',
        body: '地址中的密钥错误、已过期或已被撤销。',
        action: '请向管理员索取新的展示链接，并在此屏幕上打开。',
      },
      revoked: {
        title: '此展示链接已被撤销',
        body: '管理员撤销了此屏幕使用的链接，因此不再显示房间。',
        action: '请向管理员索取新的展示链接，并在此屏幕上打开。',
      },
      unknownRoom: { title: '没有这个房间', body: '此地址没有对应的房间。', action: '请检查地址中的房间名，或向管理员索取正确的链接。' },
      forbidden: { title: '无权查看', body: '此登录或链接无权显示这个房间。', action: '请向管理员索取此房间的展示链接。' },
    },
  },
} satisfies Record<TLocale, Record<string, unknown>>;

export type TWallLabels = (typeof WALL_LABELS)['en'];
