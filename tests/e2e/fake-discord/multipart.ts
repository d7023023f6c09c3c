// Minimal multipart/form-data reader for what @discordjs/rest sends: a `payload_json` part and `files[n]` parts.

export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
  data: Buffer;
}

export interface MultipartBody {
  payloadJson: string | undefined;
  files: UploadedFile[];
}

export function parseMultipart(raw: Buffer, contentType: string): MultipartBody {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw new Error('multipart body without a boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const result: MultipartBody = { payloadJson: undefined, files: [] };
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    if (raw.subarray(partStart, partStart + 2).toString() === '--') break; // closing delimiter
    const next = raw.indexOf(delimiter, partStart);
    if (next === -1) break;
    const part = raw.subarray(partStart + 2, next - 2); // skip CRLF after the delimiter and before the next one
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const data = part.subarray(headerEnd + 4);
    const field = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    if (field === 'payload_json') result.payloadJson = data.toString('utf8');
    else if (filename !== undefined) {
      const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream';
      result.files.push({ field, filename, contentType: type, size: data.length, data });
    }
    start = next;
  }
  return result;
}
