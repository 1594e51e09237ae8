import sharp from 'sharp'

/** A real PNG of the given size (a gradient-free solid image is enough for resizing tests). */
export async function pngBuffer(width = 1600, height = 1000): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .png()
    .toBuffer()
}

export function uploadForm(file: Buffer, filename: string, type: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)], { type }), filename)
  if (Object.keys(fields).length) form.append('_payload', JSON.stringify(fields))
  return form
}
