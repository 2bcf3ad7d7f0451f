import Link from 'next/link';

export default function Home() {
  return (
    <main className="mx-auto max-w-2xl p-8">
      <h1 className="text-3xl font-bold">Warroom</h1>
      <p className="mt-2 text-dim">Live numbers and the incident log for launch nights and production incidents.</p>
      <nav className="mt-6 flex gap-4">
        <Link className="underline" href="/wall">Wall display</Link>
      </nav>
    </main>
  );
}
