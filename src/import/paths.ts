/** File names for imported declarations: readable, lower-case, and never two entities in one name. */
export function slug(value: string): string {
  return (
    value
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, '-')
      .replace(/^[-.]+|-+$/g, '')
      .slice(0, 120) || 'unnamed'
  );
}

/** Hands out paths `<folder>/<name>.yaml`, adding -2, -3 when a name is taken (by a file or an earlier call). */
export class PathAllocator {
  private readonly taken = new Set<string>();
  constructor(private readonly exists: (path: string) => boolean) {}

  allocate(folder: string, name: string): string {
    const base = `${folder}/${slug(name)}`;
    for (let n = 1; ; n++) {
      const path = `${base}${n === 1 ? '' : `-${n}`}.yaml`;
      if (!this.taken.has(path.toLowerCase()) && !this.exists(path)) {
        this.taken.add(path.toLowerCase());
        return path;
      }
    }
  }
}
