import { NotFoundPage } from "@/components/not-found-page";

export default function AppNotFound() {
  return (
    <NotFoundPage title="App not found">
      No stored app has this id. App pages are addressed by the source&apos;s app id (a number for OpenRouter&apos;s apps), not by name, because names repeat.
    </NotFoundPage>
  );
}
