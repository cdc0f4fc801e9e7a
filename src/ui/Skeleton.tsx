// Placeholders of the final content's size, so nothing jumps when data arrives. Hidden from
// assistive technology: the surrounding region says it is busy instead.

export interface SkeletonProps {
  /** Number of text lines; the last one is shorter. */
  lines?: number;
  /** A single block instead of lines, in pixels. */
  width?: number | string;
  height?: number;
  round?: boolean;
}

export function Skeleton({ lines, width, height, round }: SkeletonProps) {
  if (lines) {
    return (
      <span class="bw-skel-lines" aria-hidden="true">
        {Array.from({ length: lines }, (_, i) => (
          <span key={i} class="bw-skel bw-skel-line" style={i === lines - 1 && lines > 1 ? { width: '60%' } : undefined} />
        ))}
      </span>
    );
  }
  const style = {
    width: typeof width === 'number' ? `${width}px` : (width ?? '100%'),
    height: `${height ?? 16}px`,
  };
  return <span class={`bw-skel${round ? ' bw-skel--round' : ''}`} style={style} aria-hidden="true" />;
}
