/** One `.jsonl` line of a well-formed article (a Kompas.com story of 21 March 2019) with this id and body. */
export const jsonlLine = (id: string, body: string): string =>
  JSON.stringify({
    id,
    title: `Judul ${id}`,
    date: '2019-03-21T15:02:00+07:00',
    source: 'kompas.com',
    url: `https://www.kompas.com/${id}`,
    body,
  });
