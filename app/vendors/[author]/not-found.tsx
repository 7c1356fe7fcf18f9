import { NotFoundPage } from "@/components/not-found-page";

export default function VendorNotFound() {
  return (
    <NotFoundPage title="Vendor not found">
      No stored model is by this vendor. Vendor pages are addressed by the slug in model ids, e.g. <span className="font-mono">/vendors/x-ai</span> for xAI.
    </NotFoundPage>
  );
}
