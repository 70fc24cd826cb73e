import { redirect } from 'next/navigation';

/** The home page is the list. */
export default function Home(): never {
  redirect('/requests');
}
