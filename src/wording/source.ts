/**
 * Who a result comes from, in Indonesian, for the bot and the command line alike: the outlet that
 * published it and, where its text credits another agency or outlet, that origin ("Kompas TV, dari
 * Antara"). Both are what the `sumber` filter matches. Plain text: the bot escapes it for markdown.
 */
export function sourceText(article: { publisher: string | null; origin: string | null }): string {
  const { publisher, origin } = article;
  const outlet = publisher ?? 'Penerbit tidak diketahui';
  return origin && origin.toLowerCase() !== publisher?.toLowerCase() ? `${outlet}, dari ${origin}` : outlet;
}
