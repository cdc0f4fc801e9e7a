// A team member's photo, or their initials when there is none or it fails to load. The image is
// decorative (alt '') because the name is always written next to it.
import { useState } from 'preact/hooks';

export interface AvatarProps {
  name: string;
  src?: string;
  /** Pixels */
  size?: number;
}

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => Array.from(w ?? '')[0] ?? '').join('').toUpperCase();
}

/** Only web images (http, https or a relative path): an API's photo URL never loads as javascript: or data:. */
export function safeImageUrl(src: string | undefined): string | undefined {
  try {
    return src && /^https?:$/.test(new URL(src, document.baseURI).protocol) ? src : undefined;
  } catch {
    return undefined;
  }
}

export function Avatar({ name, src, size = 48 }: AvatarProps) {
  const [failed, setFailed] = useState(false);
  const image = safeImageUrl(src);
  const style = { width: `${size}px`, height: `${size}px`, fontSize: `${Math.round(size * 0.4)}px` };
  return (
    <span class="bw-avatar" style={style}>
      {image && !failed ? (
        <img src={image} alt="" width={size} height={size} loading="lazy" decoding="async" onError={() => setFailed(true)} />
      ) : (
        <span aria-hidden="true">{initialsOf(name)}</span>
      )}
    </span>
  );
}
