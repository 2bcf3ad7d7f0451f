'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { CHANNEL_KINDS, NOTIFY_EVENTS, type TChannel, type TChannelKind, type TNotifyEvent } from '@/lib/api/notifications';
import { ApiError } from '@/lib/client/api';
import { SEVERITIES, type TSeverity } from '@/lib/incidents';
import { FIELD_LABEL } from '@/app/_ui/number-field';
import { BUTTON, FieldErrors, INPUT, PRIMARY } from '../../../incidents/_components/ui';
import { EVENT_KEY } from './labels';
import { useNotifyWrite } from './use-notifications';

/** Where each kind's URL comes from, as its vendor prints it (a hint, not words). */
const URL_PLACEHOLDER: Record<Exclude<TChannelKind, 'email'>, string> = {
  feishu: 'https://open.feishu.cn/open-apis/bot/v2/hook/…',
  dingtalk: 'https://oapi.dingtalk.com/robot/send?access_token=…',
  wecom: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
  slack: 'https://hooks.slack.com/services/…',
  webhook: 'https://…',
};
/** Kinds that sign with a secret of their own; WeCom's key and Slack's are inside the URL, email has none. */
const SIGNED: ReadonlySet<TChannelKind> = new Set(['feishu', 'dingtalk', 'webhook']);
const DEFAULT_EVENTS: TNotifyEvent[] = ['incident.opened', 'incident.unclaimed', 'incident.escalated', 'incident.resolved', 'probe.down'];

type TSecretEdit = { mode: 'keep' } | { mode: 'replace'; value: string } | { mode: 'remove' };

/**
 * Adds or edits a channel. The fields follow the kind (a URL for chat bots
 * and webhooks, addresses for email, a signing secret where the vendor signs).
 * The secret is write-only: an edit shows whether one is set and offers to
 * replace or remove it, never its value. The API's field errors show in words.
 */
export function ChannelForm({ slug, channel, onDone }: { slug: string; channel?: TChannel; onDone?: () => void }) {
  const t = useTranslations('notifications');
  const save = useNotifyWrite(slug);
  const [kind, setKind] = useState<TChannelKind>(channel?.kind ?? 'webhook');
  const [name, setName] = useState(channel?.name ?? '');
  // The API answers the address with its secret parts hidden: an edit keeps it unless a new one is typed.
  const [url, setUrl] = useState('');
  const [to, setTo] = useState((channel?.to ?? []).join(', '));
  const [events, setEvents] = useState<TNotifyEvent[]>(channel?.events ?? DEFAULT_EVENTS);
  const [minSeverity, setMinSeverity] = useState<TSeverity>(channel?.minSeverity ?? 'SEV2');
  const [language, setLanguage] = useState<'' | 'en' | 'zh'>(channel?.language ?? '');
  const [rate, setRate] = useState(channel ? String(channel.ratePerMinute) : '');
  const [secret, setSecret] = useState<TSecretEdit>(channel?.hasSecret ? { mode: 'keep' } : { mode: 'replace', value: '' });
  const signed = SIGNED.has(kind);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const recipients = to.split(/[\s,;]+/).filter(Boolean);
    const common = {
      name,
      events,
      minSeverity,
      ...(kind === 'email' ? { to: recipients } : url ? { url } : {}),
    };
    const newSecret = signed && secret.mode === 'replace' && secret.value ? secret.value : undefined;
    if (channel) {
      const body = {
        ...common,
        language: language || null,
        ratePerMinute: rate ? Number(rate) : null,
        ...(newSecret ? { secret: newSecret } : secret.mode === 'remove' ? { secret: null } : {}),
      };
      save.mutate({ op: 'update', id: channel.id, body }, { onSuccess: () => onDone?.() });
    } else {
      const body = {
        ...common,
        kind,
        ...(language ? { language } : {}),
        ...(rate ? { ratePerMinute: Number(rate) } : {}),
        ...(newSecret ? { secret: newSecret } : {}),
      };
      save.mutate(
        { op: 'create', body },
        {
          onSuccess: () => {
            setName('');
            setUrl('');
            setTo('');
            setSecret({ mode: 'replace', value: '' });
          },
        },
      );
    }
  };
  const errors =
    save.error instanceof ApiError && save.error.details.length
      ? save.error.details
      : save.error
        ? [{ field: 'form', message: save.error.message }]
        : [];
  const toggle = (ev: TNotifyEvent) => setEvents((cur) => (cur.includes(ev) ? cur.filter((x) => x !== ev) : [...cur, ev]));

  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-4" data-testid="channel-form" data-kind={kind}>
      <label className={FIELD_LABEL}>
        {t('field.kind')}
        <select
          name="kind"
          className={INPUT}
          value={kind}
          disabled={Boolean(channel)}
          onChange={(e) => setKind(e.target.value as TChannelKind)}
        >
          {CHANNEL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={`${FIELD_LABEL} sm:col-span-3`}>
        {t('field.name')}
        <input name="name" className={INPUT} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      {kind === 'email' ? (
        <label className={`${FIELD_LABEL} sm:col-span-4`}>
          {t('field.to')}
          <input
            name="to"
            className={INPUT}
            value={to}
            placeholder="oncall@example.com, lead@example.com"
            onChange={(e) => setTo(e.target.value)}
          />
        </label>
      ) : (
        <label className={`${FIELD_LABEL} sm:col-span-4`}>
          {t('field.url')}
          <input
            name="url"
            className={`${INPUT} min-w-0`}
            value={url}
            placeholder={channel?.url ?? URL_PLACEHOLDER[kind]}
            onChange={(e) => setUrl(e.target.value)}
          />
          <span className="text-xs text-dim">{channel?.url ? t('urlKeep') : t(`urlHint.${kind}`)}</span>
        </label>
      )}
      {signed ? <SecretField kind={kind} secret={secret} setSecret={setSecret} hadSecret={Boolean(channel?.hasSecret)} /> : null}
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm sm:col-span-4" data-testid="channel-events">
        <legend className="mb-1">{t('field.events')}</legend>
        {NOTIFY_EVENTS.map((ev) => (
          <label key={ev} className="flex min-h-8 items-center gap-1.5">
            <input type="checkbox" name={`event-${ev}`} checked={events.includes(ev)} onChange={() => toggle(ev)} />
            {t(`event.${EVENT_KEY[ev]}`)}
          </label>
        ))}
      </fieldset>
      <label className={FIELD_LABEL}>
        {t('field.minSeverity')}
        <select name="minSeverity" className={INPUT} value={minSeverity} onChange={(e) => setMinSeverity(e.target.value as TSeverity)}>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t('orWorse', { severity: s })}
            </option>
          ))}
        </select>
      </label>
      <label className={FIELD_LABEL}>
        {t('field.language')}
        <select name="language" className={INPUT} value={language} onChange={(e) => setLanguage(e.target.value as '' | 'en' | 'zh')}>
          <option value="">{t('language.room')}</option>
          <option value="en">English</option>
          <option value="zh">中文</option>
        </select>
      </label>
      <label className={FIELD_LABEL}>
        {t('field.ratePerMinute')}
        <input
          name="ratePerMinute"
          type="number"
          className={INPUT}
          value={rate}
          placeholder={t('rateDefault')}
          onChange={(e) => setRate(e.target.value)}
        />
      </label>
      <div className="flex items-end gap-2">
        <button type="submit" className={PRIMARY} disabled={save.isPending} data-testid="channel-save">
          {channel ? t('save') : t('add')}
        </button>
        {channel && onDone ? (
          <button type="button" className={BUTTON} onClick={onDone}>
            {t('cancel')}
          </button>
        ) : null}
      </div>
      <div className="sm:col-span-4">
        <FieldErrors errors={errors} />
      </div>
    </form>
  );
}

/** The write-only secret: "set" with Replace / Remove on an edit, a password field otherwise. */
function SecretField({
  kind,
  secret,
  setSecret,
  hadSecret,
}: {
  kind: TChannelKind;
  secret: TSecretEdit;
  setSecret: (s: TSecretEdit) => void;
  hadSecret: boolean;
}) {
  const t = useTranslations('notifications');
  return (
    <div className={`${FIELD_LABEL} sm:col-span-4`} data-testid="channel-secret">
      <span>{t('field.secret')}</span>
      {secret.mode === 'replace' ? (
        <span className="flex flex-wrap gap-2">
          <input
            name="secret"
            type="password"
            autoComplete="new-password"
            className={`${INPUT} min-w-0 flex-1`}
            value={secret.value}
            aria-label={t('field.secret')}
            onChange={(e) => setSecret({ mode: 'replace', value: e.target.value })}
          />
          {hadSecret ? (
            <button type="button" className={BUTTON} onClick={() => setSecret({ mode: 'keep' })}>
              {t('secret.keep')}
            </button>
          ) : null}
        </span>
      ) : (
        <span className="flex flex-wrap items-center gap-2">
          <span className={secret.mode === 'keep' ? 'text-ok' : 'text-warn'} data-testid="secret-state">
            {secret.mode === 'keep' ? t('secret.set') : t('secret.willRemove')}
          </span>
          <button type="button" className={BUTTON} onClick={() => setSecret({ mode: 'replace', value: '' })}>
            {t('secret.replace')}
          </button>
          {secret.mode === 'keep' ? (
            <button type="button" className={BUTTON} onClick={() => setSecret({ mode: 'remove' })}>
              {t('secret.remove')}
            </button>
          ) : (
            <button type="button" className={BUTTON} onClick={() => setSecret({ mode: 'keep' })}>
              {t('secret.keep')}
            </button>
          )}
        </span>
      )}
      <span className="text-xs text-dim">{t(`secretHint.${kind as 'feishu' | 'dingtalk' | 'webhook'}`)}</span>
    </div>
  );
}
