import type { TLocale } from '@/lib/format/number';
import { STATE_VOCABULARY } from '@/lib/format/state-words';

/** The summary's words, in the room's language (a Chinese launch team reads 万 and 中文). */
export const HOME_LABELS = {
  en: {
    ...STATE_VOCABULARY.en,
    users: 'Registered users',
    online: 'Online now',
    perMinute: 'Growth / min',
    perHour: 'Growth / hour',
    estimate: 'est.',
    trend: 'Registered users and online, last 24 h',
    incidents: 'Open incidents',
    noIncidents: 'No open incidents.',
    ownedFor: 'on it',
    open: 'open',
    milestones: 'Milestones reached',
    noMilestones: 'None reached yet.',
    signIn: 'Sign in to see the room.',
    signInLink: 'Sign in',
    noAccess: 'This sign-in may not see the room. Ask an admin for access.',
    noRate: 'no fresh data',
    nav: 'Main',
    bySeverity: 'By severity',
  },
  zh: {
    ...STATE_VOCABULARY.zh,
    users: '注册用户',
    online: '当前在线',
    perMinute: '每分钟增长',
    perHour: '每小时增长',
    estimate: '估',
    trend: '注册用户与在线人数，近24小时',
    incidents: '未解决事件',
    noIncidents: '没有未解决的事件。',
    ownedFor: '已处理',
    open: '持续',
    milestones: '已达成里程碑',
    noMilestones: '尚未达成。',
    signIn: '请登录后查看。',
    signInLink: '登录',
    noAccess: '此登录无权查看房间，请联系管理员开通。',
    noRate: '无新数据',
    nav: '主导航',
    bySeverity: '按级别',
  },
} satisfies Record<TLocale, Record<string, string>>;

export type THomeLabels = (typeof HOME_LABELS)['en'];
