import type { TLocale } from '@/lib/format/number';

/** The summary's words, in the room's language (a Chinese launch team reads 万 and 中文). */
export const HOME_LABELS = {
  en: {
    users: 'Registered users',
    online: 'Online now',
    perMinute: 'Growth / min',
    perHour: 'Growth / hour',
    estimate: 'est.',
    waiting: 'waiting for data',
    staleFor: 'stale for',
    trend: 'Registered users and online, last 24 h',
    incidents: 'Open incidents',
    noIncidents: 'No open incidents.',
    unowned: 'no owner',
    ownedFor: 'on it',
    open: 'open',
    milestones: 'Milestones reached',
    noMilestones: 'None reached yet.',
    allIncidents: 'All incidents',
    wall: 'Wall display',
    signIn: 'Sign in to see the room.',
    signInLink: 'Sign in',
  },
  zh: {
    users: '注册用户',
    online: '当前在线',
    perMinute: '每分钟增长',
    perHour: '每小时增长',
    estimate: '估',
    waiting: '等待数据',
    staleFor: '数据停滞',
    trend: '注册用户与在线人数，近24小时',
    incidents: '未解决事件',
    noIncidents: '没有未解决的事件。',
    unowned: '无人认领',
    ownedFor: '已处理',
    open: '持续',
    milestones: '已达成里程碑',
    noMilestones: '尚未达成。',
    allIncidents: '全部事件',
    wall: '大屏',
    signIn: '请登录后查看。',
    signInLink: '登录',
  },
} satisfies Record<TLocale, Record<string, string>>;

export type THomeLabels = (typeof HOME_LABELS)['en'];
