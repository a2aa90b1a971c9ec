/**
 * A map keyed by unit and person name. Nested maps rather than a joined `unit|name` string: the names
 * come straight from cells, so no key string is built per row (a city workbook has 60 000 such rows).
 */
export class PersonMap<V> {
  private readonly units = new Map<string, Map<string, V>>();

  get(unit: string, name: string): V | undefined {
    return this.units.get(unit)?.get(name);
  }

  has(unit: string, name: string): boolean {
    return this.units.get(unit)?.has(name) ?? false;
  }

  set(unit: string, name: string, value: V): void {
    let names = this.units.get(unit);
    if (!names) this.units.set(unit, (names = new Map()));
    names.set(name, value);
  }
}
