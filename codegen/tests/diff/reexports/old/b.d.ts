export interface Kept {
  id: string;
}
