import type { Connection } from '../model/state';
import type { RequestInput } from './common';
import { editable } from './common';
import { RequestRefused, type FileChanges } from './git';
import { YamlEdit } from './yaml-edit';

/** The edits of one request, one `YamlEdit` per file however many of its groups change. */
export class FileEdits {
  private edits = new Map<string, YamlEdit>();
  private deleted = new Set<string>();

  constructor(private readonly input: RequestInput) {}

  /** The edit of a connection file; TypeScript declarations are refused (they are edited by hand). */
  async of(connection: Connection): Promise<YamlEdit> {
    const { file } = connection;
    if (!editable(connection)) throw new RequestRefused(`${file} is TypeScript; change it by hand`);
    let edit = this.edits.get(file);
    if (!edit) {
      edit = new YamlEdit((await this.input.text(file)) ?? '', file);
      this.edits.set(file, edit);
    }
    return edit;
  }

  delete(file: string): void {
    this.deleted.add(file);
  }

  changes(): FileChanges {
    const out: FileChanges = new Map();
    for (const [file, edit] of this.edits) if (!this.deleted.has(file)) out.set(file, edit.result());
    for (const file of this.deleted) out.set(file, null);
    return out;
  }
}
