import type { TAccessProblem } from '@/lib/client/connection-state';
import type { TWallLabels } from './labels';

/**
 * The whole screen when it may not show the room: what happened and what to
 * do, in words readable across a room. Nothing of the room stays behind it.
 */
export function AccessScreen({ problem, t }: { problem: TAccessProblem; t: TWallLabels }) {
  const words = t.access[problem];
  return (
    <main data-testid="wall" data-access={problem} className="flex h-screen items-center justify-center overflow-hidden p-[4vh]">
      <div
        role="alert"
        data-testid="access"
        data-problem={problem}
        className="flex max-w-[min(90vw,120vh)] flex-col gap-[2.4vh] rounded-[1.5vh] border-[0.4vh] border-crit/70 bg-panel p-[5vh] text-center"
      >
        <h1 className="text-[min(6vh,9vw)] font-bold leading-tight text-crit">{words.title}</h1>
        <p className="text-[min(3.2vh,5vw)] text-ink">{words.body}</p>
        <p className="text-[min(3.2vh,5vw)] text-dim">{words.action}</p>
      </div>
    </main>
  );
}
