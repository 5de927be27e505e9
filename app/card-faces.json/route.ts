// /card-faces.json: the lesson cards' faces, rendered at build time (lib/srs/card-faces-map.ts).
import { loadDeck } from '@/lib/content/extract-cards';
import { cardFacesMap } from '@/lib/srs/card-faces-map';

export const dynamic = 'force-static';

export async function GET() {
  return Response.json(cardFacesMap(await loadDeck('content')));
}
