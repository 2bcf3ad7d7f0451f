import { buildIfNeeded } from '../../scripts/build-if-needed';

/** Integration tests talk to the production build: build it once if the sources changed. */
export default function setup() {
  buildIfNeeded();
}
