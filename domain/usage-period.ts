/** The usage period (UTC month, `YYYY-MM`) an instant counts towards: texts and calls alike. */
export const usagePeriod = (at: Date) => at.toISOString().slice(0, 7);
