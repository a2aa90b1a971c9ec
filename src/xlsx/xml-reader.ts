/**
 * A streaming XML reader that names elements by namespace URI and local name, whatever prefix the writer
 * chose: Excel writes `<worksheet xmlns=…>`, other tools `<x:worksheet xmlns:x=…>` or `ns0:`. htmlparser2
 * tokenizes (in XML mode: case kept, self-closing tags, XML entities only, CDATA as text); it knows nothing
 * of namespaces, so the `xmlns` attributes are followed here. A visitor can skip an element's whole
 * subtree, which costs tokenizing only: nothing is resolved or handed on inside it.
 */
import { Parser } from 'htmlparser2';

export type Attributes = Record<string, string>;

export interface XmlVisitor {
  /** An element opens. Return true to skip its content: no events until it closes (its close included). */
  open(ns: string, local: string, attrs: Attributes, reader: XmlReader): boolean | void;
  close?(ns: string, local: string): void;
  text?(text: string): void;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

interface Scope {
  /** Depth of the element that declared it. */
  depth: number;
  prefixes: Map<string, string>;
  /** Qualified name → [namespace, local name] under these prefixes. */
  names: Map<string, [string, string]>;
}

export class XmlReader {
  private readonly parser: Parser;
  private depth = 0;
  /** Depth at which skipping started, or 0. */
  private skipFrom = 0;
  private scopes: Scope[] = [{ depth: 0, prefixes: new Map([['xml', XML_NS]]), names: new Map() }];
  private scope: Scope = this.scopes[0]!;

  constructor(private readonly visitor: XmlVisitor) {
    this.parser = new Parser(
      {
        onopentag: (name, attrs) => this.onOpen(name, attrs),
        onclosetag: (name) => this.onClose(name),
        ontext: (text) => {
          if (this.skipFrom === 0) this.visitor.text?.(text);
        },
      },
      { xmlMode: true, decodeEntities: true },
    );
  }

  write(text: string): void {
    this.parser.write(text);
  }

  end(): void {
    this.parser.end();
  }

  /** The value of a namespaced attribute (such as `r:id`), under any prefix bound to one of `namespaces`. */
  attribute(attrs: Attributes, namespaces: readonly string[], local: string): string | undefined {
    for (const key in attrs) {
      const colon = key.indexOf(':');
      if (colon < 0 || key.slice(colon + 1) !== local) continue;
      const ns = this.scope.prefixes.get(key.slice(0, colon));
      if (ns !== undefined && namespaces.includes(ns)) return attrs[key];
    }
    return undefined;
  }

  private resolve(name: string): [string, string] {
    let hit = this.scope.names.get(name);
    if (hit === undefined) {
      const colon = name.indexOf(':');
      const prefix = colon < 0 ? '' : name.slice(0, colon);
      hit = [this.scope.prefixes.get(prefix) ?? '', colon < 0 ? name : name.slice(colon + 1)];
      this.scope.names.set(name, hit);
    }
    return hit;
  }

  private onOpen(name: string, attrs: Attributes): void {
    this.depth++;
    if (this.skipFrom !== 0) return;
    let declared: Map<string, string> | undefined;
    for (const key in attrs) {
      if (key.charCodeAt(0) !== 120 /* x */ || !key.startsWith('xmlns')) continue;
      if (key.length !== 5 && key.charCodeAt(5) !== 58 /* : */) continue;
      declared ??= new Map(this.scope.prefixes);
      declared.set(key.length === 5 ? '' : key.slice(6), attrs[key]!);
    }
    if (declared) {
      this.scope = { depth: this.depth, prefixes: declared, names: new Map() };
      this.scopes.push(this.scope);
    }
    const [ns, local] = this.resolve(name);
    if (this.visitor.open(ns, local, attrs, this) === true) this.skipFrom = this.depth;
  }

  private onClose(name: string): void {
    const depth = this.depth--;
    if (this.skipFrom !== 0) {
      if (depth === this.skipFrom) this.skipFrom = 0;
      else return;
    } else if (this.visitor.close) {
      const [ns, local] = this.resolve(name);
      this.visitor.close(ns, local);
    }
    if (this.scope.depth === depth) {
      this.scopes.pop();
      this.scope = this.scopes[this.scopes.length - 1]!;
    }
  }
}
