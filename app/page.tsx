import { HomeScreen } from './_home/home-screen';

/** Home: on a phone, the manager's one-glance summary; on a laptop, the same as an overview. */
export default function Home() {
  return <HomeScreen />;
}
