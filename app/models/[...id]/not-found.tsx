import { NotFoundPage } from "@/components/not-found-page";

export default function ModelNotFound() {
  return (
    <NotFoundPage title="Model not found">
      No stored model has this id or permaslug. Model ids look like <span className="font-mono">anthropic/claude-3.7-sonnet</span>; a free variant ends in{" "}
      <span className="font-mono">:free</span>.
    </NotFoundPage>
  );
}
