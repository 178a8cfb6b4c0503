export interface Settings {
  /** Absent or a string; `null` reads as absent. */
  becomes_nullable?: string | null;
  becomes_non_nullable?: string;
  retyped?: number | null;
  kept?: string | null;
}
