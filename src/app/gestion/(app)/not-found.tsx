import { NotFoundPage } from '@/ui/error-pages';

// notFound() in a page (an unknown id, or someone else's record): inside the layout, with a way back.
export default function SideNotFound() {
  return <NotFoundPage side="gestion" />;
}
