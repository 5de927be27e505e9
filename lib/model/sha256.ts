// SHA-256 as lowercase hex by WebCrypto: browsers, workers and Node ≥ 19 all have crypto.subtle.
// The one hash of the manifest's files on the browser side (the export's memory sink, the model cache).

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
