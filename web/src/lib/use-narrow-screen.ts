import { useEffect, useState } from 'react';

/** A phone-sized screen (the breakpoint of tenant-small-screens.css): one column, no dragging. */
const NARROW = '(max-width: 640px)';

export function useNarrowScreen(): boolean {
  const [narrow, setNarrow] = useState(() => typeof window !== 'undefined' && window.matchMedia(NARROW).matches);
  useEffect(() => {
    const media = window.matchMedia(NARROW);
    const update = () => setNarrow(media.matches);
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);
  return narrow;
}
