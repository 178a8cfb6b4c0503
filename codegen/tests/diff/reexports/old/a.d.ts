export interface Target {
  id: string;
}

export interface Other {
  id: string;
}
