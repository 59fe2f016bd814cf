import { NotFoundPage } from '@/ui/error-pages';

// Any address that matches no page, on either side.
export default function NotFound() {
  return <NotFoundPage side={null} />;
}
