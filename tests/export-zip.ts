import yauzl from 'yauzl';

/** Every entry of a zip (file path or buffer), read with yauzl: name → contents. */
export async function readZip(source: string | Buffer): Promise<Map<string, Buffer>> {
  const zip = typeof source === 'string' ? await yauzl.openPromise(source, { lazyEntries: true }) : await yauzl.fromBufferPromise(source, { lazyEntries: true });
  const entries = new Map<string, Buffer>();
  try {
    for await (const entry of zip.eachEntry()) {
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      entries.set(entry.fileName, Buffer.concat(chunks));
    }
  } finally {
    zip.close();
  }
  return entries;
}
