export interface Settings {
  /** Absent or a string; `null` reads as absent. */
  becomes_nullable?: string;
  becomes_non_nullable?: string | null;
  retyped?: string | null;
  kept?: string | null;
}
