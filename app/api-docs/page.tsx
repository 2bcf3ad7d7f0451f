import { getTranslations } from 'next-intl/server';
import { buildOpenApi } from '@/lib/api/openapi';
import { ENDPOINTS } from '@/lib/api';
import type { TEndpoint } from '@/lib/api/contract';
import { titled } from '@/lib/i18n/page-title';

export const generateMetadata = titled('apiDocs');

type TOperation = {
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
  parameters?: { name: string; in: string; required: boolean }[];
};

const METHOD_CLASS: Record<TEndpoint['method'], string> = {
  GET: 'text-online',
  POST: 'text-users',
  PUT: 'text-sev3',
  PATCH: 'text-sev3',
  DELETE: 'text-crit',
};

function Schema({ title, schema }: { title: string; schema: unknown }) {
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-sm text-dim">{title}</summary>
      <pre className="mt-1 max-h-96 overflow-auto rounded-md bg-bg p-2 text-xs">{JSON.stringify(schema, null, 2)}</pre>
    </details>
  );
}

/**
 * The API for people: every /api/v1 endpoint, who may call it, and the JSON
 * Schema of what it takes and answers — rendered from the same contract as
 * /api/v1/openapi.json, so it cannot drift from the routes.
 */
export default async function ApiDocsPage() {
  const t = await getTranslations('apiDocs');
  const doc = buildOpenApi() as { paths: Record<string, Record<string, TOperation>> };
  const tags = [...new Set(ENDPOINTS.map((e) => e.tag))];
  return (
    <main className="mx-auto max-w-5xl space-y-8 p-4 md:p-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-sm text-dim">
          {t.rich('intro', {
            code: (chunks) => <code>{chunks}</code>,
            link: (chunks) => (
              <a className="text-users underline" href="/api/v1/openapi.json">
                {chunks}
              </a>
            ),
          })}
        </p>
      </header>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-3">
          <h2 id={`tag-${tag}`} className="text-lg font-semibold capitalize">
            {tag}
          </h2>
          {ENDPOINTS.filter((e) => e.tag === tag).map((e) => {
            const op = doc.paths[e.path]?.[e.method.toLowerCase()];
            const status = String(e.status ?? 200);
            const answer = op?.responses[status]?.content;
            return (
              <article key={`${e.method} ${e.path}`} data-testid="api-endpoint" className="rounded-lg border border-edge bg-panel p-3">
                <h3 className="font-mono text-sm break-all">
                  <span className={`font-bold ${METHOD_CLASS[e.method]}`}>{e.method}</span> {e.path}
                </h3>
                <p className="mt-1 text-sm">{e.summary}</p>
                <p className="text-xs text-dim">
                  {t('who', { access: e.access, status })}
                  {e.idempotent ? t('idempotent') : ''}
                </p>
                {op?.parameters?.length ? (
                  <p className="text-xs text-dim">
                    {t('parameters', {
                      list: op.parameters.map((p) => `${p.name} (${p.in}${p.required ? `, ${t('required')}` : ''})`).join(', '),
                    })}
                  </p>
                ) : null}
                {op?.requestBody ? <Schema title={t('requestBody')} schema={op.requestBody.content['application/json']?.schema} /> : null}
                {answer ? <Schema title={t('answer', { status })} schema={Object.values(answer)[0]?.schema} /> : null}
              </article>
            );
          })}
        </section>
      ))}
    </main>
  );
}
