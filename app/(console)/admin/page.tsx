import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getRuntime } from '@/server/context';
import { AdminScreen } from './admin-screen';

export const metadata: Metadata = { title: 'Admin · Warroom' };
export const dynamic = 'force-dynamic';

/** People and credentials. Admins only: the API checks again on every call. */
export default async function AdminPage() {
  const rt = getRuntime();
  const actor = rt.resolveSession ? await rt.resolveSession(await headers()) : null;
  if (!actor) redirect('/login?next=%2Fadmin');
  if (actor.kind !== 'user' || actor.role !== 'admin') {
    return (
      <main className="p-6">
        <h1 className="text-xl font-semibold">Admin</h1>
        <p className="mt-2 text-dim">Only admins can manage people and keys. You are signed in as {actor.kind === 'user' ? `${actor.email} (${actor.role})` : 'a screen'}.</p>
      </main>
    );
  }
  return <AdminScreen me={{ id: actor.userId, email: actor.email }} />;
}
