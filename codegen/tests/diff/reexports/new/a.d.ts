export interface Target {
  id: string;
}

export interface Other {
  id: string;
}

/** Moved here from index.d.ts, unchanged. */
export interface Moved {
  id: string;
}

export interface Third {
  id: number;
}
