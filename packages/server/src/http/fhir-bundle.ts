import type { Bundle, BundleLink, Resource } from '@medplum/fhirtypes';

/**
 * A searchset Bundle. With `paging`, total is the number of matches over all pages and the links say
 * where the next and previous pages are (`_offset` and `_count`, as Medplum and HAPI page).
 */
export function searchset(
  resources: Resource[],
  selfUrl: string,
  paging?: { total: number; count: number; offset: number },
): Bundle {
  const link: BundleLink[] = [{ relation: 'self', url: selfUrl }];
  if (paging) {
    const at = (offset: number) => {
      const url = new URL(selfUrl, 'http://bedring.invalid');
      url.searchParams.set('_offset', String(offset));
      url.searchParams.set('_count', String(paging.count));
      return `${url.pathname}${url.search}`;
    };
    if (paging.count > 0 && paging.offset + paging.count < paging.total)
      link.push({ relation: 'next', url: at(paging.offset + paging.count) });
    if (paging.offset > 0)
      link.push({ relation: 'previous', url: at(Math.max(0, paging.offset - paging.count)) });
  }
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: paging?.total ?? resources.length,
    link,
    entry: resources.map((r) => ({
      fullUrl: `${r.resourceType}/${r.id}`,
      resource: r,
      search: { mode: 'match' },
    })),
  };
}
