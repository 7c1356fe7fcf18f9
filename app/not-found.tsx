import { NotFoundPage } from "@/components/not-found-page";

export const metadata = { title: "Not found" };

export default function NotFound() {
  return <NotFoundPage title="Page not found">There is no page at this address. It may have been typed or copied incompletely.</NotFoundPage>;
}
